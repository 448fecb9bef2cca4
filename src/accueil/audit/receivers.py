"""Sign-ins, sign-outs and failed sign-ins, on our pages and the admin site's, reach the
audit trail through Django's authentication signals, and what administrators do to
accounts through `accounts.services.account_changed` (connected in AuditConfig.ready),
so that accounts does not import audit."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from accueil.accounts.models import Role, User
from accueil.accounts.selectors import failed_sign_in, sign_in_how
from accueil.accounts.services import account_changed
from accueil.audit.models import Action
from accueil.audit.services import audit_record, reason_is_code, subjects_of_user
from accueil.core.backup import archive_done


def _code(words: str) -> str:
    """The program's own words as a code ("no such account (None)" has a capital)."""
    words = words.lower()
    return words if reason_is_code(words) else "unreadable"


def _subject(user: User | None):
    """A candidate's sign-ins are about them: they see them on their own trail."""
    if user is None or user.role != Role.CANDIDATE:
        return None
    found = subjects_of_user(user)
    return found[0] if found else None


@receiver(user_logged_in, dispatch_uid="accueil.audit_sign_in")
def audit_sign_in(sender, request: HttpRequest | None, user: User, **kwargs) -> None:
    audit_record(
        action=Action.SIGN_IN,
        actor=user,
        target=user,
        request=request,
        reason=_code(sign_in_how(request)),
        subject=_subject(user),
    )


@receiver(user_logged_out, dispatch_uid="accueil.audit_sign_out")
def audit_sign_out(sender, request: HttpRequest | None, user: User | None, **kwargs) -> None:
    if user is not None:
        audit_record(
            action=Action.SIGN_OUT, actor=user, target=user, request=request, subject=_subject(user)
        )


@receiver(user_login_failed, dispatch_uid="accueil.audit_failed_sign_in")
def audit_failed_sign_in(
    sender, credentials: dict, request: HttpRequest | None = None, **kwargs
) -> None:
    """Every failed password sign-in, on any page, is in the audit trail."""
    user, what = failed_sign_in(credentials, request)
    audit_record(
        action=Action.SIGN_IN_FAILED,
        actor=None,
        target=user,
        request=request,
        reason=_code(what),
        subject=_subject(user),
    )


@receiver(account_changed, dispatch_uid="accueil.audit_account_changed")
def audit_account_changed(
    sender,
    actor: User | None,
    target,
    action: str,
    fields: list[str],
    reason: str,
    request: HttpRequest | None = None,
    **kwargs,
) -> None:
    """What administrators do to users and organisations on the admin site (created,
    role or organisation changed, deactivated, password reset, second factor reset),
    and staff's second factor set up or a recovery code used (accounts.services)."""
    audit_record(
        action=action, actor=actor, target=target, request=request, fields=fields, reason=reason
    )


@receiver(archive_done, dispatch_uid="accueil.audit_archive")
def audit_archive(sender, action: str, **kwargs) -> None:
    """A backup of the whole database and its files written, or restored, from the
    command line (`accueil backup`, `accueil restore`): no one signed in acts."""
    audit_record(
        action=Action.EXPORT if action == "backup" else Action.UPDATE,
        reason=f"{action} of the database and files",
    )
