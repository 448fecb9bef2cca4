"""The calculators of a newcomer's own situation in a real browser, in English, French and
German, with axe-core on the empty form, the error state and the result."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible


@pytest.fixture(autouse=True)
def no_rate_limit(transactional_db, settings):
    settings.RATE_LIMIT_PUBLIC = "0"
    settings.RATE_LIMIT_STEPS = "0"


def submit(page: Page) -> None:
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()


def checked(page: Page, lang: str) -> None:
    assert page.locator("html").get_attribute("lang") == lang, page.url
    assert page.locator("h1").count() == 1, page.url
    assert_accessible(page)


def day(page: Page, name: str, d: int, m: int, y: int) -> None:
    page.fill(f"#id_{name}", str(d))
    page.fill(f"#id_{name}_month", str(m))
    page.fill(f"#id_{name}_year", str(y))


def short_stay(page: Page) -> None:
    day(page, "arrival_on", 1, 3, 2027)
    page.fill("#id_days", "92")


def guarantor(page: Page) -> None:
    day(page, "signed_on", 15, 3, 2026)


def translation(page: Page) -> None:
    page.locator("#id_language").select_option("lb")


def school(page: Page) -> None:
    day(page, "born_on", 15, 6, 2020)
    day(page, "on", 1, 12, 2026)


def housing(page: Page) -> None:
    page.fill("#id_rent", "1000")
    page.locator("main input[name=through_agency][value=yes]").check()


CASES = {
    "short-stay": (
        short_stay,
        {"en": "31 May 2027", "fr": "31 mai 2027", "de": "31. Mai 2027"},
    ),
    "guarantor": (
        guarantor,
        {"en": "14 March 2028", "fr": "14 mars 2028", "de": "14. März 2028"},
    ),
    "translation": (
        translation,
        {"en": "Luxembourgish", "fr": "Luxembourgeois", "de": "Luxemburgisch"},
    ),
    "school": (
        school,
        {"en": "15 June 2024", "fr": "15 juin 2024", "de": "15. Juni 2024"},
    ),
    "housing": (
        housing,
        {"en": "€4,000.00 to €5,000.00", "fr": "de 4 000,00 € à 5 000,00 €", "de": "4.000,00 €"},
    ),
}


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
@pytest.mark.parametrize("slug", list(CASES))
def test_each_calculator_explains_its_answer(page, use_language, slug, lang):
    fill, expected = CASES[slug]
    use_language(lang)
    page.goto("/guide/calculators/")
    with page.expect_navigation():
        page.locator(f"main a[href='/guide/calculators/{slug}/']").click()
    checked(page, lang)
    submit(page)  # nothing typed
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert page.locator(".govuk-error-message").count() >= 1
    checked(page, lang)
    fill(page)
    submit(page)
    panel = page.locator(".govuk-panel--confirmation")
    assert expected[lang] in plain(panel.inner_text())
    assert page.locator("main details.govuk-details").count() >= 1  # the passages
    checked(page, lang)
