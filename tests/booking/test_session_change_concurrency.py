"""Changing a session's seats while people book it, on PostgreSQL (row locks; SQLite
serialises every write and would prove nothing): the seats are never fewer than those
taken, and a booking that arrives while the change holds the session's lock waits for
it and then reads the new number of seats."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest
from django.db import connection, transaction

from accueil.accounts.models import Role
from accueil.booking import services
from accueil.booking.models import BookingStatus, InformationSession
from tests import factories

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def on_postgres(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locking); SQLite serialises every write")


def plan_of(session: InformationSession) -> services.SessionPlan:
    return services.SessionPlan(
        starts_at=session.starts_at,
        place=session.place,
        address=session.address,
        capacity=session.capacity,
        languages=list(session.languages),
        interpreter_available=session.interpreter_available,
    )


def in_thread(work):
    """Run `work` on its own database connection, returning what it returned or raised."""
    try:
        return work()
    except Exception as error:
        return error
    finally:
        connection.close()


def test_a_booking_waits_for_the_change_and_reads_the_new_seats():
    officer = factories.user(Role.OFFICER)
    session = factories.information_session(capacity=5)
    for _ in range(3):
        services.booking_create(candidate=factories.candidate(), session=session)
    late = factories.candidate()
    outcome: list = []
    booking = threading.Thread(
        target=lambda: outcome.append(
            in_thread(lambda: services.booking_create(candidate=late, session=session))
        )
    )
    with transaction.atomic():
        services.session_change(
            session=session, plan=replace(plan_of(session), capacity=3), actor=officer
        )
        booking.start()
        time.sleep(0.5)
        assert booking.is_alive()  # waiting for the session's row
    booking.join(30)
    assert isinstance(outcome[0], services.SessionFull)
    session.refresh_from_db()
    assert (session.capacity, session.seats_taken) == (3, 3)


@pytest.mark.parametrize("round_", range(5))
def test_seats_are_never_fewer_than_those_taken_under_a_rush(round_):
    officer = factories.user(Role.OFFICER)
    session = factories.information_session(capacity=20)
    for _ in range(10):
        services.booking_create(candidate=factories.candidate(), session=session)
    people = [factories.candidate() for _ in range(12)]
    new_seats = 12 + round_ % 3

    def book(person):
        return lambda: services.booking_create(candidate=person, session=session)

    def change():
        return services.session_change(
            session=session, plan=replace(plan_of(session), capacity=new_seats), actor=officer
        )

    work = [book(person) for person in people[:6]] + [change] + [book(p) for p in people[6:]]
    with ThreadPoolExecutor(max_workers=len(work)) as pool:
        results = list(pool.map(in_thread, work))
    changed = results[6]
    session.refresh_from_db()
    active = session.bookings.filter(status=BookingStatus.ACTIVE).count()
    assert session.seats_taken == active <= session.capacity
    if isinstance(changed, services.CapacityBelowTaken):
        assert session.capacity == 20 and changed.seats_taken > new_seats
    else:
        assert not isinstance(changed, Exception), changed
        assert session.capacity == new_seats
    unexpected = [
        r
        for r in results
        if isinstance(r, Exception)
        and not isinstance(r, services.SessionFull | services.CapacityBelowTaken)
    ]
    assert unexpected == []
