"""Signing in and out, and each role's home page."""

import pytest
from django.urls import reverse

from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from tests.accounts.codes import current_code, device_of
from tests.factories import PASSWORD

HOME_PAGE_SAYS = {
    Role.OFFICER: "Find and see candidates",
    Role.DPO: "audit trail",
    Role.ADMIN: "Manage users and their roles",
    Role.PROVIDER: "You act for one training provider",
    Role.SOCIAL_WORKER: "Interview requests",
    Role.CANDIDATE: "Your contract",
}


@pytest.mark.parametrize("role", list(Role))
def test_each_role_signs_in_with_a_password_and_lands_on_its_own_page(client, all_roles, role):
    user = all_roles[role]
    if role != Role.CANDIDATE:
        device = device_of(user)
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": PASSWORD}, follow=True
    )
    if role != Role.CANDIDATE:
        # Staff: the code step, then the page they were going to.
        assert response.redirect_chain[-1][0].startswith(reverse("accounts:second_factor"))
        response = client.post(
            response.redirect_chain[-1][0], {"code": current_code(device)}, follow=True
        )
    assert response.redirect_chain[-1][0] == reverse("portal:home")
    assert HOME_PAGE_SAYS[role] in response.content.decode()
    assert AuditEvent.objects.filter(action=Action.SIGN_IN, actor=user).exists()


def test_a_wrong_password_is_refused_with_a_message_and_the_email_kept(client, officer):
    response = client.post(
        reverse("accounts:login"), {"username": officer.email, "password": "wrong"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "The email address or password is not right" in page
    assert f'value="{officer.email}"' in page
    assert AuditEvent.objects.filter(action=Action.SIGN_IN_FAILED, actor=None).exists()


def test_empty_fields_get_a_message_next_to_each_field(client, db):
    client.cookies["accueil_language"] = "de"
    page = client.post(reverse("accounts:login"), {"username": "", "password": ""}).content.decode()
    assert 'id="id_username-error"' in page and 'id="id_password-error"' in page
    assert 'href="#id_username"' in page
    assert "<title>Fehler:" in page


def test_the_saved_language_applies_after_signing_in(client, officer):
    officer.language = "fr"
    officer.save()
    response = client.post(
        reverse("accounts:login"), {"username": officer.email, "password": PASSWORD}, follow=True
    )
    assert '<html lang="fr"' in response.content.decode()  # the code step already


def test_signing_out_is_a_post_and_is_recorded(client, officer):
    client.force_login(officer)
    response = client.post(reverse("accounts:logout"), follow=True)
    assert "You have signed out" in response.content.decode()
    assert AuditEvent.objects.filter(action=Action.SIGN_OUT, actor=officer).exists()
    assert client.get(reverse("portal:home")).status_code == 302


def test_a_language_chosen_before_signing_in_wins_and_is_saved(client, officer):
    officer.language = "fr"
    officer.save()
    client.cookies["accueil_language"] = "de"
    response = client.post(
        reverse("accounts:login"), {"username": officer.email, "password": PASSWORD}, follow=True
    )
    assert '<html lang="de"' in response.content.decode()
    officer.refresh_from_db()
    assert officer.language == "de"
