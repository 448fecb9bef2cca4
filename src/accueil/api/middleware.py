"""Every answer under /api/ is JSON, errors included.

The API's own errors are JSON already (`accueil.api.api`'s exception handlers). What
Django or django-ninja answer around it is not: an address that matches no operation
(Django's 404 page), a method an operation does not take (django-ninja's plain-text
405), a server error that escaped everything (Django's 500 page). This middleware
turns those into the API's error shape, {"error": ..., "fact": null}, keeping the
status and the headers that matter (Allow, Retry-After).
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

PREFIX = "/api/"
KEPT_HEADERS = ("Allow", "Retry-After", "Content-Language")


def _message(status: int) -> str:
    if status == 404:
        return _("Not found")
    if status == 405:
        return _("This address does not take this method")
    if status >= 500:
        return _("Something went wrong on our side. Try again later.")
    return _("This request cannot be answered")


class JsonErrorsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            not request.path.startswith(PREFIX)
            or response.status_code < 400
            or response.get("Content-Type", "").startswith("application/json")
        ):
            return response
        answer = JsonResponse(
            {"error": _message(response.status_code), "fact": None}, status=response.status_code
        )
        for header in KEPT_HEADERS:
            if header in response:
                answer[header] = response[header]
        return answer
