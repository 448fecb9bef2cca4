"""Issue 11 point 15: an officer corrects a candidate's details from their file, and a
candidate changes theirs from the private link, in the three languages, with axe-core
on the form, its error state and the page after."""

import pytest
from django.urls import reverse

from accueil.accounts.models import Role
from accueil.registration import selectors as links
from tests import factories
from tests.browser.conftest import assert_accessible, sign_in


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_an_officer_corrects_details_with_a_reason(page, use_language, transactional_db, lang):
    person = factories.candidate(surname="Silvva")
    use_language(lang)
    sign_in(page, factories.user(Role.OFFICER))
    page.goto(reverse("portal:candidate_detail", args=[person.pk]))
    with page.expect_navigation():
        page.click("#correct-details")
    assert_accessible(page)
    page.fill("#id_surname", "Silva")
    page.click("#correct-form button[type=submit]")  # no reason: the error state
    page.wait_for_selector(".govuk-error-summary")
    assert page.locator("#id_surname").input_value() == "Silva"  # nothing typed is lost
    assert_accessible(page)
    page.fill("#id_reason", "Typo")
    page.click("#correct-form button[type=submit]")
    page.wait_for_selector("#corrections")
    assert "Typo" in page.locator("#corrections").inner_text()
    assert_accessible(page)
    person.refresh_from_db()
    assert person.surname == "Silva"


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_a_candidate_changes_their_details_from_the_private_link(
    page, use_language, transactional_db, lang
):
    person = factories.candidate(email="old@example.test", information_language=lang)
    use_language(lang)
    page.goto(links.access_url(person).split("8000", 1)[-1])
    with page.expect_navigation():
        page.click("#my-details")
    assert_accessible(page)
    page.fill("#id_email", "")
    page.fill("#id_postal_address", "")
    page.click("#details-form button[type=submit]")  # neither: the error state
    page.wait_for_selector(".govuk-error-summary")
    assert_accessible(page)
    page.fill("#id_email", "new@example.test")
    page.fill("#id_postal_address", "2, rue Neuve\nL-1111 Luxembourg")
    page.click("#details-form button[type=submit]")
    page.wait_for_selector("#pending-email")
    assert_accessible(page)
    person.refresh_from_db()
    assert (person.email, person.pending_email) == ("old@example.test", "new@example.test")
    assert person.postal_address == "2, rue Neuve\nL-1111 Luxembourg"
