"""Reads of the interview requests that other pages need."""

from django.db.models import Case, IntegerField, QuerySet, Value, When

from accueil.social.models import InterviewRequest, RequestStatus, Urgency

URGENCY_RANK = Case(
    When(urgency=Urgency.HIGH, then=Value(0)),
    When(urgency=Urgency.MEDIUM, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def open_requests(requests: QuerySet[InterviewRequest]) -> QuerySet[InterviewRequest]:
    """Waiting requests, the most urgent first, then the longest waiting."""
    return requests.filter(status=RequestStatus.OPEN).order_by(URGENCY_RANK, "requested_at", "pk")
