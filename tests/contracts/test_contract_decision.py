"""The officer's decision at the end of the term (issue 13, point 4): "fulfilled" only
when the rule says so now, "not fulfilled" with reasons, "not fulfilled for a legitimate
reason" recorded; a decision taken twice decides once; bad input keeps what was typed;
the candidate is emailed once, in their language."""

import pytest
from django.core import mail
from django.urls import reverse
from django_tasks import default_task_backend

from accueil.audit.models import Action, AuditEvent
from accueil.contracts import emails, services
from accueil.contracts.models import ContractStatus, Obligation
from accueil.notifications.models import Notification
from tests import factories
from tests.contracts.review_helpers import certificate, under_review

pytestmark = pytest.mark.django_db

LANG, CIVIC, DAY = (
    Obligation.LANGUAGE_TRAINING,
    Obligation.CITIZENSHIP_COURSE,
    Obligation.ORIENTATION_DAY,
)


@pytest.fixture(autouse=True)
def empty_queue():
    default_task_backend.clear()
    yield
    if hasattr(default_task_backend, "clear"):
        default_task_backend.clear()


def run_queued() -> None:
    while default_task_backend.results:
        result = default_task_backend.results.pop(0)
        result.task.call(*result.args, **result.kwargs)


def decide(client, contract, **data):
    return client.post(reverse("officer_contracts:review", args=[contract.pk]), data)


def test_fulfilled_is_refused_while_an_obligation_is_unmet(officer):
    contract = under_review(met=(LANG, CIVIC))
    with pytest.raises(services.DecisionRefused):
        services.contract_decide(contract=contract, actor=officer, outcome="fulfilled")
    contract.refresh_from_db()
    assert contract.status == ContractStatus.UNDER_REVIEW


def test_a_paper_certificate_recorded_during_the_review_makes_it_fulfilled(client, officer):
    contract = under_review(met=(LANG, CIVIC))
    client.force_login(officer)
    refused = decide(client, contract, outcome="fulfilled")
    assert refused.status_code == 200 and "There is a problem" in refused.content.decode()
    late = certificate(contract, DAY, days_in=300, recorded_by=officer)
    response = decide(client, contract, outcome="fulfilled", reason="")
    assert response.status_code == 302
    contract.refresh_from_db()
    assert contract.status == ContractStatus.FULFILLED
    assert contract.fulfilled_on == late.issued_on  # the last certificate needed
    assert contract.decided_by == officer and contract.decided_at is not None
    assert contract.review["met"] == [LANG, CIVIC, DAY] and contract.review["unmet"] == []
    assert contract.review["at_term"]["unmet"] == [DAY]  # what the term review found


def test_not_fulfilled_is_refused_when_every_obligation_is_met(officer):
    contract = under_review(met=(LANG, CIVIC, DAY))
    with pytest.raises(services.DecisionRefused):
        services.contract_decide(
            contract=contract, actor=officer, outcome="not_fulfilled", reason="Late"
        )


def test_not_fulfilled_needs_reasons_and_keeps_what_was_typed(client, officer):
    contract = under_review(met=(LANG,))
    client.force_login(officer)
    response = decide(client, contract, outcome="legitimate", reason="   ")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("Enter the reasons for the decision") == 2  # summary and field
    assert 'href="#id_reason"' in html
    assert 'value="legitimate" aria-describedby="id_outcome_1-hint" checked' in html
    too_long = "x" * 2001
    html = decide(client, contract, outcome="not_fulfilled", reason=too_long).content.decode()
    assert "The reasons must be 2000 characters or fewer" in html
    assert too_long in html  # nothing typed is lost
    html = decide(client, contract, reason="Ill for a year").content.decode()
    assert "Select your decision" in html and "Ill for a year" in html
    html = decide(client, contract, outcome="fulfilled", reason="x").content.decode()
    assert "Select your decision" in html  # not offered: the rule says not fulfilled
    contract.refresh_from_db()
    assert contract.status == ContractStatus.UNDER_REVIEW


def test_not_fulfilled_for_a_legitimate_reason_is_recorded(client, officer):
    contract = under_review(met=(LANG,))
    client.force_login(officer)
    reason = "Long illness, certified.\r\nSecond line – Ünïcode 李"
    response = decide(client, contract, outcome="legitimate", reason=reason)
    assert response.status_code == 302
    contract.refresh_from_db()
    assert contract.status == ContractStatus.NOT_FULFILLED
    assert contract.reason_legitimate is True
    assert contract.decision_reason == reason.replace("\r\n", "\n")
    assert contract.fulfilled_on is None
    event = AuditEvent.objects.get(action=Action.TRANSITION, target_id=str(contract.pk))
    assert (
        event.reason
        == "under_review -> not_fulfilled: decided: not fulfilled for a legitimate reason"
    )
    assert "illness" not in event.reason  # the officer's words stay on the contract
    html = client.get(reverse("officer_contracts:review", args=[contract.pk])).content.decode()
    assert "for a reason the Integration Department considers legitimate" in html
    assert "Open a follow-up contract" in html


def test_not_fulfilled_without_a_legitimate_reason_opens_no_follow_up(client, officer):
    contract = under_review()
    client.force_login(officer)
    decide(client, contract, outcome="not_fulfilled", reason="Never came.")
    contract.refresh_from_db()
    assert (contract.status, contract.reason_legitimate) == (ContractStatus.NOT_FULFILLED, False)
    html = client.get(reverse("officer_contracts:review", args=[contract.pk])).content.decode()
    assert "Open a follow-up contract" not in html


def test_a_decision_submitted_twice_decides_once(client, officer):
    contract = under_review(met=(LANG,))
    other = factories.user(officer.role)
    client.force_login(officer)
    decide(client, contract, outcome="legitimate", reason="Illness")
    client.force_login(other)
    second = decide(client, contract, outcome="not_fulfilled", reason="No")
    assert second.status_code == 302
    page = client.get(second["Location"]).content.decode()
    assert "is decided already" in page
    contract.refresh_from_db()
    assert (contract.decided_by, contract.reason_legitimate) == (officer, True)
    assert (
        AuditEvent.objects.filter(action=Action.TRANSITION, target_id=str(contract.pk)).count() == 1
    )
    with pytest.raises(services.AlreadyDecided):
        services.contract_decide(
            contract=contract, actor=other, outcome="not_fulfilled", reason="No"
        )


def test_the_candidate_is_emailed_the_decision_once_in_their_language(officer):
    person = factories.candidate(information_language="de", email="amal@example.org")
    contract = under_review(person, met=(LANG, DAY))
    services.contract_decide(
        contract=contract, actor=officer, outcome="not_fulfilled", reason="Krank", legitimate=True
    )
    run_queued()
    [sent] = mail.outbox
    assert sent.to == ["amal@example.org"]
    assert contract.number in sent.subject
    assert "berechtigt" in sent.body or "Integrationsabteilung" in sent.body
    assert "Krank" in sent.body
    # The unmet obligation's reason, in German, with its seed passage.
    assert "Staatsbürgerkundekurs" in sent.body
    assert "The Department of Adult Education" in sent.body
    emails.send_decision_email.call(str(contract.pk))
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(key=f"decision:contract:{contract.pk}").count() == 1


def test_a_refused_decision_emails_nobody(officer):
    contract = under_review(met=(LANG,))
    with pytest.raises(services.DecisionRefused):
        services.contract_decide(contract=contract, actor=officer, outcome="fulfilled")
    assert default_task_backend.results == []
