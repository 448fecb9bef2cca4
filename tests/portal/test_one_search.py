"""Issue 11, point 4: one search box on the officers' pages finds a candidate by name,
identification number, contract number, email address or telephone number, and leads to
the candidate's file."""

import pytest
from django.urls import reverse

from accueil.accounts.models import Role
from tests import factories

pytestmark = pytest.mark.django_db


def test_one_search_finds_by_every_identifier_and_leads_to_the_file(client):
    officer = factories.user(Role.OFFICER)
    person = factories.candidate(
        surname="Ferreira", email="Joao.Ferreira@example.test", phone="+352 621 987 654"
    )
    factories.candidate(surname="Other", phone="+352 661 000 111")
    client.force_login(officer)
    home = client.get(reverse("portal:home"), follow=True).content.decode()
    assert 'id="officer-search"' in home
    assert f'action="{reverse("portal:candidate_find")}"' in home
    for query in (
        "ferr",
        person.national_id,
        "joao.ferreira@example.test",
        "621987654",
        "+352 621 987 654",
    ):
        page = client.get(reverse("portal:candidate_find"), {"q": query}).content.decode()
        assert reverse("portal:candidate_detail", args=[person.pk]) in page, query
        assert "Other" not in page, query


def test_an_unknown_email_or_number_finds_nobody(client):
    client.force_login(factories.user(Role.OFFICER))
    factories.candidate()
    for query in ("nobody@example.test", "12345"):
        page = client.get(reverse("portal:candidate_find"), {"q": query}).content.decode()
        assert "No candidate matches your search." in page


def test_the_search_box_is_the_officers_only(client):
    client.force_login(factories.user(Role.SOCIAL_WORKER))
    page = client.get(reverse("portal:home"), follow=True).content.decode()
    assert 'id="officer-search"' not in page
