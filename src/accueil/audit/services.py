"""Writing and reading the audit trail. Every capability records through here."""

from collections.abc import Iterable

from django.db import models
from django.http import HttpRequest

from accueil.accounts.models import User
from accueil.audit.models import Action, AuditEvent
from accueil.core.http import client_ip


def target_label(target: models.Model | None) -> tuple[str, str]:
    if target is None:
        return "", ""
    return target._meta.label_lower, str(target.pk)


def audit_record(
    *,
    action: Action | str,
    actor: User | None = None,
    target: models.Model | None = None,
    request: HttpRequest | None = None,
    fields: Iterable[str] = (),
    reason: str = "",
) -> AuditEvent:
    """Add one event. `actor` defaults to the request's signed-in user."""
    if actor is None and request is not None and isinstance(request.user, User):
        actor = request.user
    target_type, target_id = target_label(target)
    return AuditEvent.objects.create(
        actor=actor,
        actor_role=getattr(actor, "role", "") or "",
        action=action,
        target_type=target_type,
        target_id=target_id,
        fields=sorted(fields),
        reason=reason[:500],
        ip_address=client_ip(request),
    )


def audit_events_for(target: models.Model) -> models.QuerySet[AuditEvent]:
    target_type, target_id = target_label(target)
    return AuditEvent.objects.filter(target_type=target_type, target_id=target_id)
