"""The certificate of completion of a fulfilled contract (issue 13, point 5): its code,
its PDF in the holder's language, who may download it, and its verification page."""

import re
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.db import connection, transaction
from django.urls import reverse

from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from accueil.contracts import completion
from accueil.contracts.models import Certificate, ContractStatus, Obligation
from accueil.contracts.selectors import completion_by_code
from accueil.core import codes
from tests import factories
from tests.contracts.test_pdf_for_everyone import catalog_and_objects
from tests.seeds import read_seed

SEED = "000_cd4636ba422b50d1.txt"


def pdf_text(pdf: bytes) -> str:
    result = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True, timeout=30
    )
    return result.stdout.decode()


def pdf_info(pdf: bytes) -> str:
    result = subprocess.run(
        ["pdfinfo", "-"], input=pdf, capture_output=True, check=True, timeout=30
    )
    return result.stdout.decode()


def qr_payload(pdf: bytes, folder: Path) -> str:
    (folder / "completion.pdf").write_bytes(pdf)
    pages = [str(folder / "completion.pdf"), str(folder / "page")]
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-singlefile", "-f", "1", *pages],
        check=True,
        timeout=60,
    )
    found = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(folder / "page.png")],
        capture_output=True,
        timeout=60,
    )
    return found.stdout.decode().strip()


def certify(contract, obligation, issued_on, issuer, **fields) -> Certificate:
    return Certificate.objects.create(
        contract=contract, obligation=obligation, issued_on=issued_on, issuer=issuer, **fields
    )


def fulfilled(person=None, **fields):
    """A contract fulfilled on 2027-03-10, with the three certificates that met it."""
    person = person or factories.candidate()
    fields.setdefault("fulfilled_on", date(2027, 3, 10))
    contract = factories.contract(person, status=ContractStatus.FULFILLED, **fields)
    certify(
        contract, Obligation.LANGUAGE_TRAINING, date(2026, 9, 1), "Institut national des langues"
    )
    certify(
        contract,
        Obligation.CITIZENSHIP_COURSE,
        date(2027, 3, 10),
        "Service de la formation des adultes",
        hours=Decimal("6.0"),
        sessions=3,
    )
    certify(contract, Obligation.ORIENTATION_DAY, date(2026, 5, 20), "Integration Department")
    return contract


def printed(contract) -> bytes:
    completion.completion_code_issue(contract)
    return completion.completion_pdf(contract)


# The code.


def test_the_code_is_given_once_at_the_first_print_and_kept(db):
    contract = fulfilled()
    assert contract.completion_code == ""
    code = completion.completion_code_issue(contract)
    assert codes.CODE_PATTERN.match(code)
    contract.refresh_from_db()
    assert contract.completion_code == code
    assert completion.completion_code_issue(contract) == code
    given = AuditEvent.objects.filter(action=Action.UPDATE, target_id=str(contract.pk))
    assert given.count() == 1


def test_a_code_already_held_by_another_contract_is_drawn_again(db, monkeypatch):
    taken = fulfilled()
    completion.completion_code_issue(taken)
    draws = iter([taken.completion_code, taken.completion_code, "7KQ2M9XD4T1B8RWE"])
    monkeypatch.setattr(completion, "new_code", lambda: next(draws))
    other = fulfilled()
    assert completion.completion_code_issue(other) == "7KQ2M9XD4T1B8RWE"


@pytest.mark.parametrize(
    "status",
    [
        ContractStatus.DRAFT,
        ContractStatus.IN_FORCE,
        ContractStatus.UNDER_REVIEW,
        ContractStatus.NOT_FULFILLED,
        ContractStatus.WITHDRAWN,
    ],
)
def test_a_contract_not_fulfilled_has_no_code_and_no_certificate(client, officer, status):
    contract = factories.contract(factories.candidate(), status=status)
    with pytest.raises(completion.NotFulfilled):
        completion.completion_code_issue(contract)
    with pytest.raises(completion.NotFulfilled):
        completion.completion_pdf(contract)
    client.force_login(officer)
    url = reverse("contracts:completion_certificate", args=[contract.pk])
    assert client.get(url).status_code == 404
    contract.refresh_from_db()
    assert contract.completion_code == ""


