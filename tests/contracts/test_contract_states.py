"""A contract changes state only along the allowed transitions, each audited."""

from datetime import date

import pytest
from django.utils import timezone

from accueil.audit.models import Action, AuditEvent
from accueil.contracts import states
from accueil.contracts.models import ContractStatus as S
from accueil.contracts.services import TransitionNotAllowed, contract_transition
from tests import factories

ALL = list(S)


@pytest.mark.parametrize("source", ALL)
@pytest.mark.parametrize("target", ALL)
def test_only_the_transitions_in_the_table_are_allowed(db, officer, source, target):
    contract = factories.contract(factories.candidate(), status=source)
    dates = {}
    if target == S.IN_FORCE:
        dates = {"entry_into_force": date(2026, 11, 23), "end_exclusive": date(2028, 11, 23)}
    if target in (S.FULFILLED, S.NOT_FULFILLED, S.SUPERSEDED):
        dates["decided_at"] = timezone.now()
    if target == S.FULFILLED:
        dates["fulfilled_on"] = date(2027, 10, 1)
    if states.allowed(source, target):
        changed = contract_transition(
            contract=contract, to=target, actor=officer, reason="test", **dates
        )
        assert changed.status == target
    else:
        with pytest.raises(TransitionNotAllowed):
            contract_transition(contract=contract, to=target, actor=officer, reason="test")
        contract.refresh_from_db()
        assert contract.status == source


def test_every_transition_is_audited_with_who_and_why(db, officer):
    contract = factories.contract(factories.candidate(), status=S.IN_FORCE)
    contract_transition(
        contract=contract, to=S.WITHDRAWN, actor=officer, reason="the candidate is moving abroad"
    )
    event = AuditEvent.objects.get(action=Action.TRANSITION)
    assert event.actor == officer
    assert event.reason == "in_force -> withdrawn: the candidate is moving abroad"
    assert event.target_id == str(contract.pk)


def test_a_fulfilled_contract_is_final(db, officer):
    assert states.next_statuses(S.FULFILLED) == []
    assert states.next_statuses(S.WITHDRAWN) == []
    assert set(states.next_statuses(S.DRAFT)) == {S.IN_FORCE, S.WITHDRAWN}


def test_signing_without_a_term_is_refused_by_the_database(db, officer):
    from django.db import IntegrityError

    contract = factories.contract(factories.candidate(), status=S.DRAFT)
    with pytest.raises(IntegrityError):
        contract_transition(contract=contract, to=S.IN_FORCE, actor=officer, reason="test")
