"""The audit trail a user may read. This module is the one place that decides:

- the data-protection officer reads all of it (seed 000, "Forms / Online services":
  every look at a record is traced, for the one who answers for it);
- an administrator, only the events of administrators' actions on accounts and
  organisations (issue 14, point 6: they manage users, not candidates' files);
- a candidate, only the events about themselves (`subject`), on their own page;
- anyone else, nothing."""

from django.db.models import Q, QuerySet

from accueil.accounts.access import has_role
from accueil.accounts.models import Role, User
from accueil.audit.models import AuditEvent
from accueil.audit.services import subjects_of_user

# What an administrator sees: their own role's actions on the accounts app's records.
ADMIN_SEES = Q(actor_role=Role.ADMIN, target_type__startswith="accounts.")


def audit_events_for_user(user: User) -> QuerySet[AuditEvent]:
    """The events this user may search on the trail's page."""
    if has_role(user, Role.DPO):
        return AuditEvent.objects.all()
    if has_role(user, Role.ADMIN):
        return AuditEvent.objects.filter(ADMIN_SEES)
    return AuditEvent.objects.none()


def own_events(user: User) -> QuerySet[AuditEvent]:
    """The events about the candidate whose account this is (none for staff)."""
    if not has_role(user, Role.CANDIDATE):
        return AuditEvent.objects.none()
    subjects = subjects_of_user(user)
    if not subjects:
        return AuditEvent.objects.none()
    return AuditEvent.objects.filter(subject__in=subjects)


def can_search_by_person(user: User) -> bool:
    """Only the data-protection officer looks a person's trail up by their number."""
    return has_role(user, Role.DPO)


def can_see_own_trail(user: User) -> bool:
    """A candidate's page of who accessed their data."""
    return has_role(user, Role.CANDIDATE)
