"""Who may do what: the role predicates, which depend on the user alone.

Least privilege per role (see docs/roles.md):
- candidates see their own registration and contracts, nothing else;
- integration officers see and manage all candidates and contracts;
- data-protection officers see candidates and contracts (to answer data-rights
  requests) and the audit trail, but change nothing;
- administrators manage users, organisations and parameters, and see the audit trail;
- training-provider staff and social workers see no candidate until a later
  capability (enrolment, interview requests) gives them one.

The object-level checks ("the X this user may see", 404 for anyone else) live with the
app that owns X, in its `access.py`: `registration.access` (candidates),
`booking.access` (sessions, bookings), `social.access` (interview requests),
`contracts.access` (contracts), `training.access` (the course catalogue) and
`audit.access` (the trail); they build on the predicates here. Views never filter
querysets by role themselves; they ask those modules.
"""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from accueil.accounts.models import Organisation, Role, User

SEES_ALL_CANDIDATES = {Role.OFFICER, Role.DPO}
MANAGES_CONTRACTS = {Role.OFFICER}
SEES_AUDIT_TRAIL = {Role.DPO, Role.ADMIN}


def has_role(user: User | AnonymousUser, *roles: Role) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role in roles)


def require_role(user: User, *roles: Role) -> None:
    if not has_role(user, *roles):
        raise PermissionDenied


def can_manage_contracts(user: User) -> bool:
    return has_role(user, *MANAGES_CONTRACTS)


def can_list_candidates(user: User) -> bool:
    """The list of all candidates: officers and data-protection officers."""
    return has_role(user, *SEES_ALL_CANDIDATES)


def can_see_audit_trail(user: User) -> bool:
    return has_role(user, *SEES_AUDIT_TRAIL)


def can_follow_up_emails(user: User) -> bool:
    """The emails not delivered, and sending one again: officers."""
    return has_role(user, Role.OFFICER)


def can_see_scheduled_jobs(user: User) -> bool:
    """The administrators, who run the service: whether its scheduled jobs work."""
    return has_role(user, Role.ADMIN)


def can_manage_sessions(user: User) -> bool:
    """Planning, cancelling and booking information sessions is the officers' work."""
    return has_role(user, Role.OFFICER)


def can_run_sessions(user: User) -> bool:
    """Checking candidates in and recording the information session: officers only."""
    return has_role(user, Role.OFFICER)


def can_handle_interviews(user: User) -> bool:
    return has_role(user, Role.SOCIAL_WORKER)


def can_see_interview_queue(user: User) -> bool:
    """Social workers handle the queue; officers, who make the requests, may read it."""
    return has_role(user, Role.SOCIAL_WORKER, Role.OFFICER)


def organisations_for_user(user: User) -> QuerySet[Organisation]:
    if has_role(user, Role.ADMIN):
        return Organisation.objects.all()
    if has_role(user, Role.PROVIDER, Role.SOCIAL_WORKER, Role.OFFICER) and user.organisation_id:
        return Organisation.objects.filter(pk=user.organisation_id)
    return Organisation.objects.none()
