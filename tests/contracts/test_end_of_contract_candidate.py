"""What the candidate sees of the end of their contract on their path (issue 13,
point 4): under review, the decision with the officer's reasons and each unmet
obligation's reason with its seed passage, and what a follow-up covers; in English,
French and German."""

import pytest
from django.urls import reverse

from accueil.accounts.models import Role
from accueil.contracts import services
from accueil.contracts.models import ContractStatus, Obligation
from tests import factories
from tests.contracts.review_helpers import under_review

pytestmark = pytest.mark.django_db

PASSAGE = "Ministry of Family Affairs, Integration and the Greater Region."  # orientation day


def holder(language: str = "en"):
    account = factories.user(Role.CANDIDATE)
    return account, factories.candidate(user=account, information_language=language)


def home(client, account, language: str = "en") -> str:
    client.cookies["accueil_language"] = language
    client.force_login(account)
    return client.get(reverse("portal:home")).content.decode()


def test_a_contract_under_review_says_so(client):
    account, person = holder()
    contract = under_review(person, met=(Obligation.LANGUAGE_TRAINING,))
    html = home(client, account)
    assert 'id="under-review"' in html
    assert "The Integration Department is checking whether you met its obligations" in html
    assert contract.number in html


@pytest.mark.parametrize(
    ("language", "decision", "heading"),
    [
        ("en", "Not fulfilled", "The obligations not fulfilled"),
        ("fr", "Non honoré", "Les obligations non remplies"),
        ("de", "Nicht erfüllt", "Die nicht erfüllten Pflichten"),
    ],
)
def test_the_decision_shows_its_reasons_and_the_seed_passage(
    client, officer, language, decision, heading
):
    account, person = holder(language)
    contract = under_review(
        person, met=(Obligation.LANGUAGE_TRAINING, Obligation.CITIZENSHIP_COURSE)
    )
    services.contract_decide(
        contract=contract,
        actor=officer,
        outcome=ContractStatus.NOT_FULFILLED,
        reason="Hospitalised <b>eight</b> months.",
        legitimate=True,
    )
    html = home(client, account, language)
    assert decision in html
    assert heading in html
    assert "Hospitalised &lt;b&gt;eight&lt;/b&gt; months." in html  # escaped
    assert PASSAGE in html  # the seed passage of the unmet obligation
    assert 'lang="en"' in html  # the passage is quoted in the seed's language


def test_a_follow_up_shows_what_it_covers_and_the_first_contracts_decision(client, officer):
    account, person = holder("de")
    contract = under_review(person, met=(Obligation.LANGUAGE_TRAINING,))
    decided = services.contract_decide(
        contract=contract, actor=officer, outcome="not_fulfilled", reason="Krank", legitimate=True
    )
    follow_up = services.contract_follow_up(contract=decided, actor=officer)
    html = home(client, account, "de")
    assert 'id="follow-up-covers"' in html
    assert f"Folgevertrag zu Ihrem Vertrag {decided.number}" in html or decided.number in html
    covers = html[html.index('id="follow-up-covers"') :].split("</div>")[0]
    assert "Staatsbürgerkunde" in covers and "Orientierungstag" in covers
    assert "Sprachkurse" not in covers
    assert follow_up.number in html and "Krank" in html
