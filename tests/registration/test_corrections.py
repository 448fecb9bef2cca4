"""Issue 11 point 15: officers correct any of a candidate's details, the identity
fields included, with a reason kept in the audit trail and shown in the candidate's
file."""

from datetime import date

import pytest
from django.urls import reverse

from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from accueil.core import national_id
from tests import factories

pytestmark = pytest.mark.django_db


def correct_url(person) -> str:
    return reverse("registration:candidate_correct", args=[person.pk])


def form_data(person, **changes) -> dict:
    data = {
        "surname": person.surname,
        "first_name": person.first_name,
        "national_id": person.national_id,
        "phone": person.phone,
        "email": person.email,
        "postal_address": person.postal_address,
        "reason": "The candidate called",
    }
    return {**data, **changes}


def test_an_officer_corrects_the_name_and_number_with_a_reason_audited_and_shown(client):
    person = factories.candidate(surname="Silvva", first_name="Ana")
    officer = factories.user(Role.OFFICER)
    client.force_login(officer)
    detail = client.get(reverse("portal:candidate_detail", args=[person.pk])).content.decode()
    assert correct_url(person) in detail
    number = national_id.make(date(1991, 3, 4), 7)
    response = client.post(
        correct_url(person),
        form_data(person, surname="Silva", national_id=number, reason="Typo in the name"),
    )
    assert response["Location"] == reverse("portal:candidate_detail", args=[person.pk])
    person.refresh_from_db()
    assert (person.surname, person.national_id) == ("Silva", number)
    assert person.birth_date == date(1991, 3, 4)  # read from the number
    event = AuditEvent.objects.get(action=Action.UPDATE, target_id=str(person.pk))
    assert event.actor == officer
    assert sorted(event.fields) == ["birth_date", "national_id", "surname"]
    # The reason is kept with the candidate, not in the trail (issue 14, point 5).
    assert "Typo in the name" not in event.reason
    assert person.corrections.get().reason == "Typo in the name"
    detail = client.get(reverse("portal:candidate_detail", args=[person.pk])).content.decode()
    assert 'id="corrections"' in detail and "Typo in the name" in detail


def test_a_correction_needs_a_reason_and_keeps_what_was_typed(client):
    person = factories.candidate()
    client.force_login(factories.user(Role.OFFICER))
    page = client.post(correct_url(person), form_data(person, surname="Neu", reason=""))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Enter why you are correcting these details" in html and 'value="Neu"' in html
    assert "govuk-error-summary" in html
    person.refresh_from_db()
    assert person.surname != "Neu"


def test_a_number_of_another_registration_is_refused_next_to_the_field(client):
    other = factories.candidate()
    person = factories.candidate()
    client.force_login(factories.user(Role.OFFICER))
    page = client.post(correct_url(person), form_data(person, national_id=other.national_id))
    assert page.status_code == 200
    assert "Another registration has this national identification number" in page.content.decode()


def test_an_email_or_a_postal_address_stays_required(client):
    person = factories.candidate()
    client.force_login(factories.user(Role.OFFICER))
    page = client.post(correct_url(person), form_data(person, email="", postal_address=""))
    assert "Enter an email address or a postal address" in page.content.decode()


@pytest.mark.parametrize("role", [Role.PROVIDER, Role.SOCIAL_WORKER, Role.CANDIDATE])
def test_only_officers_correct_details(client, role):
    person = factories.candidate()
    client.force_login(factories.user(role))
    response = client.post(correct_url(person), form_data(person, surname="X"))
    assert response.status_code in (302, 403, 404)
    person.refresh_from_db()
    assert person.surname != "X"
