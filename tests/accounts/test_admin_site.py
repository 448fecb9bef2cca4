"""The administrator manages staff accounts and organisations, and cannot read
candidates' files nor take over their accounts (issue 14, point 6: "The administrator
manages users, organisations and parameters, and cannot read candidates' files nor
take over their accounts ... Every admin action on a person is audited and visible to
the data-protection officer")."""

import pytest
from django.urls import reverse

from accueil.accounts.models import Role, User
from accueil.audit.models import Action, AuditEvent
from accueil.contracts.models import Contract
from tests import factories


def events(target) -> list[tuple[str, list[str], str]]:
    return [
        (e.action, e.fields, e.reason)
        for e in AuditEvent.objects.filter(
            target_type=target._meta.label_lower, target_id=str(target.pk)
        ).order_by("id")
    ]


def test_the_user_list_holds_staff_only(client, administrator, officer, candidate_user):
    client.force_login(administrator)
    page = client.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert officer.email in page
    assert candidate_user.email not in page


@pytest.mark.parametrize("name", ["change", "password", "delete", "history"], ids=lambda name: name)
def test_a_candidates_account_cannot_be_opened_given_a_password_or_deleted(
    client, administrator, candidate_user, name
):
    client.force_login(administrator)
    page = (
        "admin:auth_user_password_change" if name == "password" else f"admin:accounts_user_{name}"
    )
    url = reverse(page, args=[candidate_user.pk])
    response = client.get(url)
    # Django's admin sends an unknown object back to the list with a message; never the page.
    assert response.status_code in (302, 404)
    post = client.post(
        url, {"password1": "A-new-long-passphrase-9", "password2": "A-new-long-passphrase-9"}
    )
    assert post.status_code in (302, 404)
    candidate_user.refresh_from_db()
    assert candidate_user.check_password(factories.PASSWORD)
    assert User.objects.filter(pk=candidate_user.pk).exists()


def test_no_account_can_be_made_a_candidate_here(client, administrator):
    client.force_login(administrator)
    page = client.get(reverse("admin:accounts_user_add")).content.decode()
    assert 'value="officer"' in page
    assert 'value="candidate"' not in page


def test_adding_a_user_checks_the_password_and_is_audited(client, administrator):
    client.force_login(administrator)
    url = reverse("admin:accounts_user_add")
    form = {"email": "new.officer@example.test", "role": "officer", "usable_password": "true"}
    weak = client.post(url, {**form, "password1": "12345678", "password2": "12345678"})
    assert weak.status_code == 200
    assert not User.objects.filter(email="new.officer@example.test").exists()
    good = "Quiet-harbour-lantern-42"
    client.post(url, {**form, "password1": good, "password2": good})
    user = User.objects.get(email="new.officer@example.test")
    action, fields, _reason = events(user)[0]
    assert action == Action.CREATE
    assert {"email", "role", "password"} <= set(fields)
    event = AuditEvent.objects.get(target_id=str(user.pk), action=Action.CREATE)
    assert event.actor == administrator and good not in str(event.fields) + event.reason


def test_role_change_and_deactivation_are_audited_with_field_names_only(
    client, administrator, officer
):
    client.force_login(administrator)
    url = reverse("admin:accounts_user_change", args=[officer.pk])
    data = {
        "email": officer.email,
        "first_name": officer.first_name,
        "last_name": officer.last_name,
        "language": "",
        "role": "dpo",
        "organisation": "",
        "is_active": "on",
    }
    assert client.post(url, data).status_code == 302
    del data["is_active"]
    assert client.post(url, data).status_code == 302
    assert events(officer) == [
        (Action.UPDATE, ["role"], "role changed"),
        (Action.UPDATE, ["is_active"], "account activated or deactivated"),
    ]
    officer.refresh_from_db()
    assert officer.role == Role.DPO and not officer.is_active


