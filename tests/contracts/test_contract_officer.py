"""The contract at the information session (drafting and signing, both ways), its page
with the status history, and withdrawal by the officer or by the candidate."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import include, path, reverse
from django.utils import timezone

from accueil.accounts.models import Role
from accueil.contracts import services
from accueil.contracts.models import Contract, ContractStatus, SignatureMethod
from accueil.intake.models import LinguisticProfile
from accueil.urls import urlpatterns as site_urls
from tests import factories

# The site as it will be once the root URLs mount the officers' contract pages.
urlpatterns = [
    path("officer/contracts/", include("accueil.contracts.officer_urls")),
    *site_urls,
]
pytestmark = pytest.mark.urls(__name__)


@pytest.fixture
def person(db, officer):
    """A candidate after the interview: profile recorded, document valid today."""
    candidate = factories.candidate(information_language="de")
    LinguisticProfile.objects.create(candidate=candidate, french="A2", recorded_by=officer)
    factories.residence_document(candidate, checked_by=officer)
    return candidate


@pytest.fixture
def draft(person, officer):
    return services.contract_draft(candidate=person, actor=officer, language_levels={"fr": "A2"})


def today_parts(day=None) -> dict:
    day = day or timezone.localdate()
    return {
        "entry_into_force_day": str(day.day),
        "entry_into_force_month": str(day.month),
        "entry_into_force_year": str(day.year),
    }


def sign(client, person, **data):
    return client.post(reverse("contracts:task", args=[person.pk]), {**today_parts(), **data})


# Drafting.


@pytest.mark.parametrize("role", [Role.DPO, Role.PROVIDER, Role.SOCIAL_WORKER, Role.CANDIDATE])
def test_only_officers_draft_and_sign(client, all_roles, role, person):
    client.force_login(all_roles[role])
    assert client.get(reverse("contracts:task", args=[person.pk])).status_code == 403
    assert client.post(reverse("contracts:draft", args=[person.pk])).status_code == 403


def test_the_contract_waits_for_the_linguistic_profile(client, officer):
    candidate = factories.candidate()
    client.force_login(officer)
    html = client.get(reverse("contracts:task", args=[candidate.pk])).content.decode()
    assert reverse("intake:profile", args=[candidate.pk]) in html
    response = client.post(reverse("contracts:draft", args=[candidate.pk]))
    assert response["Location"] == reverse("intake:profile", args=[candidate.pk])
    assert not Contract.objects.filter(candidate=candidate).exists()


def test_drafting_uses_the_profile_and_the_candidates_language(client, officer, person):
    client.force_login(officer)
    client.post(reverse("contracts:draft", args=[person.pk]))
    client.post(reverse("contracts:draft", args=[person.pk]))  # a second click
    contract = Contract.objects.get(candidate=person)
    assert (contract.status, contract.language) == (ContractStatus.DRAFT, "de")
    options = contract.obligations["obligations"][0]["options"]
    assert {"language": "fr", "aim": "further"} in options
    html = client.get(reverse("contracts:task", args=[person.pk])).content.decode()
    assert 'enctype="multipart/form-data"' in html and contract.number in html


# Signing.


def test_the_sign_form_shows_its_errors(client, officer, draft, person):
    client.force_login(officer)
    html = client.post(reverse("contracts:task", args=[person.pk]), {}).content.decode()
    assert 'href="#id_method_0"' in html and 'href="#id_entry_into_force"' in html
    html = sign(client, person, method="confirmed").content.decode()
    assert 'href="#id_identity_checked"' in html
    html = sign(client, person, method="paper").content.decode()
    assert 'href="#id_scan"' in html
    too_early = timezone.localdate() - timedelta(days=30)
    html = sign(client, person, method="confirmed", identity_checked="on", **today_parts(too_early))
    assert 'href="#id_entry_into_force"' in html.content.decode()
    assert f'value="{too_early.day}"' in html.content.decode()
    draft.refresh_from_db()
    assert draft.status == ContractStatus.DRAFT


def test_without_a_valid_document_the_contract_cannot_be_signed(client, officer, draft, person):
    person.residence_documents.update(valid_until=timezone.localdate() - timedelta(days=1))
    client.force_login(officer)
    html = client.get(reverse("contracts:task", args=[person.pk])).content.decode()
    assert 'id="document-not-valid"' in html
    html = sign(client, person, method="confirmed", identity_checked="on").content.decode()
    assert "govuk-error-summary" in html and 'id="no-valid-document"' in html
    assert f'href="{reverse("intake:document", args=[person.pk])}"' in html
    assert 'name="identity_checked" type="checkbox" value="on" checked' in html
    draft.refresh_from_db()
    assert draft.status == ContractStatus.DRAFT


def test_signing_with_the_candidates_confirmation(
    client, officer, draft, person, django_capture_on_commit_callbacks, run_tasks
):
    client.force_login(officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = sign(client, person, method="confirmed", identity_checked="on")
    assert response["Location"] == reverse("contracts:task", args=[person.pk])
    draft.refresh_from_db()
    assert draft.status == ContractStatus.IN_FORCE
    assert draft.signature_method == SignatureMethod.CONFIRMED
    assert draft.entry_into_force == timezone.localdate() and draft.signed_by == officer
    run_tasks()
    html = client.get(response["Location"]).content.decode()
    assert draft.number in html and reverse("contracts:document", args=[draft.pk]) in html
    pdf = client.get(reverse("contracts:document", args=[draft.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    draft.refresh_from_db()
    assert draft.document.name.endswith(".pdf")


def test_signing_on_paper_keeps_the_scan(client, officer, draft, person):
    client.force_login(officer)
    scan = SimpleUploadedFile("IMG_0042.PDF", b"%PDF-1.4 signed", content_type="application/pdf")
    sign(client, person, method="paper", scan=scan)
    draft.refresh_from_db()
    assert draft.status == ContractStatus.IN_FORCE
    assert draft.signature_method == SignatureMethod.PAPER
    # A name the application chose (tests/contracts/test_scan_upload.py), not the client's.
    assert draft.signed_scan.name.startswith("contracts/scans/")
    assert draft.signed_scan.name.endswith(".pdf") and "IMG_0042" not in draft.signed_scan.name
    assert draft.signed_scan.read() == b"%PDF-1.4 signed"


def test_a_scan_must_be_a_pdf_or_an_image(client, officer, draft, person):
    client.force_login(officer)
    scan = SimpleUploadedFile("notes.pdf", b"MZ not a scan", content_type="application/pdf")
    html = sign(client, person, method="paper", scan=scan).content.decode()
    assert 'href="#id_scan"' in html
    draft.refresh_from_db()
    assert draft.status == ContractStatus.DRAFT


def test_a_signed_contract_is_shown_instead_of_the_form(client, officer, person):
    contract = factories.contract(person)
    client.force_login(officer)
    html = client.get(reverse("contracts:task", args=[person.pk])).content.decode()
    assert 'id="signed"' in html and contract.number in html
    assert 'id="sign-form"' not in html
    assert reverse("officer_contracts:detail", args=[contract.pk]) in html


# The contract's page and withdrawal.


def test_an_officer_withdraws_a_contract_with_a_reason_and_the_history_shows_it(
    client, officer, draft
):
    services.contract_sign(contract=draft, actor=officer, method=SignatureMethod.CONFIRMED)
    client.force_login(officer)
    url = reverse("officer_contracts:withdraw", args=[draft.pk])
    html = client.post(url, {"reason": ""}).content.decode()
    assert 'href="#id_reason"' in html
    response = client.post(url, {"reason": "Moving to Belgium"})
    assert response["Location"] == reverse("officer_contracts:detail", args=[draft.pk])
    draft.refresh_from_db()
    assert draft.status == ContractStatus.WITHDRAWN
    assert draft.withdrawal_reason == "Moving to Belgium"
    html = client.get(response["Location"]).content.decode()
    history = html[html.index('id="history"') :]
    assert history.index("Drafted") < history.index("In force") < history.index("Withdrawn")
    assert "Moving to Belgium" in history and str(officer) in history
    assert 'id="withdraw-link"' not in html


def test_a_candidate_withdraws_their_own_contract(client, candidate_user):
    contract = candidate_user.candidate.contracts.get()
    client.force_login(candidate_user)
    detail = client.get(reverse("officer_contracts:detail", args=[contract.pk])).content.decode()
    assert 'id="withdraw-link"' in detail
    client.post(reverse("officer_contracts:withdraw", args=[contract.pk]), {"reason": "I moved"})
    contract.refresh_from_db()
    assert contract.status == ContractStatus.WITHDRAWN
    assert contract.withdrawal_reason == "I moved"


def test_a_candidate_cannot_see_or_withdraw_someone_elses_contract(
    client, candidate_user, stranger
):
    contract = stranger.contracts.get()
    client.force_login(candidate_user)
    assert client.get(reverse("officer_contracts:detail", args=[contract.pk])).status_code == 404
    url = reverse("officer_contracts:withdraw", args=[contract.pk])
    assert client.post(url, {"reason": "x"}).status_code == 404
    contract.refresh_from_db()
    assert contract.status == ContractStatus.IN_FORCE


def test_the_dpo_reads_a_contracts_history_but_cannot_withdraw_it(client, dpo, stranger):
    contract = stranger.contracts.get()
    client.force_login(dpo)
    html = client.get(reverse("officer_contracts:detail", args=[contract.pk])).content.decode()
    assert 'id="withdraw-link"' not in html
    assert client.get(reverse("officer_contracts:withdraw", args=[contract.pk])).status_code == 403


@pytest.mark.parametrize("role", [Role.PROVIDER, Role.SOCIAL_WORKER, Role.ADMIN])
def test_other_roles_cannot_open_contract_pages(client, all_roles, role, stranger):
    contract = stranger.contracts.get()
    client.force_login(all_roles[role])
    assert client.get(reverse("officer_contracts:detail", args=[contract.pk])).status_code == 403
    assert client.get(reverse("officer_contracts:withdraw", args=[contract.pk])).status_code == 403


def test_a_withdrawn_contract_cannot_be_withdrawn_again(client, officer, stranger):
    contract = stranger.contracts.get()
    services.contract_withdraw(contract=contract, actor=officer, reason="asked")
    client.force_login(officer)
    response = client.post(
        reverse("officer_contracts:withdraw", args=[contract.pk]), {"reason": "again"}
    )
    assert response["Location"] == reverse("officer_contracts:detail", args=[contract.pk])
    contract.refresh_from_db()
    assert contract.withdrawal_reason == "asked"


def test_withdrawing_a_draft_lets_the_officer_draft_again(client, officer, draft, person):
    client.force_login(officer)
    client.post(reverse("officer_contracts:withdraw", args=[draft.pk]), {"reason": "Wrong levels"})
    client.post(reverse("contracts:draft", args=[person.pk]))
    assert person.contracts.filter(status=ContractStatus.DRAFT).count() == 1


def test_the_contract_pages_live_under_the_officers_contracts(client, officer, draft):
    client.force_login(officer)
    url = f"/officer/contracts/{draft.pk}/withdraw/"
    assert reverse("officer_contracts:withdraw", args=[draft.pk]) == url
    assert client.get(url).status_code == 200
    html = client.get(reverse("contracts:task", args=[draft.candidate_id])).content.decode()
    assert f"/officer/contracts/{draft.pk}/" in html
