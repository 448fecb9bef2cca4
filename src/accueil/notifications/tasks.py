"""Background work of notifications: small, idempotent, queued with the data.

A task is queued in the same transaction as the change it announces (the queue is a
table of the database, see notifications.queue): the worker sees it when the booking
is committed, and never for one rolled back.

Every task takes ids, re-reads what it needs and does nothing when there is nothing
left to do (the booking ended). Every email has a record (`Notification`, keyed by
kind and booking, or by kind and a random key drawn when it is queued), checked and
locked before sending, so a task that runs again (a worker died, the lease ran out)
does not send an email recorded as sent. A failed send is recorded (attempts, class
of the error) and raised, for the queue to try it again later; at the last attempt
the record is marked failed and appears on the officers' "Emails not delivered" page.

The one gap left: the SMTP server accepted the email, and the worker died (or lost
the database) before the record of the sending was committed, in the few
milliseconds between the two. The record is then not "sent", and the task, run
again after the lease, sends the email a second time. An email is never lost for
it; the candidate may get it twice. (Closing it would need the SMTP server to take
part in the transaction, which SMTP cannot do.)
"""

import secrets
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from accueil.booking.models import Booking, BookingStatus
from accueil.notifications import emails
from accueil.notifications.models import DeliveryStatus, Notification
from accueil.notifications.queue import current_attempt

REMINDER_BEFORE = timedelta(days=2)  # issue: "A reminder email goes out 2 days before."


def queue(task_, *args, run_after=None) -> None:
    """Queue `task_` with the current transaction (see the module's docstring)."""
    if run_after is not None:
        task_ = task_.using(run_after=run_after)
    task_.enqueue(*args)


def notify(kind: str, booking: Booking) -> None:
    """The email about this booking. Its reminder is queued by `queue_due_reminders`
    when it falls due, 2 days before the session."""
    queue(send_booking_email, kind, booking.pk)


def welcome(candidate, booking: Booking) -> None:
    """Someone registered and booked in one go: their two emails (the registration,
    with the activation link, and the booking with its invitation) in one task, one
    row in the queue instead of two. Each email keeps its own record."""
    queue(send_welcome, str(candidate.pk), booking.pk, secrets.token_hex(12))


@task()
def send_welcome(candidate_id: str, booking_id: int, key: str) -> bool:
    """Both emails of `welcome`, each sent unless recorded as sent: a failure of one
    does not hold the other back; the task fails (and is tried again) if either did."""
    sends = (
        lambda: send_candidate_email.call("registered", candidate_id, key),
        lambda: send_booking_email.call("booked", booking_id),
    )
    sent, errors = False, []
    for send in sends:
        try:
            sent = send() or sent
        except Exception as error:
            errors.append(error)
    if errors:
        raise errors[0]
    return sent


def queue_due_reminders() -> int:
    """Queue the reminder of each active booking whose session starts within 2 days,
    made more than 2 days before its session (a booking made later was confirmed
    recently enough), and not queued yet. The worker runs this every few minutes (the
    schedule "booking reminders", migration 0003): a reminder costs the booking
    nothing when it is made, and a booking cancelled or moved meanwhile is simply not
    found. Its record is created with the task, in one transaction, so each reminder is
    queued once; `deliver` then sends it once."""
    now = timezone.now()
    due = (
        Booking.objects.filter(
            status=BookingStatus.ACTIVE,
            session__starts_at__gt=now,
            session__starts_at__lte=now + REMINDER_BEFORE,
            created_at__lt=F("session__starts_at") - REMINDER_BEFORE,
        )
        .exclude(pk__in=Notification.objects.filter(kind="reminder").values("booking"))
        .select_related("candidate")
    )
    queued = 0
    with transaction.atomic():
        for booking in due:
            if not booking.candidate.email:
                continue
            _record, created = Notification.objects.get_or_create(
                key=f"reminder:booking:{booking.pk}",
                defaults={
                    "kind": "reminder",
                    "candidate": booking.candidate,
                    "booking": booking,
                    "task": send_booking_reminder.module_path,
                    "task_args": [booking.pk],
                },
            )
            if created:
                queue(send_booking_reminder, booking.pk)
                queued += 1
    return queued


