"""The booking API: sessions, registering (and booking in the same transaction), and
a candidate's booking managed with the private token."""

from datetime import date, datetime, time, timedelta
from uuid import uuid4
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from accueil.api.schemas import CONFLICTS
from accueil.audit.models import AuditEvent
from accueil.booking import services
from accueil.booking.models import Booking, BookingStatus, SessionStatus
from accueil.core import national_id
from accueil.registration import selectors as links
from accueil.registration.models import Candidate
from tests import factories

pytestmark = pytest.mark.django_db
LUX = ZoneInfo("Europe/Luxembourg")


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.RATE_LIMIT_PUBLIC = "0"
    cache.clear()


def session(**fields):
    return factories.information_session(**fields)


def local(days: int, hour: int) -> datetime:
    return datetime.combine(timezone.localdate() + timedelta(days=days), time(hour), tzinfo=LUX)


def answers(**fields) -> dict:
    # Lower-case nationality codes: the API takes them in either case.
    return factories.api_registration(**({"nationalities": ["pt"]} | fields))


def register(client, url="/api/v1/registrations", **fields):
    return client.post(url, answers(**fields), content_type="application/json")


def post(client, url, body=None):
    return client.post(url, body or {}, content_type="application/json")


def token_of(person) -> str:
    return links.access_token(person)


# Sessions


def test_sessions_with_free_seats_are_listed_soonest_first_in_luxembourg_time(client):
    later = session(starts_at=local(20, 14))
    sooner = session(starts_at=local(3, 9), capacity=5, seats_taken=2)
    session(capacity=2, seats_taken=2)
    session(status=SessionStatus.CANCELLED)
    session(starts_at=timezone.now() - timedelta(hours=1))
    page = client.get("/api/v1/sessions").json()
    assert page["count"] == 2
    assert [item["id"] for item in page["items"]] == [sooner.pk, later.pk]
    first = page["items"][0]
    assert first["starts_at"] == local(3, 9).isoformat()  # "...T09:00:00+01:00"
    assert first["ends_at"] == local(3, 10).isoformat()
    assert (first["capacity"], first["seats_free"]) == (5, 3)
    assert first["languages"] == ["fr", "en"] and first["place"] and first["address"]


def test_sessions_can_be_filtered_by_the_language_spoken(client):
    session(languages=["de", "lb"])
    portuguese = session(languages=["fr", "pt"])
    items = client.get("/api/v1/sessions?language=pt").json()["items"]
    assert [item["id"] for item in items] == [portuguese.pk]
    assert client.get("/api/v1/sessions?language=p%").status_code == 422


def test_sessions_come_in_pages_of_at_most_100(client):
    for days in range(1, 6):
        session(starts_at=timezone.now() + timedelta(days=days))
    page = client.get("/api/v1/sessions?limit=2&offset=3").json()
    assert page["count"] == 5 and len(page["items"]) == 2
    assert client.get("/api/v1/sessions?limit=101").status_code == 422


# Registering


RECEIVED = {
    "status": "received",
    "message": "We have received your registration. We have sent your private link, to see, "
    "book, move or cancel your information session, to the email address you gave. If you "
    "gave only a postal address, call the Integration Department on 247-85785.",
}


def emailed_token(to: str) -> str:
    """The private token in the last email sent to `to`."""
    import re

    body = [email.body for email in mail.outbox if email.to == [to]][-1]
    return re.search(r"/my-booking/([^/\s]+)/", body).group(1)


def test_a_registration_is_received_and_its_private_token_goes_by_email(
    client, run_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client, nationalities=["pt", "BR"])
    assert response.status_code == 202
    assert response.json() == RECEIVED
    person = Candidate.objects.get()
    assert person.birth_date == date(1991, 3, 14)
    assert person.phone == "+352 621 123 456"
    assert person.nationalities == ["PT", "BR"]
    assert person.consent_at is not None and not Booking.objects.exists()
    run_tasks()
    token = emailed_token("ana.silva@example.test")
    assert links.candidate_from_token(token) == person
    assert client.get(f"/api/v1/bookings/{token}").json()["registration_id"] == str(person.pk)