# The PDF.


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "en",
            [
                "Welcome and Integration Contract: certificate of completion",
                "has fulfilled the Welcome and Integration Contract (CAI) on 10 March 2027",
                "Fulfilled on",
                "long-term resident status and Luxembourgish nationality by option",
                "Verification code",
            ],
        ),
        (
            "fr",
            [
                "Contrat d’accueil et d’intégration",
                "certificat d’accomplissement",
                "10 mars 2027",
                "nationalité luxembourgeoise par option",
                "Code de vérification",
            ],
        ),
        (
            "de",
            [
                "Aufnahme- und Integrationsvertrag",
                "Abschlussbescheinigung",
                "10. März 2027",
                "Option",
                "Prüfcode",
            ],
        ),
    ],
)
def test_the_pdf_states_name_number_and_day_fulfilled_in_the_contract_s_language(lang, words, db):
    person = factories.candidate(first_name="Maria", surname="Silva", birth_date=date(1990, 4, 2))
    contract = fulfilled(person, language=lang)
    text = pdf_text(printed(contract))
    flat = " ".join(text.split())
    for word in words:
        assert word in flat, (word, flat[:1500])
    assert "Maria SILVA" in flat
    assert contract.number in flat
    assert codes.code_display(contract.completion_code) in flat
    # The evidence: each obligation's certificate, its issuer and date.
    assert "Institut national des langues" in flat
    assert "Service de la formation des adultes" in flat
    # The seed's passages, quoted as written.
    assert "The contract is considered fulfilled when the signatory has participated" in flat
    assert "can be acknowledged – under certain conditions – for obtaining" in flat


def test_the_quoted_passages_are_in_the_seed():
    seed = " ".join(read_seed(SEED).split())
    for source in completion.SOURCES:
        assert source.passage in seed, source.passage


def test_a_follow_up_names_the_first_contract_and_the_certificates_of_both(db):
    person = factories.candidate()
    first = factories.contract(
        person,
        status=ContractStatus.SUPERSEDED,
        reason_legitimate=True,
        decision_reason="Illness",
    )
    certify(first, Obligation.LANGUAGE_TRAINING, date(2026, 9, 1), "Institut national des langues")
    certify(first, Obligation.ORIENTATION_DAY, date(2026, 5, 20), "Integration Department")
    follow_up = factories.contract(
        person,
        status=ContractStatus.FULFILLED,
        follows=first,
        entry_into_force=date(2028, 2, 1),
        end_exclusive=date(2030, 2, 1),
        fulfilled_on=date(2028, 6, 3),
        obligations={"obligations": [{"code": Obligation.CITIZENSHIP_COURSE}]},
    )
    certify(
        follow_up,
        Obligation.CITIZENSHIP_COURSE,
        date(2028, 6, 3),
        "Service de la formation des adultes",
        hours=Decimal("6.0"),
        sessions=2,
    )
    met = completion.obligations_met(follow_up)
    assert [(m.code, m.contract) for m in met] == [
        (Obligation.LANGUAGE_TRAINING, first),
        (Obligation.CITIZENSHIP_COURSE, follow_up),
        (Obligation.ORIENTATION_DAY, first),
    ]
    flat = " ".join(pdf_text(printed(follow_up)).split())
    assert "First contract" in flat
    assert first.number in flat and follow_up.number in flat
    assert "Institut national des langues" in flat
    assert "3 June 2028" in flat


def test_a_name_in_chinese_script_is_printed(db):
    person = factories.candidate(first_name="伟", surname="张")
    text = pdf_text(printed(fulfilled(person, language="fr")))
    assert "伟" in text and "张" in text


def test_the_pdf_is_tagged_pdf_ua_in_its_language(db):
    pdf = printed(fulfilled(language="de"))
    assert re.search(r"^Tagged:\s+yes$", pdf_info(pdf), re.M)
    objects = catalog_and_objects(pdf)
    assert b"/StructTreeRoot" in objects
    assert b"/Lang (de)" in objects
    assert b"/Alt" in objects  # the QR code's text alternative


