"""Changing a contract's state: the one place where transitions are applied.

Every change locks the contract's row, checks the transition against
`contracts.states.TRANSITIONS`, and writes who did it and why to the audit trail.
"""

import secrets
from datetime import date, datetime
from decimal import Decimal
from typing import Any, cast

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from accueil.accounts.models import User
from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.contracts import review, states
from accueil.contracts.emails import notify_decision
from accueil.contracts.models import (
    Certificate,
    CertificateOrigin,
    Contract,
    ContractCounter,
    ContractStatus,
    SignatureMethod,
)
from accueil.contracts.selectors import covered_obligations, fulfilment
from accueil.contracts.tasks import render_contract_document
from accueil.core import clock
from accueil.core.uploads import HEAD_BYTES, detected_type
from accueil.intake.selectors import valid_document
from accueil.registration.models import Candidate
from accueil.rules import evaluate


class NoValidDocument(Exception):
    """No residence document valid today was checked: the contract cannot be signed."""


class InvalidScan(ValueError):
    """The scan is not a PDF, JPEG or PNG file (by its first bytes)."""


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
    """Move the contract to `to`, with the fields that change with it (dates, ...).
    `reason` is a code ("signed (paper)", "decided: fulfilled"), audited as
    "<from> -> <to>: <code>"; what a person typed (a withdrawal's reason, a decision's)
    is kept in the contract's own fields, never in the trail (issue 14, point 5)."""
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
        reason=f"{previous} -> {to}: {reason}" if reason else f"{previous} -> {to}",
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
    stored = None
    if scan:
        scan_name(scan)
        fields["signed_scan"] = scan
        stored = Contract.signed_scan.field.generate_filename(contract, str(scan.name))
    try:
        return _signed(contract=contract, actor=actor, method=method, request=request, **fields)
    except BaseException:
        # The transaction rolls back: the scan it wrote goes too (its name is random, so
        # no other contract's file can bear it). A process killed here leaves a file no
        # record names, never a record without its file.
        if stored and default_storage.exists(stored):
            default_storage.delete(stored)
        raise


def _signed(
    *, contract: Contract, actor: User, method: str, request: HttpRequest | None, **fields: Any
) -> Contract:
    signed = contract_transition(
        contract=contract,
        to=ContractStatus.IN_FORCE,
        actor=actor,
        reason=f"signed ({method})",
        request=request,
        **fields,
    )
    if signed.follows_id is not None:
        # Seed: "they may conclude a new contract": once it is signed, the contract not
        # fulfilled is superseded by it (in the same transaction as the signature).
        contract_transition(
            contract=cast(Contract, signed.follows),
            to=ContractStatus.SUPERSEDED,
            actor=actor,
            reason="follow-up signed",
            request=request,
        )
    # Queued in this transaction (the queue is a table of the database): the document is
    # made if and only if the signature is committed, even if this process dies just after.
    render_contract_document.enqueue(str(signed.pk))
    return signed


def scan_name(scan: "UploadedFile[Any]") -> None:
    """The scan is stored under a name the application chooses (issue 14, point 10):
    random, with the extension of the type its first bytes show (PDF, JPEG or PNG),
    never the client's name or extension, which may carry a person's name or claim a
    type the content is not."""
    head = scan.read(HEAD_BYTES)
    scan.seek(0)
    found = detected_type(head)
    if found is None:
        raise InvalidScan
    scan.name = f"{secrets.token_hex(16)}{found[1]}"


def contract_withdraw(
    *, contract: Contract, actor: User, reason: str, request: HttpRequest | None = None
) -> Contract:
    """The contract is optional: the candidate, or an officer for them, may end it. The
    reason they give is kept with the contract (`withdrawal_reason`, shown to the
    officers handling it and to the candidate), not in the audit trail, which the
    data-protection officer and administrators read: it may say something of the
    person's health or family (issue 14, point 5)."""
    return contract_transition(
        contract=contract,
        to=ContractStatus.WITHDRAWN,
        actor=actor,
        reason="",
        request=request,
        withdrawal_reason=reason[:500],
    )


# The decision at the end of the term (seed, "The end of the CAI contract": "the
# Integration Department will verify whether the signatory has met the requirements of
# the contract"), and the follow-up contract ("If, for reasons the Integration Department
# considers legitimate, the signatory has not fulfilled their obligations by the end of
# the contract, they may conclude a new contract, which will only apply to those
# obligations that were not fulfilled within the scope of the first contract").


class AlreadyDecided(Exception):
    """The contract is not under review any more: someone decided it a moment ago."""

    def __init__(self, contract: Contract):
        super().__init__(contract.status)
        self.contract = contract


