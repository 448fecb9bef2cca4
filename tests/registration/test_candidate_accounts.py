"""Candidates activate an account with a one-time link, then sign in with a password or
another one-time link."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accueil.accounts import selectors as links
from accueil.accounts.models import Role
from accueil.registration import accounts
from accueil.registration.models import Candidate
from accueil.registration.services import RegistrationData, candidate_register
from tests import factories

GOOD_PASSWORD = "a-long-and-unusual-passphrase"


@pytest.fixture
def registered(db, django_capture_on_commit_callbacks, run_tasks):
    from datetime import date

    from accueil.core import national_id

    data = RegistrationData(
        surname="Kovalenko",
        first_name="Olena",
        national_id=national_id.make(date(1988, 7, 2), 7),
        birth_date=date(1988, 7, 2),
        phone="+352 621 000 111",
        information_language="de",
        nationalities=["UA"],
        email="olena@example.org",
        legally_resident=True,
        wishes_to_settle=True,
    )
    with django_capture_on_commit_callbacks(execute=True):
        candidate = candidate_register(data=data)
    run_tasks()
    return candidate


def link_in(email, path: str) -> str:
    return re.search(rf"https?://\S+({re.escape(path)}\S+/)", email.body).group(1)


def test_registering_emails_an_activation_link_in_the_candidates_language(registered):
    [email] = mail.outbox
    assert email.to == ["olena@example.org"]
    assert email.subject == "Ihre Anmeldung zum Aufnahme- und Integrationsvertrag"
    assert "/account/activate/" in email.body and "/my-booking/" in email.body


def test_the_activation_link_creates_the_account_once(client, registered):
    path = link_in(mail.outbox[0], "/account/activate/")
    response = client.post(path, {"password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD})
    assert response.status_code == 302
    registered.refresh_from_db()
    assert registered.user.role == Role.CANDIDATE
    assert registered.user.email == "olena@example.org"
    assert registered.user.language == "de"
    client.logout()
    assert client.get(path).status_code == 404  # used up


def test_a_weak_or_mismatched_password_is_refused_next_to_the_field(client, registered):
    path = link_in(mail.outbox[0], "/account/activate/")
    page = client.post(path, {"password1": "short", "password2": "short"}).content.decode()
    assert 'id="id_password1-error"' in page
    page = client.post(path, {"password1": GOOD_PASSWORD, "password2": "other-" + GOOD_PASSWORD})
    assert 'id="id_password2-error"' in page.content.decode()
    registered.refresh_from_db()
    assert registered.user is None


def test_a_forged_activation_link_is_refused(client, db):
    assert client.get(reverse("candidate_account:activate", args=["forged"])).status_code == 404


def test_a_sign_in_link_works_once(
    client, candidate_user, django_capture_on_commit_callbacks, run_tasks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(
            reverse("candidate_account:sign_in_link_request"),
            {"email": candidate_user.email.upper()},
        )
    assert "Check your email" in page.content.decode()
    run_tasks()
    path = link_in(mail.outbox[-1], "/sign-in/link/")
    assert client.get(path).status_code == 200  # opening the link does not use it
    assert client.post(path).status_code == 302
    assert client.get(reverse("portal:home")).status_code == 200
    client.logout()
    assert client.post(path).status_code == 404


def test_asking_a_link_for_an_unknown_address_says_the_same_and_sends_nothing(
    client, db, django_capture_on_commit_callbacks, run_tasks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(
            reverse("candidate_account:sign_in_link_request"), {"email": "nobody@example.org"}
        )
    run_tasks()
    assert "Check your email" in page.content.decode()
    assert mail.outbox == []


def test_staff_cannot_get_a_sign_in_link(client, officer, run_tasks):
    client.post(reverse("candidate_account:sign_in_link_request"), {"email": officer.email})
    run_tasks()
    assert mail.outbox == []


def test_an_old_sign_in_link_stops_working_after_signing_in(client, candidate_user):
    url = accounts.sign_in_url(candidate_user)
    client.force_login(candidate_user)
    candidate_user.refresh_from_db()
    assert links.user_for_sign_in(url.rstrip("/").rsplit("/", 1)[1]) is None


def test_an_account_cannot_take_an_address_already_used(db, officer):
    from accueil.registration.accounts import AccountExists, candidate_account_activate

    person = factories.candidate(email=officer.email)
    with pytest.raises(AccountExists):
        candidate_account_activate(candidate=person, password=GOOD_PASSWORD)
    assert Candidate.objects.get(pk=person.pk).user is None


def test_the_activation_page_speaks_the_language_chosen_at_registration(client, registered):
    path = link_in(mail.outbox[0], "/account/activate/")
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="de"' in response.content.decode()
