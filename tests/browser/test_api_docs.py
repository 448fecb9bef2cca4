"""The API's documentation page works with no other origin reachable (issue 11, point
11): every request to another origin is blocked and recorded, and the page still lists
the operations, in English, French and German, with <html lang> set."""

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import assert_accessible


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_docs_list_the_operations_without_internet(page, use_language, live_server, lang):
    use_language(lang)
    ours = urlsplit(live_server.url).netloc
    elsewhere: list[str] = []

    def only_ours(route) -> None:
        if urlsplit(route.request.url).netloc == ours:
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", only_ours)
    page.goto("/api/v1/docs")
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() >= 4
    assert page.locator("html").get_attribute("lang") == lang
    assert elsewhere == []


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_docs_pass_axe_closed_open_and_after_trying_an_operation(page, use_language, lang):
    """Swagger UI's own markup is made accessible: one <main>, headings in order, no link
    inside a button, named fields and regions, colours with enough contrast."""
    use_language(lang)
    page.goto("/api/v1/docs")
    page.locator(".opblock").first.wait_for()
    assert page.locator("h1").first.inner_text().startswith("Accueil API")
    assert_accessible(page)
    summaries = page.locator(".opblock-summary-control")
    for index in range(summaries.count()):
        summaries.nth(index).click()
    page.locator(".try-out__btn").first.wait_for()
    assert_accessible(page)
    page.locator(".try-out__btn").first.click()
    page.locator("button.execute").first.click()
    page.locator(".live-responses-table").first.wait_for()
    assert_accessible(page)
    # The sign-in dialog of the operations that need a member of staff.
    page.locator(".btn.authorize").first.click()
    page.locator(".modal-ux").wait_for()
    assert_accessible(page)
