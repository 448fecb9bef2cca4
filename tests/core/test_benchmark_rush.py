"""The booking rush's two servers still take what its clients send.

`benchmarks/booking_rush.py` drives Accueil's API and its ceiling
(`benchmarks/bare_booking.py`) with the same bodies; a change to the models or to
the API that broke either would turn a benchmark into a run of errors.
"""

import json
import sys
from pathlib import Path

import pytest
from django.test import RequestFactory

from accueil.booking.models import Booking, InformationSession
from accueil.registration.models import Candidate
from tests import factories

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import bare_booking
import booking_rush


def bodies(session, count):
    rush = booking_rush.Rush(port=0, session_ids=[session.pk], start=0, stop_at=0)
    return [rush.body() for _ in range(count)]


def bare(body: bytes):
    request = RequestFactory().post("/api/v1/registrations", body, content_type="application/json")
    return bare_booking.book(request)


@pytest.mark.django_db
def test_the_rushs_body_registers_and_books_through_the_api(client):
    session = factories.information_session(capacity=3)
    (body,) = bodies(session, 1)
    answer = client.post("/api/v1/registrations", body, content_type="application/json")
    assert answer.status_code == 202, answer.content
    assert answer.json()["status"] == "received"
    assert Booking.objects.filter(session=session, status="active").count() == 1
    session.refresh_from_db()
    assert session.seats_taken == 1


@pytest.mark.django_db
def test_the_ceiling_registers_books_and_counts_the_seat():
    session = factories.information_session(capacity=3)
    answers = [bare(body) for body in bodies(session, 2)]
    assert [answer.status_code for answer in answers] == [202, 202]
    session.refresh_from_db()
    assert session.seats_taken == 2
    assert Booking.objects.filter(session=session, status="active").count() == 2
    assert Candidate.objects.filter(channel="online").count() == 2


@pytest.mark.django_db
def test_the_ceiling_refuses_a_full_session_and_saves_nothing():
    session = factories.information_session(capacity=1)
    first, second = (bare(body) for body in bodies(session, 2))
    assert first.status_code == 202
    assert second.status_code == 409
    assert json.loads(second.content) == {"code": "session_full"}
    assert InformationSession.objects.get(pk=session.pk).seats_taken == 1
    assert Candidate.objects.count() == 1


def test_the_ceiling_leaves_accueils_settings_alone():
    from django.conf import settings

    assert bare_booking.DATABASES["default"]["ATOMIC_REQUESTS"] is False
    assert settings.DATABASES["default"]["ATOMIC_REQUESTS"] is True
    assert settings.MIDDLEWARE and not bare_booking.MIDDLEWARE
