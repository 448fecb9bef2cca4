"""The whole day of an information session, in English, French and German: the officer
checks in one present and one absent candidate, fills the task list, drafts and signs
the contract and downloads it; then the candidate signs in and sees their contract.
Every page is checked by axe-core on a phone screen; the check-in is done with the
keyboard, and the check-in and a task page also work without JavaScript.

Translations arrive later, so the tests check structure and the lang attribute, not
translated words."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from accueil.accounts.models import Role
from accueil.booking.models import Booking, BookingStatus
from accueil.contracts.models import ContractStatus, SignatureMethod
from accueil.social.models import InterviewRequest
from tests import factories
from tests.browser.conftest import PHONE, assert_accessible, sign_in

LUX = ZoneInfo("Europe/Luxembourg")
LANGUAGES = ["en", "fr", "de"]


def on_day(days: int, hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=LUX)


def book(session, person) -> Booking:
    # On the day the session may have started already, which booking_create refuses.
    session.seats_taken += 1
    session.save(update_fields=["seats_taken"])
    return Booking.objects.create(session=session, candidate=person, channel="online")


def checked(page: Page, lang: str) -> None:
    """The page speaks the reader's language, fits a phone and passes axe-core."""
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == lang
    # Both counts from one document, even if a navigation is still settling.
    everywhere, in_main = page.evaluate(
        "[document.querySelectorAll('.govuk-back-link').length,"
        " document.querySelectorAll('main .govuk-back-link').length]"
    )
    assert everywhere == in_main
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, page.url
    assert_accessible(page)


def submit(page: Page, form: str) -> None:
    page.click(f"#{form} button[type=submit]")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_whole_day_of_an_information_session(page, use_language, transactional_db, lang):
    officer = factories.user(Role.OFFICER)
    account = factories.user(Role.CANDIDATE)
    present = factories.candidate(user=account, surname="Pereira", information_language=lang)
    absent = factories.candidate(surname="Okafor")
    session = factories.information_session(starts_at=on_day(0, 0), place="Salle Victor Hugo")
    later = factories.information_session(starts_at=on_day(7, 10))
    present_booking, absent_booking = book(session, present), book(session, absent)

    use_language(lang)
    page.set_viewport_size(PHONE)
    sign_in(page, officer)
    page.goto(reverse("intake:day"))
    checked(page, lang)

    page.click(f"#today a[href='{reverse('intake:check_in', args=[session.pk])}']")
    expect(page.locator("#check-in tbody tr")).to_have_count(2)
    checked(page, lang)
    # With the keyboard: focus "Present" on Pereira's row and press Enter.
    page.focus(f"#booking-{present_booking.pk} button[value=present]")
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    page.click(f"#booking-{absent_booking.pk} button[value=absent]")
    expect(page.locator(f"#booking-{absent_booking.pk} .govuk-tag--grey")).to_be_visible()
    assert (
        later.starts_at.astimezone(LUX).strftime("%H:%M")
        in page.locator(f"#booking-{absent_booking.pk}").inner_text()
    )
    checked(page, lang)
    assert Booking.objects.get(candidate=absent, status=BookingStatus.ACTIVE).session == later

    page.click(f"#booking-{present_booking.pk} a")
    expect(page.locator(".govuk-task-list__item")).to_have_count(6)
    checked(page, lang)

    # (a) The residence document: first the errors, then the answers.
    page.click("#task-document a")
    submit(page, "document-form")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    checked(page, lang)
    valid = timezone.localdate() + timedelta(days=500)
    page.check("#id_kind_1")
    page.fill("#id_number", "RP-558812")
    page.fill("#id_valid_until", str(valid.day))
    page.fill("#id_valid_until_month", str(valid.month))
    page.fill("#id_valid_until_year", str(valid.year))
    submit(page, "document-form")
    expect(page.locator("#task-document-status .govuk-tag")).to_have_count(0)  # completed
    # (b) The linguistic profile.
    page.click("#task-profile a")
    checked(page, lang)
    page.select_option("#id_level_fr", "A2")
    page.check("#id_literacy_needed_1")
    submit(page, "profile-form")
    # (c) The orientation, pre-filled from the rules.
    page.click("#task-orientation a")
    expect(page.locator("input[name=courses]:checked")).to_have_count(3)
    checked(page, lang)
    page.fill("#id_notes", "Works as a nurse: French first.")
    submit(page, "orientation-form")
    # (d) The request for a social worker.
    page.click("#task-interview a")
    checked(page, lang)
    page.fill("#id_reason", "Looking for housing")
    page.check("#id_urgency_2")
    submit(page, "interview-form")
    expect(page.locator(".govuk-task-list")).to_be_visible()
    checked(page, lang)
    assert InterviewRequest.objects.get(candidate=present).urgency == "high"

    # (e) The formalities document.
    formalities = page.request.get(page.locator("#task-formalities a").get_attribute("href"))
    assert formalities.headers["content-type"] == "application/pdf"

    # (f) The contract: draft, then sign with the candidate's confirmation.
    page.click("#task-contract a")
    checked(page, lang)
    submit(page, "draft-form")
    expect(page.locator("#sign-form")).to_be_visible()
    checked(page, lang)
    page.check(f"input[name=method][value={SignatureMethod.CONFIRMED}]")
    page.check("#id_identity_checked")
    submit(page, "sign-form")
    expect(page.locator("#signed")).to_be_visible()
    checked(page, lang)
    contract = present.contracts.get()
    assert contract.status == ContractStatus.IN_FORCE and contract.number in page.inner_text(
        "#signed"
    )
    pdf = page.request.get(page.locator("#contract-pdf").get_attribute("href"))
    assert pdf.headers["content-type"] == "application/pdf" and pdf.body().startswith(b"%PDF")

    # The candidate signs in and finds the contract on their path page.
    page.context.clear_cookies()
    use_language(lang)
    sign_in(page, account)
    expect(page.locator("main")).to_contain_text(contract.number)
    checked(page, lang)


