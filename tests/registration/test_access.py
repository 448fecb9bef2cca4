"""Who may see which candidates and contracts: the access checks, role by role."""

import pytest
from django.http import Http404

from accueil.accounts.models import Role
from accueil.contracts.access import contracts_for_user
from accueil.registration.access import candidates_for_user, get_candidate_for_user


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
    assert candidates_for_user(user).filter(pk=stranger.pk).exists() is sees_stranger
    assert contracts_for_user(user).filter(candidate=stranger).exists() is sees_stranger
    if not sees_stranger:
        with pytest.raises(Http404):
            get_candidate_for_user(user, stranger.pk)


def test_a_candidate_sees_their_own_record_only(candidate_user, stranger):
    mine = candidates_for_user(candidate_user)
    assert list(mine) == [candidate_user.candidate]
    assert get_candidate_for_user(candidate_user, candidate_user.candidate.pk)
    assert contracts_for_user(candidate_user).count() == 1


def test_a_malformed_identifier_is_not_found_rather_than_an_error(officer):
    with pytest.raises(Http404):
        get_candidate_for_user(officer, "not-a-uuid")


def test_a_deactivated_officer_sees_nothing(officer, stranger):
    officer.is_active = False
    officer.save()
    assert not candidates_for_user(officer).exists()
