"""Invariants the database itself enforces."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from accueil.accounts.models import Role, User
from accueil.contracts.models import ContractStatus
from tests import factories


def refused(make) -> bool:
    try:
        with transaction.atomic():
            make()
    except IntegrityError:
        return True
    return False


@pytest.mark.django_db
def test_a_candidate_needs_a_postal_or_email_address():
    assert refused(lambda: factories.candidate(email="", postal_address=""))


@pytest.mark.django_db
def test_the_same_identification_number_cannot_register_twice():
    person = factories.candidate()
    assert refused(lambda: factories.candidate(national_id=person.national_id))


@pytest.mark.django_db
def test_a_contract_cannot_end_before_it_starts():
    person = factories.candidate()
    assert refused(
        lambda: factories.contract(
            person, entry_into_force=date(2026, 5, 1), end_exclusive=date(2026, 5, 1)
        )
    )


@pytest.mark.django_db
def test_a_candidate_holds_at_most_one_live_contract():
    person = factories.candidate()
    factories.contract(person)
    assert refused(lambda: factories.contract(person, status=ContractStatus.DRAFT))
    assert not refused(lambda: factories.contract(person, status=ContractStatus.FULFILLED))


@pytest.mark.django_db
def test_provider_staff_must_belong_to_a_provider():
    assert refused(lambda: User.objects.create(email="p@example.test", role=Role.PROVIDER))


@pytest.mark.django_db
def test_only_administrators_reach_the_admin_site():
    assert refused(
        lambda: User.objects.create(email="o@example.test", role=Role.OFFICER, is_staff=True)
    )
