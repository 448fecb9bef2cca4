"""Guarding password sign-in (our sign-in page and the admin site's) with django-axes.

Failed attempts are counted per typed account and per client address, each on its
own (AXES_LOCKOUT_PARAMETERS): SIGN_IN_FAILURE_LIMIT failures of one account, from
anywhere, or from one address, on any accounts, lock that account or that address
out for SIGN_IN_LOCKOUT_MINUTES, even with the right password. The lock answers the
same whether or not the account exists, and so does every failure.

No typed text is stored: axes keeps a keyed hash of the typed address
(`account_key`), the audit trail the matched account's id (or that hash when none
matched, see `accounts.selectors.failed_sign_in`) and the client's address from the
same trusted-proxy reading as the rest of Accueil (`accueil.core.http.client_ip`).

Signing in, out, and failing to, are recorded in the audit trail by the audit app's
receivers of Django's authentication signals (`accueil.audit.receivers`): accounts
does not know the trail. A sign-in without a password (an emailed link, a new account)
goes through `accounts.services.sign_in`, which tells the trail how it happened.
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
# Where `sign_in` leaves, for the sign-in's audit event, how the person signed in: a
# key of the request's environment (WSGI lets an application add its own, dotted).
HOW_KEY = "accueil.sign_in_how"
# When the session's person signed in (seconds since the epoch): the session's
# absolute lifetime counts from it (accounts/middleware.py, SESSION_ABSOLUTE_HOURS).
SIGNED_IN_AT = "accueil.signed_in_at"


# When a staff session's idle expiry was last moved on (seconds since the epoch).
SEEN_AT = "accueil.seen_at"
# The idle expiry moves on once this many seconds have passed since it last did.
SEEN_EVERY = 60


def refresh_idle_expiry(request: HttpRequest, now: float) -> None:
    """A staff session ends STAFF_IDLE_MINUTES after its last request (to within
    SEEN_EVERY seconds): the expiry is moved on, and the session written, at most once
    every SEEN_EVERY seconds, not on every page."""
    seen = request.session.get(SEEN_AT)
    if not isinstance(seen, int | float) or now - seen >= SEEN_EVERY:
        request.session[SEEN_AT] = now
        request.session.set_expiry(settings.STAFF_IDLE_MINUTES * 60)


def stamp_sign_in(sender, request: HttpRequest | None, user, **kwargs) -> None:
    """Receiver of `user_logged_in` (connected in AccountsConfig.ready): when the
    session began, and for staff its idle expiry from the start."""
    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[SIGNED_IN_AT] = now
        if getattr(user, "role", "candidate") != "candidate":
            refresh_idle_expiry(request, now)


def typed_account(credentials: dict | None) -> str:
    return str((credentials or {}).get("username") or "").strip().lower()


def account_key(request: HttpRequest | None, credentials: dict | None) -> str | None:
    """AXES_USERNAME_CALLABLE: a keyed hash of the typed email address, so that
    failures of one account count together without the address being stored."""
    typed = typed_account(credentials)
    if not typed and request is not None:
        typed = str(request.POST.get("username", "")).strip().lower()
    if not typed:
        return None
    key = hashlib.sha256(("accueil.sign-in:" + settings.SECRET_KEY).encode()).digest()
    return hmac.new(key, typed.encode(), hashlib.sha256).hexdigest()[:40]


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the page shown while locked out, in the reader's language;
    it says nothing of whether the account exists."""
    minutes = settings.SIGN_IN_LOCKOUT_MINUTES
    response = render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response
