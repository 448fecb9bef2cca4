"""Issue 11 point 15: an officer corrects a candidate's details from their file, in the
three languages, with axe-core on the form, its error state and the file after."""

import pytest
from django.urls import reverse

from accueil.accounts.models import Role
from tests import factories
from tests.browser.conftest import assert_accessible, sign_in


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_an_officer_corrects_details_with_a_reason(page, use_language, transactional_db, lang):
    person = factories.candidate(surname="Silvva")
    use_language(lang)
    sign_in(page, factories.user(Role.OFFICER))
    page.goto(reverse("portal:candidate_detail", args=[person.pk]))
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
