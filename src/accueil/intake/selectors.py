"""Reading the information session's day: the sessions of the day and after with their
counts, the check-in list with what became of absentees, and the residence document
valid on a day (contracts reads it before signing)."""

from datetime import date

from django.db.models import Count, Q, QuerySet

from accueil.booking.models import (
    Booking,
    BookingStatus,
    InformationSession,
    SessionStatus,
    WaitlistStatus,
)
from accueil.core import clock
from accueil.intake.models import ResidenceDocument
from accueil.registration.models import Candidate

CHECK_IN_STATUSES = (BookingStatus.ACTIVE, BookingStatus.ATTENDED, BookingStatus.ABSENT)


def day_sessions(
    sessions: QuerySet[InformationSession], today: date
) -> QuerySet[InformationSession]:
    """Scheduled sessions from today on, earliest first, each with `booked`, `waiting`
    (not checked in yet) and `present` counts."""
    return (
        sessions.filter(status=SessionStatus.SCHEDULED, starts_at__gte=clock.start_of_day(today))
        .annotate(
            booked=Count("bookings", filter=Q(bookings__status__in=CHECK_IN_STATUSES)),
            waiting=Count("bookings", filter=Q(bookings__status=BookingStatus.ACTIVE)),
            present=Count("bookings", filter=Q(bookings__status=BookingStatus.ATTENDED)),
        )
        .order_by("starts_at", "pk")
    )


def check_in_bookings(session: InformationSession) -> QuerySet[Booking]:
    """The session's bookings to check in (or checked in), by name."""
    return (
        session.bookings.filter(status__in=CHECK_IN_STATUSES)
        .select_related("candidate")
        .order_by("candidate__surname", "candidate__first_name", "pk")
    )


def with_outcomes(bookings: list[Booking]) -> list[Booking]:
    """For absentees, `rebooked` (their active booking, if any) and `waitlisted`."""
    absent = [b.candidate_id for b in bookings if b.status == BookingStatus.ABSENT]
    active = {
        b.candidate_id: b
        for b in Booking.objects.filter(
            candidate_id__in=absent, status=BookingStatus.ACTIVE
        ).select_related("session")
    }
    waiting = set(
        Candidate.objects.filter(
            pk__in=absent, waitlist__status=WaitlistStatus.WAITING
        ).values_list("pk", flat=True)
    )
    for booking in bookings:
        booking.rebooked = active.get(booking.candidate_id)
        booking.waitlisted = booking.candidate_id in waiting
    return bookings


def valid_document(candidate: Candidate, on: date) -> ResidenceDocument | None:
    """The latest checked residence document valid on `on`, if any."""
    return candidate.residence_documents.filter(valid_until__gte=on).order_by("-checked_at").first()