def test_the_qr_code_leads_to_the_verification_page_which_says_valid(db, client, tmp_path):
    person = factories.candidate(first_name="Maria", surname="Silva")
    contract = fulfilled(person)
    url = qr_payload(printed(contract), tmp_path)
    assert url == codes.verification_url(contract.completion_code)
    page = client.get(urlsplit(url).path)
    assert page.status_code == 200
    html = page.content.decode()
    assert "This certificate is valid" in html
    assert "Certificate of completion of the Welcome and Integration Contract" in html
    assert "M. S." in html and "Silva" not in html and "Maria" not in html
    assert "10 March 2027" in html and contract.number in html


# Verification.


def test_the_typed_code_is_checked_too_in_any_case_with_dashes(client, db):
    contract = fulfilled()
    completion.completion_code_issue(contract)
    typed = codes.code_display(contract.completion_code).lower()
    page = client.get(reverse("verify:form"), {"code": typed})
    assert page.status_code == 200
    assert contract.number in page.content.decode()


def test_a_code_of_no_contract_or_of_one_not_fulfilled_any_more_is_not_found(client, db):
    contract = fulfilled()
    completion.completion_code_issue(contract)
    assert client.get(reverse("verify:certificate", args=["7KQ2M9XD4T1B8RWE"])).status_code == 404
    assert completion_by_code(contract.completion_code) == contract
    assert completion_by_code("") is None


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_verification_page_is_in_the_reader_s_language(client, db, lang):
    contract = fulfilled()
    completion.completion_code_issue(contract)
    page = client.get(
        reverse("verify:certificate", args=[contract.completion_code]),
        headers={"accept-language": lang},
    )
    html = page.content.decode()
    assert f'lang="{lang}"' in html
    assert {"en": "valid", "fr": "valable", "de": "gültig"}[lang] in html


# Who may download it.


def test_the_holder_downloads_it_from_their_path_and_the_download_is_audited(client, db):
    user = factories.user(Role.CANDIDATE)
    contract = fulfilled(factories.candidate(user=user))
    client.force_login(user)
    home = client.get(reverse("portal:home")).content.decode()
    url = reverse("contracts:completion_certificate", args=[contract.pk])
    assert url in home
    assert "Download your certificate of completion" in home
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    exported = AuditEvent.objects.filter(action=Action.EXPORT, target_id=str(contract.pk))
    assert exported.count() == 1 and exported.get().actor == user
    assert str(contract.pk) in url and contract.number not in url


def test_no_download_link_on_the_path_of_a_contract_in_force(client, candidate_user):
    client.force_login(candidate_user)
    home = client.get(reverse("portal:home")).content.decode()
    assert "certificate-of-completion" not in home


def test_the_access_matrix(client, all_roles, stranger):
    contract = fulfilled(stranger)
    url = reverse("contracts:completion_certificate", args=[contract.pk])
    expected = {
        Role.OFFICER: 200,
        Role.DPO: 403,
        Role.ADMIN: 403,
        Role.PROVIDER: 403,
        Role.SOCIAL_WORKER: 403,
        Role.CANDIDATE: 404,  # another candidate's
    }
    for role, user in all_roles.items():
        client.force_login(user)
        assert client.get(url).status_code == expected[role], role
    client.logout()
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(all_roles[Role.OFFICER])
    page = client.get(reverse("officer_contracts:detail", args=[contract.pk])).content.decode()
    assert url in page


def test_a_malformed_contract_id_is_404(client, officer):
    client.force_login(officer)
    response = client.get("/contracts/not-a-uuid/certificate-of-completion/")
    assert response.status_code == 404


# Two downloads at once: one code (PostgreSQL's row locks; SQLite serialises writes).


@pytest.mark.slow
@pytest.mark.postgres
def test_one_code_even_when_twenty_prints_race(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locking); SQLite serialises every write")
    contract = fulfilled()

    def issue():
        try:
            with transaction.atomic():
                code = completion.completion_code_issue(
                    contract.__class__.objects.get(pk=contract.pk)
                )
                time.sleep(0.05)  # hold the row lock, as a request rendering the PDF does
                return code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=20) as pool:
        given = list(pool.map(lambda _: issue(), range(20)))
    contract.refresh_from_db()
    assert set(given) == {contract.completion_code}
    assert AuditEvent.objects.filter(action=Action.UPDATE, target_id=str(contract.pk)).count() == 1
