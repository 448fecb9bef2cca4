"""One-time sign-in links: a signed token (it cannot be forged) carrying the time of
the person's last sign-in, which changes when they sign in, so the link stops working
once used. It expires after an hour. Which page it opens, and who may ask for one, is
the business of the app that sends it (`registration.accounts` for candidates).

Opening a link (GET) uses nothing up; using it (POST) does, exactly once even when
ten browsers post at the same moment: `sign_in_use` moves the stamp with a
conditional UPDATE, so one request changes the row and the others, waiting on its
row lock, find the stamp moved and change nothing.
"""

from django.core import signing
from django.utils import timezone

from accueil.accounts.models import User

SIGN_IN_SALT = "accueil.accounts.sign-in"
SIGN_IN_MINUTES = 60


def _stamp(user: User) -> str:
    return user.last_login.isoformat() if user.last_login else ""


def sign_in_token(user: User) -> str:
    return signing.dumps([user.pk, _stamp(user)], salt=SIGN_IN_SALT)


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