@task()
def send_booking_email(kind: str, booking_id: int) -> bool:
    booking = Booking.objects.select_related("candidate", "session").filter(pk=booking_id).first()
    if booking is None or not booking.candidate.email:
        return False
    return send_once(kind, booking)


@task()
def send_booking_reminder(booking_id: int) -> bool:
    booking = Booking.objects.select_related("candidate", "session").filter(pk=booking_id).first()
    if booking is None or booking.status != BookingStatus.ACTIVE:
        return False
    if booking.session.starts_at <= timezone.now() or not booking.candidate.email:
        return False
    return send_once("reminder", booking)


def send_once(kind: str, booking: Booking) -> bool:
    """The email of this kind about this booking, unless it was sent."""
    again: tuple[Any, list[Any]] = (send_booking_reminder, [booking.pk])
    if kind != "reminder":
        again = (send_booking_email, [kind, booking.pk])
    return deliver(
        f"{kind}:booking:{booking.pk}",
        kind,
        booking.candidate,
        lambda: emails.render(kind, booking.candidate, booking),
        booking=booking,
        again=again,
    )


def deliver(
    key: str,
    kind: str,
    candidate,
    message: Callable[[], EmailMessage],
    *,
    booking: Booking | None = None,
    again: tuple,
    on_sent: Callable[[], object] | None = None,
) -> bool:
    """Send the email recorded under `key` unless it was sent: its record is locked,
    the email sent, and the record marked sent in one transaction (a second worker
    with the same task waits for it, then finds it sent). A failed send is recorded
    and raised again. `again` is the task and arguments that send it; `on_sent` runs
    in the transaction once it is sent."""
    attempt = current_attempt()
    with transaction.atomic():
        record, _created = Notification.objects.select_for_update().get_or_create(
            key=key,
            defaults={
                "kind": kind,
                "candidate": candidate,
                "booking": booking,
                "task": again[0].module_path,
                "task_args": list(again[1]),
            },
        )
        if record.status == DeliveryStatus.SENT:
            return False
        record.attempts += 1
        record.last_attempt_at = timezone.now()
        try:
            message().send()
        except Exception as error:
            record.last_error = type(error).__name__[:100]
            record.status = DeliveryStatus.FAILED if attempt.last else DeliveryStatus.PENDING
            record.save(update_fields=["attempts", "last_attempt_at", "last_error", "status"])
            failure = error
        else:
            record.status = DeliveryStatus.SENT
            record.sent_at = record.last_attempt_at
            record.save(update_fields=["attempts", "last_attempt_at", "status", "sent_at"])
            if on_sent is not None:
                on_sent()
            return True
    raise failure


@task()
def send_candidate_email(kind: str, candidate_id: str, key: str = "") -> bool:
    """ "registered" (with the activation link), "sign_in" (a one-time sign-in link) or
    "access_link" (the private booking link again). `key` names this one email."""
    from accueil.registration import accounts as candidate_accounts
    from accueil.registration.models import Candidate

    candidate = Candidate.objects.select_related("user").filter(pk=candidate_id).first()
    if candidate is None or not candidate.email:
        return False
    if kind == "sign_in":
        if candidate.user is None:
            return False
        url = candidate_accounts.sign_in_url(candidate.user)
    elif kind == "registered":
        url = "" if candidate.user_id else candidate_accounts.activation_url(candidate)
    else:
        url = ""
    key = key or secrets.token_hex(12)
    return deliver(
        f"{kind}:candidate:{key}",
        kind,
        candidate,
        lambda: emails.render(kind, candidate, None, action_url=url),
        again=(send_candidate_email, [kind, str(candidate.pk), key]),
    )


def candidate_email(kind: str, candidate_id) -> None:
    queue(send_candidate_email, kind, str(candidate_id), secrets.token_hex(12))


def send_again(record: Notification) -> bool:
    """Queue an email that was not delivered once more (the officers' button); False
    when it is no longer marked failed (sent again already, by another click)."""
    from django.utils.module_loading import import_string

    failed = Notification.objects.filter(pk=record.pk, status=DeliveryStatus.FAILED)
    if not failed.update(status=DeliveryStatus.PENDING):
        return False
    queue(import_string(record.task), *record.task_args)
    return True
