"""The follow-up contract (issue 13, point 4; seed, "The end of the CAI contract": "they
may conclude a new contract, which will only apply to those obligations that were not
fulfilled within the scope of the first contract"): opened by an officer on a contract
not fulfilled for a legitimate reason, a draft covering only the unmet obligations,
signed like the first, which is then superseded; one per contract."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accueil.contracts import services
from accueil.contracts.documents import contract_pdf
from accueil.contracts.models import Contract, ContractStatus, Obligation
from accueil.contracts.selectors import candidate_path, covered_obligations
from accueil.core import clock
from tests import factories
from tests.contracts.review_helpers import under_review
from tests.training.test_certificates import pdf_text

pytestmark = pytest.mark.django_db

LANG, CIVIC, DAY = (
    Obligation.LANGUAGE_TRAINING,
    Obligation.CITIZENSHIP_COURSE,
    Obligation.ORIENTATION_DAY,
)


@pytest.fixture
def legitimate(officer):
    """A contract whose language training was met; not fulfilled for a legitimate reason."""
    person = factories.candidate(information_language="fr")
    factories.residence_document(person, checked_by=officer)
    contract = under_review(person, met=(LANG,))
    return services.contract_decide(
        contract=contract,
        actor=officer,
        outcome=ContractStatus.NOT_FULFILLED,
        reason="Hospitalised for eight months.",
        legitimate=True,
    )


def sign(client, person):
    today = timezone.localdate()
    return client.post(
        reverse("contracts:task", args=[person.pk]),
        {
            "method": "confirmed",
            "identity_checked": "on",
            "entry_into_force_day": str(today.day),
            "entry_into_force_month": str(today.month),
            "entry_into_force_year": str(today.year),
        },
    )


def test_the_follow_up_covers_only_the_unmet_obligations(client, officer, legitimate):
    client.force_login(officer)
    response = client.post(reverse("officer_contracts:follow_up", args=[legitimate.pk]))
    assert response["Location"] == reverse("contracts:task", args=[legitimate.candidate_id])
    follow_up = Contract.objects.get(follows=legitimate)
    assert follow_up.status == ContractStatus.DRAFT
    assert follow_up.candidate == legitimate.candidate and follow_up.language == "fr"
    assert follow_up.number != legitimate.number
    assert covered_obligations(follow_up.obligations) == (CIVIC, DAY)
    # The shape of rule cai.obligations' values, kept to the unmet codes.
    first = {o["code"]: o for o in legitimate.obligations["obligations"]}
    assert follow_up.obligations["obligations"] == [first[CIVIC], first[DAY]]
    assert follow_up.entry_into_force is None  # its own term, from its signature


def test_opening_it_twice_gives_one_follow_up(client, officer, legitimate):
    client.force_login(officer)
    url = reverse("officer_contracts:follow_up", args=[legitimate.pk])
    client.post(url)
    client.post(url)
    again = services.contract_follow_up(contract=legitimate, actor=officer)
    assert Contract.objects.filter(follows=legitimate).count() == 1
    assert again == Contract.objects.get(follows=legitimate)


def test_no_follow_up_without_a_legitimate_reason(client, officer):
    contract = services.contract_decide(
        contract=under_review(), actor=officer, outcome="not_fulfilled", reason="No show."
    )
    client.force_login(officer)
    response = client.post(reverse("officer_contracts:follow_up", args=[contract.pk]))
    assert response.status_code == 302
    assert (
        "No follow-up contract can be opened" in client.get(response["Location"]).content.decode()
    )
    assert not Contract.objects.filter(follows=contract).exists()
    with pytest.raises(services.FollowUpRefused):
        services.contract_follow_up(contract=under_review(), actor=officer)


def test_no_follow_up_while_the_candidate_holds_a_live_contract(officer, legitimate):
    factories.contract(legitimate.candidate, status=ContractStatus.DRAFT)
    with pytest.raises(services.FollowUpRefused):
        services.contract_follow_up(contract=legitimate, actor=officer)
    assert not Contract.objects.filter(follows=legitimate).exists()


def test_signing_the_follow_up_supersedes_the_first(client, officer, legitimate):
    follow_up = services.contract_follow_up(contract=legitimate, actor=officer)
    client.force_login(officer)
    response = sign(client, legitimate.candidate)
    assert response.status_code == 302
    follow_up.refresh_from_db()
    legitimate.refresh_from_db()
    assert follow_up.status == ContractStatus.IN_FORCE
    assert follow_up.entry_into_force == clock.today()
    assert follow_up.end_exclusive is not None and follow_up.end_exclusive > clock.today()
    assert legitimate.status == ContractStatus.SUPERSEDED
    assert legitimate.reason_legitimate and legitimate.decision_reason  # kept
    # Signed twice (a double submit): the second finds no draft, nothing changes.
    sign(client, legitimate.candidate)
    assert Contract.objects.filter(candidate=legitimate.candidate).count() == 2


def test_its_document_says_it_follows_up_and_lists_only_what_it_covers(officer, legitimate):
    follow_up = services.contract_follow_up(contract=legitimate, actor=officer)
    text = " ".join(pdf_text(contract_pdf(follow_up)).split())
    assert f"fait suite au contrat {legitimate.number}" in text
    assert "cours d’instruction civique" in text.lower() or "instruction civique" in text
    assert "formation linguistique à tarif réduit" not in text.lower()
    first = " ".join(pdf_text(contract_pdf(legitimate)).split())
    assert "fait suite au contrat" not in first


def test_the_follow_ups_path_lists_only_what_it_covers(officer, legitimate):
    follow_up = services.contract_follow_up(contract=legitimate, actor=officer)
    assert candidate_path(legitimate.candidate, clock.today()).covers == [
        "Citizenship course",
        "Orientation day",
    ]
    services.contract_sign(contract=follow_up, actor=officer, method="confirmed")
    path = candidate_path(legitimate.candidate, clock.today())
    assert path.contract == follow_up
    assert [step.code for step in path.steps] == [CIVIC, DAY]
    assert [str(label) for label in path.covers] == ["Citizenship course", "Orientation day"]
