"""Who may see and do what: every object-level check goes through these helpers.

Least privilege per role (see docs/roles.md):
- candidates see their own registration and contracts, nothing else;
- integration officers see and manage all candidates and contracts;
- data-protection officers see candidates and contracts (to answer data-rights
  requests) and the audit trail, but change nothing;
- administrators manage users, organisations and parameters, and see the audit trail;
- training-provider staff and social workers see no candidate until a later
  capability (enrolment, interview requests) gives them one.

Views never filter querysets by role themselves; they ask here.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404

from accueil.accounts.models import Organisation, Role, User
from accueil.audit.models import AuditEvent
from accueil.contracts.models import Contract
from accueil.registration.models import Candidate

SEES_ALL_CANDIDATES = {Role.OFFICER, Role.DPO}
MANAGES_CONTRACTS = {Role.OFFICER}
SEES_AUDIT_TRAIL = {Role.DPO, Role.ADMIN}


def has_role(user: User, *roles: Role) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role in roles)


def candidates_for_user(user: User) -> QuerySet[Candidate]:
    if has_role(user, *SEES_ALL_CANDIDATES):
        return Candidate.objects.all()
    if has_role(user, Role.CANDIDATE):
        return Candidate.objects.filter(user=user)
    return Candidate.objects.none()


def get_candidate_for_user(user: User, candidate_id) -> Candidate:
    try:
        return candidates_for_user(user).get(pk=candidate_id)
    except (Candidate.DoesNotExist, ValidationError) as missing:
        # 404, not 403: an outsider must not learn that the record exists.
        raise Http404 from missing


def contracts_for_user(user: User) -> QuerySet[Contract]:
    return Contract.objects.filter(candidate__in=candidates_for_user(user))


def get_contract_for_user(user: User, contract_id) -> Contract:
    try:
        return contracts_for_user(user).select_related("candidate").get(pk=contract_id)
    except (Contract.DoesNotExist, ValidationError) as missing:
        raise Http404 from missing


def can_manage_contracts(user: User) -> bool:
    return has_role(user, *MANAGES_CONTRACTS)


def audit_events_for_user(user: User) -> QuerySet[AuditEvent]:
    if has_role(user, *SEES_AUDIT_TRAIL):
        return AuditEvent.objects.all()
    return AuditEvent.objects.none()


def organisations_for_user(user: User) -> QuerySet[Organisation]:
    if has_role(user, Role.ADMIN):
        return Organisation.objects.all()
    if has_role(user, Role.PROVIDER, Role.SOCIAL_WORKER, Role.OFFICER) and user.organisation_id:
        return Organisation.objects.filter(pk=user.organisation_id)
    return Organisation.objects.none()


def require_role(user: User, *roles: Role) -> None:
    if not has_role(user, *roles):
        raise PermissionDenied
