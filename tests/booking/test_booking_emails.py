"""Session reminders 2 days before, queued by the worker's sweep
(booking.emails.queue_due_reminders), and a new registration's two emails in one
task (booking.emails.welcome)."""

import smtplib
from datetime import timedelta

import time_machine
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone
from django_q.models import Schedule
from icalendar import Calendar

from accueil.booking import emails as tasks
from accueil.booking import services
from accueil.booking.models import BookingStatus, CancellationCause
from accueil.notifications.models import DeliveryStatus, Notification
from accueil.registration.services import RegistrationData
from tests import factories


def run_queued() -> None:
    """Run every task the DummyBackend collected, in order, as the worker would."""
    from django_tasks import default_task_backend

    while default_task_backend.results:
        result = default_task_backend.results.pop(0)
        result.task.call(*result.args, **result.kwargs)


def booked(days_ahead: int):
    session = factories.information_session(starts_at=timezone.now() + timedelta(days=days_ahead))
    return services.booking_create(candidate=factories.candidate(), session=session)


def test_a_booking_is_reminded_once_when_its_session_is_two_days_away(db):
    booking = booked(days_ahead=5)
    run_queued()
    mail.outbox.clear()
    assert tasks.queue_due_reminders() == 0  # 5 days away: not yet
    later = booking.session.starts_at - timedelta(days=2) + timedelta(minutes=3)
    with time_machine.travel(later, tick=False):
        assert tasks.queue_due_reminders() == 1
        assert tasks.queue_due_reminders() == 0  # the sweep again: queued once
        run_queued()
        assert [m.to for m in mail.outbox] == [[booking.candidate.email]]
        record = Notification.objects.get(kind="reminder", key=f"reminder:booking:{booking.pk}")
        assert record.status == DeliveryStatus.SENT
        tasks.send_booking_reminder.call(booking.pk)  # a task run twice sends once
        assert len(mail.outbox) == 1


def test_a_booking_made_within_two_days_of_its_session_gets_no_reminder(db):
    booked(days_ahead=1)
    assert tasks.queue_due_reminders() == 0
    assert not Notification.objects.filter(kind="reminder").exists()


def test_a_cancelled_booking_is_not_reminded_and_a_moved_one_is_for_its_new_date(db):
    cancelled = booked(days_ahead=5)
    services.booking_cancel(booking=cancelled)
    moving = booked(days_ahead=5)
    later_session = factories.information_session(starts_at=timezone.now() + timedelta(days=9))
    moved = services.booking_move(booking=moving, to_session=later_session)
    at = cancelled.session.starts_at - timedelta(days=2) + timedelta(minutes=1)
    with time_machine.travel(at, tick=False):
        assert tasks.queue_due_reminders() == 0  # neither the cancelled nor the moved away
    at = later_session.starts_at - timedelta(days=2) + timedelta(minutes=1)
    with time_machine.travel(at, tick=False):
        assert tasks.queue_due_reminders() == 1
        assert Notification.objects.get(kind="reminder").key == f"reminder:booking:{moved.pk}"
    assert moved.status == BookingStatus.ACTIVE


def test_the_worker_runs_the_sweep_every_five_minutes(db):
    """A scheduled job (notifications.jobs), whose schedule `migrate` makes, once."""
    from accueil.notifications import jobs

    job = jobs.job_named("booking-reminders")
    assert job.func == "accueil.booking.emails.queue_due_reminders"
    jobs.sync()  # migrating again makes nothing more
    sweep = Schedule.objects.get(name=job.schedule_name)
    assert (sweep.func, sweep.args) == (jobs.START, "'booking-reminders'")
    assert (sweep.schedule_type, sweep.minutes, sweep.repeats) == (Schedule.MINUTES, 5, -1)


def registration(n: int = 0) -> RegistrationData:
    from datetime import date

    from accueil.core import national_id

    return RegistrationData(
        surname="Silva",
        first_name="Ana",
        national_id=national_id.make(date(1991, 3, 14), 200 + n),
        birth_date=date(1991, 3, 14),
        phone="+352 621 123 456",
        email=f"ana{n}@example.test",
        postal_address="",
        nationalities=["PT"],
        information_language="en",
        interpreter_needed=False,
        interpreter_language="",
        legally_resident=True,
        wishes_to_settle=True,
    )


class FailsOnce(EmailBackend):
    failed = False

    def send_messages(self, messages):
        if not FailsOnce.failed:
            FailsOnce.failed = True
            raise smtplib.SMTPServerDisconnected("down")
        return super().send_messages(messages)


