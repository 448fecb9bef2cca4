"""The signed-in person's session: the saved language, and for staff the second factor
and the session's lifetimes."""

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accueil.accounts.selectors import needs_second_factor, second_factor_verified
from accueil.accounts.signin import SIGNED_IN_AT, refresh_idle_expiry


class UserLanguageMiddleware:
    """Use a signed-in person's saved language when they have not chosen one in this browser."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.codes = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user: Any = getattr(request, "user", None)
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        signed_in = user is not None and user.is_authenticated
        if signed_in and not chosen and user.language in self.codes:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)


class StaffSessionMiddleware:
    """Issue 14, point 7: "Staff sign in with a second factor (TOTP, with recovery
    codes); sessions expire".

    - Any session ends SESSION_ABSOLUTE_HOURS after its sign-in, however busy.
    - A staff session ends after STAFF_IDLE_MINUTES without a request (its expiry moves
      on with the requests, written at most once a minute: a page costs no write).
    - A member of staff whose session is not verified with a code reaches only the code
      step, its set-up, the language switch and signing out: any other page sends them
      to the code step, and the API answers 401. Placed after django-otp's middleware,
      which tells whether the session was verified.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def open_paths(self) -> tuple[str, ...]:
        return (
            reverse("accounts:second_factor"),
            reverse("accounts:second_factor_setup"),
            reverse("accounts:recovery_codes"),
            reverse("accounts:logout"),
            reverse("accounts:login"),
            "/language/",
            settings.STATIC_URL,
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user: Any = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        now = time.time()
        started = request.session.get(SIGNED_IN_AT)
        if not isinstance(started, int | float):
            request.session[SIGNED_IN_AT] = now  # a session from before the lifetimes
        elif now - started > settings.SESSION_ABSOLUTE_HOURS * 3600:
            logout(request)
            return self.refuse(request, reverse("accounts:login"))
        if not needs_second_factor(user):
            return self.get_response(request)
        refresh_idle_expiry(request, now)
        if second_factor_verified(user) or request.path.startswith(self.open_paths()):
            return self.get_response(request)
        return self.refuse(request, reverse("accounts:second_factor"))

    @staticmethod
    def refuse(request: HttpRequest, page: str) -> HttpResponse:
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"error": _("Sign in, with your security code if you are staff, first.")},
                status=401,
            )
        # The path only: a query string may carry what was searched for.
        return redirect(f"{page}?{urlencode({'next': request.path})}")
