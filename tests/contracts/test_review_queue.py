"""The officers' review queue and the review of one contract (issue 13, points 3 and 4):
who may see them, the order of the queue, the evaluation now with its evidence, and the
officer's home page count."""

import pytest
from django.urls import reverse

from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from accueil.contracts.models import CertificateOrigin, ContractStatus, Obligation
from tests import factories
from tests.contracts.review_helpers import certificate, under_review

pytestmark = pytest.mark.django_db

LANG, CIVIC, DAY = (
    Obligation.LANGUAGE_TRAINING,
    Obligation.CITIZENSHIP_COURSE,
    Obligation.ORIENTATION_DAY,
)


@pytest.mark.parametrize(
    "role", [Role.PROVIDER, Role.CANDIDATE, Role.SOCIAL_WORKER, Role.DPO, Role.ADMIN]
)
def test_only_officers_reach_the_queue_the_review_and_the_decision(client, all_roles, role):
    contract = under_review()
    client.force_login(all_roles[role])
    assert client.get(reverse("officer_contracts:review_queue")).status_code == 403
    review = reverse("officer_contracts:review", args=[contract.pk])
    assert client.get(review).status_code == 403
    posted = client.post(review, {"outcome": "not_fulfilled", "reason": "No show"})
    assert posted.status_code == 403
    follow_up = reverse("officer_contracts:follow_up", args=[contract.pk])
    assert client.post(follow_up).status_code == 403
    contract.refresh_from_db()
    assert contract.status == ContractStatus.UNDER_REVIEW


def test_an_unknown_contract_is_not_found(client, officer):
    client.force_login(officer)
    url = reverse("officer_contracts:review", args=["00000000-0000-0000-0000-000000000000"])
    assert client.get(url).status_code == 404


def test_the_queue_lists_contracts_under_review_oldest_term_first(client, officer):
    recent = under_review(factories.candidate(first_name="Recent"), ended_days_ago=3, met=(LANG,))
    oldest = under_review(factories.candidate(first_name="Oldest"), ended_days_ago=200)
    middle = under_review(factories.candidate(first_name="Middle"), ended_days_ago=40)
    factories.contract(factories.candidate(first_name="Running"))  # in force: not listed
    client.force_login(officer)
    html = client.get(reverse("officer_contracts:review_queue")).content.decode()
    positions = [html.index(c.number) for c in (oldest, middle, recent)]
    assert positions == sorted(positions)
    assert "Running" not in html
    assert "3 contracts to decide" in html
    row = html[html.index(recent.number) :].split("</tr>")[0]
    assert "Recent" in row
    assert "Language training" in row  # met
    assert "Citizenship course, Orientation day" in row  # not met
    assert recent.last_day.strftime("%Y") in row


def test_the_queue_is_paginated(client, officer, settings):
    for days in range(27):
        under_review(ended_days_ago=days + 1)
    client.force_login(officer)
    first = client.get(reverse("officer_contracts:review_queue")).content.decode()
    second = client.get(reverse("officer_contracts:review_queue") + "?page=2").content.decode()
    assert "Page 1 of 2" in first and "Page 2 of 2" in second
    assert second.count('class="govuk-table__row"') == 1 + 2  # the header and two contracts
    # A page out of range, or not a number, shows the last or first page (no 404 or 500).
    assert client.get(reverse("officer_contracts:review_queue") + "?page=99").status_code == 200
    assert client.get(reverse("officer_contracts:review_queue") + "?page=x%0A").status_code == 200


def test_the_officers_home_page_counts_the_contracts_to_decide(client, officer):
    under_review()
    under_review()
    client.force_login(officer)
    html = client.get(reverse("portal:home")).content.decode()
    assert "2 contracts to decide" in html
    assert reverse("officer_contracts:review_queue") in html


def test_the_review_shows_the_evaluation_now_and_its_evidence_and_is_audited(client, officer):
    contract = under_review(met=(LANG,))
    issued = certificate(
        contract, CIVIC, origin=CertificateOrigin.ISSUED, code="ABCDEFGHJKMNPQRS", issuer="SFA"
    )
    paper = certificate(contract, DAY, days_in=90, recorded_by=officer, issuer="Ministry")
    client.force_login(officer)
    response = client.get(reverse("officer_contracts:review", args=[contract.pk]))
    html = response.content.decode()
    # The review at term found two obligations unmet; today, with the certificates
    # recorded since, every obligation is met: the officer may decide "fulfilled".
    assert "What the review at term found" in html
    assert html.count('govuk-tag--green">Met') == 3
    assert reverse("verify:certificate", args=[issued.code]) in html
    assert f"recorded by {officer.get_full_name()}" in html
    assert paper.issuer in html
    assert "The contract is considered fulfilled when the signatory has participated" in html
    assert 'value="fulfilled"' in html and 'value="not_fulfilled"' not in html
    assert AuditEvent.objects.filter(
        action=Action.VIEW, target_type="contracts.contract", target_id=str(contract.pk)
    ).exists()


def test_the_review_gives_each_unmet_obligations_reason_in_the_officers_language(client, officer):
    contract = under_review(met=(LANG, DAY))
    certificate(contract, CIVIC, hours=4, sessions=1)
    client.cookies["accueil_language"] = "fr"
    client.force_login(officer)
    html = client.get(reverse("officer_contracts:review", args=[contract.pk])).content.decode()
    assert "Seulement 4 des 6 heures requises du cours d’instruction civique" in html
    assert "séance(s)" in html
    assert 'value="legitimate"' in html and 'value="fulfilled"' not in html
    assert 'lang="fr"' in html


def test_a_contract_in_force_has_nothing_to_decide(client, officer):
    contract = factories.contract(factories.candidate())
    client.force_login(officer)
    url = reverse("officer_contracts:review", args=[contract.pk])
    assert 'id="not-under-review"' in client.get(url).content.decode()
    response = client.post(url, {"outcome": "not_fulfilled", "reason": "x"})
    assert response.status_code == 302
    contract.refresh_from_db()
    assert contract.status == ContractStatus.IN_FORCE
