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

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404

from accueil.accounts.models import Organisation, Role, User
from accueil.audit.models import AuditEvent
from accueil.contracts.models import Contract
from accueil.registration.models import Candidate

SEES_ALL_CANDIDATES = {Role.OFFICER, Role.DPO}
MANAGES_CONTRACTS = {Role.OFFICER}
SEES_AUDIT_TRAIL = {Role.DPO, Role.ADMIN}


def has_role(user: User | AnonymousUser, *roles: Role) -> bool:
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


def can_list_candidates(user: User) -> bool:
    """The list of all candidates: officers and data-protection officers."""
    return has_role(user, *SEES_ALL_CANDIDATES)


def can_see_audit_trail(user: User) -> bool:
    return has_role(user, *SEES_AUDIT_TRAIL)


def can_follow_up_emails(user: User) -> bool:
    """The emails not delivered, and sending one again: officers."""
    return has_role(user, Role.OFFICER)


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


def can_manage_sessions(user: User) -> bool:
    """Planning, cancelling and booking information sessions is the officers' work."""
    return has_role(user, Role.OFFICER)


def sessions_for_user(user: User) -> QuerySet:
    from accueil.booking.models import InformationSession

    if can_manage_sessions(user):
        return InformationSession.objects.all()
    return InformationSession.objects.none()


def get_session_for_user(user: User, session_id):
    """The session, or 404 for anyone who may not manage sessions."""
    from accueil.booking.models import InformationSession

    try:
        return sessions_for_user(user).get(pk=session_id)
    except (InformationSession.DoesNotExist, ValueError, ValidationError) as missing:
        raise Http404 from missing


# The information session, the contract's signing and withdrawal, interview requests
# and the course calendar (intake, contracts, social and training pages).


def can_run_sessions(user: User) -> bool:
    """Checking candidates in and recording the information session: officers only."""
    return has_role(user, Role.OFFICER)


def get_booking_for_officer(user: User, session, booking_id):
    """A booking of `session` the officer may check in, or 404."""
    from accueil.booking.models import Booking

    if not can_run_sessions(user):
        raise Http404
    try:
        return Booking.objects.select_related("candidate", "session").get(
            pk=booking_id, session=session
        )
    except (Booking.DoesNotExist, ValueError, ValidationError) as missing:
        raise Http404 from missing


def get_candidate_for_formalities(user: User, candidate_id) -> Candidate:
    """The formalities document: officers, or the candidate themselves (403 for other
    roles, 404 for someone else's record)."""
    require_role(user, Role.OFFICER, Role.CANDIDATE)
    return get_candidate_for_user(user, candidate_id)


def get_contract_for_viewing(user: User, contract_id) -> Contract:
    """A contract's page and status history: officers, the data-protection officer
    (read-only) and the candidate who holds it."""
    require_role(user, Role.OFFICER, Role.DPO, Role.CANDIDATE)
    return get_contract_for_user(user, contract_id)


def get_contract_for_withdrawal(user: User, contract_id) -> Contract:
    """The contract is optional: its holder, or an officer for them, may withdraw it."""
    require_role(user, Role.OFFICER, Role.CANDIDATE)
    return get_contract_for_user(user, contract_id)


def can_withdraw_contract(user: User, contract: Contract) -> bool:
    if has_role(user, Role.OFFICER):
        return True
    return has_role(user, Role.CANDIDATE) and contract.candidate.user_id == user.pk


def can_handle_interviews(user: User) -> bool:
    return has_role(user, Role.SOCIAL_WORKER)


def can_see_interview_queue(user: User) -> bool:
    """Social workers handle the queue; officers, who make the requests, may read it."""
    return has_role(user, Role.SOCIAL_WORKER, Role.OFFICER)


def interview_requests_for_user(user: User) -> QuerySet:
    """Requests with, of their candidate, only the name and telephone number: the
    least a social worker needs to call them (their record stays out of reach).
    A social worker sees the requests nobody took and their own; officers see all."""
    from accueil.social.models import InterviewRequest

    if not can_see_interview_queue(user):
        return InterviewRequest.objects.none()
    requests = InterviewRequest.objects.select_related("candidate", "social_worker").only(
        "reason",
        "urgency",
        "status",
        "requested_at",
        "interview_on",
        "outcome",
        "taken_at",
        "social_worker__first_name",
        "social_worker__last_name",
        "candidate__surname",
        "candidate__first_name",
        "candidate__phone",
    )
    if has_role(user, Role.SOCIAL_WORKER):
        # A request someone took leaves the other social workers' view.
        requests = requests.filter(Q(social_worker__isnull=True) | Q(social_worker=user))
    return requests


def get_interview_request_for_user(user: User, request_id):
    from accueil.social.models import InterviewRequest

    try:
        return interview_requests_for_user(user).get(pk=request_id)
    except (InterviewRequest.DoesNotExist, ValueError, ValidationError) as missing:
        raise Http404 from missing


def can_manage_course_calendar(user: User) -> bool:
    """Officers fill in the calendar of citizenship sessions and orientation days."""
    return has_role(user, Role.OFFICER)


def course_organisers_for_user(user: User) -> QuerySet[Organisation]:
    """The organisations an officer may name as an event's organiser: all of them."""
    if can_manage_course_calendar(user):
        return Organisation.objects.all()
    return Organisation.objects.none()


def get_course_event_for_editing(user: User, event_id):
    from accueil.training.models import CourseEvent

    require_role(user, Role.OFFICER)
    try:
        return CourseEvent.objects.get(pk=event_id)
    except (CourseEvent.DoesNotExist, ValueError, ValidationError) as missing:
        raise Http404 from missing
