"""A mistyped address on the guide's result page is no dead end (issue 11, point 10):
the error shows on the result page itself, and the language switch and "sign in" bring
the person back to their result, in English, French and German, with axe-core."""

import pytest
from playwright.sync_api import Page, expect

from accueil.accounts.models import Role
from tests import factories
from tests.browser.test_guide import checked, questionnaire

OTHER = {"en": "fr", "fr": "de", "de": "en"}


@pytest.fixture(autouse=True)
def no_rate_limit(transactional_db, settings):
    settings.RATE_LIMIT_PUBLIC = "0"
    settings.RATE_LIMIT_STEPS = "0"


def mistype(page: Page) -> None:
    page.fill("#id_email", "ana@example")
    with page.expect_navigation():
        page.locator("main form:has(#id_email) button[type=submit]").click()
    assert page.url.endswith("/guide/result/")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert page.locator("#id_email").input_value() == "ana@example"


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_language_switch_after_a_mistyped_address_keeps_the_result(page, use_language, lang):
    use_language(lang)
    questionnaire(page, lang, axe=False, prefer=("resident", "work", "no"))
    mistype(page)
    checked(page, lang)
    other = OTHER[lang]
    with page.expect_navigation():
        page.locator(f"nav.govuk-language-navigation a[lang={other}]").click()
    assert page.url.endswith("/guide/result/")
    assert page.locator("#private-link").count() == 1
    checked(page, other)


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_sign_in_after_a_mistyped_address_comes_back_to_the_result(page, use_language, lang):
    person = factories.user(Role.CANDIDATE)
    factories.contract(factories.candidate(user=person))
    use_language(lang)
    questionnaire(page, lang, axe=False, prefer=("resident", "work", "no"))
    mistype(page)
    with page.expect_navigation():
        page.locator("#add-to-path a[href*='next=']").click()
    page.fill("#id_username", person.email)
    page.fill("#id_password", factories.PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert page.url.endswith("/guide/result/")
    assert page.locator("#add-to-path button[type=submit]").count() == 1
    checked(page, lang)
