"""Browser-test harness: Playwright driving Debian's Chromium, with an axe-core check.

Never `playwright install`: the browser is the system's /usr/bin/chromium.
"""

import os
import re
from base64 import b32decode
from pathlib import Path

import pytest
from django_otp.oath import TOTP, totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, Page, sync_playwright

from accueil.accounts.models import Role
from tests import factories

# Playwright's sync API runs an event loop in this thread; the test code still talks
# to the database synchronously, which is safe here (one thread, no await).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 375, "height": 667}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make system-deps`")
    if not AXE.exists():
        pytest.fail(f"axe-core not found at {AXE}: run `npm ci`")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser, live_server) -> Page:
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def use_language(page: Page, live_server):
    """Choose the reader's language, as the language switch's cookie would."""

    def choose(lang: str) -> None:
        page.context.add_cookies(
            [{"name": "accueil_language", "value": lang, "url": live_server.url}]
        )

    return choose


def axe_violations(page: Page) -> list[dict]:
    """Run axe-core on the page once it has loaded and return its violations."""
    page.wait_for_load_state("load")  # a click's navigation may still be under way
    # Evaluated through the DevTools protocol, not added as an inline <script>: the
    # Content Security Policy (settings.CONTENT_SECURITY_POLICY) refuses inline scripts.
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text())
    result = page.evaluate("async () => await axe.run(document)")
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [node["target"] for node in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]


def assert_accessible(page: Page) -> None:
    violations = axe_violations(page)
    assert violations == [], f"axe-core violations on {page.url}: {violations}"


def current_code(user) -> str:
    """The code the user's authenticator app shows now (django-otp's TOTP over the
    device's secret), for the code step. The device is made when the user has none;
    its last used step is forgotten, so that signing in twice within 30 seconds (two
    tests, two languages) is not refused as a replayed code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Tests", confirmed=True)
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1, throttling_failure_count=0)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def enter_code(page: Page, user) -> None:
    """After a member of staff's password: the code step (their app's current code), or,
    at a first sign-in, the set-up (the code of the key the page shows, then the
    recovery codes' page); then the page they were going to."""
    if user.role == Role.CANDIDATE:
        return
    page.wait_for_url(re.compile(r"/sign-in/(code|set-up)/"))
    if "/set-up/" in page.url:
        secret = b32decode(page.locator("#totp-secret").inner_text().replace(" ", ""))
        page.fill("#id_code", f"{TOTP(secret).token():06d}")
        with page.expect_navigation():
            page.click("main form button[type=submit] >> nth=0")
        with page.expect_navigation():
            page.click("main a.govuk-button")
        return
    page.fill("#id_code", current_code(user))
    with page.expect_navigation():
        page.click("main form button[type=submit] >> nth=0")


def sign_in(page: Page, user, *, password: str = factories.PASSWORD) -> None:
    """Sign in through the real pages: the password, then staff's security code."""
    if user.role != Role.CANDIDATE:
        current_code(user)  # their app is set up: the code step follows the password
    page.goto("/sign-in/")
    page.fill("#id_username", user.email)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("button[type=submit]")
    enter_code(page, user)
    page.wait_for_url("**/home/")


@pytest.fixture
def demo_people(transactional_db):
    """One person per role, plus a few candidates, for pages that list records."""
    people = {role: factories.user(role) for role in Role if role != Role.CANDIDATE}
    account = factories.user(Role.CANDIDATE)
    factories.contract(factories.candidate(user=account))
    for _ in range(3):
        factories.contract(factories.candidate())
    factories.candidate(nationalities=["LU"])
    people[Role.CANDIDATE] = account
    return people
