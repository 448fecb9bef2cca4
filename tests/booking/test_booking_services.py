"""Booking seats: never overbooked, one booking per candidate, moves, cancels, the
waitlist and cancelled sessions, with the emails each sends."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from accueil.booking import services
from accueil.booking.models import (
    BookingStatus,
    InformationSession,
    SessionStatus,
    WaitlistStatus,
)
from tests import factories

LUX = ZoneInfo("Europe/Luxembourg")


def session(**fields):
    fields.setdefault("starts_at", timezone.now() + timedelta(days=10))
    fields.setdefault("capacity", 2)
    return factories.information_session(**fields)


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_booking_takes_a_seat_and_emails_the_details_with_an_invitation(
    db, after_commit, run_tasks
):
    seats = session()
    person = factories.candidate(information_language="de")
    with after_commit():
        booking = services.booking_create(candidate=person, session=seats)
    seats.refresh_from_db()
    assert (seats.seats_taken, booking.status) == (1, BookingStatus.ACTIVE)
    run_tasks()
    [email] = mail.outbox
    assert email.to == [person.email]
    assert "Informationsveranstaltung" in email.subject
    assert "/my-booking/" in email.body
    name, content, mimetype = email.attachments[0]
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    assert "TZID=Europe/Luxembourg" in content


def test_the_last_seat_goes_to_one_candidate_only(db):
    seats = session(capacity=1)
    services.booking_create(candidate=factories.candidate(), session=seats)
    with pytest.raises(services.SessionFull):
        services.booking_create(candidate=factories.candidate(), session=seats)
    seats.refresh_from_db()
    assert seats.seats_taken == 1


def test_a_candidate_cannot_hold_two_bookings_and_the_seat_is_given_back(db):
    first, second = session(), session()
    person = factories.candidate()
    services.booking_create(candidate=person, session=first)
    with pytest.raises(services.AlreadyBooked):
        services.booking_create(candidate=person, session=second)
    second.refresh_from_db()
    assert second.seats_taken == 0


def test_a_started_or_cancelled_session_takes_no_booking(db):
    started = session(starts_at=timezone.now() - timedelta(minutes=1))
    cancelled = session(status=SessionStatus.CANCELLED)
    for closed in (started, cancelled):
        with pytest.raises(services.SessionClosed):
            services.booking_create(candidate=factories.candidate(), session=closed)


def test_a_booking_answers_with_the_session_as_the_seat_left_it(db):
    seats = session(capacity=3, seats_taken=1)
    booking = services.booking_create(candidate=factories.candidate(), session=seats)
    assert (booking.session.pk, booking.session.seats_taken) == (seats.pk, 2)
    assert booking.session.languages == seats.languages
    assert booking.session.starts_at == seats.starts_at


def test_a_session_deleted_meanwhile_is_closed_to_booking(db):
    gone = session()
    InformationSession.objects.filter(pk=gone.pk).delete()  # the object keeps its number
    with pytest.raises(services.NoSuchSession) as refused:
        services.booking_create(candidate=factories.candidate(), session=gone)
    assert isinstance(refused.value, services.SessionClosed)  # what the pages catch


def test_moving_frees_the_old_seat_and_takes_a_new_one(db, after_commit, run_tasks):
    old, new = session(), session()
    person = factories.candidate(information_language="en")
    booking = services.booking_create(candidate=person, session=old)
    with after_commit():
        moved = services.booking_move(booking=booking, to_session=new)
    old.refresh_from_db()
    new.refresh_from_db()
    booking.refresh_from_db()
    assert (old.seats_taken, new.seats_taken) == (0, 1)
    assert (booking.status, moved.status) == (BookingStatus.MOVED, BookingStatus.ACTIVE)
    run_tasks()
    assert any("moved" in email.subject for email in mail.outbox)


def test_moving_to_a_full_session_changes_nothing(db):
    old, full = session(), session(capacity=1)
    services.booking_create(candidate=factories.candidate(), session=full)
    booking = services.booking_create(candidate=factories.candidate(), session=old)
    with pytest.raises(services.SessionFull):
        services.booking_move(booking=booking, to_session=full)
    booking.refresh_from_db()
    old.refresh_from_db()
    assert (booking.status, old.seats_taken) == (BookingStatus.ACTIVE, 1)


def test_nothing_changes_once_the_session_has_started(db):
    seats = session()
    booking = services.booking_create(candidate=factories.candidate(), session=seats)
    later = seats.starts_at + timedelta(seconds=1)
    with pytest.raises(services.SessionClosed):
        services.booking_cancel(booking=booking, now=later)


def test_a_freed_seat_goes_to_the_longest_waiting_candidate_who_is_told(
    db, after_commit, run_tasks
):
    seats = session(capacity=1)
    booking = services.booking_create(candidate=factories.candidate(), session=seats)
    first = factories.candidate(information_language="en")
    second = factories.candidate()
    services.waitlist_join(candidate=first)
    services.waitlist_join(candidate=second)
    with after_commit():
        services.booking_cancel(booking=booking)
    promoted = first.bookings.get()
    assert promoted.session == seats and promoted.from_waitlist
    assert first.waitlist.get().status == WaitlistStatus.BOOKED
    assert second.waitlist.get().status == WaitlistStatus.WAITING
    run_tasks()
    assert [e.to for e in mail.outbox if "place has become free" in e.subject] == [[first.email]]


def test_the_waitlist_respects_the_language_and_interpreter_wanted(db):
    german_only = session(languages=["de"], interpreter_available=False)
    wants_french = factories.candidate()
    needs_interpreter = factories.candidate(interpreter_needed=True, interpreter_language="Arabic")
    services.waitlist_join(candidate=wants_french, language="fr")
    services.waitlist_join(candidate=needs_interpreter)
    assert services.waitlist_promote(session=german_only) == []


def test_a_new_session_books_waiting_candidates_at_once(db):
    person = factories.candidate()
    services.waitlist_join(candidate=person)
    officer = factories.user("officer")
    plan = services.SessionPlan(
        starts_at=timezone.now() + timedelta(days=5),
        place="Luxembourg",
        address="7-9 av. Hugo",
        capacity=5,
        languages=["fr"],
        interpreter_available=False,
    )
    created = services.session_plan(plan=plan, actor=officer)
    assert person.bookings.get().session == created


def test_cancelling_a_session_tells_every_booked_candidate(db, after_commit, run_tasks):
    seats = session(capacity=3)
    people = [factories.candidate() for _ in range(3)]
    for person in people:
        services.booking_create(candidate=person, session=seats)
    run_tasks()
    mail.outbox.clear()
    with after_commit():
        services.session_cancel(
            session=seats,
            cause="room_unavailable",
            reason="Room unavailable",
            actor=factories.user("officer"),
        )
    seats.refresh_from_db()
    assert (seats.status, seats.seats_taken) == (SessionStatus.CANCELLED, 0)
    run_tasks()
    assert sorted(e.to[0] for e in mail.outbox) == sorted(p.email for p in people)
    assert all("Room unavailable" in e.body and "/my-booking/" in e.body for e in mail.outbox)
    assert all("METHOD:CANCEL" in e.attachments[0][1] for e in mail.outbox)


def test_a_reminder_is_sent_two_days_before_and_only_for_a_live_booking(
    db, after_commit, queued_tasks, run_tasks
):
    seats = session(starts_at=timezone.now() + timedelta(days=5))
    with after_commit():
        booking = services.booking_create(
            candidate=factories.candidate(information_language="en"), session=seats
        )
    assert not [r for r in queued_tasks.results if r.task.run_after]  # none per booking
    run_tasks()
    from accueil.booking.emails import queue_due_reminders, send_booking_reminder

    assert queue_due_reminders() == 0  # 5 days before
    assert not [e.subject for e in mail.outbox if "Reminder" in e.subject]
    with time_machine.travel(seats.starts_at - timedelta(days=2) + timedelta(minutes=1)):
        assert queue_due_reminders() == 1  # the worker's sweep, 2 days before
        run_tasks()
    assert [e.subject for e in mail.outbox if "Reminder" in e.subject]

    assert send_booking_reminder.call(booking.pk) is False  # already sent: runs twice safely
    services.booking_cancel(booking=booking)
    assert send_booking_reminder.call(booking.pk) is False


def test_the_invitation_keeps_luxembourg_time_across_a_daylight_saving_change(db):
    from accueil.booking.ics import session_invitation

    # Summer time begins on 28 March 2027 at 02:00; a 10:00 session that day is 08:00 UTC.
    seats = session(starts_at=datetime(2027, 3, 28, 10, 0, tzinfo=LUX))
    booking = services.booking_create(
        candidate=factories.candidate(), session=seats, now=datetime(2027, 3, 1, tzinfo=LUX)
    )
    ics = session_invitation(booking).decode()
    assert "DTSTART;TZID=Europe/Luxembourg:20270328T100000" in ics
    assert "DTEND;TZID=Europe/Luxembourg:20270328T110000" in ics
    assert "BEGIN:VTIMEZONE" in ics and "TZOFFSETTO:+0200" in ics
    winter = session(starts_at=datetime(2027, 3, 27, 10, 0, tzinfo=LUX))
    assert winter.starts_at.astimezone(ZoneInfo("UTC")).hour == 9
    assert seats.starts_at.astimezone(ZoneInfo("UTC")).hour == 8


def test_emails_are_plain_text_names_arrive_as_written(db, after_commit, run_tasks):
    person = factories.candidate(first_name="Siobhán O'Brien", information_language="en")
    with after_commit():
        services.booking_create(candidate=person, session=session())
    run_tasks()
    [email] = mail.outbox
    assert "Hello Siobhán O'Brien," in email.body
    assert "&#x27;" not in email.body and "&amp;" not in email.body
