"""The guide's private link opened in another browser (issue 9, point 7): the saved
result, read-only; a change there gets a link of its own, and the owner's stays."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.test_guide import answer, checked, questionnaire, submit


@pytest.fixture(autouse=True)
def no_rate_limit(transactional_db, settings):
    settings.RATE_LIMIT_PUBLIC = "0"
    settings.RATE_LIMIT_STEPS = "0"


def test_the_link_elsewhere_is_read_only_and_a_change_gets_its_own_link(
    browser: Browser, live_server, page: Page
):
    questionnaire(page, "en", axe=False)
    link = page.locator("#private-link").input_value()
    assert page.locator("#read-only").count() == 0
    other = browser.new_context(base_url=live_server.url, locale="en-GB")
    other.set_default_timeout(10_000)
    tab = other.new_page()
    tab.goto(link)
    assert tab.url.endswith("/guide/result/")
    expect(tab.locator("#read-only")).to_be_visible()
    checked(tab, "en")  # axe-core on the read-only result
    with tab.expect_navigation():
        tab.locator("main .govuk-summary-list__actions a").first.click()
    submit(tab)  # the same answer again: still a change, made in this browser
    for _ in range(40):
        if "/guide/check-your-answers/" in tab.url:
            break
        answer(tab)
    submit(tab)  # "See my result"
    assert tab.url.endswith("/guide/result/")
    assert tab.locator("#read-only").count() == 0
    theirs = tab.locator("#private-link").input_value()
    assert re.search(r"/guide/saved/[\w-]{40,}/$", theirs) and theirs != link
    other.close()
    page.reload()  # the owner's browser still has its own link, editable
    assert page.locator("#private-link").input_value() == link
    assert page.locator("#read-only").count() == 0
