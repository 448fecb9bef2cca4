"""Candidate accounts: activation after registering, and emailed sign-in links.

Both links are signed tokens (they cannot be forged) that stop working once used: the
activation token names the candidate while they have no account yet; the sign-in
token is the generic one of `accounts.selectors` (it changes when the person signs in).
Sign-in links expire after an hour, activation links after 14 days.

Using an activation link creates the account once, even when ten browsers post at the
same moment: `candidate_account_activate` locks the candidate's row.
"""

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.urls import reverse

from accueil.accounts.models import Role, User
from accueil.accounts.selectors import sign_in_token
from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.registration.models import Candidate

# The salt keeps its old name: links sent before the move go on working.
ACTIVATION_SALT = "accueil.accounts.activation"
ACTIVATION_DAYS = 14


class AccountExists(Exception):
    """Another account already uses this email address."""


class AlreadyActivated(Exception):
    """The candidate's account was created already (the one-time link is used up)."""


def activation_url(candidate: Candidate) -> str:
    token = signing.dumps(str(candidate.pk), salt=ACTIVATION_SALT)
    return settings.SITE_URL.rstrip("/") + reverse("candidate_account:activate", args=[token])


def candidate_to_activate(token: str) -> Candidate | None:
    try:
        pk = signing.loads(token, salt=ACTIVATION_SALT, max_age=ACTIVATION_DAYS * 86400)
    except signing.BadSignature:
        return None
    return Candidate.objects.filter(pk=pk, user__isnull=True).exclude(email="").first()


def sign_in_url(user: User) -> str:
    """A candidate's one-time sign-in link, to email them."""
    path = reverse("candidate_account:sign_in_link", args=[sign_in_token(user)])
    return settings.SITE_URL.rstrip("/") + path


@transaction.atomic
def candidate_account_activate(
    *, candidate: Candidate, password: str, request: HttpRequest | None = None
) -> User:
    """Create the candidate's account with the email they registered with, once: the
    candidate's row is locked, so of concurrent uses of the same link one creates the
    account and the others find it made and raise AlreadyActivated (they must not
    sign in a second browser)."""
    locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if locked.user_id:
        raise AlreadyActivated
    email = locked.email.lower()
    if User.objects.filter(email=email).exists():
        raise AccountExists
    user = User(
        email=email,
        first_name=locked.first_name,
        last_name=locked.surname,
        role=Role.CANDIDATE,
        language=locked.information_language,
    )
    validate_password(password, user)
    user.set_password(password)
    try:
        with transaction.atomic():  # another candidate's activation may take the address now
            user.save()
    except IntegrityError:
        raise AccountExists from None
    locked.user = user
    locked.save(update_fields=["user"])
    audit_record(
        action=Action.CREATE,
        actor=user,
        target=user,
        request=request,
        reason="candidate account activated",
    )
    return user


def candidate_for_email(email: str) -> User | None:
    return User.objects.filter(email=email.lower(), role=Role.CANDIDATE, is_active=True).first()
