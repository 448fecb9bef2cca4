"""Accueil's HTTP API, version 1 (django-ninja). OpenAPI at /api/v1/openapi.json, read
at /api/v1/docs (`accueil.api.docs`).

Every error is answered in JSON, in the shape {"error": ..., "fact": ...}: an unknown
address or object (404), a refusal (403), an unreadable body (400), and, should a
defect remain, a server error (500, logged without the request's data). django-ninja
would otherwise let Django answer 404, 403 and 500 with its HTML pages.
"""

import logging
import traceback

from django.core.exceptions import PermissionDenied
from django.db import connections
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError

from accueil.api.attendance import router as attendance_router
from accueil.api.bookings import router as bookings_router
from accueil.api.docs import OwnSwagger
from accueil.api.enrolments import router as enrolments_router
from accueil.api.registrations import router as registrations_router
from accueil.api.rules import router as rules_router
from accueil.api.sessions import router as sessions_router

logger = logging.getLogger(__name__)

api = NinjaAPI(
    title="Accueil API",
    version="1",
    description=(
        "The Welcome and Integration Contract (CAI) as an API. Every decision carries "
        "its reasons, each naming the rule and the passage of the source text it implements."
    ),
    urls_namespace="api-v1",
    docs=OwnSwagger(),
)
api.add_router("/rules", rules_router)
api.add_router("/sessions", sessions_router)
api.add_router("/registrations", registrations_router)
api.add_router("/bookings", bookings_router)
api.add_router("/courses", enrolments_router)
api.add_router("/attendance", attendance_router)


def roll_back() -> None:
    """An exception turned into an answer must still undo the request's transaction
    (ATOMIC_REQUESTS commits when the view returns), as Django does when one escapes."""
    for connection in connections.all(initialized_only=True):
        if connection.settings_dict.get("ATOMIC_REQUESTS") and connection.in_atomic_block:
            connection.set_rollback(True)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    """Errors raised inside django-ninja (an unreadable body) take our error shape too."""
    roll_back()
    return api.create_response(request, {"error": str(exc)}, status=exc.status_code)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    """Staff operations (enrolment, attendance) answer 401 to anyone not signed in."""
    roll_back()
    message = _("Sign in as a member of staff to use this operation")
    return api.create_response(request, {"error": message, "fact": None}, status=401)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    roll_back()
    return api.create_response(request, {"error": _("Not found"), "fact": None}, status=404)


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    roll_back()
    message = _("You are not allowed to do this")
    return api.create_response(request, {"error": message, "fact": None}, status=403)


@api.exception_handler(Exception)
def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    """A defect: logged with where it happened (the operation, the exception's type and
    the lines of code), never with the request's path or body or the exception's text,
    which may carry a token or personal data."""
    roll_back()
    match = request.resolver_match
    lines = "".join(traceback.format_tb(exc.__traceback__))
    logger.error(
        "API error in %s: %s\n%s",
        match.url_name if match else "unknown",
        type(exc).__name__,
        lines,
    )
    message = _("Something went wrong on our side. Try again later.")
    return api.create_response(request, {"error": message, "fact": None}, status=500)
