"""Who may read the audit trail, role by role (audit.access, the one place that
decides): the data-protection officer all of it, an administrator only the
administrators' actions on accounts, nobody else anything."""

import pytest

from accueil.accounts.models import Role
from accueil.audit import access as audit_access
from accueil.audit.services import audit_record


@pytest.mark.parametrize(
    ("role", "sees_trail"),
    [
        (Role.OFFICER, False),
        (Role.DPO, True),
        (Role.ADMIN, False),
        (Role.PROVIDER, False),
        (Role.SOCIAL_WORKER, False),
        (Role.CANDIDATE, False),
    ],
)
def test_only_the_dpo_reads_an_officers_actions(all_roles, role, sees_trail):
    audit_record(action="view", actor=all_roles[Role.OFFICER])
    assert audit_access.audit_events_for_user(all_roles[role]).exists() is sees_trail


@pytest.mark.parametrize(
    ("role", "sees_it"),
    [(Role.DPO, True), (Role.ADMIN, True), (Role.OFFICER, False), (Role.CANDIDATE, False)],
)
def test_an_administrators_action_on_an_account(all_roles, role, sees_it):
    audit_record(action="update", actor=all_roles[Role.ADMIN], target=all_roles[Role.OFFICER])
    assert audit_access.audit_events_for_user(all_roles[role]).exists() is sees_it


def test_a_candidate_reads_only_the_events_about_themselves(all_roles, stranger):
    officer, candidate_user = all_roles[Role.OFFICER], all_roles[Role.CANDIDATE]
    mine = audit_record(action="view", actor=officer, target=candidate_user.candidate)
    audit_record(action="view", actor=officer, target=stranger)
    assert list(audit_access.own_events(candidate_user)) == [mine]
    assert not audit_access.own_events(officer).exists()


def test_the_admin_site_shows_an_administrator_only_what_the_trails_page_does(
    client, all_roles, stranger
):
    administrator = all_roles[Role.ADMIN]
    administrator.is_superuser = True  # even with every permission
    administrator.save()
    seen = audit_record(action="view", actor=all_roles[Role.OFFICER], target=stranger)
    own = audit_record(action="update", actor=administrator, target=all_roles[Role.OFFICER])
    client.force_login(administrator)
    listing = client.get("/admin/audit/auditevent/")
    assert listing.status_code == 200
    shown = set(listing.context["cl"].queryset)
    assert own in shown and seen not in shown
    assert client.get(f"/admin/audit/auditevent/{seen.pk}/change/").status_code in (302, 404)
