"""A page with an error says "Error:" once at the start of its title (issue 11, point 9).

`base.html` alone adds the prefix, for any form of the page whatever its name in the
context; the pages themselves add nothing. Every kind of page with a form is checked in
English, French and German: a guide question, a calculator, "My residence dates", a
registration question, and with axe-core on each error state.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from accueil.accounts.models import Role
from tests.browser.conftest import assert_accessible, sign_in

# French puts a non-breaking space before the colon (docs/glossary.md).
ERROR = {"en": "Error:", "fr": "Erreur\u00a0:", "de": "Fehler:"}


@pytest.fixture(autouse=True)
def no_rate_limit(transactional_db, settings):
    settings.RATE_LIMIT_PUBLIC = "0"
    settings.RATE_LIMIT_STEPS = "0"


def submit_empty(page: Page, url: str, button: str = "main form button[type=submit]") -> None:
    page.goto(url)
    with page.expect_navigation():
        page.locator(button).first.click()


def assert_one_error_prefix(page: Page, lang: str) -> None:
    title = page.title()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert title.startswith(ERROR[lang] + " "), title
    assert title.count(ERROR[lang].rstrip(":").rstrip()) == 1, title
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_public_pages_with_an_error_say_it_once_in_the_title(page, use_language, lang):
    use_language(lang)
    for url in (
        reverse("guide:question", args=["nationalities"]),
        reverse("guide:calculator", args=["renewal"]),
        reverse("register:question", args=["nationality"]),
    ):
        submit_empty(page, url)
        assert_one_error_prefix(page, lang)


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_my_dates_with_an_error_says_it_once_in_the_title(page, use_language, demo_people, lang):
    use_language(lang)
    sign_in(page, demo_people[Role.CANDIDATE])
    page.goto(reverse("guide:my_dates"))
    page.fill("#id_expires_on", "31")
    page.fill("#id_expires_on_month", "2")
    page.fill("#id_expires_on_year", "2027")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    assert_one_error_prefix(page, lang)
    submit_empty(
        page,
        reverse("guide:my_dates"),
        "main form:has(input[value=procedure]) button[type=submit]",
    )
    assert_one_error_prefix(page, lang)
