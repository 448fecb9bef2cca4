"""schemathesis: the API never errors and never contradicts its own OpenAPI document.

A request the schema calls valid may still be refused, and the API says how: a 400
naming the answer our checks refuse (check digits of the identification number, a
real telephone number, an unknown session), or the law's 422 `not_eligible`. Nothing
else may refuse schema-valid data, so a 422 from django-ninja itself would mean the
document promises more than the API accepts.
"""

import itertools
from datetime import date, timedelta

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from accueil.api.api import api
from accueil.booking.models import SessionStatus
from accueil.booking.services import booking_create
from accueil.core import national_id
from accueil.registration import selectors as links
from accueil.wsgi import application
from tests import factories

pytestmark = pytest.mark.slow

schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1"))
schema.app = application
fuzzing = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
_serial = itertools.count(1)


@pytest.fixture(autouse=True)
def connection_kept_open():
    """Keep the test's database connection across requests, as Django's test client
    does: the WSGI handler would close it at the end of each request (in a test
    transaction, where autocommit is off), and PostgreSQL then loses the test's data."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def positive(case) -> bool:
    """Generated to fit the schema, in every part of the request."""
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return False
    return not any(part.mode.is_negative for part in meta.components.values())


def refused_only_in_the_documented_ways(ctx, response, case):
    if not positive(case) or response.status_code not in (400, 422):
        return None
    body = response.json()
    if response.status_code == 400:
        assert body.get("fact"), f"a 400 to schema-valid data must name the answer: {body}"
    else:
        assert body.get("code") == "not_eligible", f"schema-valid data refused: {body}"
    return None


def call_and_validate(case):
    case.call_and_validate(
        excluded_checks=[positive_data_acceptance],
        additional_checks=[refused_only_in_the_documented_ways],
    )


@schema.parametrize()
@fuzzing
def test_the_api_keeps_to_its_schema(case, db):
    call_and_validate(case)


@pytest.fixture
def sessions(db):
    """One session of each kind a booking can meet: open, full, cancelled, started."""
    now = timezone.now()
    return [
        factories.information_session(capacity=3),
        factories.information_session(capacity=1, seats_taken=1),
        factories.information_session(status=SessionStatus.CANCELLED),
        factories.information_session(starts_at=now - timedelta(minutes=5)),
        factories.information_session(starts_at=now + timedelta(days=3), languages=["de"]),
    ]


def real_session(case, sessions) -> None:
    """Point a generated session_id at one of the real sessions, most of the time."""
    body = case.body
    if positive(case) and isinstance(body, dict) and type(body.get("session_id")) is int:
        chosen = body["session_id"] % (len(sessions) + 1)
        if chosen < len(sessions):
            body["session_id"] = sessions[chosen].pk


@pytest.fixture
def booked(sessions):
    """A candidate whose booking the generated requests move, cancel and book again."""
    person = factories.candidate()
    booking_create(candidate=person, session=sessions[0])
    return person


@schema.include(path_regex="^/api/v1/bookings/").parametrize()
@fuzzing
def test_the_booking_operations_keep_to_the_schema_with_a_real_token(
    case, sessions, booked, settings
):
    settings.RATE_LIMIT_PUBLIC = "0"
    if positive(case):
        person = booked if next(_serial) % 2 else factories.candidate()
        case.path_parameters["token"] = links.access_token(person)
    real_session(case, sessions)
    call_and_validate(case)


@schema.include(path="/api/v1/registrations", method="POST").parametrize()
@fuzzing
def test_registrations_with_a_real_identity_keep_to_the_schema(case, sessions, settings):
    settings.RATE_LIMIT_PUBLIC = "0"
    if positive(case) and isinstance(case.body, dict):
        n = next(_serial)
        # Each identity comes twice: the second is already registered.
        born = date(1980, 1, 1) + timedelta(days=n // 2)
        case.body |= {
            "national_id": national_id.make(born, 7),
            "phone": "+352 621 123 456",
            "email": f"person{n}@example.test",
            "nationalities": ["PT"],
            "consent": True,
            "wishes_to_settle": True,
            "legally_resident": n % 4 != 0,  # one in four may not sign (422)
        }
        real_session(case, sessions)
    call_and_validate(case)