def test_a_registration_with_a_session_books_it_and_the_email_follows_the_commit(
    client, django_capture_on_commit_callbacks, run_tasks
):
    seats = session()
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client, session_id=seats.pk)
    assert (response.status_code, response.json()) == (202, RECEIVED)
    booking = Booking.objects.get()
    assert booking.session == seats and booking.status == BookingStatus.ACTIVE
    seats.refresh_from_db()
    assert seats.seats_taken == 1
    run_tasks()
    booked = [email for email in mail.outbox if "information session is booked" in email.subject]
    assert [email.to for email in booked] == [["ana.silva@example.test"]]


@pytest.mark.parametrize(
    ("full", "code"),
    [
        ({"capacity": 1, "seats_taken": 1}, "session_full"),
        ({"status": SessionStatus.CANCELLED}, "session_closed"),
    ],
)
def test_when_the_seat_cannot_be_had_nothing_is_registered(client, full, code):
    seats = session(**full)
    response = register(client, session_id=seats.pk)
    assert response.status_code == 409
    assert response.json()["code"] == code and response.json()["error"]
    assert not Candidate.objects.exists()
    assert not Booking.objects.exists()
    # Nothing was kept, so the same person can register for another session.
    assert register(client, session_id=session().pk).status_code == 202
    assert Candidate.objects.count() == 1


def test_an_unknown_session_is_a_400_naming_it_and_registers_nobody(client):
    response = register(client, session_id=999_999)
    assert (response.status_code, response.json()["fact"]) == (400, "session_id")
    assert not Candidate.objects.exists()


def test_the_same_submission_answers_the_same_and_registers_and_books_once(client):
    seats = session()
    key = str(uuid4())
    first = register(client, submission_id=key, session_id=seats.pk)
    again = register(client, submission_id=key, session_id=seats.pk)
    assert (first.status_code, again.status_code) == (202, 202)
    assert first.json() == again.json() == RECEIVED
    seats.refresh_from_db()
    assert (Candidate.objects.count(), seats.seats_taken, Booking.objects.count()) == (1, 1, 1)


def test_it_registers_and_books_in_one_transaction_without_a_savepoint(transactional_db, client):
    seats = session()
    with CaptureQueriesContext(connection) as queries:
        assert register(client, session_id=seats.pk).status_code == 202
    statements = [q["sql"].split()[0].upper() for q in queries.captured_queries]
    assert "SAVEPOINT" not in statements
    # The candidate, the seat (which returns the session), the booking, the queued
    # tasks, the two audit events: one statement each.
    assert len([s for s in statements if s in ("SELECT", "INSERT", "UPDATE")]) <= 6
    assert AuditEvent.objects.count() == 2


def test_a_registered_number_with_a_session_books_nothing(client):
    owner = factories.candidate(national_id=national_id.make(date(1991, 3, 14), 123))
    seats = session()
    response = register(client, session_id=seats.pk)
    # The answer a new registration gets: nothing says the number was registered.
    assert (response.status_code, response.json()) == (202, RECEIVED)
    seats.refresh_from_db()
    assert (seats.seats_taken, Booking.objects.count(), Candidate.objects.count()) == (0, 0, 1)
    # The attempt is in the audit trail, on the registration it matched.
    [event] = AuditEvent.objects.all()
    assert event.target_id == str(owner.pk) and event.reason.startswith("refused")


def test_a_twin_submission_that_loses_the_race_answers_as_the_first_one(
    client, monkeypatch, queued_tasks
):
    from accueil.registration import services as registration

    seats = session()
    key = str(uuid4())
    first = register(client, submission_id=key, session_id=seats.pk).json()
    queued_tasks.clear()
    looks = [lambda key: None, registration.submitted]  # the second look finds the first
    # The twin looked before the first one was committed, and found nothing yet.
    monkeypatch.setattr(registration, "submitted", lambda key: looks.pop(0)(key))
    again = register(client, submission_id=key, session_id=seats.pk)
    assert again.status_code == 202 and again.json() == first == RECEIVED
    seats.refresh_from_db()
    assert (Candidate.objects.count(), seats.seats_taken) == (1, 1)
    assert not queued_tasks.results  # its own registration: nobody to warn


