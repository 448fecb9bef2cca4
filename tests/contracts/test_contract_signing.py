"""Drafting, signing and withdrawing a contract, and its PDF in the candidate's language."""

import subprocess
from datetime import date

import pytest
from django.core.files.base import ContentFile

from accueil.contracts import services
from accueil.contracts.documents import contract_pdf
from accueil.contracts.models import ContractStatus, SignatureMethod
from tests import factories


def pdf_text(pdf: bytes) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True, timeout=30
    )
    return result.stdout.decode()


@pytest.fixture
def draft(db, officer):
    person = factories.candidate(
        surname="Haddad", first_name="Amina", information_language="fr", nationalities=["MA"]
    )
    factories.residence_document(person, checked_by=officer)
    return services.contract_draft(candidate=person, actor=officer, language_levels={"fr": "A2"})


def test_a_draft_gets_the_next_number_of_the_year_and_the_candidates_language(draft, officer):
    other = services.contract_draft(candidate=factories.candidate(), actor=officer)
    year = date.today().year
    assert draft.number == f"CAI-{year}-000001"
    assert other.number == f"CAI-{year}-000002"
    assert draft.language == "fr"
    options = draft.obligations["obligations"][0]["options"]
    assert {"language": "fr", "aim": "further"} in options


def test_signing_puts_the_contract_in_force_for_the_rules_term(
    draft, officer, django_capture_on_commit_callbacks, run_tasks
):
    with django_capture_on_commit_callbacks(execute=True):
        signed = services.contract_sign(
            contract=draft,
            actor=officer,
            method=SignatureMethod.CONFIRMED,
            entry_into_force=date(2024, 2, 29),
        )
    assert signed.status == ContractStatus.IN_FORCE
    # The anniversary of 29 February in a common year is 1 March (issue 9, point 12;
    # it was 28 February, a term a day shorter than one from 28 February).
    assert (signed.entry_into_force, signed.end_exclusive) == (date(2024, 2, 29), date(2026, 3, 1))
    assert signed.signed_by == officer and signed.signed_at
    run_tasks()
    signed.refresh_from_db()
    assert signed.document.name.endswith(".pdf")
    assert "CAI-" in pdf_text(signed.document.read())


def test_a_paper_signature_needs_the_scan(draft, officer):
    with pytest.raises(ValueError, match="scan"):
        services.contract_sign(contract=draft, actor=officer, method=SignatureMethod.PAPER)
    scan = ContentFile(b"%PDF-1.4 scan", name="scan.pdf")
    signed = services.contract_sign(
        contract=draft, actor=officer, method=SignatureMethod.PAPER, scan=scan
    )
    assert signed.signed_scan.name


def test_a_withdrawal_records_the_reason(draft, officer):
    signed = services.contract_sign(contract=draft, actor=officer, method=SignatureMethod.CONFIRMED)
    withdrawn = services.contract_withdraw(
        contract=signed, actor=officer, reason="moving to Belgium"
    )
    assert withdrawn.status == ContractStatus.WITHDRAWN
    assert withdrawn.withdrawal_reason == "moving to Belgium"


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["Welcome and Integration Contract", "What the State offers", "6 hours"]),
        ("fr", ["Contrat d’accueil et d’intégration", "6 heures"]),
        ("de", ["Aufnahme- und Integrationsvertrag", "6 Stunden"]),
    ],
)
def test_the_pdf_names_both_parties_in_the_candidates_language(db, officer, language, words):
    person = factories.candidate(surname="Silva", first_name="Ana", information_language=language)
    factories.residence_document(person, checked_by=officer)
    contract = services.contract_draft(candidate=person, actor=officer)
    contract = services.contract_sign(
        contract=contract,
        actor=officer,
        method=SignatureMethod.CONFIRMED,
        entry_into_force=date(2026, 3, 1),
    )
    text = " ".join(pdf_text(contract_pdf(contract)).split())
    for expected in [
        *words,
        "Ana SILVA",
        person.national_id,
        contract.number,
        officer.get_full_name(),
    ]:
        assert expected in text, expected


def test_a_page_of_the_pdf_renders_to_an_image(db, officer, tmp_path):
    contract = services.contract_draft(candidate=factories.candidate(), actor=officer)
    (tmp_path / "contract.pdf").write_bytes(contract_pdf(contract))
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "50",
            "-f",
            "1",
            "-l",
            "1",
            str(tmp_path / "contract.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
        timeout=30,
    )
    [image] = tmp_path.glob("page*.png")
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert image.stat().st_size > 5_000


def test_no_contract_is_signed_on_a_document_not_valid_that_day(db, officer):
    from datetime import timedelta

    from django.utils import timezone

    person = factories.candidate()
    factories.residence_document(person, valid_until=timezone.localdate() - timedelta(days=1))
    contract = services.contract_draft(candidate=person, actor=officer)
    with pytest.raises(services.NoValidDocument):
        services.contract_sign(contract=contract, actor=officer, method=SignatureMethod.CONFIRMED)
    factories.residence_document(person, valid_until=timezone.localdate())
    signed = services.contract_sign(
        contract=contract, actor=officer, method=SignatureMethod.CONFIRMED
    )
    assert signed.status == ContractStatus.IN_FORCE


def test_a_live_contract_from_29_february_gets_the_new_term_end(db):
    """The data migration contracts/0005: 28 February -> 1 March for live contracts."""
    from importlib import import_module

    from django.apps import apps

    from tests import factories

    migration = import_module("accueil.contracts.migrations.0005_leap_day_term_end")
    live = factories.contract(
        factories.candidate(), entry_into_force=date(2024, 2, 29), end_exclusive=date(2026, 2, 28)
    )
    decided = factories.contract(
        factories.candidate(),
        status=ContractStatus.NOT_FULFILLED,
        entry_into_force=date(2024, 2, 29),
        end_exclusive=date(2026, 2, 28),
    )
    other = factories.contract(
        factories.candidate(), entry_into_force=date(2024, 2, 28), end_exclusive=date(2026, 2, 28)
    )
    migration.leap_day_term_end(apps, None)
    for contract in (live, decided, other):
        contract.refresh_from_db()
    assert live.end_exclusive == date(2026, 3, 1)
    assert decided.end_exclusive == date(2026, 2, 28)
    assert other.end_exclusive == date(2026, 2, 28)
