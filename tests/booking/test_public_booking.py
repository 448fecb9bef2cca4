"""The candidate's information-session pages behind the private link: choosing,
booking, moving, cancelling until the session starts, the waiting list and the
calendar invitation."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from accueil.audit.models import Action, AuditEvent
from accueil.booking import services
from accueil.booking.models import BookingStatus, InformationSession, SessionStatus, WaitlistStatus
from accueil.registration import selectors as links
from tests import factories

pytestmark = pytest.mark.django_db
LUX = ZoneInfo("Europe/Luxembourg")


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.RATE_LIMIT_PUBLIC = "0"


@pytest.fixture
def person():
    return factories.candidate(email="ana@example.test", information_language="en")


@pytest.fixture
def token(person):
    return links.access_token(person)


def url(name: str, token: str) -> str:
    return reverse(f"booking:{name}", args=[token])


def session(**fields):
    fields.setdefault("starts_at", timezone.now() + timedelta(days=10))
    return factories.information_session(**fields)


def started(seats: InformationSession) -> None:
    InformationSession.objects.filter(pk=seats.pk).update(
        starts_at=timezone.now() - timedelta(minutes=5)
    )


@pytest.mark.parametrize(
    "name", ["manage", "choose", "booked", "cancel", "cancelled", "waitlist", "invitation"]
)
def test_an_invalid_token_is_not_found(client, name):
    assert client.get(url(name, "not-a-token")).status_code == 404


def test_a_revoked_link_is_not_found(client, person, token):
    person.access_version += 1
    person.save()
    assert client.get(url("manage", token)).status_code == 404


def test_the_chooser_lists_only_future_sessions_with_free_seats(client, token):
    open_ = session(place="Open room")
    session(place="Full room", capacity=1, seats_taken=1)
    session(place="Past room", starts_at=timezone.now() - timedelta(hours=2))
    session(place="Cancelled room", status=SessionStatus.CANCELLED)
    page = client.get(url("choose", token)).content.decode()
    assert "Open room" in page and f'value="{open_.pk}"' in page
    assert not any(room in page for room in ("Full room", "Past room", "Cancelled room"))
    assert "Join the waiting list" in page


def test_the_chooser_shows_date_time_and_languages_in_the_readers_language(client, token):
    session(
        starts_at=datetime(2030, 3, 5, 10, 0, tzinfo=LUX),
        languages=["fr", "en"],
        interpreter_available=True,
    )
    client.cookies["accueil_language"] = "fr"
    page = client.get(url("choose", token)).content.decode()
    assert "mardi 5 mars 2030, 10:00" in page
    assert "Français, Anglais" in page


def test_booking_a_session_takes_a_seat_and_confirms_with_the_details(
    client, person, token, django_capture_on_commit_callbacks, run_tasks
):
    seats = session(starts_at=datetime(2030, 3, 5, 10, 0, tzinfo=LUX), place="Hall A")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("choose", token), {"session": seats.pk})
    assert response["Location"] == url("booked", token)
    seats.refresh_from_db()
    assert seats.seats_taken == 1 and person.bookings.get().status == BookingStatus.ACTIVE
    page = client.get(response["Location"]).content.decode()
    assert "Information session booked" in page and "govuk-panel--confirmation" in page
    assert "Tuesday 5 March 2030" in page and "10:00 to 11:00" in page and "Hall A" in page
    assert "ana@example.test" in page and "calendar invitation" in page
    assert url("manage", token) in page
    run_tasks()
    assert [email.to for email in mail.outbox] == [["ana@example.test"]]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"capacity": 1, "seats_taken": 1}, "That session has just become full"),
        ({"status": SessionStatus.CANCELLED}, "That session is no longer open"),
    ],
)
def test_a_session_that_cannot_be_booked_shows_the_list_again_with_a_message(
    client, person, token, fields, message
):
    closed = session(**fields)
    other = session(place="Other room")
    response = client.post(url("choose", token), {"session": closed.pk})
    page = response.content.decode()
    assert response.status_code == 200 and "<title>Error:" in page
    assert message in page and "Other room" in page and f'value="{other.pk}"' in page
    assert not person.bookings.exists()


def test_choosing_nothing_asks_to_select_a_session(client, token):
    session()
    page = client.post(url("choose", token), {}).content.decode()
    assert '<a href="#id_session">Select an information session</a>' in page


def test_moving_frees_the_old_seat_and_books_the_new_one(client, person, token):
    old, new = session(place="Old room"), session(place="New room")
    services.booking_create(candidate=person, session=old)
    page = client.get(url("choose", token)).content.decode()
    assert "Choose another information session" in page and "Old room" in page
    assert f'value="{old.pk}"' not in page
    response = client.post(url("choose", token), {"session": new.pk})
    assert response["Location"] == url("booked", token) + "?moved=1"
    assert "Information session moved" in client.get(response["Location"]).content.decode()
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.seats_taken, new.seats_taken) == (0, 1)
    assert person.bookings.get(status=BookingStatus.ACTIVE).session == new


def test_the_private_link_page_shows_the_booking_and_records_the_view(client, person, token):
    seats = session(place="Hall A")
    services.booking_create(candidate=person, session=seats)
    page = client.get(url("manage", token)).content.decode()
    assert "Hall A" in page
    for name in ("choose", "cancel", "invitation"):
        assert url(name, token) in page
    assert AuditEvent.objects.filter(action=Action.VIEW, target_id=str(person.pk)).exists()


def test_the_private_link_page_without_a_booking_offers_to_choose_or_wait(client, token):
    page = client.get(url("manage", token)).content.decode()
    assert "You have no information session booked" in page
    assert url("choose", token) in page and url("waitlist", token) in page


def test_cancelling_asks_first_then_frees_the_seat_and_offers_what_next(client, person, token):
    seats = session()
    services.booking_create(candidate=person, session=seats)
    page = client.get(url("cancel", token)).content.decode()
    assert "Are you sure you want to cancel your information session?" in page
    assert person.bookings.get().status == BookingStatus.ACTIVE
    response = client.post(url("cancel", token))
    assert response["Location"] == url("cancelled", token)
    seats.refresh_from_db()
    assert seats.seats_taken == 0 and person.bookings.get().status == BookingStatus.CANCELLED
    page = client.get(response["Location"]).content.decode()
    assert "Booking cancelled" in page
    assert url("choose", token) in page and url("waitlist", token) in page


def test_cancelling_after_the_session_started_is_refused_with_a_clear_message(
    client, person, token
):
    seats = session()
    services.booking_create(candidate=person, session=seats)
    started(seats)
    response = client.post(url("cancel", token))
    assert "You can no longer change this booking" in response.content.decode()
    assert person.bookings.get().status == BookingStatus.ACTIVE
    assert (
        "You can no longer change this booking" in client.get(url("choose", token)).content.decode()
    )
    page = client.get(url("manage", token)).content.decode()
    assert "This session has started" in page and url("cancel", token) not in page


def test_joining_the_waitlist_confirms_and_shows_on_the_private_link_page(client, person, token):
    page = client.get(url("waitlist", token)).content.decode()
    assert "No preference" in page
    response = client.post(url("waitlist", token), {"language": "de"})
    assert response["Location"] == url("waitlisted", token)
    entry = person.waitlist.get()
    assert (entry.status, entry.language) == (WaitlistStatus.WAITING, "de")
    page = client.get(response["Location"]).content.decode()
    assert "You are on the waiting list" in page and "automatically" in page
    page = client.get(url("manage", token)).content.decode()
    assert "You have been on the waiting list since" in page and "German" in page


def test_a_waiting_candidate_is_booked_when_a_seat_frees_up(client, person, token):
    seats = session(capacity=1)
    services.booking_create(candidate=factories.candidate(), session=seats)
    client.post(url("waitlist", token), {"language": ""})
    services.booking_cancel(booking=seats.bookings.get())
    assert person.bookings.get().session == seats
    page = client.get(url("manage", token)).content.decode()
    assert seats.place in page and url("cancel", token) in page


def test_leaving_the_waitlist(client, person, token):
    services.waitlist_join(candidate=person)
    response = client.post(url("waitlist_leave", token), follow=True)
    assert "You have left the waiting list" in response.content.decode()
    assert person.waitlist.get().status == WaitlistStatus.LEFT


def test_a_booked_candidate_is_not_put_on_the_waitlist(client, person, token):
    services.booking_create(candidate=person, session=session())
    response = client.post(url("waitlist", token), {"language": ""}, follow=True)
    assert "You already have an information session booked" in response.content.decode()
    assert not person.waitlist.exists()


def test_the_calendar_invitation_downloads_in_luxembourg_time(client, person, token):
    seats = session(starts_at=datetime(2030, 3, 5, 10, 0, tzinfo=LUX))
    services.booking_create(candidate=person, session=seats)
    response = client.get(url("invitation", token))
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    assert "DTSTART;TZID=Europe/Luxembourg:20300305T100000" in response.content.decode()


def test_there_is_no_invitation_without_a_booking(client, token):
    assert client.get(url("invitation", token)).status_code == 404


def test_too_many_booking_submissions_get_a_clear_429(client, token, settings):
    settings.RATE_LIMIT_PUBLIC = "2/600"
    cache.clear()
    for _ in range(2):
        client.post(url("waitlist", token), {"language": ""})
    response = client.post(url("cancel", token))
    assert response.status_code == 429
    assert "You have sent too many forms from this connection" in response.content.decode()
    cache.clear()


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_booking_pages_speak_the_readers_language(client, person, token, lang):
    services.booking_create(candidate=person, session=session())
    client.cookies["accueil_language"] = lang
    for name in ("manage", "choose", "cancel", "booked", "waitlist"):
        page = client.get(url(name, token)).content.decode()
        assert f'<html lang="{lang}"' in page, name


def test_the_private_link_speaks_the_language_chosen_at_registration(client):
    german = factories.candidate(email="jonas@example.test", information_language="de")
    response = client.get(url("manage", links.access_token(german)), HTTP_ACCEPT_LANGUAGE="en")
    assert response.content.decode().startswith("<!DOCTYPE html>")
    assert '<html lang="de"' in response.content.decode()


def test_a_language_picked_in_this_browser_wins_over_the_one_chosen_at_registration(client):
    german = factories.candidate(email="jonas@example.test", information_language="de")
    client.cookies["accueil_language"] = "fr"
    response = client.get(url("manage", links.access_token(german)))
    assert '<html lang="fr"' in response.content.decode()
