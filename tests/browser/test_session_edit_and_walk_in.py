"""Issue 11, points 3 and 4 in the browser, in English, French and German, on a phone
screen, with axe-core on every page and error state: the candidate's chooser marks a
session not in their language and the waiting list offers free seats first and asks
which days suit; an officer changes a session (a refused number of seats first) and
adds a walk-in at check-in, found with the search."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from accueil.accounts.models import Role
from accueil.booking import services
from accueil.booking.models import BookingStatus
from accueil.registration import selectors as links
from tests import factories
from tests.browser.conftest import PHONE, sign_in
from tests.browser.test_officer_day import checked

LANGUAGES = ["en", "fr", "de"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_chooser_and_the_waiting_list_know_the_persons_languages(
    page, use_language, transactional_db, lang
):
    person = factories.candidate(information_language=lang)
    other = "pt"
    factories.information_session(languages=[other], place="Sala Lisboa")
    factories.information_session(languages=[lang], place="Room B")
    token = links.access_token(person)
    use_language(lang)
    page.set_viewport_size(PHONE)
    page.goto(reverse("booking:choose", args=[token]))
    expect(page.locator(".govuk-radios__item .govuk-tag")).to_have_count(1)
    assert (
        "Sala Lisboa"
        in page.locator(".govuk-radios__item", has=page.locator(".govuk-tag")).inner_text()
    )
    checked(page, lang)

    page.goto(reverse("booking:waitlist", args=[token]))
    expect(page.locator("#free-seats li")).to_have_count(2)
    checked(page, lang)
    page.check("#id_weekdays_0")
    page.check("#id_part_of_day-2")
    page.click("form[method=post] button[type=submit]")
    page.wait_for_url(f"**{reverse('booking:waitlisted', args=[token])}")
    checked(page, lang)
    entry = person.waitlist.get()
    assert (entry.weekdays, entry.part_of_day) == ("0", "morning")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_officer_changes_a_session(page, use_language, transactional_db, lang):
    officer = factories.user(Role.OFFICER)
    session = factories.information_session(
        starts_at=factories.on_day(20, 9), capacity=5, place="Room 2"
    )
    for _ in range(3):
        services.booking_create(candidate=factories.candidate(), session=session)
    use_language(lang)
    page.set_viewport_size(PHONE)
    sign_in(page, officer)
    page.goto(reverse("officer:session_detail", args=[session.pk]))
    page.click("#edit-session")
    checked(page, lang)
    page.fill("#id_capacity", "2")
    page.fill("#id_place", "Room 7")
    page.click("#edit-form button[type=submit]")
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.locator("#id_place")).to_have_value("Room 7")  # nothing typed is lost
    assert page.title().startswith({"en": "Error:", "fr": "Erreur", "de": "Fehler"}[lang])
    checked(page, lang)
    page.fill("#id_capacity", "3")
    page.click("#edit-form button[type=submit]")
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    checked(page, lang)
    session.refresh_from_db()
    assert (session.capacity, session.place) == (3, "Room 7")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_officer_adds_a_walk_in_found_with_the_search(
    page, use_language, transactional_db, lang
):
    officer = factories.user(Role.OFFICER)
    session = factories.information_session(starts_at=timezone.now() - timedelta(minutes=20))
    person = factories.candidate(surname="Nakamura")
    use_language(lang)
    page.set_viewport_size(PHONE)
    sign_in(page, officer)
    page.goto(reverse("intake:check_in", args=[session.pk]))
    page.click("#walk-in")
    checked(page, lang)
    page.fill("#q", "Nakamura")
    page.click("#walk-in-search button")
    expect(page.locator("#walk-in-candidates tbody tr")).to_have_count(1)
    checked(page, lang)
    page.click("#walk-in-candidates button[type=submit]")
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    checked(page, lang)
    assert person.bookings.get().status == BookingStatus.ATTENDED

    # Not registered yet: the registration form, from the walk-in page.
    page.goto(reverse("intake:walk_in", args=[session.pk]))
    page.click("#register-walk-in")
    checked(page, lang)

    # The one search box, on every officer page, leads to the candidate's file.
    page.fill("#officer-search-q", person.national_id)
    page.click("#officer-search button")
    page.click(f"a[href='{reverse('portal:candidate_detail', args=[person.pk])}']")
    checked(page, lang)
