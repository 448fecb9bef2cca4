"""Every change to a data subject's request, each in one transaction, audited by field
names (never the requester's text nor the answer's).

Seed 000, "Forms / Online services": the right "to access, rectify or, where
applicable, remove any information relating to you", "to withdraw your consent at any
time" and, "unless the processing of your personal data is compulsory", to "oppose the
processing of such data". The deadlines are those of `rules.data_subject` (GDPR art.
12(3)). Each change locks the request and refuses a request answered already, so two
clicks, two tabs or two officers answer it once.
"""

from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from accueil.accounts.models import User
from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.core import clock
from accueil.privacy import emails, erasure
from accueil.privacy.models import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    DataSubjectRequest,
    RequestKind,
    RequestStatus,
)
from accueil.registration import services as registration_services
from accueil.registration.models import Candidate
from accueil.rules import data_subject

# The identity details a rectification may change (issue 14, point 1): an integration
# officer approves them; the contact details the candidate changes themselves.
IDENTITY_FIELDS = ("surname", "first_name", "national_id", "birth_date", "nationalities")


class AlreadyAnswered(Exception):
    """The request was answered or refused already."""


class NotExtendable(Exception):
    """The new deadline would not be later than the current one."""


def _locked(request_id: int) -> DataSubjectRequest:
    found = DataSubjectRequest.objects.select_for_update(of=("self",)).select_related("candidate")
    locked = found.get(pk=request_id)
    if locked.status in CLOSED_STATUSES:
        raise AlreadyAnswered
    return locked


def request_submit(
    candidate: Candidate,
    *,
    kind: str,
    details: str = "",
    changes: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
) -> tuple[DataSubjectRequest, bool]:
    """The candidate asks (`kind`, with their reasons); received today, due one month
    later. A request of that kind still open is returned instead of a second one
    (a form sent twice, two tabs): `(request, created)`."""
    received_on = clock.today()
    deadline = data_subject.answer_deadline(received_on)
    stored_changes = {
        name: value.isoformat() if isinstance(value, date) else value
        for name, value in (changes or {}).items()
        if name in IDENTITY_FIELDS
    }
    with transaction.atomic():
        open_one = DataSubjectRequest.objects.filter(
            candidate=candidate, kind=kind, status__in=OPEN_STATUSES
        ).first()
        if open_one is not None:
            return open_one, False
        try:
            with transaction.atomic():
                made = DataSubjectRequest.objects.create(
                    candidate=candidate,
                    kind=kind,
                    received_on=received_on,
                    first_deadline=deadline,
                    deadline=deadline,
                    details=details.strip(),
                    changes=stored_changes,
                )
        except IntegrityError:
            # Another submit of the same form won the race: theirs is the request.
            return (
                DataSubjectRequest.objects.get(
                    candidate=candidate, kind=kind, status__in=OPEN_STATUSES
                ),
                False,
            )
        audit_record(
            action=Action.CREATE,
            target=made,
            request=request,
            fields=["kind", "details", *(["changes"] if stored_changes else [])],
            reason=f"data-rights request: {kind}",
        )
    return made, True


@transaction.atomic
def request_start(*, subject_request: DataSubjectRequest, actor: User) -> DataSubjectRequest:
    """The data-protection officer starts working on a request received."""
    locked = _locked(subject_request.pk)
    if locked.status != RequestStatus.RECEIVED:
        return locked
    locked.status = RequestStatus.IN_PROGRESS
    locked.save(update_fields=["status"])
    audit_record(
        action=Action.TRANSITION,
        actor=actor,
        target=locked,
        fields=["status"],
        reason=f"{RequestStatus.RECEIVED} -> {RequestStatus.IN_PROGRESS}",
    )
    return locked


@transaction.atomic
def request_extend(
    *, subject_request: DataSubjectRequest, further_months: int, reason: str, actor: User
) -> DataSubjectRequest:
    """Extend the deadline by one or two further months from receipt (GDPR art. 12(3):
    "may be extended by two further months where necessary"), for `reason`."""
    locked = _locked(subject_request.pk)
    new_deadline = data_subject.extended_deadline(locked.received_on, further_months)
    if new_deadline <= locked.deadline:
        raise NotExtendable
    before = locked.status
    locked.deadline, locked.extension_reason = new_deadline, reason.strip()
    locked.status = RequestStatus.EXTENDED
    locked.save(update_fields=["deadline", "extension_reason", "status"])
    audit_record(
        action=Action.TRANSITION,
        actor=actor,
        target=locked,
        fields=["deadline", "extension_reason", "status"],
        reason=f"{before} -> {RequestStatus.EXTENDED}",
    )
    emails.notify_extension(locked)
    return locked


