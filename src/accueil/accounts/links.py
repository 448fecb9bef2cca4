"""One-time links for candidates: activating their account, and signing in by email.

Both are signed tokens (they cannot be forged) that stop working once used: the
activation token names the candidate while they have no account yet, and the
sign-in token carries the time of the person's last sign-in, which changes when
they sign in. Sign-in links expire after an hour, activation links after 14 days.

Opening a link (GET) uses nothing up; using it (POST) does, exactly once even when
ten browsers post at the same moment: `sign_in_use` moves the stamp with a
conditional UPDATE, so one request changes the row and the others, waiting on its
row lock, find the stamp moved and change nothing; activation locks the candidate
(`accounts.services.candidate_account_activate`).
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

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


def sign_in_use(token: str) -> User | None:
    """The person a sign-in link signs in, once: of any number of concurrent uses of
    the same link, one gets the user and the others None. Call it inside the
    request's transaction (the row stays locked until it commits)."""
    user = user_for_sign_in(token)
    if user is None:
        return None
    now = timezone.now()
    moved = User.objects.filter(pk=user.pk, last_login=user.last_login).update(last_login=now)
    if moved != 1:
        return None  # another request used the link first
    user.last_login = now
    return user
