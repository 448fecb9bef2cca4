"""Background work of notifications: small, idempotent, queued after commit.

Every task takes ids, re-reads what it needs and does nothing when there is nothing
left to do (the booking ended, the email was already sent), so it can run twice.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from accueil.booking.models import Booking, BookingStatus
from accueil.notifications import emails
from accueil.notifications.models import Notification

REMINDER_BEFORE = timedelta(days=2)  # issue: "A reminder email goes out 2 days before."
STARTS_A_BOOKING = {"booked", "moved", "waitlist_booked"}


def notify_after_commit(kind: str, booking_id: int) -> None:
    """Queue the email once the booking is committed, and its reminder if it applies."""

    def enqueue() -> None:
        send_booking_email.enqueue(kind, booking_id)
        if kind in STARTS_A_BOOKING:
            schedule_reminder(booking_id)

    transaction.on_commit(enqueue)


def schedule_reminder(booking_id: int) -> None:
    booking = Booking.objects.select_related("session").get(pk=booking_id)
    at = booking.session.starts_at - REMINDER_BEFORE
    if at > timezone.now():
        send_booking_reminder.using(run_after=at).enqueue(booking_id)


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
    """Record, then send, in one transaction: a failed send leaves no record to retry."""
    try:
        with transaction.atomic():
            Notification.objects.create(kind=kind, candidate=booking.candidate, booking=booking)
            emails.render(kind, booking.candidate, booking).send()
    except IntegrityError:
        return False  # already sent
    return True


@task()
def send_candidate_email(kind: str, candidate_id: str) -> bool:
    """ "registered" (with the activation link), "sign_in" (a one-time sign-in link) or
    "access_link" (the private booking link again)."""
    from accueil.accounts import links as account_links
    from accueil.registration.models import Candidate

    candidate = Candidate.objects.select_related("user").filter(pk=candidate_id).first()
    if candidate is None or not candidate.email:
        return False
    if kind == "sign_in":
        if candidate.user is None:
            return False
        url = account_links.sign_in_url(candidate.user)
    elif kind == "registered":
        url = "" if candidate.user_id else account_links.activation_url(candidate)
    else:
        url = ""
    emails.render(kind, candidate, None, action_url=url).send()
    Notification.objects.create(kind=kind, candidate=candidate)
    return True


def candidate_email_after_commit(kind: str, candidate_id) -> None:
    transaction.on_commit(lambda: send_candidate_email.enqueue(kind, str(candidate_id)))