def _close(locked: DataSubjectRequest, *, granted: bool, answer: str, actor: User) -> None:
    before = locked.status
    locked.status = RequestStatus.ANSWERED if granted else RequestStatus.REFUSED
    locked.answer, locked.answered_at, locked.answered_by = answer.strip(), timezone.now(), actor
    locked.save(update_fields=["status", "answer", "answered_at", "answered_by"])
    audit_record(
        action=Action.TRANSITION,
        actor=actor,
        target=locked,
        fields=["status", "answer", "answered_at", "answered_by"],
        reason=f"{before} -> {locked.status}",
    )


@transaction.atomic
def request_answer(
    *, subject_request: DataSubjectRequest, granted: bool, answer: str, actor: User
) -> DataSubjectRequest:
    """The data-protection officer answers (`granted`) or refuses, with the answer's
    text; the candidate is told by email or letter, in their language. Granting an
    erasure erases the person (`erasure.erase_candidate`) in this same transaction: the
    answer is kept only if the erasure is. A rectification is decided by an officer
    (`rectification_decide`)."""
    locked = _locked(subject_request.pk)
    if locked.kind == RequestKind.RECTIFICATION:
        raise ValueError("a rectification is decided by an integration officer")
    _close(locked, granted=granted, answer=answer, actor=actor)
    candidate = locked.candidate
    if candidate is not None and granted and locked.kind == RequestKind.ERASURE:
        # Nothing of the person is left to write to once erased: the message is made
        # now and sent once the erasure is committed.
        emails.notify_answer_before_erasure(locked)
        erasure.erase_candidate(
            candidate, actor=actor, reason=f"data-rights request {locked.pk} granted"
        )
    elif candidate is not None:
        emails.notify_answer(locked)
    return locked


class IdentityTaken(Exception):
    """The new identification number is another person's."""


@transaction.atomic
def rectification_decide(
    *, subject_request: DataSubjectRequest, approved: bool, answer: str, actor: User
) -> DataSubjectRequest:
    """An integration officer approves the identity details asked (applied through
    `registration.services.candidate_correct`, audited with the field names and the
    request as reason) or refuses them with a reason; the candidate is told."""
    locked = _locked(subject_request.pk)
    if locked.kind != RequestKind.RECTIFICATION:
        raise ValueError("only a rectification is decided by an officer")
    candidate = locked.candidate
    if approved and candidate is not None:
        changes: dict[str, Any] = dict(locked.changes)
        if "birth_date" in changes:
            changes["birth_date"] = date.fromisoformat(changes["birth_date"])
        try:
            registration_services.candidate_correct(
                candidate,
                changes=changes,
                reason=f"data-rights request {locked.pk}",
                actor=actor,
            )
        except registration_services.NationalIdTaken as taken:
            raise IdentityTaken from taken
    _close(locked, granted=approved, answer=answer, actor=actor)
    if candidate is not None:
        emails.notify_answer(locked)
    return locked


@transaction.atomic
def forget_requests_of(candidate: Candidate) -> int:
    """Blank the free text of `candidate`'s requests (their reasons, the corrections
    asked, the answers, the extension's reasons) and unlink them from the person: each
    stays as an anonymised record (kind, dates, status) that it was received and
    answered. For the erasure (issue 14, point 3). The number of requests."""
    requests = list(
        DataSubjectRequest.objects.select_for_update().filter(candidate=candidate).order_by("pk")
    )
    now = timezone.now()
    for item in requests:
        item.details, item.changes, item.answer = "", {}, ""
        if item.extension_reason:
            item.extension_reason = "-"  # the constraint keeps that it was extended
        item.candidate, item.forgotten_at = None, now
        item.save(
            update_fields=[
                "details",
                "changes",
                "answer",
                "extension_reason",
                "candidate",
                "forgotten_at",
            ]
        )
        audit_record(
            action=Action.UPDATE,
            target=item,
            fields=["details", "changes", "answer", "extension_reason", "candidate"],
            reason="anonymised: the person was erased",
        )
    return len(requests)
