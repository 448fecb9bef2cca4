"""Handling a request for an interview with a social worker: a social worker takes it
(from then on only they see it), then the interview is held and its outcome recorded,
or the request is closed without one; a request taken can be given back to the queue.

Seed: "general guidance for the candidate, followed by a request for an interview
with a social worker, if required". Each change locks the request, refuses a request
already handled, and writes the change of status to the audit trail (the outcome's
text stays out of the trail: it names fields, not values).
"""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from accueil.accounts.models import User
from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.registration.models import Candidate
from accueil.social.models import InterviewRequest, RequestStatus


class AlreadyHandled(Exception):
    """The request was handled already (by this or another social worker)."""


class TakenByAnother(Exception):
    """Another social worker took the request."""


def _open_for(request_id: int, actor: User) -> InterviewRequest:
    """The request, locked, if it is open and free or taken by `actor`."""
    interview = InterviewRequest.objects.select_for_update().get(pk=request_id)
    if interview.status != RequestStatus.OPEN:
        raise AlreadyHandled
    if interview.social_worker_id not in (None, actor.pk):
        raise TakenByAnother
    return interview


def _assign(
    interview: InterviewRequest, *, worker: User | None, actor: User, reason: str
) -> InterviewRequest:
    """Give the open request to `worker` (None: back to the queue), audited."""
    interview.social_worker, interview.taken_at = worker, timezone.now() if worker else None
    interview.save(update_fields=["social_worker", "taken_at"])
    audit_record(
        action=Action.UPDATE,
        actor=actor,
        target=interview,
        fields=["social_worker", "taken_at"],
        reason=reason,
    )
    return interview


@transaction.atomic
def interview_take(*, interview: InterviewRequest, actor: User) -> InterviewRequest:
    """`actor` takes the request: it leaves the other social workers' queue."""
    interview = _open_for(interview.pk, actor)
    if interview.social_worker_id is not None:
        return interview  # theirs already
    return _assign(interview, worker=actor, actor=actor, reason="taken")


@transaction.atomic
def interview_release(*, interview: InterviewRequest, actor: User) -> InterviewRequest:
    """`actor` gives the request back to the queue, for another social worker."""
    interview = _open_for(interview.pk, actor)
    if interview.social_worker_id is None:
        return interview
    return _assign(interview, worker=None, actor=actor, reason="given back")


def _handle(
    request_id: int, *, actor: User, status: str, fields: dict[str, Any]
) -> InterviewRequest:
    interview = _open_for(request_id, actor)
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
    *, interview: InterviewRequest, interview_on: date, outcome: str, actor: User
) -> InterviewRequest:
    """The interview was held on `interview_on`; `outcome` says what came of it."""
    return _handle(
        interview.pk,
        actor=actor,
        status=RequestStatus.DONE,
        fields={"interview_on": interview_on, "outcome": outcome.strip()},
    )


@transaction.atomic
def interview_close(*, interview: InterviewRequest, reason: str, actor: User) -> InterviewRequest:
    """No interview will be held (the candidate declined, could not be reached...)."""
    return _handle(
        interview.pk, actor=actor, status=RequestStatus.CLOSED, fields={"outcome": reason.strip()}
    )


def interview_requests_forget(candidate: Candidate) -> list[str]:
    """An erased person's requests for an interview (privacy.erasure), in the caller's
    transaction: the reason and the outcome written about them go; a request still open
    is closed without an interview (nobody is left to meet); the rows stay, for the
    social workers' counts. The names of the fields changed."""
    requests = InterviewRequest.objects.filter(candidate=candidate)
    changed: set[str] = set()
    if requests.filter(status=RequestStatus.OPEN).update(status=RequestStatus.CLOSED):
        changed.add("status")
    if requests.exclude(reason="", outcome="").update(reason="", outcome=""):
        changed.update(["reason", "outcome"])
    return sorted(changed)