class DecisionRefused(Exception):
    """The decision goes against rule cai.fulfilment evaluated now: "fulfilled" when
    an obligation is unmet, or "not fulfilled" when every obligation is met."""

    def __init__(self, outcome: str):
        super().__init__(outcome)
        self.outcome = outcome


def _evaluation(contract: Contract, on: date) -> dict[str, Any]:
    """What the review keeps: the day, the obligations met and unmet."""
    decision = fulfilment(contract, on)
    assert decision is not None  # a contract under review has its term
    return {
        "on": on.isoformat(),
        "met": list(decision.values["met"]),
        "unmet": list(decision.values["unmet"]),
        "outcome": decision.outcome,
        "fulfilled_on": decision.values["fulfilled_on"],
    }


@transaction.atomic
def contract_decide(
    *,
    contract: Contract,
    actor: User,
    outcome: str,
    reason: str = "",
    legitimate: bool = False,
    request: HttpRequest | None = None,
) -> Contract:
    """The officer's decision on a contract under review: "fulfilled" (only when rule
    cai.fulfilment, evaluated today from the certificates, says so: a paper certificate
    recorded during the review counts), or "not fulfilled", with a reason shown to the
    candidate, possibly for a legitimate reason (which opens the way to a follow-up).

    The contract's row is locked first: of two officers deciding at once (or a double
    submit), the second finds it decided and gets `AlreadyDecided`. The review is
    brought up to the day of the decision (what the term review found is kept under
    "at_term"); the candidate is emailed, once, when the decision is committed."""
    locked = Contract.objects.select_for_update().get(pk=contract.pk)  # this row only
    if locked.status != ContractStatus.UNDER_REVIEW:
        raise AlreadyDecided(locked)
    reason = reason.strip()
    if outcome == ContractStatus.NOT_FULFILLED and not reason:
        raise ValueError("a decision 'not fulfilled' needs its reason")
    if outcome not in (ContractStatus.FULFILLED, ContractStatus.NOT_FULFILLED):
        raise ValueError(f"unknown outcome {outcome!r}")
    now = clock.today()
    found = _evaluation(locked, now)
    rule_says = found.pop("outcome")
    fulfilled_on = found.pop("fulfilled_on")
    if (outcome == ContractStatus.FULFILLED) != (rule_says == "fulfilled"):
        raise DecisionRefused(outcome)
    review = {**found, "at_term": locked.review.get("at_term", locked.review)}
    legitimate = legitimate and outcome == ContractStatus.NOT_FULFILLED
    label = "fulfilled" if outcome == ContractStatus.FULFILLED else "not fulfilled"
    if legitimate:
        label += " for a legitimate reason"
    decided = contract_transition(
        contract=locked,
        to=outcome,
        actor=actor,
        reason=f"decided: {label}",
        request=request,
        review=review,
        decided_at=timezone.now(),
        decided_by=actor,
        decision_reason=reason[:2000],
        reason_legitimate=legitimate,
        fulfilled_on=fulfilled_on,
    )
    notify_decision(decided)
    return decided


class FollowUpRefused(Exception):
    """No follow-up for this contract: not decided "not fulfilled for a legitimate
    reason", or the candidate holds another live contract."""


def follow_up_obligations(contract: Contract) -> tuple[tuple[str, ...], dict[str, Any]]:
    """What a follow-up of `contract` covers (rule cai.follow_up: the obligations the
    review found unmet, the reason accepted as legitimate) and its `obligations`, in the
    shape of rule cai.obligations' values, kept to those codes."""
    decision = evaluate(
        "cai.follow_up",
        {
            "unmet_obligations": list(contract.review.get("unmet") or []),
            "reason_accepted_as_legitimate": contract.reason_legitimate,
            "previous_term_last_day": contract.last_day.isoformat() if contract.last_day else None,
        },
    )
    if decision.outcome != "follow_up_allowed":
        raise FollowUpRefused(decision.outcome)
    covers = tuple(decision.values["covers"])
    kept = {item.get("code"): item for item in contract.obligations.get("obligations") or []}
    # Restricted to what the first contract covered (a follow-up of a follow-up).
    covers = tuple(code for code in covers if code in covered_obligations(contract.obligations))
    if not covers:
        raise FollowUpRefused("not_needed")
    obligations = {
        **contract.obligations,
        "obligations": [kept.get(code, {"code": code}) for code in covers],
    }
    return covers, obligations


