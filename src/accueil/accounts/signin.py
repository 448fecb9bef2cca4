"""Guarding password sign-in (our sign-in page and the admin site's) with django-axes.

Failed attempts are counted per typed account and per client address, each on its
own (AXES_LOCKOUT_PARAMETERS): SIGN_IN_FAILURE_LIMIT failures of one account, from
anywhere, or from one address, on any accounts, lock that account or that address
out for SIGN_IN_LOCKOUT_MINUTES, even with the right password. The lock answers the
same whether or not the account exists, and so does every failure.

No typed text is stored: axes keeps a keyed hash of the typed address
(`account_key`), the audit trail the matched account's id (or that hash when none
matched) and the client's address from the same trusted-proxy reading as the rest of
Accueil (`accueil.core.http.client_ip`).
"""

import hashlib
import hmac

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accueil.audit.models import Action
from accueil.audit.services import audit_record


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


@receiver(user_login_failed, dispatch_uid="accueil.audit_failed_sign_in")
def audit_failed_sign_in(sender, credentials: dict, request: HttpRequest | None = None, **kw):
    """Every failed password sign-in, on any page, is in the audit trail."""
    typed = typed_account(credentials)
    user = get_user_model().objects.filter(email__iexact=typed).first() if typed else None
    locked = bool(getattr(request, "axes_locked_out", False))
    if user is not None:
        reason = "wrong password"
    else:  # the keyed hash lets repeated attempts at one unknown address be counted
        reason = f"no such account ({account_key(None, credentials)})"
    if locked:
        reason = f"locked out, {reason}"
    audit_record(
        action=Action.SIGN_IN_FAILED,
        actor=None,
        target=user,
        request=request,
        reason=reason,
    )
