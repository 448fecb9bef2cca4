"""The newcomer's guide in a real browser: the questionnaire to a result in English,
French and German with axe-core on every page, an error state, the private link, the
PDF link, a phone-sized screen, no JavaScript, and a calculator.

The questionnaire is answered generically (work as the purpose, "no" or the first option
of each other question, a date, Brazil, 1), so the test follows whatever questions the
rules ask.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from accueil.accounts.models import Role
from tests.browser.conftest import PHONE, assert_accessible, sign_in

MAX_QUESTIONS = 40
# Entry on Tuesday 5 January 2027: the arrival declaration is due 3 working days later.
ARRIVAL_DUE = {"en": "8 January 2027", "fr": "8 janvier 2027", "de": "8. Januar 2027"}


@pytest.fixture(autouse=True)
def no_rate_limit(transactional_db, settings):
    settings.RATE_LIMIT_PUBLIC = "0"  # one browser sends many forms from one address
    settings.RATE_LIMIT_STEPS = "0"


def submit(page: Page) -> None:
    with page.expect_navigation():
        page.locator("main button[type=submit]").first.click()


def answer(page: Page, prefer: tuple[str, ...] = ("work", "no")) -> None:
    """Answer the question on the page with a plausible value, whatever its kind."""
    main = page.locator("main form")
    if main.locator("select").count():
        main.locator("select").first.select_option("BR")
    elif main.locator("input[type=radio]").count():
        # Work, and "no" to the rest, leads through the salaried worker's path.
        for preferred in (*(f"input[value={value}]" for value in prefer), "input[type=radio]"):
            if main.locator(preferred).count():
                main.locator(preferred).first.check()
                break
    elif main.locator("input[type=checkbox]").count():
        main.locator("input[type=checkbox]").first.check()
    elif main.locator("#id_answer_year").count():
        page.fill("#id_answer", "5")
        page.fill("#id_answer_month", "1")
        page.fill("#id_answer_year", "2027")
    else:
        page.fill("#id_answer", "1")
    submit(page)


def checked(page: Page, lang: str, *, axe: bool = True, phone: bool = False) -> None:
    assert page.locator("html").get_attribute("lang") == lang, page.url
    assert page.locator("h1").count() == 1, page.url
    if phone:
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"sideways scrolling on {page.url}"
    if axe:
        assert_accessible(page)


def questionnaire(page: Page, lang: str, prefer=("work", "no"), **check) -> None:
    """From the start page through every question to the result."""
    page.goto("/guide/")
    checked(page, lang, **check)
    with page.expect_navigation():
        page.locator("main a.govuk-button--start").click()
    checked(page, lang, **check)
    for _ in range(MAX_QUESTIONS):
        if "/guide/check-your-answers/" in page.url:
            break
        assert re.search(r"/guide/questions/[\w-]+/$", page.url), page.url
        assert page.locator("main .govuk-caption-l").count() == 1  # progress
        assert page.locator("a.govuk-back-link").count() == 1
        answer(page, prefer)
        checked(page, lang, **check)
    else:
        pytest.fail("the questionnaire did not end")
    submit(page)  # "See my result"
    assert page.url.endswith("/guide/result/")
    checked(page, lang, **check)


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_a_person_answers_the_questionnaire_and_gets_an_explained_result(page, use_language, lang):
    use_language(lang)
    questionnaire(page, lang)
    main = page.locator("main")
    assert ARRIVAL_DUE[lang] in main.inner_text()
    assert main.locator("details.govuk-details").count() >= 1  # the seed's passages
    assert main.locator("a[href='/guide/result/pdf/']").count() == 1
    link = main.locator("#private-link").input_value()
    assert re.search(r"/guide/saved/[\w-]{40,}/$", link)
    # Change the first answer from the summary list, then come back to the result.
    with page.expect_navigation():
        main.locator(".govuk-summary-list__actions a").first.click()
    checked(page, lang)
    submit(page)
    assert "/guide/check-your-answers/" in page.url or "/guide/questions/" in page.url


def test_an_empty_answer_shows_the_error_summary(page):
    page.goto("/guide/questions/")
    submit(page)
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    assert page.locator(".govuk-error-message").count() >= 1
    assert summary.evaluate(
        "e => e === document.activeElement || e.contains(document.activeElement)"
    )
    checked(page, "en")


def test_the_private_link_opens_the_result_in_another_browser(browser, live_server, page):
    questionnaire(page, "en", axe=False)
    link = page.locator("#private-link").input_value()
    other = browser.new_context(base_url=live_server.url)
    tab = other.new_page()
    tab.goto(link)
    assert tab.url.endswith("/guide/result/")
    assert tab.locator("#private-link").input_value() == link
    other.close()


def test_the_questionnaire_fits_a_phone_screen(page, use_language):
    use_language("de")  # the longest words
    page.set_viewport_size(PHONE)
    questionnaire(page, "de", axe=False, phone=True)


def test_the_questionnaire_works_without_javascript(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.set_default_timeout(10_000)
    page = context.new_page()
    questionnaire(page, "en", axe=False)  # axe-core needs JavaScript; the pages are the same
    assert page.locator("main h2").count() >= 1
    context.close()


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_a_calculator_explains_its_date(page, use_language, lang):
    use_language(lang)
    page.goto("/guide/calculators/")
    checked(page, lang)
    with page.expect_navigation():
        page.locator("main a[href='/guide/calculators/renewal/']").click()
    checked(page, lang)
    submit(page)  # nothing typed
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    checked(page, lang)
    page.fill("#id_expires_on", "31")
    page.fill("#id_expires_on_month", "5")
    page.fill("#id_expires_on_year", "2027")
    submit(page)
    panel = page.locator(".govuk-panel--confirmation")
    assert {"en": "31 March 2027", "fr": "31 mars 2027", "de": "31. März 2027"}[lang] in (
        panel.inner_text()
    )
    assert page.locator("main details.govuk-details").count() >= 1
    checked(page, lang)


def test_a_candidate_adds_residence_dates_and_finds_them_on_the_path(page, demo_people):
    sign_in(page, demo_people[Role.CANDIDATE])
    page.goto("/guide/my-dates/")
    checked(page, "en")
    page.fill("#id_expires_on", "31")
    page.fill("#id_expires_on_month", "5")
    page.fill("#id_expires_on_year", "2027")
    submit(page)
    checked(page, "en")
    page.locator("main input[name=kind][value=long_term]").check()
    page.fill("#id_complete_on", "31")
    page.fill("#id_complete_on_month", "8")
    page.fill("#id_complete_on_year", "2026")
    with page.expect_navigation():
        page.locator("main form:has(input[value=procedure]) button[type=submit]").click()
    checked(page, "en")
    page.goto("/home/")
    text = page.locator("main").inner_text()
    assert "31 March 2027" in text and "28 February 2027" in text
    checked(page, "en")


# A worker living in Luxembourg whose permit expires on 5 January 2027 and whose complete
# file went in that day: the renewal is asked by 5 November 2026, the decision due by
# 5 May 2027 (4 months).
RENEWAL_BY = {"en": "5 November 2026", "fr": "5 novembre 2026", "de": "5. November 2026"}
DECISION_BY = {"en": "5 May 2027", "fr": "5 mai 2027", "de": "5. Mai 2027"}


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_a_candidate_keeps_the_dates_of_their_result_on_their_path(
    page, use_language, demo_people, lang
):
    use_language(lang)
    sign_in(page, demo_people[Role.CANDIDATE])
    questionnaire(page, lang, prefer=("resident", "work", "no"))
    offer = page.locator("#add-to-path")
    assert RENEWAL_BY[lang] in page.locator("main").inner_text()
    with page.expect_navigation():
        offer.locator("button[type=submit]").click()
    assert page.url.endswith("/home/")
    path = page.locator("main").inner_text()
    assert RENEWAL_BY[lang] in path and DECISION_BY[lang] in path
    checked(page, lang)