@transaction.atomic
def contract_follow_up(
    *, contract: Contract, actor: User, request: HttpRequest | None = None
) -> Contract:
    """Open the follow-up of a contract not fulfilled for a legitimate reason: a draft,
    in the candidate's language, covering only the obligations left unmet, signed like
    the first (its own term starts when it is signed; the first is superseded then).
    Run twice, it gives the follow-up opened the first time."""
    locked = Contract.objects.select_for_update().get(pk=contract.pk)  # this row only
    existing = Contract.objects.filter(follows=locked).first()
    if existing is not None:
        return existing
    if locked.status != ContractStatus.NOT_FULFILLED or not locked.reason_legitimate:
        raise FollowUpRefused(locked.status)
    _covers, obligations = follow_up_obligations(locked)
    try:
        with transaction.atomic():
            follow_up = Contract.objects.create(
                candidate=locked.candidate,
                number=next_number(clock.today().year),
                status=ContractStatus.DRAFT,
                language=locked.candidate.information_language,
                obligations=obligations,
                follows=locked,
            )
    except IntegrityError as live:  # the candidate holds a live contract already
        raise FollowUpRefused("live contract") from live
    audit_record(
        action=Action.CREATE,
        actor=actor,
        target=follow_up,
        request=request,
        reason=f"follow-up of contract {locked.pk}",
    )
    return follow_up


def contract_term_review(today: date | None = None) -> dict[str, int]:
    """The review at term (`contracts.review`, run by the job "term-review") for callers
    outside this app: every contract in force whose term ended by `today`, reviewed."""
    return review.term_review(today)


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
    audit_record(
        action=Action.CREATE,
        actor=actor,
        target=certificate,
        request=request,
        subject=contract.candidate_id,
    )
    return certificate


@transaction.atomic
def certificate_remove(
    *, certificate: Certificate, actor: User, request: HttpRequest | None = None
) -> None:
    """Take a certificate off the contract (a revoked certificate meets nothing): the
    removal stays in the audit trail; why it was revoked, with the training certificate
    (`revocation_reason`)."""
    audit_record(
        action=Action.DELETE,
        actor=actor,
        target=certificate,
        request=request,
        reason="certificate revoked",
        subject=certificate.contract.candidate_id,
    )
    certificate.delete()


# What an erased person's contract says where a reason is required (a legitimate
# reason must be recorded, constraint contract_legitimate_reason_recorded).
ERASED_TEXT = "—"


def contracts_forget(candidate: Candidate) -> list[str]:
    """An erased person's contracts (privacy.erasure), in the caller's transaction: the
    number, dates, status, obligations and certificates stay (what the law requires:
    that a contract was signed and fulfilled); the reasons written about the person and
    the files (scan of the signed copy, the contract's PDF, which print their name) go.
    The files are deleted once the transaction is committed (a rollback keeps them); a
    worker that dies before leaves them to the retention job's sweep of files no record
    names. The names of the fields changed."""
    changed: set[str] = set()
    files: list[str] = []
    for contract in Contract.objects.select_for_update().filter(candidate=candidate):
        updates: dict[str, Any] = {}
        for name in ("signed_scan", "document"):
            if getattr(contract, name).name:
                files.append(getattr(contract, name).name)
                updates[name] = ""
        if contract.withdrawal_reason:
            updates["withdrawal_reason"] = ""
        reason = ERASED_TEXT if contract.reason_legitimate else ""
        if contract.decision_reason != reason:
            updates["decision_reason"] = reason
        if updates:
            Contract.objects.filter(pk=contract.pk).update(**updates)
            changed.update(updates)
    if files:
        transaction.on_commit(lambda: delete_files(files))
    return sorted(changed)


def delete_files(names: list[str]) -> None:
    """Delete stored files by name (those already gone are skipped)."""
    for name in names:
        default_storage.delete(name)


def unreferenced_files_delete(*, before: datetime) -> int:
    """Delete the contracts' stored files (scans, PDFs) that no contract names any more
    and that were last written before `before` (a file being saved now is not yet
    named): left when a worker died between an erasure's commit and its deleting the
    files, or between rendering a PDF and recording it. The number deleted."""
    named = set(Contract.objects.exclude(signed_scan="").values_list("signed_scan", flat=True))
    named |= set(Contract.objects.exclude(document="").values_list("document", flat=True))
    deleted = 0
    for folder in ("contracts/scans", "contracts"):
        try:
            _dirs, files = default_storage.listdir(folder)
        except FileNotFoundError:
            continue
        for filename in files:
            name = f"{folder}/{filename}"
            if name in named or default_storage.get_modified_time(name) >= before:
                continue
            default_storage.delete(name)
            deleted += 1
    return deleted