def test_check_in_and_the_task_pages_work_without_javascript(
    browser, live_server, transactional_db
):
    officer = factories.user(Role.OFFICER)
    person = factories.candidate()
    session = factories.information_session(starts_at=on_day(0, 0))
    booking = book(session, person)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, officer)
    page.goto(reverse("intake:check_in", args=[session.pk]))
    page.click(f"#booking-{booking.pk} button[value=present]")
    page.click(f"#booking-{booking.pk} a")
    page.click("#task-profile a")
    page.check("#id_literacy_needed_0")
    submit(page, "profile-form")
    expect(page.locator("#task-orientation a")).to_be_visible()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.ATTENDED and person.linguistic_profile.literacy_needed
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_queue_calendar_and_contract_pages_are_accessible(
    page, use_language, transactional_db, lang
):
    officer = factories.user(Role.OFFICER)
    social_worker = factories.user(Role.SOCIAL_WORKER)
    person = factories.candidate(surname="Vasconcelos-Hoffmann")
    contract = factories.contract(person)
    request = InterviewRequest.objects.create(
        candidate=person, reason="Housing", urgency="high", requested_by=officer
    )
    use_language(lang)
    page.set_viewport_size(PHONE)
    sign_in(page, social_worker)
    page.goto(reverse("social:queue"))
    checked(page, lang)
    page.click(f"a[href='{reverse('social:handle', args=[request.pk])}']")
    submit(page, "outcome-form")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    checked(page, lang)

    page.context.clear_cookies()
    use_language(lang)
    sign_in(page, officer)
    page.goto(reverse("training:providers"))
    checked(page, lang)
    page.goto(reverse("officer_contracts:detail", args=[contract.pk]))
    checked(page, lang)
    page.click("#withdraw-link")
    submit(page, "withdraw-form")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    checked(page, lang)
    page.fill("#id_reason", "Moving abroad")
    submit(page, "withdraw-form")
    expect(page.locator("#history")).to_contain_text("Moving abroad")
    checked(page, lang)
    page.goto(reverse("training:catalogue"))
    checked(page, lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_check_in_made_by_mistake_is_undone(page, use_language, transactional_db, lang):
    """Issue 11, point 1: an English speaker marked absent is re-booked into a session
    held in English (not the earlier French and Portuguese one); the officer undoes the
    absence, which cancels that re-booking, and a presence marked by mistake too."""
    officer = factories.user(Role.OFFICER)
    english = factories.candidate(surname="Okafor", information_language="en")
    other = factories.candidate(surname="Pereira")
    session = factories.information_session(starts_at=on_day(0, 0))
    factories.information_session(starts_at=on_day(2, 9), languages=["fr", "pt"], capacity=15)
    held_in_english = factories.information_session(
        starts_at=on_day(5, 14), languages=["en", "fr"], capacity=15
    )
    absent_booking, present_booking = book(session, english), book(session, other)
    use_language(lang)
    page.set_viewport_size(PHONE)
    sign_in(page, officer)
    page.goto(reverse("intake:check_in", args=[session.pk]))
    checked(page, lang)

    absent_row = page.locator(f"#booking-{absent_booking.pk}")
    absent_row.locator("button[value=absent]").click()
    expect(absent_row.locator(".govuk-tag--grey")).to_be_visible()
    assert "14:00" in absent_row.inner_text()  # the session held in English
    rebooked = Booking.objects.get(candidate=english, status=BookingStatus.ACTIVE)
    assert rebooked.session == held_in_english
    checked(page, lang)

    absent_row.locator("form[action$='/undo/'] button").click()
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    expect(absent_row.locator("button[value=absent]")).to_be_visible()
    checked(page, lang)
    rebooked.refresh_from_db()
    absent_booking.refresh_from_db()
    assert (absent_booking.status, rebooked.status) == (
        BookingStatus.ACTIVE,
        BookingStatus.CANCELLED,
    )

    present_row = page.locator(f"#booking-{present_booking.pk}")
    present_row.locator("button[value=present]").click()
    expect(present_row.locator(".govuk-tag--green")).to_be_visible()
    present_row.locator("form[action$='/undo/'] button").click()
    expect(present_row.locator("button[value=present]")).to_be_visible()
    checked(page, lang)
    present_booking.refresh_from_db()
    assert present_booking.status == BookingStatus.ACTIVE
