"""Public pages: the start page, the privacy notice, the accessibility statement,
and the language switch."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from accueil.rules import parameters as rule_parameters

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "core/index.html")


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


@require_GET
def switch_language(request: HttpRequest, code: str) -> HttpResponse:
    """Switch language with a plain link, so it works without JavaScript.

    A GET that sets a cookie is harmless here: the only state is the reader's own
    display preference. Signed-in users have it saved on their account too.
    """
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    if code in LANGUAGE_CODES:
        translation.activate(code)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.SESSION_COOKIE_SECURE,
        )
        if request.user.is_authenticated and request.user.language != code:
            request.user.language = code
            request.user.save(update_fields=["language"])
    return response


@require_GET
def parameters(request: HttpRequest) -> HttpResponse:
    """The table of the law's numbers and the dates from which they apply."""
    rows = rule_parameters.parameters_table()
    return render(request, "core/parameters.html", {"rows": rows})
