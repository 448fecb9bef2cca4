"""An integration officer plans a session, registers a caller and books them, prints
the attendee list and cancels the session, in English, French and German: every page
checked by axe-core, on a phone screen, with the keyboard and without JavaScript.

Translations arrive later, so the tests check structure and the lang attribute, not
translated words."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from accueil.accounts.models import Role
from accueil.booking import services
from accueil.booking.models import InformationSession, SessionStatus
from accueil.core import national_id
from tests import factories
from tests.browser.conftest import PHONE, assert_accessible, sign_in

LANGUAGES = ["en", "fr", "de"]
SESSION_PAGE = re.compile(r".*/officer/sessions/\d+/$")
PLACES = {
    "en": "Integration Department",
    "fr": "Département de l’intégration",
    "de": "Integrationsabteilung",
}
# The cause "The room is not available", as the booked candidates read it.
ROOM = {
    "en": "The room is not available",
    "fr": "La salle n’est pas disponible",
    "de": "Der Raum ist nicht verfügbar",
}


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def plan_a_session(page, days: int = 21) -> InformationSession:
    day = timezone.localdate() + timedelta(days=days)
    page.fill("#id_day", str(day.day))
    page.fill("#id_day_month", str(day.month))
    page.fill("#id_day_year", str(day.year))
    page.fill("#id_start_time", "09:30")
    page.fill("#id_place", "Integration Department")
    page.fill("#id_place_fr", PLACES["fr"])
    page.fill("#id_place_de", PLACES["de"])
    page.fill("#id_address", "7-9, avenue Victor Hugo, L-1750 Luxembourg")
    page.fill("#id_capacity", "8")
    page.check("#id_languages_1")
    page.check("#id_languages_3")
    page.check("#id_interpreter_available_0")
    page.click("#plan-form button[type=submit]")
    page.wait_for_url(SESSION_PAGE)
    return InformationSession.objects.latest("pk")


def register_by_phone(page, serial: int) -> str:
    number = national_id.make(timezone.localdate().replace(year=1990), serial)
    page.check("#id_channel_0")
    page.fill("#id_surname", f"Caller{serial}")
    page.fill("#id_first_name", "Ana")
    page.fill("#id_national_id", number)
    page.select_option("#id_nationality", "PT")
    page.fill("#id_phone", "621 555 123")
    page.fill("#id_email", f"caller{serial}@example.test")
    page.check("#id_information_language_1")
    page.check("#id_interpreter_needed_0")
    page.fill("#id_interpreter_language", "Portuguese")
    page.check("#id_legally_resident_0")
    page.check("#id_wishes_to_settle_0")
    page.check("#id_notice_read")
    page.click("#register-form button[type=submit]")
    page.wait_for_url("**/officer/candidates/*/book/")
    return number


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_officer_runs_a_session_from_planning_to_cancelling(
    page, use_language, transactional_db, lang
):
    use_language(lang)
    sign_in(page, factories.user(Role.OFFICER))
    with page.expect_navigation():
        page.click(f"a[href='{reverse('officer:session_list')}']")
    assert page.locator("html").get_attribute("lang") == lang
    assert_accessible(page)

    page.click("#plan-session")
    page.click("#plan-form button[type=submit]")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert page.locator(".govuk-form-group--error").count() == 7
    assert_accessible(page)
    session = plan_a_session(page)
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    assert_accessible(page)

    page.goto(reverse("officer:session_list"))
    row = page.locator(f"tr[data-session='{session.pk}']")
    assert row.locator("[data-column=free]").inner_text() == "8"
    assert PLACES[lang] in row.inner_text()  # the place in the reader's language

    page.goto(reverse("registration:candidate_register"))
    assert_accessible(page)
    number = register_by_phone(page, 400 + LANGUAGES.index(lang))
    assert_accessible(page)
    page.check(f"input[name=session][value='{session.pk}']")
    page.check("#id_channel_0")
    page.click("#book-form button[type=submit]")
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    assert page.locator("#booking-state a").get_attribute("href") == reverse(
        "officer:session_detail", args=[session.pk]
    )

    page.click("#booking-state a")
    expect(page.locator("#attendees tbody tr")).to_have_count(1)
    assert number in page.locator("#attendees").inner_text()
    assert_accessible(page)

    page.click("#cancel-session")
    page.click("#cancel-form button[type=submit]")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    assert page.locator("label[for=id_cause_1]").inner_text() == ROOM[lang]
    page.check("#id_cause_1")
    page.fill("#id_reason", "Water damage")
    page.click("#cancel-form button[type=submit]")
    page.wait_for_url("**/officer/sessions/")
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    assert_accessible(page)
    session.refresh_from_db()
    assert session.status == SessionStatus.CANCELLED
    page.goto(reverse("officer:session_detail", args=[session.pk]))
    assert f"{ROOM[lang]} – Water damage" in page.locator("main").inner_text()
    assert_accessible(page)


def test_the_officer_pages_fit_a_phone_screen(page, transactional_db):
    officer = factories.user(Role.OFFICER)
    session = factories.information_session(
        starts_at=timezone.now() + timedelta(days=3), place="Centre culturel de Differdange"
    )
    person = factories.candidate(
        surname="Vasconcelos-Hoffmann", interpreter_needed=True, interpreter_language="Tigrinya"
    )
    services.booking_create(candidate=person, session=session)
    page.set_viewport_size(PHONE)
    sign_in(page, officer)
    for url in (
        reverse("officer:session_list"),
        reverse("officer:session_detail", args=[session.pk]),
        reverse("officer:session_plan"),
        reverse("registration:candidate_register"),
        reverse("officer:candidate_book", args=[person.pk]),
    ):
        page.goto(url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, url
    assert_accessible(page)


def test_the_attendee_list_prints_without_the_page_furniture(page, transactional_db):
    session = factories.information_session(starts_at=timezone.now() + timedelta(days=3))
    services.booking_create(candidate=factories.candidate(), session=session)
    sign_in(page, factories.user(Role.OFFICER))
    page.goto(reverse("officer:session_detail", args=[session.pk]))
    page.emulate_media(media="print")
    for hidden in (".accueil-header", ".govuk-footer", ".accueil-account", ".govuk-back-link"):
        assert not page.locator(hidden).is_visible(), hidden
    expect(page.locator("#attendees")).to_be_visible()


def test_planning_works_with_the_keyboard_alone(page, transactional_db):
    sign_in(page, factories.user(Role.OFFICER))
    page.goto(reverse("officer:session_list"))
    page.focus("#plan-session")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sessions/plan/")
    page.focus("#id_day")
    day = timezone.localdate() + timedelta(days=9)
    for typed in (
        str(day.day),
        str(day.month),
        str(day.year),
        "14:00",
        "Esch",
        "",
        "",
        "1, rue X",
        "5",
    ):
        page.keyboard.type(typed)
        page.keyboard.press("Tab")
    page.keyboard.press("Space")  # the first language
    page.keyboard.press("Tab")
    for _ in range(4):
        page.keyboard.press("Tab")
    page.keyboard.press("Space")  # interpreter: yes
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(SESSION_PAGE)
    assert InformationSession.objects.get().languages == ["lb"]


def test_registering_and_booking_work_without_javascript(browser, live_server, transactional_db):
    session = factories.information_session(starts_at=timezone.now() + timedelta(days=5))
    officer = factories.user(Role.OFFICER)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, officer)
    page.goto(reverse("registration:candidate_register"))
    expect(page.locator("#id_interpreter_language")).to_be_visible()
    register_by_phone(page, 499)
    page.check(f"input[name=session][value='{session.pk}']")
    page.check("#id_channel_0")
    page.click("#book-form button[type=submit]")
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    session.refresh_from_db()
    assert session.seats_taken == 1
    context.close()
