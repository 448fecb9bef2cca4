"""Reads of accounts: whom a one-time sign-in link signs in, how the person of a
request signed in, and which account a failed sign-in was for.

One-time sign-in links: a signed token (it cannot be forged) carrying the time of the
person's last sign-in, which changes when they sign in, so the link stops working once
used. It expires after an hour. Which page it opens, and who may ask for one, is the
business of the app that sends it (`registration.accounts` for candidates). Opening a
link (GET) uses nothing up; using it (POST, `services.sign_in_use`) does, once.
"""

from django.core import signing
from django.http import HttpRequest

from accueil.accounts.models import User
from accueil.accounts.signin import HOW_KEY, account_key, typed_account

SIGN_IN_SALT = "accueil.accounts.sign-in"
SIGN_IN_MINUTES = 60


def sign_in_stamp(user: User) -> str:
    return user.last_login.isoformat() if user.last_login else ""


def sign_in_token(user: User) -> str:
    return signing.dumps([user.pk, sign_in_stamp(user)], salt=SIGN_IN_SALT)


def user_for_sign_in(token: str) -> User | None:
    try:
        pk, stamp = signing.loads(token, salt=SIGN_IN_SALT, max_age=SIGN_IN_MINUTES * 60)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    user = User.objects.filter(pk=pk, is_active=True).first()
    return user if user is not None and sign_in_stamp(user) == stamp else None


def sign_in_how(request: HttpRequest | None) -> str:
    """How the person of this request signed in, when it was not with a password."""
    return str(request.META.get(HOW_KEY, "")) if request is not None else ""


def failed_sign_in(
    credentials: dict | None, request: HttpRequest | None
) -> tuple[User | None, str]:
    """The account a failed password sign-in was for (None when no account matched) and
    the reason to record: a wrong password, or no such account with the keyed hash of
    the typed address (so that repeated attempts at one unknown address can be counted,
    nothing typed being kept), either one after "locked out" when axes refused it."""
    typed = typed_account(credentials)
    user = User.objects.filter(email__iexact=typed).first() if typed else None
    if user is not None:
        reason = "wrong password"
    else:
        reason = f"no such account ({account_key(None, credentials)})"
    if getattr(request, "axes_locked_out", False):
        reason = f"locked out, {reason}"
    return user, reason
