"""The interview requests a user may see: social workers those nobody took and their
own, officers all of them; 404 for anyone else."""

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404

from accueil.accounts.access import can_see_interview_queue, has_role
from accueil.accounts.models import Role, User
from accueil.social.models import InterviewRequest


def interview_requests_for_user(user: User) -> QuerySet[InterviewRequest]:
    """Requests with, of their candidate, only the name and telephone number: the
    least a social worker needs to call them (their record stays out of reach).
    A social worker sees the requests nobody took and their own; officers see all."""
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


def get_interview_request_for_user(user: User, request_id) -> InterviewRequest:
    try:
        return interview_requests_for_user(user).get(pk=request_id)
    except (InterviewRequest.DoesNotExist, ValueError, ValidationError) as missing:
        raise Http404 from missing