def test_registering_and_booking_queue_one_task_for_both_emails(db):
    from django_tasks import default_task_backend

    session = factories.information_session(starts_at=timezone.now() + timedelta(days=5))
    services.register_and_book(data=registration(), session_id=session.pk)
    assert [r.task.name for r in default_task_backend.results] == ["send_welcome"]
    run_queued()
    assert sorted(n.kind for n in Notification.objects.all()) == ["booked", "registered"]
    assert len(mail.outbox) == 2


def test_one_email_failing_does_not_hold_the_other_back_and_is_retried_alone(db, settings):
    from django_tasks import default_task_backend

    settings.EMAIL_BACKEND = "tests.booking.test_booking_emails.FailsOnce"
    FailsOnce.failed = False
    session = factories.information_session(starts_at=timezone.now() + timedelta(days=5))
    services.register_and_book(data=registration(1), session_id=session.pk)
    [result] = default_task_backend.results
    try:
        result.task.call(*result.args)
    except smtplib.SMTPServerDisconnected:
        pass
    else:  # pragma: no cover - the first send must fail
        raise AssertionError("the failure must reach the queue, to be tried again")
    assert len(mail.outbox) == 1  # the other email went
    result.task.call(*result.args)  # the retry sends only the one missing
    assert len(mail.outbox) == 2
    assert set(Notification.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}


def calendar_after(emails) -> dict[str, tuple[int, object]]:
    """What a calendar holds after importing the emails' invitations in order, as RFC
    5546 says: a REQUEST adds or updates the event of its UID unless it is older (lower
    SEQUENCE) than the one held; a CANCEL of the same or a higher SEQUENCE removes it."""
    events: dict[str, tuple[int, object]] = {}
    for email in emails:
        for name, content, _mimetype in email.attachments:
            if not name.endswith(".ics"):
                continue
            calendar = Calendar.from_ical(content)
            for event in calendar.walk("VEVENT"):
                uid, sequence = str(event["UID"]), int(event.get("SEQUENCE", 0))
                held = events.get(uid)
                if held is not None and sequence < held[0]:
                    continue
                if str(calendar["METHOD"]) == "CANCEL":
                    events.pop(uid, None)
                else:
                    events[uid] = (sequence, event.decoded("DTSTART"))
    return events


def test_a_moved_booking_is_one_event_in_the_calendar_and_its_cancellation_none(db):
    """Issue 11, point 2: after a move, a calendar that imported the emails in order
    shows exactly one event, at the new time; after the cancellation, none."""
    soon = timezone.now().replace(microsecond=0)  # an invitation's times are to the second
    first, second, third = (
        factories.information_session(starts_at=soon + timedelta(days=days))
        for days in (10, 11, 12)
    )
    booking = services.booking_create(candidate=factories.candidate(), session=first)
    run_queued()
    assert [(s, when) for s, when in calendar_after(mail.outbox).values()] == [(0, first.starts_at)]
    moved = services.booking_move(booking=booking, to_session=second)
    run_queued()
    assert [when for _s, when in calendar_after(mail.outbox).values()] == [second.starts_at]
    moved_again = services.booking_move(booking=moved, to_session=third)
    run_queued()
    [(sequence, when)] = calendar_after(mail.outbox).values()
    assert (sequence, when) == (2, third.starts_at)
    services.booking_cancel(booking=moved_again)
    run_queued()
    assert calendar_after(mail.outbox) == {}
    uids = {
        str(event["UID"])
        for email in mail.outbox
        for event in Calendar.from_ical(email.attachments[0][1]).walk("VEVENT")
    }
    assert uids == {f"booking-{booking.pk}@127.0.0.1"} and len(mail.outbox) == 4


def test_each_booking_of_a_cancelled_session_is_withdrawn_from_the_calendar(db):
    session = factories.information_session(starts_at=timezone.now() + timedelta(days=10))
    booking = services.booking_create(candidate=factories.candidate(), session=session)
    booking = services.booking_move(
        booking=booking,
        to_session=factories.information_session(starts_at=timezone.now() + timedelta(days=11)),
    )
    services.session_cancel(
        session=booking.session,
        cause=CancellationCause.ROOM_UNAVAILABLE,
        reason="",
        actor=factories.user("officer"),
    )
    run_queued()
    assert calendar_after(mail.outbox) == {}
