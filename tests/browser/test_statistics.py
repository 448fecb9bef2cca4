"""Issue 13, point 6, in a real browser, at phone width, with the keyboard alone, in
English, French and German, with axe-core on every page: an integration officer goes
from their home to the statistics, chooses January to March 2025 with the period form,
sees every statistics page, types a period ending before it starts and sees the error
by the field (what was typed kept), corrects it, and downloads the anonymised CSV of
the contracts signed per month (counts under 5 shown as "<5")."""

import pytest
from playwright.sync_api import Page

from accueil.accounts.models import Role
from tests import factories
from tests.browser.conftest import PHONE, assert_accessible, enter_code
from tests.statistics.conftest import QUERY, fill_known_data

PAGES = ["contracts-signed", "fulfilment", "time-to-signature", "seats", "emails-not-delivered"]

WORDS = {
    "en": {
        "problem": "There is a problem",
        "error": "The last month must be the same as or after the first",
        "shown": "From January 2025 to March 2025.",
        "countries": ["Austria", "Egypt", "Portugal", "Not stated", "Total"],
        "csv": ["Month,Contracts signed", "2025-01,<5", "2025-02,<5", "2025-03,<5", "Total,5"],
    },
    "fr": {
        "problem": "Il y a un problème",
        "error": "Le dernier mois doit être le même que le premier ou venir après",
        "shown": "De janvier 2025 à mars 2025.",
        "countries": ["Autriche", "Égypte", "Portugal", "Non indiquée", "Total"],
        "csv": ["Mois;Contrats signés", "2025-01;<5", "2025-02;<5", "2025-03;<5", "Total;5"],
    },
    "de": {
        "problem": "Es gibt ein Problem",
        "error": "Der letzte Monat muss derselbe wie der erste sein oder danach liegen",
        "shown": "Von Januar 2025 bis März 2025.",
        "countries": ["Ägypten", "Österreich", "Portugal", "Nicht angegeben", "Gesamt"],
        "csv": [
            "Monat;Unterzeichnete Verträge",
            "2025-01;<5",
            "2025-02;<5",
            "2025-03;<5",
            "Gesamt;5",
        ],
    },
}


def type_into(page: Page, selector: str, text: str) -> None:
    """Replace a field's value from the keyboard."""
    page.focus(selector)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def choose_period(page: Page, start: tuple[str, str], end: tuple[str, str]) -> None:
    """Type the period in the form and send it with Enter."""
    type_into(page, "#id_start", start[0])
    type_into(page, "#id_start_year", start[1])
    type_into(page, "#id_end", end[0])
    type_into(page, "#id_end_year", end[1])
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_accessible(page)


def follow(page: Page, href: str) -> None:
    """Reach a link with the keyboard and follow it."""
    page.focus(f"main a[href='{href}']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_accessible(page)


def fits_the_phone(page: Page) -> None:
    """Nothing makes the whole page scroll sideways (wide tables scroll in their frame)."""
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_an_officer_reads_the_statistics_and_downloads_the_anonymised_csv(
    page, use_language, transactional_db, lang
):
    fill_known_data()
    officer = factories.user(Role.OFFICER)
    words = WORDS[lang]
    page.set_viewport_size(PHONE)
    use_language(lang)

    page.goto("/sign-in/")
    page.focus("#id_username")
    page.keyboard.type(officer.email)
    page.focus("#id_password")
    page.keyboard.type(factories.PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    enter_code(page, officer)
    page.wait_for_url("**/home/")
    assert_accessible(page)

    # From the home page to the statistics, then January to March 2025.
    follow(page, "/officer/statistics/")
    fits_the_phone(page)
    choose_period(page, ("1", "2025"), ("3", "2025"))
    assert page.url.endswith(f"/officer/statistics/?{QUERY}")
    assert page.locator(".govuk-error-summary").count() == 0

    # Every page of the period, reached from the list and then from the pages' menu.
    follow(page, f"/officer/statistics/contracts-signed/?{QUERY}")
    fits_the_phone(page)
    assert page.locator("#period-shown").inner_text() == words["shown"]
    nationalities = page.locator("#signed-by-nationality-table tbody th").all_inner_texts()
    assert nationalities == words["countries"]
    assert page.locator("#signed-by-nationality svg[role=img] title").count() == 1
    for slug in PAGES[1:]:
        follow(page, f"/officer/statistics/{slug}/?{QUERY}")
        fits_the_phone(page)
        assert page.locator("main svg[role=img]").count() == 1
        assert page.locator("main table.govuk-table").count() == 1
    follow(page, f"/officer/statistics/contracts-signed/?{QUERY}")

    # A period ending before it starts: the error by the field, what was typed kept.
    choose_period(page, ("1", "2025"), ("12", "2024"))
    summary = page.locator(".govuk-error-summary")
    assert summary.locator("h2").inner_text() == words["problem"]
    assert summary.locator("a[href='#id_end']").inner_text() == words["error"]
    assert words["error"] in page.locator("#id_end-error").inner_text()
    fieldset = page.locator("fieldset:has(#id_end)[role=group]")
    assert "id_end-error" in (fieldset.get_attribute("aria-describedby") or "")
    assert "govuk-input--error" in (page.locator("#id_end").get_attribute("class") or "")
    assert page.locator("#id_end_year").input_value() == "2024"
    assert page.locator("#id_start").input_value() == "1"
    assert page.locator("main table").count() == 0
    fits_the_phone(page)
    # The summary's link takes the keyboard to the field.
    page.focus(".govuk-error-summary a[href='#id_end']")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_end"

    choose_period(page, ("1", "2025"), ("3", "2025"))
    assert page.locator(".govuk-error-summary").count() == 0
    assert page.locator("#signed-per-month-table").count() == 1

    # The anonymised table, downloaded with the keyboard.
    link = f"main a[href='/officer/statistics/csv/signed-per-month-anonymised.csv?{QUERY}']"
    page.focus(link)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename == "signed-per-month-2025-01-2025-03-anonymised.csv"
    content = download.value.path().read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    assert content.decode("utf-8-sig").splitlines() == words["csv"]
