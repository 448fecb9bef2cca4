"""Candidate accounts: activation after registering, and emailed sign-in links."""

from django.contrib.auth.password_validation import validate_password
from django.db import IntegrityError, transaction
from django.http import HttpRequest

from accueil.accounts.models import Role, User
from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.registration.models import Candidate


class AccountExists(Exception):
    """Another account already uses this email address."""


class AlreadyActivated(Exception):
    """The candidate's account was created already (the one-time link is used up)."""


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
