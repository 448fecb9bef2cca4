"""Changing a contract's state: the one place where transitions are applied.

Every change locks the contract's row, checks the transition against
`contracts.states.TRANSITIONS`, and writes who did it and why to the audit trail.
"""

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from accueil.accounts.models import User
from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.contracts import states
from accueil.contracts.models import (
    Certificate,
    CertificateOrigin,
    Contract,
    ContractCounter,
    ContractStatus,
    SignatureMethod,
)
from accueil.contracts.tasks import render_contract_document
from accueil.core import clock
from accueil.intake.selectors import valid_document
from accueil.registration.models import Candidate
from accueil.rules import evaluate


class NoValidDocument(Exception):
    """No residence document valid today was checked: the contract cannot be signed."""


class TransitionNotAllowed(Exception):
    def __init__(self, from_status: str, to_status: str):
        super().__init__(f"{from_status} -> {to_status}")
        self.from_status, self.to_status = from_status, to_status


@transaction.atomic
def contract_transition(
    *,
    contract: Contract,
    to: str,
    actor: User,
    reason: str,
    request: HttpRequest | None = None,
    **fields: Any,
) -> Contract:
    """Move the contract to `to`, with the fields that change with it (dates, ...)."""
    locked = Contract.objects.select_for_update().get(pk=contract.pk)
    if not states.allowed(locked.status, to):
        raise TransitionNotAllowed(locked.status, to)
    previous = locked.status
    locked.status = to
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.save(update_fields=["status", *fields])
    audit_record(
        action=Action.TRANSITION,
        actor=actor,
        target=locked,
        request=request,
        fields=["status", *fields],
        reason=f"{previous} -> {to}: {reason}",
    )
    return locked


def next_number(year: int) -> str:
    """CAI-<year>-<6 digits>, from a counter row locked for the transaction."""
    counter, _created = ContractCounter.objects.select_for_update().get_or_create(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"CAI-{year}-{counter.last:06d}"


@transaction.atomic
def contract_draft(
    *,
    candidate: Candidate,
    actor: User,
    language_levels: dict[str, str] | None = None,
    needs_literacy: bool = False,
    request: HttpRequest | None = None,
) -> Contract:
    """Prepare the contract after the information session, in the candidate's language."""
    today = clock.today()
    decision = evaluate(
        "cai.obligations",
        {
            "language_levels": language_levels or {},
            "needs_literacy": needs_literacy,
            "on": today.isoformat(),
        },
    )
    contract = Contract.objects.create(
        candidate=candidate,
        number=next_number(today.year),
        status=ContractStatus.DRAFT,
        language=candidate.information_language,
        obligations=decision.to_dict("en")["values"],
    )
    audit_record(action=Action.CREATE, actor=actor, target=contract, request=request)
    return contract


@transaction.atomic
def contract_sign(
    *,
    contract: Contract,
    actor: User,
    method: str,
    entry_into_force: date | None = None,
    scan: "UploadedFile[Any] | None" = None,
    request: HttpRequest | None = None,
) -> Contract:
    """Both parties sign: the contract enters into force for the term the rules give."""
    start = entry_into_force or clock.today()
    if not valid_document(contract.candidate, clock.today()):
        raise NoValidDocument
    term = evaluate("cai.term", {"entry_into_force": start.isoformat()}).values
    if method == SignatureMethod.PAPER and not scan:
        raise ValueError("a paper signature needs the scan of the signed copy")
    fields = {
        "entry_into_force": start,
        "end_exclusive": term["end_exclusive"],
        "signature_method": method,
        "signed_at": timezone.now(),
        "signed_by": actor,
    }
    if scan:
        fields["signed_scan"] = scan
    signed = contract_transition(
        contract=contract,
        to=ContractStatus.IN_FORCE,
        actor=actor,
        reason=f"signed ({method})",
        request=request,
        **fields,
    )
    # Queued in this transaction (the queue is a table of the database): the document is
    # made if and only if the signature is committed, even if this process dies just after.
    render_contract_document.enqueue(str(signed.pk))
    return signed


def contract_withdraw(
    *, contract: Contract, actor: User, reason: str, request: HttpRequest | None = None
) -> Contract:
    """The contract is optional: the candidate, or an officer for them, may end it."""
    return contract_transition(
        contract=contract,
        to=ContractStatus.WITHDRAWN,
        actor=actor,
        reason=reason,
        request=request,
        withdrawal_reason=reason[:500],
    )


# Certificates: what meets the contract's obligations (rule cai.fulfilment reads them).


class CertificateAlreadyRecorded(Exception):
    """The same certificate (obligation, date, issuer) is already on the contract."""


def certificate_record(
    *,
    contract: Contract,
    obligation: str,
    issued_on: date,
    issuer: str,
    actor: User,
    hours: Decimal | None = None,
    sessions: int | None = None,
    literacy: bool = False,
    origin: str = CertificateOrigin.PAPER,
    code: str = "",
    request: HttpRequest | None = None,
) -> Certificate:
    """Add a certificate to the contract: one issued in Accueil (`origin` ISSUED, with its
    verification code) or one brought on paper and recorded by an officer. The path and
    the fulfilment check take it into account at once."""
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                contract=contract,
                obligation=obligation,
                issued_on=issued_on,
                issuer=issuer[:200],
                hours=hours,
                sessions=sessions,
                literacy=literacy,
                origin=origin,
                code=code,
                recorded_by=actor,
            )
    except IntegrityError as twice:
        raise CertificateAlreadyRecorded from twice
    audit_record(action=Action.CREATE, actor=actor, target=certificate, request=request)
    return certificate


@transaction.atomic
def certificate_remove(
    *, certificate: Certificate, actor: User, reason: str, request: HttpRequest | None = None
) -> None:
    """Take a certificate off the contract (a revoked certificate meets nothing): the
    removal, with its reason, stays in the audit trail."""
    audit_record(
        action=Action.DELETE, actor=actor, target=certificate, request=request, reason=reason
    )
    certificate.delete()
