"""Issue 13: in the demo, the contracts whose term has ended are reviewed by the job
(not written as reviewed): the fulfilled one is closed with its day and can be printed as
a certificate of completion, the others wait in the review queue or were decided by an
officer, one with a follow-up contract signed; loading again decides nothing twice."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from accueil.accounts.models import User
from accueil.audit.models import AuditEvent
from accueil.contracts.models import Contract, ContractStatus
from accueil.contracts.selectors import covered_obligations
from accueil.demo import data, end_data
from accueil.registration.models import Candidate

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


@pytest.fixture
def demo():
    data.load()


def first_contract(first_name: str) -> Contract:
    candidate = Candidate.objects.get(first_name=first_name)
    return candidate.contracts.get(follows__isnull=True)


def test_the_review_at_term_closed_the_fulfilled_contract_and_queued_the_other(demo):
    ana = first_contract("Ana")
    assert ana.status == ContractStatus.FULFILLED
    assert ana.decided_by is None  # decided by the review itself
    assert ana.reviewed_at is not None
    assert ana.fulfilled_on is not None and ana.fulfilled_on < ana.end_exclusive
    kwame = first_contract("Kwame")
    assert kwame.status == ContractStatus.UNDER_REVIEW
    assert kwame.review["unmet"] == ["citizenship_course"]
    assert kwame.review["met"] == ["language_training", "orientation_day"]


def test_an_officer_decided_two_contracts_and_signed_a_follow_up(demo):
    mehmet = first_contract("Mehmet")
    assert mehmet.status == ContractStatus.NOT_FULFILLED
    assert not mehmet.reason_legitimate
    assert mehmet.decided_by.email == "officer@accueil.example"
    fatima = first_contract("Fatima")
    assert fatima.status == ContractStatus.SUPERSEDED
    assert fatima.reason_legitimate and fatima.decision_reason == end_data.LEGITIMATE_REASON
    follow_up = fatima.follow_up
    assert follow_up.status == ContractStatus.IN_FORCE
    assert covered_obligations(follow_up.obligations) == ("orientation_day",)
    assert follow_up.entry_into_force > fatima.last_day


def test_the_officer_s_queue_shows_the_contract_left_to_decide(demo, client):
    client.force_login(User.objects.get(email="officer@accueil.example"))
    page = client.get(reverse("officer_contracts:review_queue")).content.decode()
    assert first_contract("Kwame").number in page
    assert first_contract("Mehmet").number not in page


def test_loading_the_demo_again_decides_nothing_twice(demo):
    before = {c.pk: (c.status, c.decided_at) for c in Contract.objects.all()}
    events = AuditEvent.objects.count()
    data.load()
    assert {c.pk: (c.status, c.decided_at) for c in Contract.objects.all()} == before
    assert AuditEvent.objects.count() - events <= 1  # at most the review's run, with 0 reviewed


def test_the_console_says_where_to_decide_and_open_a_follow_up(demo, capsys):
    lines = end_data.where()
    kwame = first_contract("Kwame")
    assert any(reverse("officer_contracts:review", args=[kwame.pk]) in line for line in lines)
    assert any(reverse("statistics:index") in line for line in lines)
    call_command("demo", "--no-serve")
    out = capsys.readouterr().out
    assert all(line in out for line in lines)
