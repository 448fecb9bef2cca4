"""Two officers (or twenty clicks) deciding one contract at once, on PostgreSQL (row
locks; SQLite serialises every write and would prove nothing): one decision, one
transition in the trail, one email queued; the others are told it is decided already.
Opening the follow-up from many clicks at once gives one follow-up."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from accueil.contracts import services
from accueil.contracts.models import Contract, ContractStatus, Obligation
from accueil.notifications.models import Notification
from tests import factories
from tests.contracts.review_helpers import under_review

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def on_postgres(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locking); SQLite serialises every write")


def in_thread(work):
    try:
        return work()
    except Exception as error:
        return error
    finally:
        connection.close()


def test_twenty_concurrent_decisions_decide_once():
    contract = under_review(met=(Obligation.LANGUAGE_TRAINING,))
    officers = [factories.user(Role.OFFICER) for _ in range(4)]

    def decide(n):
        return services.contract_decide(
            contract=contract,
            actor=officers[n % 4],
            outcome=ContractStatus.NOT_FULFILLED,
            reason=f"Reason {n}",
            legitimate=n % 2 == 0,
        )

    with ThreadPoolExecutor(max_workers=20) as pool:
        outcomes = list(pool.map(lambda n: in_thread(lambda: decide(n)), range(20)))
    decided = [o for o in outcomes if isinstance(o, Contract)]
    refused = [o for o in outcomes if isinstance(o, services.AlreadyDecided)]
    assert (len(decided), len(refused)) == (1, 19), outcomes
    contract.refresh_from_db()
    assert contract.status == ContractStatus.NOT_FULFILLED
    assert contract.decision_reason == decided[0].decision_reason
    transitions = AuditEvent.objects.filter(action=Action.TRANSITION, target_id=str(contract.pk))
    assert transitions.count() == 1


def test_twenty_concurrent_follow_ups_open_one():
    officer = factories.user(Role.OFFICER)
    contract = services.contract_decide(
        contract=under_review(),
        actor=officer,
        outcome=ContractStatus.NOT_FULFILLED,
        reason="Illness",
        legitimate=True,
    )

    def open_it():
        return services.contract_follow_up(contract=contract, actor=officer)

    with ThreadPoolExecutor(max_workers=20) as pool:
        outcomes = list(pool.map(lambda _: in_thread(open_it), range(20)))
    assert all(isinstance(o, Contract) for o in outcomes), outcomes
    assert len({o.pk for o in outcomes}) == 1
    assert Contract.objects.filter(follows=contract).count() == 1
    assert Notification.objects.count() <= 1  # the decision's email, at most once recorded
