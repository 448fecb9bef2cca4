"""The shapes of the booking API (sessions, registrations, bookings) and the helpers
that fill its answers: errors in our shape, in the reader's language.

Every error a person may read is a translatable message; `code` (409, 422) is for
programs and never changes with the language.
"""

from datetime import datetime
from functools import wraps
from typing import Annotated, Literal

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Schema, Status
from pydantic import BaseModel

from accueil.api.rules import DecisionOut, ErrorOut, InvalidRequestOut
from accueil.core.clock import LUXEMBOURG

MAX_ID = 2**63 - 1  # the largest primary key the database stores
Lang = Literal["en", "fr", "de"]
# Applied by `in_reader_language`; declared on each operation to be documented and checked.
ReaderLang = Annotated[
    Lang | None,
    Query(description="Language of the messages; without it, the Accept-Language header's."),
]
# Sessions are held in more languages than the service is written in (lb, pt ...).
LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2,3}$", examples=["fr"])]
SessionId = Annotated[int, Field(ge=1, le=MAX_ID, examples=[1])]
Token = Annotated[
    str,
    Field(
        max_length=300,
        pattern=r"^[A-Za-z0-9_:.\-]+$",
        description="The private token returned at registration (the candidate's link).",
    ),
]

CONFLICTS = {
    "session_full": _(
        "This information session is full. Choose another session or join the waitlist."
    ),
    "session_closed": _(
        "This information session has been cancelled or has already started. "
        "Choose another session."
    ),
    "already_booked": _(
        "You already have a place at an information session. Move or cancel it instead."
    ),
    "booking_ended": _("This booking has already been moved or cancelled."),
    "not_booked": _("You have no place booked at an information session."),
}
ConflictCode = Literal[
    "session_full",
    "session_closed",
    "already_booked",
    "booking_ended",
    "not_booked",
]


class ConflictOut(ErrorOut):
    """The request is well formed but the state of things refuses it; `code` says why."""

    code: ConflictCode


class NotEligibleOut(ErrorOut):
    """The person may not sign a CAI: every condition, met or not, with its source."""

    code: Literal["not_eligible"]
    decision: DecisionOut


# django-ninja answers 422 with `detail` when the request does not match the schema;
# a registration refused by the law answers 422 with `decision`.
UnprocessableOut = InvalidRequestOut | NotEligibleOut


class BookedSessionOut(Schema):
    id: int
    starts_at: datetime = Field(description="Local time in Luxembourg, with its UTC offset.")
    ends_at: datetime
    place: str
    address: str
    languages: list[str]
    interpreter_available: bool

    @staticmethod
    def resolve_starts_at(session) -> datetime:
        return session.starts_at.astimezone(LUXEMBOURG)

    @staticmethod
    def resolve_ends_at(session) -> datetime:
        return session.ends_at.astimezone(LUXEMBOURG)


class SessionOut(BookedSessionOut):
    capacity: int
    seats_free: int


class SessionPageOut(Schema):
    count: int = Field(description="Sessions matching the filter, all pages together.")
    items: list[SessionOut]


class BookingOut(Schema):
    id: int
    status: Literal["active", "moved", "cancelled", "session_cancelled"]
    status_label: str
    from_waitlist: bool
    booked_at: datetime
    session: BookedSessionOut

    @staticmethod
    def resolve_status_label(booking) -> str:
        return str(booking.get_status_display())

    @staticmethod
    def resolve_booked_at(booking) -> datetime:
        return booking.created_at.astimezone(LUXEMBOURG)


class WaitlistOut(Schema):
    status: Literal["waiting", "booked", "left"]
    status_label: str
    language: str = Field(description="The language wanted; empty for any.")
    since: datetime

    @staticmethod
    def resolve_status_label(entry) -> str:
        return str(entry.get_status_display())

    @staticmethod
    def resolve_since(entry) -> datetime:
        return entry.created_at.astimezone(LUXEMBOURG)


class In(BaseModel):
    """A request body. Plain pydantic, not ninja's Schema, which reads attributes off
    any object and would take `"text"` or `[]` for a body whose fields are optional."""


class SessionChoiceIn(In):
    session_id: SessionId


class WaitlistIn(In):
    language: LanguageCode | None = Field(
        None, description="Wait for a session held in this language; any language if absent."
    )


def error(status: int, message, fact: str | None = None) -> Status:
    return Status(status, {"error": str(message), "fact": fact})


def conflict(code: str) -> Status:
    return Status(409, {"error": str(CONFLICTS[code]), "fact": None, "code": code})


def no_such_session() -> Status:
    return error(400, _("There is no information session with this number."), "session_id")


def reader_language() -> str:
    """The language of this answer: en, fr or de."""
    lang = (translation.get_language() or "en")[:2]
    return lang if lang in ("en", "fr", "de") else "en"


def in_reader_language(run):
    """Answer in `?lang=` when given, else in the language LocaleMiddleware chose
    (Accept-Language); applied to the whole run, so messages rendered while the
    answer is serialised are in that language too."""

    @wraps(run)
    def wrapped(request: HttpRequest, *args, **kwargs):
        lang = request.GET.get("lang")
        if lang not in {code for code, _name in settings.LANGUAGES}:
            return run(request, *args, **kwargs)
        with translation.override(lang):
            response = run(request, *args, **kwargs)
        response["Content-Language"] = lang
        return response

    return wrapped
