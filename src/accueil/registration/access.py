"""The candidates a user may see: everyone's for officers and data-protection officers,
their own for a candidate, none for anyone else (404, not 403: an outsider must not
learn that a record exists)."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404

from accueil.accounts.access import SEES_ALL_CANDIDATES, has_role, require_role
from accueil.accounts.models import Role, User
from accueil.registration.models import Candidate


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


def get_candidate_for_formalities(user: User, candidate_id) -> Candidate:
    """The formalities document: officers, or the candidate themselves (403 for other
    roles, 404 for someone else's record)."""
    require_role(user, Role.OFFICER, Role.CANDIDATE)
    return get_candidate_for_user(user, candidate_id)
