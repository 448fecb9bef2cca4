"""Issue 11, point 12: the private booking pages (reached by the emailed link) follow
the language the person chose on the site, not only the one chosen at registration,
and never flip mid-journey: every page, and every POST and redirect in between, keeps
the language, with axe-core on each page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from accueil.accounts.models import Role
from accueil.booking.models import BookingStatus
from accueil.registration import selectors as links
from tests import factories
from tests.browser.conftest import assert_accessible, sign_in


@pytest.fixture(autouse=True)
def sessions(transactional_db, settings):
    settings.RATE_LIMIT_PUBLIC = "0"  # one browser sends many forms from one address
    soon = timezone.now() + timedelta(days=7)
    return [
        factories.information_session(starts_at=soon + timedelta(days=n), place=f"Room {n}")
        for n in (0, 7)
    ]


def german(page: Page) -> None:
    """Every page of the journey is German, and accessible."""
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == "de", page.url
    assert_accessible(page)


def go(page: Page, selector: str) -> None:
    with page.expect_navigation():
        page.locator(selector).first.click()


def journey(page: Page, person) -> None:
    """Choose (with the error first), book, move, cancel, wait, leave the waiting list."""
    go(page, "main a[href$='/choose/']")
    german(page)
    go(page, "main button[type=submit]")  # nothing chosen: the error
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    german(page)
    page.check("#id_session")
    go(page, "main button[type=submit]")
    german(page)  # booked
    go(page, "main a[href*='/my-booking/']:not([href$='.ics'])")
    german(page)  # the private link page, with the booking
    go(page, "main a[href$='/choose/']")
    german(page)  # the chooser, to move
    page.check("#id_session")
    go(page, "main button[type=submit]")
    german(page)  # moved
    assert "moved=1" in page.url
    page.goto(reverse("booking:cancel", args=[links.access_token(person)]))
    german(page)
    go(page, "main button[type=submit]")
    german(page)  # cancelled
    go(page, "main a[href$='/waiting-list/']")
    german(page)
    go(page, "main button[type=submit]")
    german(page)  # on the waiting list
    go(page, "main a[href*='/my-booking/']")
    german(page)
    go(page, "main form[action$='/leave/'] button")
    german(page)  # left the waiting list: the private link page, with its message
    assert person.bookings.filter(status=BookingStatus.CANCELLED).count() == 1


def test_the_private_pages_follow_the_language_switched_to_on_the_site(transactional_db, page):
    """Registered in French, the person opens the link, switches to German: every page
    of the journey is German."""
    person = factories.candidate(information_language="fr")
    page.goto(reverse("booking:manage", args=[links.access_token(person)]))
    assert page.locator("html").get_attribute("lang") == "fr"  # chosen at registration
    go(page, "a[hreflang=de]")
    german(page)
    journey(page, person)


def test_the_private_pages_follow_the_language_saved_on_the_account(transactional_db, page):
    """Registered in French, the person chose German on the site when signed in (on
    another device: no cookie in this browser): their account pages and the private
    pages are German, not French on one and German on the other."""
    account = factories.user(Role.CANDIDATE, language="de")
    person = factories.candidate(user=account, information_language="fr")
    sign_in(page, account)
    # Signed in with the emailed one-time link, or the cookie expired: no language
    # cookie in this browser, only the account's saved language.
    kept = [c for c in page.context.cookies() if c["name"] != "accueil_language"]
    page.context.clear_cookies()
    page.context.add_cookies(kept)  # type: ignore[arg-type]
    page.reload()
    german(page)  # their home page
    page.goto(reverse("booking:manage", args=[links.access_token(person)]))
    german(page)
    journey(page, person)


def test_the_private_pages_follow_the_language_saved_on_the_account_when_signed_out(
    transactional_db, page
):
    """The link opened in a browser that never saw the site: the language the person
    saved on their account, not the one chosen at registration."""
    account = factories.user(Role.CANDIDATE, language="de")
    person = factories.candidate(user=account, information_language="fr")
    page.goto(reverse("booking:manage", args=[links.access_token(person)]))
    german(page)
    go(page, "main a[href$='/choose/']")
    german(page)
