"""Handling a request for an interview with a social worker: the interview is held and
its outcome recorded, or the request is closed without one.

Seed: "general guidance for the candidate, followed by a request for an interview
with a social worker, if required". Each change locks the request, refuses a request
already handled, and writes the change of status to the audit trail (the outcome's
text stays out of the trail: it names fields, not values).
"""

from datetime import date

from django.db import transaction

from accueil.audit.models import Action
from accueil.audit.service import audit_record
from accueil.social.models import InterviewRequest, RequestStatus


class AlreadyHandled(Exception):
    """The request was handled already (by this or another social worker)."""


def _handle(request_id: int, *, actor, status: str, fields: dict) -> InterviewRequest:
    interview = InterviewRequest.objects.select_for_update().get(pk=request_id)
    if interview.status != RequestStatus.OPEN:
        raise AlreadyHandled
    interview.status = status
    interview.social_worker = actor
    for name, value in fields.items():
        setattr(interview, name, value)
    interview.save(update_fields=["status", "social_worker", *fields])
    audit_record(
        action=Action.TRANSITION,
        actor=actor,
        target=interview,
        fields=["status", "social_worker", *fields],
        reason=f"{RequestStatus.OPEN} -> {status}",
    )
    return interview


@transaction.atomic
def interview_record(
    *, interview: InterviewRequest, interview_on: date, outcome: str, actor
) -> InterviewRequest:
    """The interview was held on `interview_on`; `outcome` says what came of it."""
    return _handle(
        interview.pk,
        actor=actor,
        status=RequestStatus.DONE,
        fields={"interview_on": interview_on, "outcome": outcome.strip()},
    )


@transaction.atomic
def interview_close(*, interview: InterviewRequest, reason: str, actor) -> InterviewRequest:
    """No interview will be held (the candidate declined, could not be reached...)."""
    return _handle(
        interview.pk, actor=actor, status=RequestStatus.CLOSED, fields={"outcome": reason.strip()}
    )
