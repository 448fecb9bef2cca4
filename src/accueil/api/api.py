"""Accueil's HTTP API, version 1 (django-ninja). OpenAPI at /api/v1/openapi.json."""

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import HttpError

from accueil.api.bookings import router as bookings_router
from accueil.api.registrations import router as registrations_router
from accueil.api.rules import router as rules_router
from accueil.api.sessions import router as sessions_router

api = NinjaAPI(
    title="Accueil API",
    version="1",
    description=(
        "The Welcome and Integration Contract (CAI) as an API. Every decision carries "
        "its reasons, each naming the rule and the passage of the source text it implements."
    ),
    urls_namespace="api-v1",
)
api.add_router("/rules", rules_router)
api.add_router("/sessions", sessions_router)
api.add_router("/registrations", registrations_router)
api.add_router("/bookings", bookings_router)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    """Errors raised inside django-ninja (an unreadable body) take our error shape too."""
    return api.create_response(request, {"error": str(exc)}, status=exc.status_code)
