"""Information sessions a candidate can still book, over HTTP."""

from django.db import connection
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from accueil.api.rules import InvalidRequestOut
from accueil.api.schemas import Lang, LanguageCode, SessionPageOut, in_reader_language
from accueil.booking import selectors
from accueil.booking.models import InformationSession

router = Router(tags=["sessions"])
router.add_decorator(in_reader_language, mode="view")


class SessionFilter(Schema):
    language: LanguageCode | None = Field(None, description="Only sessions held in it.")
    limit: int = Field(20, ge=1, le=100)
    offset: int = Field(0, ge=0, le=100_000)
    lang: Lang | None = Field(None, description="Language of the messages.")


def speaking(sessions: QuerySet[InformationSession], language: str) -> QuerySet:
    if connection.features.supports_json_field_contains:
        return sessions.filter(languages__contains=[language])
    # SQLite has no JSON containment: match the quoted code in the stored list
    # (`language` is 2 or 3 lowercase letters, so it holds no LIKE wildcard).
    return sessions.filter(languages__icontains=f'"{language}"')


@router.get(
    "",
    response={200: SessionPageOut, 422: InvalidRequestOut},
    summary="List the sessions with free seats",
)
def session_list(request: HttpRequest, filters: Query[SessionFilter]):
    """Upcoming information sessions that still have free seats, soonest first.
    Times are in Luxembourg local time with their offset; at most 100 per page."""
    sessions = selectors.bookable_sessions(InformationSession.objects.all(), now=timezone.now())
    if filters.language:
        sessions = speaking(sessions, filters.language)
    page = sessions[filters.offset : filters.offset + filters.limit]
    return {"count": sessions.count(), "items": list(page)}
