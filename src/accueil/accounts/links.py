"""One-time links for candidates: activating their account, and signing in by email.

Both are signed tokens (they cannot be forged) that stop working once used: the
activation token names the candidate while they have no account yet, and the
sign-in token carries the time of the person's last sign-in, which changes when
they sign in. Sign-in links expire after an hour, activation links after 14 days.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from accueil.accounts.models import User
from accueil.registration.models import Candidate

ACTIVATION_SALT = "accueil.accounts.activation"
SIGN_IN_SALT = "accueil.accounts.sign-in"
ACTIVATION_DAYS = 14
SIGN_IN_MINUTES = 60


def activation_url(candidate: Candidate) -> str:
    token = signing.dumps(str(candidate.pk), salt=ACTIVATION_SALT)
    return settings.SITE_URL.rstrip("/") + reverse("accounts:activate", args=[token])


def candidate_to_activate(token: str) -> Candidate | None:
    try:
        pk = signing.loads(token, salt=ACTIVATION_SALT, max_age=ACTIVATION_DAYS * 86400)
    except signing.BadSignature:
        return None
    return Candidate.objects.filter(pk=pk, user__isnull=True).exclude(email="").first()


def _stamp(user: User) -> str:
    return user.last_login.isoformat() if user.last_login else ""


def sign_in_url(user: User) -> str:
    token = signing.dumps([user.pk, _stamp(user)], salt=SIGN_IN_SALT)
    return settings.SITE_URL.rstrip("/") + reverse("accounts:sign_in_link", args=[token])


def user_for_sign_in(token: str) -> User | None:
    try:
        pk, stamp = signing.loads(token, salt=SIGN_IN_SALT, max_age=SIGN_IN_MINUTES * 60)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    user = User.objects.filter(pk=pk, is_active=True).first()
    return user if user is not None and _stamp(user) == stamp else None
