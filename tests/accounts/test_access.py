"""Who may do what: the role predicates, role by role."""

import pytest

from accueil.accounts import access
from accueil.accounts.models import Role


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
