"""No link or language switch leads to a dead end (issue 11, point 10).

Every URL of the project that only takes POSTs is walked: it is posted to with an
empty or wrong form, as a visitor, as a visitor with a finished guide, and signed in
in each role, from the page its form is on. Whatever it answers (a redirect, or a page
shown at once: an error, a refusal, a 404), no link on the page the person then sees
may answer 405, and the language switch and "sign in" bring them back to a page a GET
reaches: the one they were on.
"""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accueil.core.http import allowed_methods, answers_get
from tests.guide.test_guide_fake import use_fake_guide  # noqa: F401 (a fixture)
from tests.guide.test_guide_questionnaire import answer_all

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("use_fake_guide")]

SKIPPED = ("admin", "api-v1")  # Django's admin; the API answers JSON, with no links
HREF = re.compile(r'href="([^"]+)"')


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.RATE_LIMIT_PUBLIC = "0"
    settings.RATE_LIMIT_STEPS = "0"


def patterns(resolver: URLResolver, prefix: str = "", namespace: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            if entry.namespace not in SKIPPED:
                yield from patterns(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), f"{namespace}{entry.name}", entry.callback


def post_only() -> list[tuple[str, str]]:
    """(name, path) of every URL that only takes POSTs, its parameters filled in."""
    found = []
    for route, name, view in patterns(get_resolver()):
        methods = allowed_methods(view)
        if methods is not None and "GET" not in methods:
            path = "/" + re.sub(r"<(?:int:)?\w+>", "1", re.sub(r"<(?:str|slug):\w+>", "x", route))
            found.append((name, path))
    return sorted(found)


def test_the_walk_finds_the_post_only_urls():
    names = {name for name, _ in post_only()}
    assert {"guide:start_again", "accounts:logout", "social:take"} <= names
    assert "guide:email_link" not in names  # a GET of it comes back to the result
    assert "guide:result" not in names


def visitors(all_roles) -> dict[str, Client]:
    clients = {"visitor": Client()}
    guided = Client()
    answer_all(guided)
    guided.post(reverse("guide:check"))
    clients["visitor with a guide result"] = guided
    for role, user in all_roles.items():
        signed_in = Client()
        signed_in.force_login(user)
        clients[str(role)] = signed_in
    return clients


def links(page: str) -> list[str]:
    found = []
    for href in HREF.findall(page):
        href = unescape(href)
        if href.startswith("/") and not href.startswith(("/static/", "//")):
            found.append(href)
    return found


def assert_no_dead_end(client: Client, page: str, where: str) -> None:
    for href in links(page):
        target = urlsplit(href)
        if target.path.startswith("/language/") or target.path == reverse("accounts:login"):
            [back] = parse_qs(target.query).get("next", ["/"])
            assert answers_get(back), f"{where}: {href} brings the person back to a 405"
            assert client.get(back).status_code != 405, f"{where}: {href}"
        else:
            assert answers_get(href), f"{where}: the link {href} answers 405"


@pytest.mark.parametrize("name,path", post_only())
def test_no_page_shown_after_a_post_leads_to_a_405(name, path, all_roles, stranger):
    for who, client in visitors(all_roles).items():
        referer = reverse("guide:result") if "guide" in who else "/"
        response = client.post(path, {}, HTTP_REFERER=f"http://testserver{referer}")
        where = f"{name} posted as {who}"
        assert response.status_code < 500, where
        if response.status_code in (301, 302, 303):
            assert answers_get(response.url), f"{where}: sent on to a 405"
            response = client.get(response.url, follow=True)
        page = response.content.decode()
        assert_no_dead_end(client, page, where)


LANGUAGES = ["en", "fr", "de"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_mistyped_address_on_the_result_page_keeps_the_person_there(client, language):
    answer_all(client)
    client.post(reverse("guide:check"))
    client.get(reverse("core:switch_language", args=[language]))
    response = client.post(reverse("guide:result"), {"email": "ana@example"})
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert 'value="ana@example"' in page
    switch = [h for h in links(page) if h.startswith("/language/")]
    assert switch and all("next=/guide/result/" in h for h in switch)
    sign_in = [h for h in links(page) if h.startswith(reverse("accounts:login"))]
    assert all(h.endswith("?next=/guide/result/") for h in sign_in)
    assert_no_dead_end(client, page, "the result page with a mistyped address")
    back = client.get(reverse("core:switch_language", args=["de"]) + "?next=/guide/result/")
    assert client.get(back.url).status_code == 200


def test_the_forms_former_address_comes_back_to_the_result(client):
    answer_all(client)
    client.post(reverse("guide:check"))
    assert client.get(reverse("guide:email_link")).url == reverse("guide:result")
    response = client.post(reverse("guide:email_link"), {"email": "ana@example"})
    assert response.status_code == 307 and response.url == reverse("guide:result")
