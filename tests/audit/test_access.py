"""Who may read the audit trail, role by role."""

import pytest

from accueil.accounts.models import Role
from accueil.audit import access as audit_access
from accueil.audit.services import audit_record


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
    audit_record(action="view", actor=all_roles[Role.OFFICER])
    assert audit_access.audit_events_for_user(all_roles[role]).exists() is sees_trail
