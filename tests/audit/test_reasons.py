"""Issue 14, point 5: the trail holds no free text that may carry personal data. A
reason is a code the program writes; what a person typed stays with its record."""

import ast
import importlib
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from accueil.audit.models import Action, AuditEvent
from accueil.audit.services import ReasonNotACode, audit_record, reason_is_code
from accueil.contracts import services as contract_services
from accueil.contracts.models import Contract, ContractStatus
from accueil.registration import selectors as registration_selectors
from accueil.registration import services as registration_services
from accueil.registration.models import Correction

SRC = Path(__file__).resolve().parents[2] / "src" / "accueil"
TYPED = "Ill since March: Hôpital Kirchberg\nsee Dr Weber"


@pytest.mark.parametrize(
    "reason",
    [
        "in_force -> withdrawn",
        "draft -> in_force: signed (paper)",
        "statistics csv seats, 2025-01 to 2025-03",
        "no such account (0a1b2c)",
        "",
    ],
)
def test_codes_are_accepted(reason):
    assert reason_is_code(reason)


@pytest.mark.parametrize(
    "reason",
    [
        "Moving abroad",  # a capital
        "déménagement",  # an accent
        "line one\nline two",  # a line break
        "write to ana@example.lu",  # an address
        "call +352 621 123 456",  # a telephone number
        "a" * 201,  # longer than a code
    ],
)
def test_audit_record_refuses_typed_text(db, officer, reason):
    with pytest.raises(ReasonNotACode):
        audit_record(action=Action.UPDATE, actor=officer, reason=reason)
    assert not AuditEvent.objects.exists()


