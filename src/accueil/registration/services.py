"""Registering a candidate (seed, "How to proceed"), online or by an officer.

The seed lists what a registration holds: "surname and first name; social security
number; telephone number; postal address or email address; the language in which
CAI information should be communicated", and "whether an interpreter is required".
Only someone who may sign a contract (rule `cai.eligibility`) can register.
"""

import uuid
from dataclasses import asdict, dataclass, field
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from accueil.audit.models import Action
from accueil.audit.service import audit_record
from accueil.registration.models import Candidate, Channel
from accueil.rules import Decision, evaluate


@dataclass(frozen=True)
class RegistrationData:
    surname: str
    first_name: str
    national_id: str
    birth_date: date
    phone: str
    information_language: str
    nationalities: list[str] = field(default_factory=list)
    email: str = ""
    postal_address: str = ""
    interpreter_needed: bool = False
    interpreter_language: str = ""
    legally_resident: bool = False
    wishes_to_settle: bool = False


class AlreadyRegistered(Exception):
    """This identification number is registered already (the person is not told more)."""


class NotEligible(Exception):
    def __init__(self, decision: Decision):
        super().__init__(decision.outcome)
        self.decision = decision


def eligibility(data: RegistrationData, on: date) -> Decision:
    return evaluate(
        "cai.eligibility",
        {
            "birth_date": data.birth_date.isoformat(),
            "on": on.isoformat(),
            "nationalities": data.nationalities,
            "legally_resident": data.legally_resident,
            "wishes_to_settle": data.wishes_to_settle,
        },
    )


def _submitted(submission_id: uuid.UUID | None) -> Candidate | None:
    if submission_id is None:
        return None
    return Candidate.objects.filter(submission_id=submission_id).first()


@transaction.atomic
def candidate_register(
    *,
    data: RegistrationData,
    channel: str = Channel.ONLINE,
    actor=None,
    submission_id: uuid.UUID | None = None,
    request=None,
) -> Candidate:
    """Create the registration; a repeated submission returns the first one.

    In its own atomic block, so a refusal leaves the caller's transaction usable."""
    if same := _submitted(submission_id):
        return same
    try:
        # Only a submission_id needs a query after a refused insert (its twin may have
        # got there first), hence a savepoint; without one the function's own block
        # rolls back (two round trips less).
        with transaction.atomic(savepoint=submission_id is not None):
            return candidate_create(
                data=data,
                channel=channel,
                actor=actor,
                submission_id=submission_id,
                request=request,
            )
    except AlreadyRegistered:
        if same := _submitted(submission_id):
            return same
        raise


def candidate_create(
    *,
    data: RegistrationData,
    channel: str = Channel.ONLINE,
    actor=None,
    submission_id: uuid.UUID | None = None,
    request=None,
) -> Candidate:
    """A new registration, its audit event and its email, in the caller's transaction
    with no savepoint of its own: NotEligible, or AlreadyRegistered (the number or the
    submission_id is taken), leaves the caller's atomic block to roll back whole.
    For callers that give everything up on a refusal; others call candidate_register."""
    decision = eligibility(data, timezone.localdate())
    if decision.outcome != "eligible":
        raise NotEligible(decision)
    fields = asdict(data)
    fields["legal_residence_confirmed"] = fields.pop("legally_resident")
    try:
        candidate = Candidate.objects.create(
            **fields,
            channel=channel,
            registered_by=actor,
            consent_at=timezone.now(),
            submission_id=submission_id,
        )
    except IntegrityError:
        raise AlreadyRegistered from None
    audit_record(
        action=Action.CREATE,
        actor=actor,
        target=candidate,
        request=request,
        reason=f"registered ({channel})",
    )
    if candidate.email:
        from accueil.notifications.tasks import candidate_email

        candidate_email("registered", candidate.pk)
    return candidate
