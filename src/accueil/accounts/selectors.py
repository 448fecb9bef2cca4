"""Reads of accounts: whom a one-time sign-in link signs in, how the person of a
request signed in, which account a failed sign-in was for, and staff's second factor.

One-time sign-in links: a signed token (it cannot be forged) carrying the time of the
person's last sign-in, which changes when they sign in, so the link stops working once
used. It expires after an hour. Which page it opens, and who may ask for one, is the
business of the app that sends it (`registration.accounts` for candidates). Opening a
link (GET) uses nothing up; using it (POST, `services.sign_in_use`) does, once.
"""

from base64 import b32encode

import segno
from django.core import signing
from django.http import HttpRequest
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accueil.accounts.models import Role, User
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
    if user is not None and (credentials or {}).get("second_factor"):
        reason = "wrong code"
    elif user is not None:
        reason = "wrong password"
    else:
        reason = f"no such account ({account_key(None, credentials)})"
    if getattr(request, "axes_locked_out", False):
        reason = f"locked out, {reason}"
    return user, reason


def needs_second_factor(user) -> bool:
    """Staff (every role but candidate) sign in with a second factor (issue 14, point 7:
    "Staff sign in with a second factor (TOTP, with recovery codes)"). Candidates sign
    in with a password or an emailed link, as before."""
    return bool(user.is_authenticated and user.role != Role.CANDIDATE)


def second_factor_verified(user) -> bool:
    """Whether this request's session was confirmed with a code (django-otp's
    middleware reads the device the session was verified with)."""
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


def has_second_factor(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def totp_setup(user: User, key: str) -> dict[str, str]:
    """What the set-up page shows for the secret `key` (hex): the otpauth:// address as a
    QR code drawn here (segno, a PNG data URI: no outside service sees the secret) and
    the secret in base32, in groups of four, for typing into an app by hand."""
    device = TOTPDevice(user=user, key=key)
    secret = b32encode(device.bin_key).decode()
    qr = segno.make(device.config_url, error="m", micro=False).png_data_uri(scale=4, border=4)
    return {"qr": qr, "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))}
