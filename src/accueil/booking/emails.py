"""Emails about bookings, in the language the candidate chose for CAI information, and
the tasks that send them through `notifications` (once, retried, listed for the
officers when they cannot be delivered).

Each kind of email is a text template `booking/email/<kind>.txt` whose first line is
the subject. The private link lets the candidate see, move or cancel their booking
without an account. Every task takes ids, re-reads what it needs and does nothing
when there is nothing left to do (the booking ended); the delivery record, keyed
"<kind>:booking:<id>", makes each email about a booking go once. To a candidate who
gave only a postal address, each goes as a letter (without the invitation).
"""

import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext_noop
from django_tasks import task

from accueil.booking.ics import session_invitation
from accueil.booking.models import Booking, BookingStatus
from accueil.notifications.services import (
    Attachment,
    LetterContent,
    compose_message,
    deliver,
    queue,
    queue_once,
)
from accueil.registration import selectors as registration_selectors
from accueil.registration import services as registration_services
from accueil.registration.models import Candidate

REMINDER_BEFORE = timedelta(days=2)  # issue: "A reminder email goes out 2 days before."

# What each email is for, as officers see it (`notifications` shows it translated).
PURPOSES = {
    "booked": gettext_noop("Booking confirmation"),
    "waitlist_booked": gettext_noop("Booking confirmation (from the waitlist)"),
    "moved": gettext_noop("New date of the information session"),
    "cancelled": gettext_noop("Cancellation of the booking"),
    "session_cancelled": gettext_noop("Cancellation of the information session"),
    "reminder": gettext_noop("Reminder of the information session"),
    "rebooked": gettext_noop("New session after an absence"),
    "absent_waitlisted": gettext_noop("Waiting list after an absence"),
    "rebooking_withdrawn": gettext_noop("Absence corrected: new session cancelled"),
    "waitlist_withdrawn": gettext_noop("Absence corrected: off the waiting list"),
    "session_changed": gettext_noop("Change to the information session"),
}

# Kinds whose email carries the session as a calendar invitation.
WITH_INVITATION = {"booked", "moved", "waitlist_booked", "reminder", "rebooked", "session_changed"}
WITH_CANCELLATION = {"cancelled", "session_cancelled", "rebooking_withdrawn"}


def message(kind: str, booking: Booking) -> EmailMessage | LetterContent:
    """The email of this kind about the booking, to its candidate, in their language,
    with the session as a calendar invitation (or its withdrawal); a letter when they
    gave only a postal address."""
    candidate: Candidate = booking.candidate
    language = candidate.information_language
    attachments: list[Attachment] = []
    if kind in WITH_INVITATION | WITH_CANCELLATION:
        cancelled = kind in WITH_CANCELLATION
        with translation.override(language):
            invitation = session_invitation(booking, cancelled=cancelled)
        method = "CANCEL" if cancelled else "REQUEST"
        attachments.append(
            (
                "information-session.ics",
                invitation,
                f"text/calendar; charset=utf-8; method={method}",
            )
        )
    return compose_message(
        f"booking/email/{kind}.txt",
        {
            "candidate": candidate,
            "booking": booking,
            "session": booking.session,
            "missed": booking.rebooked_after.session if booking.rebooked_after else None,
            "link": registration_selectors.access_url(candidate),
            "site_url": settings.SITE_URL,
        },
        language=language,
        to=candidate.email,
        attachments=attachments,
        name=registration_selectors.postal_name(candidate),
        postal_address=candidate.postal_address,
    )


def notify(kind: str, booking: Booking) -> None:
    """The email about this booking. Its reminder is queued by `queue_due_reminders`
    when it falls due, 2 days before the session."""
    queue(send_booking_email, kind, booking.pk)


def session_changed(booking: Booking, change: int) -> None:
    """The session of this booking changed (its `change`th change): the email with the
    updated invitation (the booking's own event, same UID), once per change."""
    queue(send_session_changed, booking.pk, change)


@task()
def send_session_changed(booking_id: int, change: int) -> bool:
    booking = Booking.objects.select_related("candidate", "session").filter(pk=booking_id).first()
    if booking is None or booking.status != BookingStatus.ACTIVE:
        return False
    if booking.session.starts_at <= timezone.now() or not booking.candidate.email:
        return False
    return deliver(
        f"session_changed:booking:{booking.pk}:{change}",
        "session_changed",
        registration_selectors.email_about(booking.candidate_id),
        PURPOSES["session_changed"],
        lambda: message("session_changed", booking),
        again=(send_session_changed, [booking.pk, change]),
    )


def welcome(candidate: Candidate, booking: Booking) -> None:
    """Someone registered and booked in one go: their two emails (the registration,
    with the activation link, and the booking with its invitation) in one task, one
    row in the queue instead of two. Each email keeps its own record."""
    queue(send_welcome, str(candidate.pk), booking.pk, secrets.token_hex(12))


@task()
def send_welcome(candidate_id: str, booking_id: int, key: str) -> bool:
    """Both emails of `welcome`, each sent unless recorded as sent: a failure of one
    does not hold the other back; the task fails (and is tried again) if either did."""
    sends = (
        lambda: registration_services.registered_email_send(candidate_id, key),
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
    schedule "booking reminders", notifications' migrations 0003 and 0005): a reminder
    costs the booking nothing when it is made, and a booking cancelled or moved
    meanwhile is simply not found. Its record is created with the task, in one
    transaction, so each reminder is queued once; `deliver` then sends it once."""
    now = timezone.now()
    due = (
        Booking.objects.filter(
            status=BookingStatus.ACTIVE,
            session__starts_at__gt=now,
            session__starts_at__lte=now + REMINDER_BEFORE,
            created_at__lt=F("session__starts_at") - REMINDER_BEFORE,
        )
        .exclude(candidate__email="", candidate__postal_address="")
        .values_list("pk", "candidate_id")
    )
    return queue_once(
        send_booking_reminder,
        "reminder",
        PURPOSES["reminder"],
        (
            (f"reminder:booking:{pk}", registration_selectors.email_about(candidate_id), [pk])
            for pk, candidate_id in due
        ),
    )


@task()
def send_booking_email(kind: str, booking_id: int) -> bool:
    booking = (
        Booking.objects.select_related("candidate", "session", "rebooked_after__session")
        .filter(pk=booking_id)
        .first()
    )
    if booking is None or not registration_selectors.reachable(booking.candidate):
        return False
    return send_once(kind, booking)


@task()
def send_booking_reminder(booking_id: int) -> bool:
    booking = Booking.objects.select_related("candidate", "session").filter(pk=booking_id).first()
    if booking is None or booking.status != BookingStatus.ACTIVE:
        return False
    if booking.session.starts_at <= timezone.now():
        return False
    if not registration_selectors.reachable(booking.candidate):
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
        registration_selectors.email_about(booking.candidate_id),
        PURPOSES.get(kind, kind),
        lambda: message(kind, booking),
        again=again,
    )
