"""Issue 11 point 15: the candidate changes their telephone number, email and postal
address from their private link or account; a new email address is used only once
confirmed from the link sent to it (the old one stays until then); their name and
identification number are not on the form."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from accueil.registration import selectors as links
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.RATE_LIMIT_PUBLIC = "0"


def details_url(person) -> str:
    return reverse("registration:my_details", args=[links.access_token(person)])


def test_the_private_link_page_leads_to_the_details_which_hold_no_identity_field(client):
    person = factories.candidate()
    manage = client.get(links.access_url(person)).content.decode()
    payload = links.access_token(person).split(":")[0]  # the signature's time varies
    assert f'href="/my-details/{payload}:' in manage
    page = client.get(details_url(person)).content.decode()
    assert 'name="phone"' in page and 'name="email"' in page and 'name="postal_address"' in page
    assert 'name="surname"' not in page and 'name="national_id"' not in page


def test_phone_and_postal_address_change_at_once_audited(client):
    person = factories.candidate(information_language="de")
    response = client.post(
        details_url(person),
        {"phone": "621 999 888", "email": person.email, "postal_address": "2, rue Neuve\nL-1111"},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert (
        person.phone == "+352 621 999 888"
        or person.phone.endswith("621999888")
        or "999" in person.phone
    )
    assert person.postal_address == "2, rue Neuve\nL-1111"
    event = AuditEvent.objects.get(action=Action.UPDATE, target_id=str(person.pk))
    assert sorted(event.fields) == ["phone", "postal_address"]
    assert "Ihre Angaben sind gespeichert." in client.get(response["Location"]).content.decode()


def test_a_new_email_is_used_only_once_confirmed_from_the_link_sent_to_it(
    client, run_tasks, django_capture_on_commit_callbacks
):
    person = factories.candidate(email="old@example.test", information_language="en")
    client.post(
        details_url(person),
        {"phone": person.phone, "email": "New@Example.test", "postal_address": ""},
    )
    person.refresh_from_db()
    assert (person.email, person.pending_email) == ("old@example.test", "new@example.test")
    run_tasks()
    [email] = mail.outbox
    assert email.to == ["new@example.test"]
    link = re.search(r"http\S+/my-details/email/\S+/", email.body).group(0)
    path = link.split("127.0.0.1:8000", 1)[-1] if "127.0.0.1" in link else link
    page = client.get(path)  # opening the link (or a mail scanner) changes nothing
    assert page.status_code == 200 and "new@example.test" in page.content.decode()
    person.refresh_from_db()
    assert person.email == "old@example.test"
    done = client.post(path)
    assert "Your new email address is confirmed" in done.content.decode()
    person.refresh_from_db()
    assert (person.email, person.pending_email) == ("new@example.test", "")
    assert client.post(path).status_code == 404  # once


def test_a_later_change_makes_the_earlier_confirmation_link_useless(client, run_tasks):
    person = factories.candidate(email="old@example.test")
    data = {"phone": person.phone, "postal_address": ""}
    client.post(details_url(person), {**data, "email": "first@example.test"})
    first = links.email_confirm_token(person, "first@example.test")
    client.post(details_url(person), {**data, "email": "second@example.test"})
    assert client.post(reverse("registration:email_confirm", args=[first])).status_code == 404
    person.refresh_from_db()
    assert person.email == "old@example.test"


def test_the_account_follows_the_confirmed_email(client):
    account = factories.user(Role.CANDIDATE)
    person = factories.candidate(user=account, email=account.email)
    client.post(
        details_url(person),
        {"phone": person.phone, "email": "moved@example.test", "postal_address": ""},
    )
    token = links.email_confirm_token(person, "moved@example.test")
    client.post(reverse("registration:email_confirm", args=[token]))
    account.refresh_from_db()
    assert account.email == "moved@example.test"


def test_an_email_or_a_postal_address_stays_and_what_was_typed_is_kept(client):
    person = factories.candidate(information_language="en")
    page = client.post(
        details_url(person), {"phone": "621 111 222", "email": "", "postal_address": ""}
    )
    html = page.content.decode()
    assert page.status_code == 200 and "govuk-error-summary" in html
    assert "Enter an email address or a postal address, or both" in html
    assert 'value="621 111 222"' in html


def test_a_forged_link_is_not_found(client):
    assert client.get(reverse("registration:my_details", args=["nope"])).status_code == 404
    assert client.get(reverse("registration:email_confirm", args=["nope"])).status_code == 404
