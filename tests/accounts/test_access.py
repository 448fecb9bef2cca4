"""Who may see what: the access helpers, role by role."""

import pytest
from django.http import Http404

from accueil.accounts import access
from accueil.accounts.models import Role


@pytest.mark.parametrize(
    ("role", "sees_stranger"),
    [
        (Role.OFFICER, True),
        (Role.DPO, True),
        (Role.ADMIN, False),
        (Role.PROVIDER, False),
        (Role.SOCIAL_WORKER, False),
        (Role.CANDIDATE, False),
    ],
)
def test_only_officers_and_the_dpo_see_other_peoples_records(
    all_roles, stranger, role, sees_stranger
):
    user = all_roles[role]
    assert access.candidates_for_user(user).filter(pk=stranger.pk).exists() is sees_stranger
    assert access.contracts_for_user(user).filter(candidate=stranger).exists() is sees_stranger
    if not sees_stranger:
        with pytest.raises(Http404):
            access.get_candidate_for_user(user, stranger.pk)


def test_a_candidate_sees_their_own_record_only(candidate_user, stranger):
    mine = access.candidates_for_user(candidate_user)
    assert list(mine) == [candidate_user.candidate]
    assert access.get_candidate_for_user(candidate_user, candidate_user.candidate.pk)
    assert access.contracts_for_user(candidate_user).count() == 1


def test_a_malformed_identifier_is_not_found_rather_than_an_error(officer):
    with pytest.raises(Http404):
        access.get_candidate_for_user(officer, "not-a-uuid")


@pytest.mark.parametrize(
    ("role", "sees_trail"),
    [
        (Role.OFFICER, False),
        (Role.DPO, True),
        (Role.ADMIN, True),
        (Role.PROVIDER, False),
        (Role.SOCIAL_WORKER, False),
        (Role.CANDIDATE, False),
    ],
)
def test_only_the_dpo_and_administrators_read_the_audit_trail(all_roles, role, sees_trail):
    from accueil.audit.services import audit_record

    audit_record(action="view", actor=all_roles[Role.OFFICER])
    assert access.audit_events_for_user(all_roles[role]).exists() is sees_trail


@pytest.mark.parametrize(
    ("role", "manages"),
    [
        (Role.OFFICER, True),
        (Role.DPO, False),
        (Role.ADMIN, False),
        (Role.PROVIDER, False),
        (Role.SOCIAL_WORKER, False),
        (Role.CANDIDATE, False),
    ],
)
def test_only_officers_manage_contracts(all_roles, role, manages):
    assert access.can_manage_contracts(all_roles[role]) is manages


def test_provider_staff_see_only_their_own_organisation(provider, db):
    from tests import factories

    other = factories.organisation()
    visible = access.organisations_for_user(provider)
    assert list(visible) == [provider.organisation]
    assert other not in visible


def test_a_deactivated_officer_sees_nothing(officer, stranger):
    officer.is_active = False
    officer.save()
    assert not access.candidates_for_user(officer).exists()
