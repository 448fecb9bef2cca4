"""Issue 11 point 16: every confirmation (registration, booking, move, cancellation)
shows a reference number the person can quote, on the page and in the email; it is
stored with the record, unique in the database, and officers find the candidate by it."""

import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from accueil.accounts.models import Role
from accueil.booking import services as booking
from accueil.core import references
from accueil.registration import selectors as links
from accueil.registration.models import Candidate
from tests import factories
from tests.registration.test_public_registration import answer_all, send

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.RATE_LIMIT_PUBLIC = "0"


def test_a_reference_is_short_unambiguous_and_read_back_as_typed():
    code = references.registration_reference()
    assert len(code) == 11 and code.startswith("R-")
    assert not set(code[2:].replace("-", "")) & set("ILOU")
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert references.normalise(typed) == code
    assert references.normalise("Silva") is None


def test_the_database_refuses_two_records_with_one_reference():
    first = factories.candidate()
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.candidate(reference=first.reference)


def test_the_registration_shows_the_reference_it_stored_on_the_page_and_in_the_email(
    client, run_tasks, django_capture_on_commit_callbacks
):
    answer_all(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client)
    person = Candidate.objects.get()
    assert references.normalise(person.reference) == person.reference
    page = client.get(response["Location"]).content.decode()
    assert person.reference in page
    run_tasks()
    [email] = mail.outbox
    assert person.reference in email.body


def test_booking_moving_and_cancelling_show_the_bookings_reference(client, run_tasks):
    person = factories.candidate()
    first = factories.information_session(starts_at=timezone.now() + timedelta(days=5))
    second = factories.information_session(starts_at=timezone.now() + timedelta(days=8))
    token = links.access_token(person)
    made = booking.booking_create(candidate=person, session=first)
    page = client.get(reverse("booking:booked", args=[token])).content.decode()
    assert made.reference in page and 'id="reference"' in page
    moved = booking.booking_move(booking=made, to_session=second)
    page = client.get(reverse("booking:booked", args=[token]) + "?moved=1").content.decode()
    assert moved.reference in page
    booking.booking_cancel(booking=moved)
    page = client.get(reverse("booking:cancelled", args=[token])).content.decode()
    assert moved.reference in page
    run_tasks()
    kinds = [email.subject for email in mail.outbox]
    assert len(kinds) == 3
    assert made.reference in mail.outbox[0].body
    assert moved.reference in mail.outbox[1].body and moved.reference in mail.outbox[2].body


def test_officers_find_a_candidate_by_either_reference_as_typed(client):
    person = factories.candidate(surname="Refound")
    session = factories.information_session(starts_at=timezone.now() + timedelta(days=5))
    made = booking.booking_create(candidate=person, session=session)
    factories.candidate(surname="Other")
    client.force_login(factories.user(Role.OFFICER))
    for typed in (person.reference.lower(), made.reference.replace("-", " ")):
        page = client.get(reverse("portal:candidate_list"), {"q": typed}).content.decode()
        assert "REFOUND" in page and "OTHER" not in page, typed
        found = client.get(reverse("portal:candidate_find"), {"q": typed}).content.decode()
        assert "REFOUND" in found and "OTHER" not in found, typed
    detail = client.get(reverse("portal:candidate_detail", args=[person.pk])).content.decode()
    assert f'id="candidate-reference">{person.reference}<' in detail


def test_a_submission_gives_the_reference_its_page_shows():
    submission = uuid.uuid4()
    assert references.from_uuid("R", submission) == references.from_uuid("R", submission)