def test_an_identification_number_registered_already_gets_the_same_answer_and_its_owner_an_email(
    client, run_tasks, django_capture_on_commit_callbacks
):
    owner = factories.candidate(
        national_id=national_id.make(date(1991, 3, 14), 123),
        surname="Existing",
        email="x@x.lu",
        information_language="fr",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client)
    assert (response.status_code, response.json()) == (202, RECEIVED)
    assert "Existing" not in response.content.decode()
    assert Candidate.objects.count() == 1
    run_tasks()
    [email] = mail.outbox
    assert email.to == ["x@x.lu"] and "numéro d’identification" in email.subject
    # How to reach the registration again: the private link, and where to ask for it.
    assert links.access_url(owner) in email.body and "/register/get-my-link/" in email.body


def test_a_person_who_may_not_sign_gets_422_with_every_reason_in_their_language(client):
    response = register(
        client,
        url="/api/v1/registrations?lang=fr",
        nationalities=["LU"],
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "not_eligible"
    assert body["decision"]["outcome"] == "not_eligible"
    unmet = [reason for reason in body["decision"]["reasons"] if reason["met"] is False]
    assert [reason["code"] for reason in unmet] == ["cai.eligibility.nationality"]
    assert all(reason["message"] == reason["messages"]["fr"] for reason in unmet)
    assert not Candidate.objects.exists()


def test_without_lang_the_reasons_follow_accept_language(client):
    response = client.post(
        "/api/v1/registrations",
        answers(nationalities=["LU"]),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="de",
    )
    reasons = response.json()["decision"]["reasons"]
    assert all(reason["message"] == reason["messages"]["de"] for reason in reasons)
    assert response["Content-Language"] == "de"


@pytest.mark.parametrize(
    ("fields", "fact"),
    [
        ({"national_id": "12345"}, "national_id"),
        ({"national_id": "1991021412345"}, "national_id"),
        ({"national_id": national_id.make(date(1991, 3, 14), 123)[:-1] + "x"}, "national_id"),
        ({"national_id": "١٩٩١٠٣١٤١٢٣٤٥"}, "national_id"),
        ({"national_id": national_id.make(date(2099, 1, 1), 1)}, "national_id"),
        ({"phone": "12"}, "phone"),
        ({"phone": "621123456 ext 12345678901234567890"}, "phone"),
        ({"nationalities": []}, "nationalities"),
        ({"nationalities": ["XX"]}, "nationalities"),
        ({"consent": False}, "consent"),
        ({"email": "", "postal_address": "  "}, "email"),
        ({"email": "not an address"}, "email"),
        ({"interpreter_needed": True, "interpreter_language": ""}, "interpreter_language"),
        ({"surname": "   "}, "surname"),
        ({"first_name": "Ana\x00"}, "first_name"),
    ],
)
def test_a_bad_answer_is_a_400_naming_the_field(client, fields, fact):
    response = register(client, **fields)
    assert response.status_code == 400, response.content
    assert response.json()["fact"] == fact and response.json()["error"]
    assert not Candidate.objects.exists()


def test_a_postal_address_without_email_is_enough(client):
    response = register(client, email="", postal_address="1, rue de la Gare\nL-1611 Luxembourg")
    assert response.status_code == 202
    assert Candidate.objects.get().postal_address.startswith("1, rue de la Gare")


def test_answers_of_the_wrong_type_are_a_422(client):
    assert register(client, consent="maybe").status_code == 422
    assert register(client, consent=1).status_code == 422
    assert register(client, information_language="pt").status_code == 422
    assert register(client, postal_address="1 rue\ud800").status_code == 422


def test_too_many_registrations_from_one_address_are_a_429(client, settings):
    settings.RATE_LIMIT_PUBLIC = "2/600"
    statuses = [register(client, consent=False).status_code for _ in range(3)]
    assert statuses == [400, 400, 429]
    refused = register(client)
    assert refused.status_code == 429 and refused["Retry-After"] == "600"
    assert refused.json()["error"]
    assert not Candidate.objects.exists()


# The candidate's booking, with the private token


@pytest.fixture
def person():
    return factories.candidate(information_language="en")


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unknown_forged_or_revoked_token_is_a_404(client, person, method):
    token = token_of(person)
    person.access_version += 1
    person.save()
    for bad in ("nothing", token[:-2] + "xx", token):
        url = f"/api/v1/bookings/{bad}"
        response = getattr(client, method)(url, {"session_id": 1}, content_type="application/json")
        assert response.status_code == 404 and response.json()["error"]


def test_the_token_shows_the_active_booking_and_the_waitlist(client, person):
    token = token_of(person)
    nothing = client.get(f"/api/v1/bookings/{token}").json()
    assert nothing == {"registration_id": str(person.pk), "booking": None, "waitlist": None}
    services.waitlist_join(candidate=person, language="pt")
    waiting = client.get(f"/api/v1/bookings/{token}?lang=fr").json()["waitlist"]
    assert (waiting["status"], waiting["language"]) == ("waiting", "pt")
    booking = services.booking_create(candidate=person, session=session())
    shown = client.get(f"/api/v1/bookings/{token}").json()
    assert shown["booking"]["id"] == booking.pk and shown["waitlist"] is None
    assert shown["booking"]["status_label"] == "Booked"


def test_booking_a_session_takes_a_seat(client, person):
    seats = session()
    response = post(client, f"/api/v1/bookings/{token_of(person)}", {"session_id": seats.pk})
    assert response.status_code == 201
    assert response.json()["session"]["id"] == seats.pk
    assert person.bookings.get().session == seats
    seats.refresh_from_db()
    assert seats.seats_taken == 1


@pytest.mark.parametrize(("query", "lang"), [("?lang=fr", "fr"), ("", "de")])
def test_refusals_are_worded_in_lang_or_else_in_accept_language(client, person, query, lang):
    full = session(capacity=1, seats_taken=1)
    response = client.post(
        f"/api/v1/bookings/{token_of(person)}{query}",
        {"session_id": full.pk},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="de",
    )
    with translation.override(lang):
        expected = str(CONFLICTS["session_full"])
    with translation.override("en"):
        assert response.json()["error"] == expected != str(CONFLICTS["session_full"])
    assert response["Content-Language"] == lang


def test_a_second_booking_is_a_409_already_booked(client, person):
    services.booking_create(candidate=person, session=session())
    other = session()
    response = post(client, f"/api/v1/bookings/{token_of(person)}", {"session_id": other.pk})
    assert (response.status_code, response.json()["code"]) == (409, "already_booked")
    other.refresh_from_db()
    assert other.seats_taken == 0


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"capacity": 1, "seats_taken": 1}, "session_full"),
        ({"status": SessionStatus.CANCELLED}, "session_closed"),
        ({"starts_at": timezone.now() - timedelta(minutes=5)}, "session_closed"),
    ],
)
def test_a_full_or_closed_session_is_a_409_with_its_code(client, person, fields, code):
    seats = session(**fields)
    response = post(client, f"/api/v1/bookings/{token_of(person)}", {"session_id": seats.pk})
    assert (response.status_code, response.json()["code"]) == (409, code)
    assert not person.bookings.exists()


