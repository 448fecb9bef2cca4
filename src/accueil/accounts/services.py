"""Signing in without a password: using a one-time sign-in link (see
`accounts.selectors`), and signing in the person it names."""

from django.contrib.auth import login
from django.http import HttpRequest
from django.utils import timezone

from accueil.accounts.models import User
from accueil.accounts.selectors import user_for_sign_in
from accueil.accounts.signin import HOW_KEY, MODEL_BACKEND


def sign_in_use(token: str) -> User | None:
    """The person a sign-in link signs in, once: of any number of concurrent uses of
    the same link, one gets the user and the others None. The stamp moves with a
    conditional UPDATE, so one request changes the row and the others, waiting on its
    row lock, find the stamp moved and change nothing. Call it inside the request's
    transaction (the row stays locked until it commits)."""
    user = user_for_sign_in(token)
    if user is None:
        return None
    now = timezone.now()
    moved = User.objects.filter(pk=user.pk, last_login=user.last_login).update(last_login=now)
    if moved != 1:
        return None  # another request used the link first
    user.last_login = now
    return user


def sign_in(request: HttpRequest, user: User, *, how: str) -> None:
    """Sign `user` in without a password (Django's `login` with the model backend);
    `how` ("one-time link", "account activated") is the reason of the audit event."""
    request.META[HOW_KEY] = how
    login(request, user, backend=MODEL_BACKEND)
