"""The API's documentation page works with no other origin reachable (issue 11, point
11): every request to another origin is blocked and recorded, and the page still lists
the operations, in English, French and German, with <html lang> set."""

from urllib.parse import urlsplit

import pytest


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
