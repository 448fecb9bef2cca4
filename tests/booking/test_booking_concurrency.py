"""Rushes on the booking API over real HTTP, against the threaded live server where
each request has its own database connection: a session never takes more bookings
than it has seats, a refused register+book saves nobody, and a candidate never holds
two bookings. PostgreSQL only: it is what production runs, with row locks that
these guarantees rely on (SQLite serialises every write and would prove nothing).
"""

import json
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from http.client import HTTPConnection
from urllib.parse import urlsplit

import pytest
from django.db import connection

from accueil.booking.models import Booking, BookingStatus, InformationSession
from accueil.core import national_id
from accueil.registration import selectors as links
from accueil.registration.models import Candidate
from tests import factories

pytestmark = [
    pytest.mark.slow,
    pytest.mark.postgres,
    pytest.mark.xdist_group("booking_concurrency"),
]
ATTEMPTS = 100
MOST_CLIENTS = 50
# Each request in flight holds a database connection of its own; the server may be
# shared (other test runs, benchmarks), so some of its slots are left to others.
SPARE_CONNECTIONS = 20


@pytest.fixture(autouse=True)
def on_postgres_without_rate_limit(transactional_db, settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locking); SQLite serialises every write")
    settings.RATE_LIMIT_PUBLIC = "0"


def post(url: str, body: dict) -> tuple[int, dict]:
    address = urlsplit(url)
    http = HTTPConnection(address.hostname, address.port, timeout=120)
    try:
        http.request("POST", address.path, json.dumps(body), {"Content-Type": "application/json"})
        response = http.getresponse()
        content = response.read()
    finally:
        http.close()
    try:
        return response.status, json.loads(content)
    except ValueError:  # a server error's HTML page
        return response.status, {}


def clients() -> int:
    """As many concurrent clients as the database server can serve, up to 50."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('max_connections')::int - count(*) FROM pg_stat_activity"
        )
        free = cursor.fetchone()[0]
    if free - SPARE_CONNECTIONS < 10:
        pytest.skip(f"PostgreSQL has only {free} free connections")
    return min(MOST_CLIENTS, free - SPARE_CONNECTIONS)


def rush(requests: list[tuple[str, dict]]) -> list[tuple[int, dict]]:
    with ThreadPoolExecutor(max_workers=clients()) as pool:
        return list(pool.map(lambda request: post(*request), requests))


def outcome(answers: list[tuple[int, dict]]) -> Counter:
    return Counter((status, body.get("code")) for status, body in answers)


def active_bookings(session: InformationSession) -> int:
    return session.bookings.filter(status=BookingStatus.ACTIVE).count()


def test_a_hundred_candidates_rushing_ten_seats_get_exactly_ten(live_server):
    seats = factories.information_session(capacity=10)
    people = [factories.candidate() for _ in range(ATTEMPTS)]
    url = f"{live_server.url}/api/v1/bookings/"
    answers = rush([(url + links.access_token(p), {"session_id": seats.pk}) for p in people])
    assert outcome(answers) == {(201, None): 10, (409, "session_full"): ATTEMPTS - 10}
    seats.refresh_from_db()
    assert seats.seats_taken == active_bookings(seats) == 10


def test_a_hundred_registrations_rushing_ten_seats_keep_only_the_ten_booked(live_server):
    seats = factories.information_session(capacity=10)
    url = f"{live_server.url}/api/v1/registrations"
    answers = rush([(url, registration(n, seats.pk)) for n in range(ATTEMPTS)])
    assert outcome(answers) == {(202, None): 10, (409, "session_full"): ATTEMPTS - 10}
    seats.refresh_from_db()
    assert seats.seats_taken == active_bookings(seats) == 10
    # Register and book is one transaction: whoever got no seat was not registered.
    assert Candidate.objects.count() == 10
    booked = set(seats.bookings.values_list("candidate_id", flat=True))
    assert booked == set(Candidate.objects.values_list("pk", flat=True))


def test_one_candidate_booking_twenty_sessions_at_once_holds_one_booking(live_server):
    sessions = [factories.information_session(capacity=5) for _ in range(20)]
    person = factories.candidate()
    url = f"{live_server.url}/api/v1/bookings/{links.access_token(person)}"
    answers = rush([(url, {"session_id": session.pk}) for session in sessions])
    assert outcome(answers) == {(201, None): 1, (409, "already_booked"): 19}
    assert Booking.objects.filter(candidate=person, status=BookingStatus.ACTIVE).count() == 1
    taken = [
        s.seats_taken for s in InformationSession.objects.filter(pk__in=[s.pk for s in sessions])
    ]
    assert sorted(taken) == [0] * 19 + [1]


def registration(n: int, session_id: int) -> dict:
    return {
        "surname": f"Rush{n}",
        "first_name": "Ana",
        "national_id": national_id.make(date(1985, 1, 1) + timedelta(days=n), 1),
        "phone": "+352 621 123 456",
        "email": f"rush{n}@example.test",
        "nationalities": ["PT"],
        "information_language": "fr",
        "legally_resident": True,
        "wishes_to_settle": True,
        "consent": True,
        "session_id": session_id,
    }
