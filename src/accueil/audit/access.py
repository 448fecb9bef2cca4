"""The audit trail a user may read: all of it for the data-protection officer and
administrators, nothing for anyone else."""

from django.db.models import QuerySet

from accueil.accounts.access import SEES_AUDIT_TRAIL, has_role
from accueil.accounts.models import User
from accueil.audit.models import AuditEvent


def audit_events_for_user(user: User) -> QuerySet[AuditEvent]:
    if has_role(user, *SEES_AUDIT_TRAIL):
        return AuditEvent.objects.all()
    return AuditEvent.objects.none()