def test_setting_a_password_checks_it_and_is_audited(client, administrator, officer):
    client.force_login(administrator)
    # Django's UserAdmin names this page so whatever the user model.
    url = reverse("admin:auth_user_password_change", args=[officer.pk])
    weak = client.post(url, {"password1": "password", "password2": "password"})
    assert weak.status_code == 200 and not events(officer)
    good = "Another-long-passphrase-77"
    assert client.post(url, {"password1": good, "password2": good}).status_code == 302
    assert events(officer) == [(Action.UPDATE, ["password"], "password reset")]


def test_an_organisation_change_is_audited(client, administrator):
    organisation = factories.organisation()
    client.force_login(administrator)
    url = reverse("admin:accounts_organisation_change", args=[organisation.pk])
    data = {
        "name": organisation.name,
        "name_fr": "Nom en français",
        "name_de": "",
        "kind": organisation.kind,
        "address": "",
        "email": "",
        "phone": "",
    }
    assert client.post(url, data).status_code == 302
    assert events(organisation) == [(Action.UPDATE, ["name_fr"], "")]


def test_deleting_a_user_is_audited_before_the_row_goes(client, administrator, officer):
    pk = officer.pk
    client.force_login(administrator)
    response = client.post(reverse("admin:accounts_user_delete", args=[pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=pk).exists()
    assert AuditEvent.objects.filter(
        target_type="accounts.user", target_id=str(pk), action=Action.DELETE, actor=administrator
    ).exists()


@pytest.mark.parametrize(
    "path",
    [
        "/admin/audit/auditevent/",
        "/admin/otp_totp/totpdevice/",
        "/admin/otp_static/staticdevice/",
        "/admin/django_q/success/",
        "/admin/django_q/failure/",
        "/admin/django_q/ormq/",
        "/admin/axes/accessattempt/",
        "/admin/auth/group/",
    ],
)
def test_the_admin_site_shows_the_administrator_nothing_else(client, administrator, path):
    client.force_login(administrator)
    assert client.get(path).status_code in (403, 404)


def test_the_administrators_home_of_the_admin_site_opens(client, administrator):
    client.force_login(administrator)
    page = client.get("/admin/").content.decode()
    assert "/admin/accounts/user/" in page and "/admin/accounts/organisation/" in page


def test_the_administrator_is_refused_every_page_of_a_candidates_file(
    client, administrator, candidate_user
):
    contract = Contract.objects.get(candidate__user=candidate_user)
    candidate = contract.candidate
    client.force_login(administrator)
    refused = {
        reverse("portal:candidate_list"): (403, 404),
        reverse("portal:candidate_find"): (403, 404),
        reverse("portal:candidate_detail", args=[candidate.pk]): (403, 404),
        reverse("portal:formalities", args=[candidate.pk]): (403, 404),
        reverse("portal:tasks", args=[candidate.pk]): (403, 404),
        reverse("contracts:document", args=[contract.pk]): (403, 404),
    }
    for url, codes in refused.items():
        assert client.get(url).status_code in codes, url


def test_making_a_non_administrator_staff_of_the_admin_site_is_refused_not_a_crash(
    client, administrator, officer
):
    client.force_login(administrator)
    url = reverse("admin:accounts_user_change", args=[officer.pk])
    data = {
        "email": officer.email,
        "first_name": "",
        "last_name": "",
        "language": "",
        "role": "officer",
        "organisation": "",
        "is_active": "on",
        "is_staff": "on",
    }
    response = client.post(url, data)
    assert response.status_code == 200  # the form again, with the database's rule
    officer.refresh_from_db()
    assert not officer.is_staff


def test_the_first_administrator_is_not_a_superuser_but_manages_accounts(client, db):
    first = User.objects.create_superuser("first.admin@example.test", factories.PASSWORD)
    assert first.role == Role.ADMIN and first.is_staff and not first.is_superuser
    assert first.has_perm("accounts.change_user")
    assert not first.has_perm("audit.view_auditevent")
    assert not first.has_perm("django_q.view_success")
