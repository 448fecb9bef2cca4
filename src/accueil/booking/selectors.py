"""Reading information sessions for the officers' pages: the calendar with seats and
waitlist, one session's attendees, the sessions still open for booking, and where a
candidate stands."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, F, Prefetch, QuerySet

from accueil.booking.models import (
    Booking,
    BookingStatus,
    InformationSession,
    SessionStatus,
    WaitlistEntry,
    WaitlistStatus,
    session_suits,
    session_understood,
)
from accueil.core import clock, references
from accueil.core.languages import language_name
from accueil.registration.models import Candidate

# The languages an information session can be held in (Luxembourg's three
# administrative languages, English and Portuguese).
SESSION_LANGUAGES = ("lb", "fr", "de", "en", "pt")


def session_language_choices() -> list[tuple[str, str]]:
    return [(code, language_name(code)) for code in SESSION_LANGUAGES]


def session_calendar(sessions: QuerySet[InformationSession], *, start: date) -> QuerySet:
    """Sessions from the first hour of `start` (Luxembourg time) on, earliest first."""
    return sessions.filter(starts_at__gte=clock.start_of_day(start)).order_by("starts_at", "pk")


def waitlist_demand() -> dict[tuple[str, bool, str, str], int]:
    """Waiting candidates counted by what suits them (language wanted, interpreter
    needed, days, time of day): one query whatever the number of sessions, since these
    take only a handful of values."""
    rows = (
        WaitlistEntry.objects.filter(status=WaitlistStatus.WAITING)
        .values_list("language", "candidate__interpreter_needed", "weekdays", "part_of_day")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {(language, needs, days, part): n for language, needs, days, part, n in rows}


def with_calendar_details(sessions: Iterable[InformationSession]) -> list[InformationSession]:
    """Add `waitlist_length` (waiting candidates the session would suit) and
    `language_names` to each session; one query in all."""
    sessions = list(sessions)
    demand = waitlist_demand() if sessions else {}
    for session in sessions:
        session.language_names = [language_name(code) for code in session.languages]
        session.waitlist_length = (
            sum(
                n
                for (lang, needs, days, part), n in demand.items()
                if session_suits(
                    session,
                    language=lang,
                    interpreter_needed=needs,
                    weekdays=days,
                    part_of_day=part,
                )
            )
            if session.status == SessionStatus.SCHEDULED
            else 0
        )
    return sessions


def for_candidate(
    sessions: Iterable[InformationSession], candidate: Candidate
) -> list[InformationSession]:
    """Add `understood` to each session: False where none of its languages is the one
    the candidate chose and no interpreter they asked for is there (the pages say so)."""
    sessions = list(sessions)
    for session in sessions:
        session.understood = session_understood(session, candidate)
    return sessions


def session_attendees(session: InformationSession) -> QuerySet[Booking]:
    """The active bookings of a session, by name, with who they are."""
    return (
        session.bookings.filter(status=BookingStatus.ACTIVE)
        .select_related("candidate")
        .order_by("candidate__surname", "candidate__first_name", "pk")
    )


def bookable_sessions(
    sessions: QuerySet[InformationSession], *, now: datetime, exclude: int | None = None
) -> QuerySet[InformationSession]:
    """Scheduled sessions that have not started and have a free seat."""
    open_ = sessions.filter(
        status=SessionStatus.SCHEDULED, starts_at__gt=now, seats_taken__lt=F("capacity")
    )
    if exclude:
        open_ = open_.exclude(pk=exclude)
    return open_.order_by("starts_at", "pk")


@dataclass(frozen=True)
class BookingState:
    booking: Booking | None
    waiting: WaitlistEntry | None


def booking_state(candidate: Candidate) -> BookingState:
    """The candidate's active booking (with its session) and waitlist entry, if any."""
    booking = (
        candidate.bookings.filter(status=BookingStatus.ACTIVE).select_related("session").first()
    )
    waiting = candidate.waitlist.filter(status=WaitlistStatus.WAITING).first()
    return BookingState(booking=booking, waiting=waiting)


def with_active_booking(candidates: QuerySet[Candidate]) -> QuerySet[Candidate]:
    """Prefetch each candidate's active booking as `active_bookings` (a list)."""
    active = Booking.objects.filter(status=BookingStatus.ACTIVE).select_related("session")
    return candidates.prefetch_related(
        Prefetch("bookings", queryset=active, to_attr="active_bookings")
    )


def with_booking_reference(
    candidates: QuerySet[Candidate], query: str
) -> QuerySet[Candidate] | None:
    """The candidates with a booking of this reference (as typed: any case, spaces…);
    None when the query is not a booking reference."""
    reference = references.normalise(query)
    if not reference or not reference.startswith("B"):
        return None
    return candidates.filter(bookings__reference=reference)