def test_the_database_refuses_a_reason_that_is_not_a_code(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEvent.objects.create(action=Action.UPDATE, reason="Moving abroad")
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEvent.objects.create(action=Action.UPDATE, reason="moving\n")


def test_a_withdrawals_reason_stays_with_the_contract(officer, stranger):
    contract = Contract.objects.get(candidate=stranger)
    contract_services.contract_withdraw(contract=contract, actor=officer, reason=TYPED)
    contract.refresh_from_db()
    assert contract.withdrawal_reason == TYPED
    event = AuditEvent.objects.get(action=Action.TRANSITION, target_id=str(contract.pk))
    assert event.reason == f"{ContractStatus.IN_FORCE} -> {ContractStatus.WITHDRAWN}"
    assert event.subject == stranger.pk
    assert not AuditEvent.objects.filter(reason__icontains="ill").exists()


def test_the_withdrawals_reason_is_shown_to_the_officers_and_the_candidate_only(
    client, officer, dpo, candidate_user
):
    contract = Contract.objects.get(candidate__user=candidate_user)
    contract_services.contract_withdraw(contract=contract, actor=officer, reason="Moving abroad")
    url = reverse("officer_contracts:detail", args=[contract.pk])
    for user, shown in ((officer, True), (candidate_user, True), (dpo, False)):
        client.force_login(user)
        page = client.get(url)
        assert page.status_code == 200
        assert ("Moving abroad" in page.content.decode()) is shown, user.role


def test_a_corrections_reason_stays_with_the_candidate(officer, stranger):
    changed = registration_services.candidate_correct(
        stranger, changes={"surname": "Silva"}, reason=TYPED, actor=officer
    )
    assert changed == ["surname"]
    correction = Correction.objects.get(candidate=stranger)
    assert correction.reason == TYPED and correction.by == officer
    assert correction.fields == ["surname"]
    event = AuditEvent.objects.get(action=Action.UPDATE, target_id=str(stranger.pk))
    assert event.reason == registration_selectors.CORRECTED
    assert event.fields == ["surname"]
    [shown] = registration_selectors.corrections(stranger)
    assert shown["reason"] == TYPED and shown["actor"] == officer


# Every call site: the reason passed to audit_record is written by the program.

TYPED_NAMES = ("reason", "note", "comment", "typed", "why", "detail", "message")


def _written_by_the_program(node: ast.expr) -> bool:
    """A string literal, a name that is not typed text (a status, a kind: no "reason",
    "note", "comment" ...), the receivers' `_code(...)`, or an f-string / conditional
    made of those."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.Name | ast.Attribute):
        name = node.id if isinstance(node, ast.Name) else node.attr
        if name.isupper():  # a constant: EXPORT_REASON = "audit trail csv"
            return True
        return not any(word in ast.unparse(node).lower() for word in TYPED_NAMES)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id in ("_code", "str") and all(
            not any(word in ast.unparse(arg).lower() for word in TYPED_NAMES) for arg in node.args
        )
    if isinstance(node, ast.BinOp):
        return _written_by_the_program(node.left) and _written_by_the_program(node.right)
    if isinstance(node, ast.IfExp):
        return _written_by_the_program(node.body) and _written_by_the_program(node.orelse)
    if isinstance(node, ast.JoinedStr):
        return all(
            isinstance(part, ast.Constant)
            or not any(word in ast.unparse(part.value).lower() for word in TYPED_NAMES)
            for part in node.values
            if isinstance(part, ast.Constant | ast.FormattedValue)
        )
    return False


# The functions whose `reason` goes into the trail, and the places that pass their own
# `reason` parameter on (their callers are checked instead).
CHECKED = (
    "audit_record",
    "audit_about",
    "contract_transition",
    "version_raise",
    "_assign",
    "account_event",
)
PASSED_ON = {
    (
        "contracts/services.py",
        "f'{previous} -> {to}: {reason}' if reason else f'{previous} -> {to}'",
    ),
    ("registration/services.py", "reason"),
    ("social/services.py", "reason"),
    ("audit/receivers.py", "reason"),  # accounts.services.account_event's, checked there
}


def _calls():
    for path in sorted(SRC.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) in CHECKED
            ):
                for keyword in node.keywords:
                    if keyword.arg == "reason":
                        yield f"{path.relative_to(SRC)}:{node.lineno}", keyword.value


def test_every_reason_given_to_the_trail_is_written_by_the_program():
    calls = list(_calls())
    assert len(calls) > 20  # the walk found the call sites
    typed = [
        f"{where}: reason={ast.unparse(value)}"
        for where, value in calls
        if not _written_by_the_program(value)
        and (where.split(":")[0], ast.unparse(value)) not in PASSED_ON
    ]
    assert typed == []


def test_the_scrub_keeps_codes_and_blanks_typed_text():
    scrub = importlib.import_module("accueil.audit.migrations.0003_scrub_reasons_fill_subjects")

    def scrubbed(reason, target_type="", action="update"):
        return scrub.scrubbed(
            SimpleNamespace(reason=reason, target_type=target_type, action=action)
        )

    assert scrubbed("in_force -> withdrawn: moving abroad", "contracts.contract", "transition") == (
        "in_force -> withdrawn"
    )
    assert scrubbed("in_force -> withdrawn: Ill", "contracts.contract", "transition") == (
        "in_force -> withdrawn"
    )
    assert scrubbed("draft -> in_force: signed (paper)", "contracts.contract", "transition") == (
        "draft -> in_force: signed (paper)"
    )
    assert scrubbed("details corrected by an officer: new address", "registration.candidate") == (
        "details corrected by an officer"
    )
    assert scrubbed("lost it", "training.voucher", "transition") == "revoked"
    assert scrubbed("wrong person", "training.trainingcertificate") == "revoked"
    assert scrubbed("wrong person", "contracts.certificate", "delete") == "certificate revoked"
    assert scrubbed("other: the room flooded", "booking.informationsession", "transition") == (
        "other"
    )
    assert scrubbed("statistics CSV seats, 2025-01 to 2025-03") == (
        "statistics csv seats, 2025-01 to 2025-03"
    )
    assert scrubbed("no such account (None)") == "no such account (none)"
    assert scrubbed("Candidate phoned: Ana Silva") == ""
    assert scrubbed("follow-up CAI-2026-000123 signed") == ""
    assert scrubbed("a\nb") == ""


@pytest.mark.parametrize(
    ("source", "allowed"),
    [
        ("reason", False),
        ("f'{previous} -> {to}: {reason}'", False),
        ("locked.revoke_reason", False),
        ("'withdrawn: ' + form.cleaned_data['why']", False),
        ("'revoked'", True),
        ("ATTEMPT_REASON", True),
        ("f'{previous} -> {to}'", True),
        ("_code(sign_in_how(request))", True),
    ],
)
def test_the_call_site_check_tells_typed_text_from_codes(source, allowed):
    assert _written_by_the_program(ast.parse(source, mode="eval").body) is allowed
