"""The candidate's whole online path in a real browser: start page, eligibility check,
registration, booking, then the private link (move, cancel); in English, French and
German with axe-core on every page, at phone width, and without JavaScript.

Until the translators' catalogues land, French and German pages may still show
English words: these tests assert structure and the page's language, not wording.
"""

import re
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from accueil.booking.models import BookingStatus
from accueil.core import national_id
from accueil.registration import selectors as links
from accueil.registration.models import Candidate
from tests import factories
from tests.browser.conftest import PHONE, assert_accessible

# The pages of this flow; the home page is checked with the other public pages.
OURS = r"/(register|my-booking)/"
NATIONAL_ID = national_id.make(date(1990, 5, 17), 123)


@pytest.fixture(autouse=True)
def sessions(transactional_db, settings):
    settings.RATE_LIMIT_PUBLIC = "0"  # one browser sends many forms from one address
    soon = timezone.now() + timedelta(days=7)
    return [
        factories.information_session(starts_at=soon + timedelta(days=n), place=f"Room {n}")
        for n in (0, 7)
    ]


def checker(page: Page, lang: str, *, phone: bool = False, axe: str = ".") -> Callable:
    """Check the page's language, its width on a phone, and axe-core where `axe` matches,
    once per page (a page seen again, or again in a new state, passes `again=True`)."""
    seen: set[str] = set()

    def check(*, again: bool = False) -> None:
        assert page.locator("html").get_attribute("lang") == lang, page.url
        if phone:
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"sideways scrolling on {page.url}"
        path = page.url.split("?")[0]
        if axe and re.search(axe, path) and (again or path not in seen):
            seen.add(path)
            assert_accessible(page)

    return check


def submit(page: Page) -> None:
    with page.expect_navigation():
        page.locator("main button[type=submit]").first.click()


def follow(page: Page, selector: str) -> None:
    with page.expect_navigation():
        page.locator(selector).first.click()


def check_eligibility(page: Page, check: Callable, *, js: bool) -> None:
    page.goto("/")
    check()
    follow(page, "main a[href='/register/']")
    check()
    follow(page, "main a.govuk-button--start")
    check()
    submit(page)  # nothing typed: the error state
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check(again=True)
    if js:  # govuk-frontend moves focus to the summary
        assert page.locator(".govuk-error-summary").evaluate(
            "e => e === document.activeElement || e.contains(document.activeElement)"
        )
    page.fill("#id_day", "17")
    page.fill("#id_month", "5")
    page.fill("#id_year", "1990")
    submit(page)
    check()
    page.select_option("#id_nationality_1", "PT")
    submit(page)
    check()
    # With the keyboard alone: select "Yes", then Tab to "Continue".
    page.focus("#id_legally_resident")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    check()
    page.check("#id_wishes_to_settle")
    submit(page)
    check()  # the result, with its reasons
    assert page.locator(".accueil-reason--unmet").count() == 0
    follow(page, "main a.govuk-button")


def register(page: Page, lang: str, check: Callable) -> None:
    check()
    page.fill("#id_surname", "Silva")
    page.fill("#id_first_name", "Ana")
    submit(page)
    check()
    page.fill("#id_national_id", NATIONAL_ID)
    submit(page)
    check()
    page.fill("#id_phone", "621 123 456")
    submit(page)
    check()
    page.fill("#id_email", "ana@example.test")
    submit(page)  # nationality, residence and settling were answered in the check
    check()
    page.check(f"input[name=information_language][value={lang}]")
    submit(page)
    check()
    page.check("#id_interpreter_needed")
    submit(page)
    check()  # asked only after a "yes"
    page.fill("#id_interpreter_language", "Portuguese")
    submit(page)
    check()
    page.check("#id_consent")
    submit(page)
    check()  # check your answers
    follow(page, "main a[href='/register/telephone/?change=1']")
    check()
    page.fill("#id_phone", "+33 6 12 34 56 78")
    submit(page)
    assert "/register/check-your-answers/" in page.url
    assert "+33 6 12 34 56 78" in page.locator("main").inner_text()
    submit(page)
    check()  # registration received: check your email
    expect(page.locator(".govuk-panel--confirmation")).to_be_visible()
    # The private link goes only by email (issue 9): open it as the email's reader would.
    assert page.locator("main a[href*='/my-booking/']").count() == 0
    page.goto(reverse("booking:manage", args=[links.access_token(Candidate.objects.get())]))
    check()  # the private link page
    follow(page, "main a[href$='/choose/']")


def book(page: Page, check: Callable) -> None:
    check()  # the chooser
    page.check("#id_session")
    submit(page)
    check()  # booked
    expect(page.locator(".govuk-panel--confirmation")).to_be_visible()
    assert page.locator("main a[href$='/invitation.ics']").count() == 1


def move_and_cancel(page: Page, check: Callable) -> None:
    follow(page, "main a[href*='/my-booking/']:not([href$='.ics'])")
    check()  # the private link page
    follow(page, "main a[href$='/choose/']")
    check()
    page.check("#id_session")
    submit(page)
    check()  # moved
    follow(page, "main .govuk-\\!-text-break-word a")
    follow(page, "main a[href$='/cancel/']")
    check()
    submit(page)
    check()  # cancelled, with what to do next
    assert page.locator("main a[href$='/waiting-list/']").count() == 1


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_a_candidate_registers_books_moves_and_cancels(page, use_language, sessions, lang):
    use_language(lang)
    check = checker(page, lang, axe=OURS)
    check_eligibility(page, check, js=True)
    register(page, lang, check)
    book(page, check)
    move_and_cancel(page, check)
    person = Candidate.objects.get()
    assert person.information_language == lang and person.phone == "+33 6 12 34 56 78"
    moved, cancelled = person.bookings.order_by("created_at")
    assert (moved.status, cancelled.status) == (BookingStatus.MOVED, BookingStatus.CANCELLED)
    assert cancelled.session == sessions[1]


def test_the_whole_path_fits_a_phone_screen(page, sessions):
    page.set_viewport_size(PHONE)
    # axe-core ran on every page in the three languages; here, on the richest layouts.
    check = checker(page, "en", phone=True, axe=r"/register/$|check-your-answers|/choose/|/booked/")
    check_eligibility(page, check, js=True)
    register(page, "en", check)
    book(page, check)
    move_and_cancel(page, check)


def test_registering_and_booking_work_without_javascript(browser, live_server, sessions):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.set_default_timeout(10_000)
    page = context.new_page()
    check = checker(page, "en", axe="")  # axe-core needs JavaScript; the pages are the same
    check_eligibility(page, check, js=False)
    register(page, "en", check)
    book(page, check)
    assert "Room 0" in page.locator("main").inner_text()
    assert Candidate.objects.get().bookings.get().session == sessions[0]
    context.close()
