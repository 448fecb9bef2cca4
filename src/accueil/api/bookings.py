"""A candidate's booking over HTTP, with no account: the private token returned at
registration (and sent by email in the candidate's link) is the credential, in the
path. An unknown, forged, expired or revoked token is a 404, like a wrong link.
"""

from uuid import UUID

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Field, Path, Router, Schema, Status

from accueil.api.rules import ErrorOut, InvalidRequestOut
from accueil.api.schemas import (
    BookingOut,
    ConflictOut,
    ReaderLang,
    SessionChoiceIn,
    Token,
    WaitlistIn,
    WaitlistOut,
    conflict,
    error,
    in_reader_language,
    no_such_session,
)
from accueil.booking import selectors
from accueil.booking.models import Booking, InformationSession
from accueil.booking.services import (
    BookingError,
    booking_cancel,
    booking_create,
    booking_move,
    waitlist_join,
)
from accueil.registration import selectors as registration_selectors
from accueil.registration.models import Candidate

router = Router(tags=["bookings"])
router.add_decorator(in_reader_language, mode="view")


class CandidateBookingOut(Schema):
    registration_id: UUID
    booking: BookingOut | None = Field(description="The active booking, if any.")
    waitlist: WaitlistOut | None = Field(description="The waitlist entry while waiting.")


def unknown_token() -> Status:
    return error(404, _("This link is not valid or has expired. Use the latest link we sent you."))


def active_booking(candidate: Candidate) -> Booking | None:
    return selectors.booking_state(candidate).booking


def operate(request: HttpRequest, token: str, act) -> Status:
    """The common path of every change (RateLimitMiddleware has counted it): the
    token, then `act(candidate)`, whose booking refusals become 409 with their code."""
    candidate = registration_selectors.candidate_from_token(token)
    if candidate is None:
        return unknown_token()
    try:
        return act(candidate)
    except BookingError as refusal:
        return conflict(refusal.code)


ERRORS = {404: ErrorOut, 409: ConflictOut, 422: InvalidRequestOut, 429: ErrorOut}
BODY_ERRORS = {400: ErrorOut, **ERRORS}


@router.get(
    "/{token}",
    response={200: CandidateBookingOut, 404: ErrorOut, 422: InvalidRequestOut},
    summary="See your booking and waitlist place",
)
def booking_show(request: HttpRequest, token: Path[Token], lang: ReaderLang = None):
    candidate = registration_selectors.candidate_from_token(token)
    if candidate is None:
        return unknown_token()
    state = selectors.booking_state(candidate)
    return {"registration_id": candidate.pk, "booking": state.booking, "waitlist": state.waiting}


@router.post(
    "/{token}",
    response={201: BookingOut, **BODY_ERRORS},
    summary="Book a session",
)
def book(
    request: HttpRequest, token: Path[Token], choice: SessionChoiceIn, lang: ReaderLang = None
):
    """409 `session_full`, `session_closed`, or `already_booked` (move the booking instead)."""

    def act(candidate: Candidate) -> Status:
        session = InformationSession.objects.filter(pk=choice.session_id).first()
        if session is None:
            return no_such_session()
        return Status(201, booking_create(candidate=candidate, session=session))

    return operate(request, token, act)


@router.post(
    "/{token}/move",
    response={200: BookingOut, **BODY_ERRORS},
    summary="Move your booking to another session",
)
def move(
    request: HttpRequest, token: Path[Token], choice: SessionChoiceIn, lang: ReaderLang = None
):
    """The seat at the old session is freed (and offered to the waitlist) only if the
    new one is taken. 409 `not_booked`, `session_full`, `session_closed`, `booking_ended`."""

    def act(candidate: Candidate) -> Status:
        booking = active_booking(candidate)
        if booking is None:
            return conflict("not_booked")
        session = InformationSession.objects.filter(pk=choice.session_id).first()
        if session is None:
            return no_such_session()
        return Status(200, booking_move(booking=booking, to_session=session))

    return operate(request, token, act)


@router.post(
    "/{token}/cancel",
    response={200: BookingOut, **ERRORS},
    summary="Cancel your booking",
)
def cancel(request: HttpRequest, token: Path[Token], lang: ReaderLang = None):
    """409 `not_booked`, or `session_closed` once the session has started."""

    def act(candidate: Candidate) -> Status:
        booking = active_booking(candidate)
        if booking is None:
            return conflict("not_booked")
        return Status(200, booking_cancel(booking=booking))

    return operate(request, token, act)


@router.post(
    "/{token}/waitlist",
    response={200: WaitlistOut, **BODY_ERRORS},
    summary="Wait for a free seat",
)
def wait(
    request: HttpRequest,
    token: Path[Token],
    wish: WaitlistIn | None = None,
    lang: ReaderLang = None,
):
    """Booked automatically, and told by email, when a suitable seat frees up; the body
    may be left out. Joining again keeps the first place. 409 `already_booked`."""
    language = (wish.language if wish else None) or ""

    def act(candidate: Candidate) -> Status:
        return Status(200, waitlist_join(candidate=candidate, language=language))

    return operate(request, token, act)
