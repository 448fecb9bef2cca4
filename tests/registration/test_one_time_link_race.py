"""Ten browsers using one one-time link at the same moment, over real HTTP against the
threaded live server (each request in its own thread, transaction and database
connection): exactly one of them is signed in, the others get the "link no longer
works" page, and nobody gets a server error. PostgreSQL only: the guarantee rests on
its row locks (SQLite serialises every write and would prove nothing).
"""

import threading
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

import pytest
from django.db import connection
from django.urls import reverse

from accueil.accounts.models import Role, User
from accueil.audit.models import Action, AuditEvent
from accueil.registration import accounts as links
from accueil.registration.models import Candidate
from tests import factories

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.xdist_group("one_time_link_race")]
BROWSERS = 10
PASSWORD = "a-long-and-unusual-passphrase"


@pytest.fixture(autouse=True)
def on_postgres_without_rate_limit(transactional_db, settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locking); SQLite serialises every write")
    settings.RATE_LIMIT_PUBLIC = "0"


class Browser:
    """One browser: its own cookies, talking HTTP to the live server."""

    def __init__(self, base: str):
        self.address = urlsplit(base)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, str, str]:
        http = HTTPConnection(self.address.hostname, self.address.port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        data = None
        if method == "POST":
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
            data = urlencode(body or {})
        try:
            http.request(method, path, data, headers)
            response = http.getresponse()
            content = response.read().decode()
            for header in response.msg.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return response.status, response.getheader("Location") or "", content
        finally:
            http.close()

    def signed_in(self) -> bool:
        status, _location, _page = self.request("GET", reverse("portal:home"))
        return status == 200


def rush(base: str, path: str, body: dict) -> tuple[list[tuple[int, str, str]], list[Browser]]:
    """Each browser opens the link (GET, which uses nothing up), then all post at once."""
    browsers = [Browser(base) for _ in range(BROWSERS)]
    for browser in browsers:
        status, _location, _page = browser.request("GET", path)
        assert status == 200
    start = threading.Barrier(BROWSERS)

    def post(browser: Browser):
        start.wait(timeout=30)
        return browser.request("POST", path, body)

    with ThreadPoolExecutor(max_workers=BROWSERS) as pool:
        answers = list(pool.map(post, browsers))
    return answers, browsers


def assert_exactly_one_signed_in(answers, browsers) -> None:
    statuses = sorted(status for status, _location, _page in answers)
    assert all(status < 500 for status in statuses), statuses
    assert statuses == [302] + [404] * (BROWSERS - 1), statuses
    for status, _location, page in answers:
        if status == 404:  # "This link no longer works", in the candidate's language
            assert reverse("candidate_account:sign_in_link_request") in page
    assert sum(browser.signed_in() for browser in browsers) == 1


def test_ten_browsers_using_one_sign_in_link_sign_in_exactly_one(live_server):
    user = factories.user(Role.CANDIDATE)
    factories.candidate(user=user)
    path = urlsplit(links.sign_in_url(user)).path
    answers, browsers = rush(live_server.url, path, {})
    assert_exactly_one_signed_in(answers, browsers)
    assert AuditEvent.objects.filter(action=Action.SIGN_IN, target_id=str(user.pk)).count() == 1


def test_ten_browsers_using_one_activation_link_create_one_account_and_sign_in_one(live_server):
    person = factories.candidate(email="olena@example.org")
    path = urlsplit(links.activation_url(person)).path
    body = {"password1": PASSWORD, "password2": PASSWORD}
    answers, browsers = rush(live_server.url, path, body)
    assert_exactly_one_signed_in(answers, browsers)
    assert User.objects.filter(email="olena@example.org").count() == 1
    assert Candidate.objects.get(pk=person.pk).user.email == "olena@example.org"
    created = AuditEvent.objects.filter(action=Action.CREATE, reason="candidate account activated")
    assert created.count() == 1
