"""Who may see which data-rights requests (issue 14, points 1 and 2), 404 for anyone
else: a candidate their own; the data-protection officer all of them; integration
officers only the rectifications, which they decide; nobody else any."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404

from accueil.accounts.access import has_role
from accueil.accounts.models import Role, User
from accueil.privacy.models import DataSubjectRequest, RequestKind
from accueil.registration.access import candidates_for_user
from accueil.registration.models import Candidate


def can_exercise_rights(user: User) -> bool:
    """A candidate with an account: their copy, their requests."""
    return has_role(user, Role.CANDIDATE)


def can_work_request_queue(user: User) -> bool:
    """The data-protection officer answers the requests."""
    return has_role(user, Role.DPO)


def can_decide_rectifications(user: User) -> bool:
    """Integration officers approve or refuse a change of identity details."""
    return has_role(user, Role.OFFICER)


def own_candidate(user: User) -> Candidate | None:
    """The candidate's own registration, or None."""
    if not can_exercise_rights(user):
        return None
    return candidates_for_user(user).first()


def requests_for_user(user: User) -> QuerySet[DataSubjectRequest]:
    requests = DataSubjectRequest.objects.select_related("candidate")
    if can_work_request_queue(user):
        return requests
    if can_decide_rectifications(user):
        return requests.filter(kind=RequestKind.RECTIFICATION)
    if can_exercise_rights(user):
        candidate = own_candidate(user)
        return requests.filter(candidate=candidate) if candidate else requests.none()
    return requests.none()


def get_request_for_user(user: User, request_id) -> DataSubjectRequest:
    try:
        return requests_for_user(user).get(pk=request_id)
    except (DataSubjectRequest.DoesNotExist, ValueError, ValidationError) as missing:
        raise Http404 from missing