def test_booking_an_unknown_session_is_a_400_naming_it(client, person):
    response = post(client, f"/api/v1/bookings/{token_of(person)}", {"session_id": 424242})
    assert (response.status_code, response.json()["fact"]) == (400, "session_id")


def test_moving_frees_the_old_seat_and_takes_the_new_one(client, person):
    old, new = session(), session()
    services.booking_create(candidate=person, session=old)
    response = post(client, f"/api/v1/bookings/{token_of(person)}/move", {"session_id": new.pk})
    assert response.status_code == 200
    assert response.json()["session"]["id"] == new.pk
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.seats_taken, new.seats_taken) == (0, 1)
    assert person.bookings.get(status=BookingStatus.ACTIVE).session == new


def test_moving_to_a_full_session_keeps_the_booking(client, person):
    old, full = session(), session(capacity=1, seats_taken=1)
    booking = services.booking_create(candidate=person, session=old)
    response = post(client, f"/api/v1/bookings/{token_of(person)}/move", {"session_id": full.pk})
    assert (response.status_code, response.json()["code"]) == (409, "session_full")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.ACTIVE


def test_moving_or_cancelling_without_a_booking_is_a_409_not_booked(client, person):
    token = token_of(person)
    moved = post(client, f"/api/v1/bookings/{token}/move", {"session_id": session().pk})
    cancelled = post(client, f"/api/v1/bookings/{token}/cancel")
    assert [r.json()["code"] for r in (moved, cancelled)] == ["not_booked", "not_booked"]
    assert {moved.status_code, cancelled.status_code} == {409}


