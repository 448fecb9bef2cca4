"""Issue 11, point 3: booking and the waiting list know the person's languages (a
session none of whose languages they chose, with no interpreter for them, is marked
in words), seats free now are offered before the wait, and a waiting person says which
days and time of day suit them (only such a session is booked for them)."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from accueil.accounts.models import Role
from accueil.booking import services
from accueil.booking.models import (
    PartOfDay,
    WaitlistStatus,
    session_on_days,
    session_understood,
)
from accueil.registration import selectors as links
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.RATE_LIMIT_PUBLIC = "0"
    cache.clear()


def test_a_session_is_understood_in_the_chosen_language_or_with_an_interpreter():
    french = factories.information_session(languages=["fr", "pt"])
    with_interpreter = factories.information_session(
        languages=["fr", "pt"], interpreter_available=True
    )
    english = factories.candidate(information_language="en")
    needs_one = factories.candidate(
        information_language="en", interpreter_needed=True, interpreter_language="Arabic"
    )
    assert not session_understood(french, english)
    assert session_understood(factories.information_session(languages=["en"]), english)
    assert not session_understood(french, needs_one)
    assert session_understood(with_interpreter, needs_one)


def test_days_and_time_of_day_are_read_in_luxembourg_time():
    monday_morning = factories.information_session(starts_at=_next(0, 9))
    assert session_on_days(monday_morning, weekdays="", part_of_day="")
    assert session_on_days(monday_morning, weekdays="02", part_of_day=PartOfDay.MORNING)
    assert not session_on_days(monday_morning, weekdays="1234", part_of_day="")
    assert not session_on_days(monday_morning, weekdays="", part_of_day=PartOfDay.AFTERNOON)


def _next(weekday: int, hour: int):
    """`hour` o'clock, Luxembourg time, on the next such weekday at least 3 days on."""
    for days in range(3, 10):
        when = factories.on_day(days, hour)
        if when.weekday() == weekday:
            return when
    raise AssertionError


def test_a_waiting_person_is_booked_only_at_a_session_on_a_day_that_suits():
    person = factories.candidate(information_language="fr")
    services.waitlist_join(
        candidate=person, weekdays="2", part_of_day=PartOfDay.AFTERNOON
    )  # Wednesday afternoons
    wednesday_morning = factories.information_session(starts_at=_next(2, 9))
    tuesday_afternoon = factories.information_session(starts_at=_next(1, 14))
    assert services.waitlist_promote(session=wednesday_morning) == []
    assert services.waitlist_promote(session=tuesday_afternoon) == []
    wednesday_afternoon = factories.information_session(starts_at=_next(2, 14))
    [booking] = services.waitlist_promote(session=wednesday_afternoon)
    assert booking.candidate == person
    assert person.waitlist.get().status == WaitlistStatus.BOOKED


def test_joining_again_keeps_the_first_place_and_wishes():
    person = factories.candidate()
    first = services.waitlist_join(candidate=person, weekdays="0")
    again = services.waitlist_join(candidate=person, weekdays="41", part_of_day="morning")
    assert (again.pk, again.weekdays, again.part_of_day) == (first.pk, "0", "")


def test_the_chooser_marks_in_words_a_session_not_in_the_persons_language(client):
    person = factories.candidate(information_language="en")
    factories.information_session(languages=["fr", "pt"], place="Salle A")
    factories.information_session(languages=["en", "fr"], place="Room B")
    page = client.get(reverse("booking:choose", args=[links.access_token(person)]))
    html = page.content.decode()
    assert html.count("Not in your language") == 1
    assert "None of its languages is English." in html
    [french] = [item for item in html.split("govuk-radios__item") if "Salle A" in item]
    assert "Not in your language" in french


def test_the_officers_booking_page_marks_it_too(client):
    client.force_login(factories.user(Role.OFFICER))
    person = factories.candidate(
        information_language="de", interpreter_needed=True, interpreter_language="Tigrinya"
    )
    factories.information_session(languages=["fr"])
    factories.information_session(languages=["fr"], interpreter_available=True)
    html = client.get(reverse("officer:candidate_book", args=[person.pk])).content.decode()
    assert html.count("Not in the candidate's language") == 1
    assert "No interpreter is available." in html


def test_the_waiting_list_page_offers_the_free_seats_first(client):
    person = factories.candidate(information_language="en")
    token = links.access_token(person)
    factories.information_session(languages=["en"], place="Room B")
    html = client.get(reverse("booking:waitlist", args=[token])).content.decode()
    assert "Seats are free now" in html
    assert html.index("Room B") < html.index('name="language"')
    assert reverse("booking:choose", args=[token]) in html


def test_no_free_seat_no_offer(client):
    person = factories.candidate()
    full = factories.information_session(capacity=1)
    factories.book(full)
    html = client.get(reverse("booking:waitlist", args=[links.access_token(person)]))
    assert "Seats are free now" not in html.content.decode()


def test_the_waiting_person_says_which_days_suit(client):
    person = factories.candidate()
    token = links.access_token(person)
    response = client.post(
        reverse("booking:waitlist", args=[token]),
        {"language": "", "weekdays": ["mon", "thu"], "part_of_day": "afternoon"},
    )
    assert response["Location"] == reverse("booking:waitlisted", args=[token])
    entry = person.waitlist.get()
    assert (entry.weekdays, entry.part_of_day) == ("03", "afternoon")


def test_a_day_not_in_the_list_is_refused_next_to_the_field(client):
    person = factories.candidate(information_language="en")
    response = client.post(
        reverse("booking:waitlist", args=[links.access_token(person)]),
        {"weekdays": ["0"], "part_of_day": "night"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Select days from the list" in html
    assert "Select a time of day from the list" in html
    assert not person.waitlist.exists()


def test_the_officer_puts_someone_on_the_waitlist_with_the_days_that_suit(client):
    client.force_login(factories.user(Role.OFFICER))
    person = factories.candidate()
    client.post(
        reverse("officer:candidate_waitlist", args=[person.pk]),
        {"language": "fr", "weekdays": ["fri"], "part_of_day": "morning"},
    )
    entry = person.waitlist.get()
    assert (entry.language, entry.weekdays, entry.part_of_day) == ("fr", "4", "morning")