def test_moving_to_an_unknown_session_is_a_400(client, person):
    services.booking_create(candidate=person, session=session())
    response = post(client, f"/api/v1/bookings/{token_of(person)}/move", {"session_id": 424242})
    assert (response.status_code, response.json()["fact"]) == (400, "session_id")


def test_cancelling_frees_the_seat(client, person):
    seats = session()
    services.booking_create(candidate=person, session=seats)
    response = post(client, f"/api/v1/bookings/{token_of(person)}/cancel")
    assert (response.status_code, response.json()["status"]) == (200, "cancelled")
    seats.refresh_from_db()
    assert seats.seats_taken == 0


def test_nothing_changes_once_the_session_has_started(client, person):
    seats = session()
    services.booking_create(candidate=person, session=seats)
    seats.starts_at = timezone.now() - timedelta(minutes=1)
    seats.save()
    response = post(client, f"/api/v1/bookings/{token_of(person)}/cancel")
    assert (response.status_code, response.json()["code"]) == (409, "session_closed")


def test_a_booking_ended_meanwhile_is_a_409_booking_ended(client, person, monkeypatch):
    booking = services.booking_create(candidate=person, session=session())
    Booking.objects.filter(pk=booking.pk).update(status=BookingStatus.CANCELLED)
    # The booking was read as active just before another request cancelled it.
    monkeypatch.setattr("accueil.api.bookings.active_booking", lambda candidate: booking)
    response = post(client, f"/api/v1/bookings/{token_of(person)}/cancel")
    assert (response.status_code, response.json()["code"]) == (409, "booking_ended")


def test_joining_the_waitlist_keeps_the_first_place(client, person):
    url = f"/api/v1/bookings/{token_of(person)}/waitlist"
    first = post(client, url, {"language": "lb"})
    again = post(client, url, {})
    assert (first.status_code, again.status_code) == (200, 200)
    assert first.json()["status"] == "waiting" and again.json()["language"] == "lb"
    assert person.waitlist.count() == 1


def test_the_waitlist_can_be_joined_without_a_body(client, person):
    response = client.generic("POST", f"/api/v1/bookings/{token_of(person)}/waitlist")
    assert (response.status_code, response.json()["language"]) == (200, "")


def test_someone_booked_cannot_join_the_waitlist(client, person):
    services.booking_create(candidate=person, session=session())
    response = post(client, f"/api/v1/bookings/{token_of(person)}/waitlist", {})
    assert (response.status_code, response.json()["code"]) == (409, "already_booked")


def test_too_many_booking_requests_are_a_429(client, person, settings):
    settings.RATE_LIMIT_PUBLIC = "1/60"
    url = f"/api/v1/bookings/{token_of(person)}/cancel"
    assert [post(client, url).status_code for _ in range(2)] == [409, 429]


def test_the_openapi_document_declares_every_error_of_the_booking_api(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    expected = {
        ("/api/v1/sessions", "get"): {"200", "422"},
        ("/api/v1/registrations", "post"): {"202", "400", "409", "422", "429"},
        ("/api/v1/bookings/{token}", "get"): {"200", "404", "422"},
        ("/api/v1/bookings/{token}", "post"): {"201", "400", "404", "409", "422", "429"},
        ("/api/v1/bookings/{token}/move", "post"): {"200", "400", "404", "409", "422", "429"},
        ("/api/v1/bookings/{token}/cancel", "post"): {"200", "404", "409", "422", "429"},
        ("/api/v1/bookings/{token}/waitlist", "post"): {"200", "400", "404", "409", "422", "429"},
    }
    for (path, method), statuses in expected.items():
        assert set(paths[path][method]["responses"]) == statuses, path
