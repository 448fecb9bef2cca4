"""An officer registers a candidate who called or wrote, then books, moves or puts
them on the waitlist."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from accueil.booking import services
from accueil.booking.models import BookingStatus, WaitlistEntry, WaitlistStatus
from accueil.core import national_id
from accueil.registration.models import Candidate, Channel
from tests import factories

BORN = date(1991, 4, 2)
NUMBER = national_id.make(BORN, 417)


def registration(**overrides) -> dict:
    data = {
        "channel": "phone",
        "surname": "Silva",
        "first_name": "Ana",
        "national_id": f"{NUMBER[:4]} {NUMBER[4:]}",
        "phone": "621 555 123",
        "email": "ana.silva@example.test",
        "postal_address": "",
        "nationality": "PT",
        "other_nationality": "",
        "information_language": "fr",
        "interpreter_needed": "yes",
        "interpreter_language": "Portuguese",
        "legally_resident": "yes",
        "wishes_to_settle": "yes",
        "notice_read": "on",
    }
    data.update(overrides)
    return data


def session(**fields):
    fields.setdefault("starts_at", timezone.now() + timedelta(days=10))
    return factories.information_session(**fields)


@pytest.fixture
def person(db):
    return factories.candidate(channel=Channel.PHONE)


def candidate_pages(person) -> list[str]:
    return [
        reverse("portal:candidate_find"),
        reverse("registration:candidate_register"),
        reverse("officer:candidate_book", args=[person.pk]),
    ]


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.OFFICER, 200),
        (Role.DPO, 403),
        (Role.ADMIN, 403),
        (Role.PROVIDER, 403),
        (Role.SOCIAL_WORKER, 403),
        (Role.CANDIDATE, 403),
    ],
)
def test_only_officers_register_and_book_for_candidates(client, all_roles, person, role, status):
    client.force_login(all_roles[role])
    for url in candidate_pages(person):
        assert client.get(url).status_code == status, url
    posted = 302 if role == Role.OFFICER else 403
    assert (
        client.post(reverse("registration:candidate_register"), registration()).status_code
        == posted
    )
    waitlist = reverse("officer:candidate_waitlist", args=[person.pk])
    assert client.post(waitlist, {"language": ""}).status_code == posted
    assert Candidate.objects.filter(registered_by__role=Role.OFFICER).count() == (posted == 302)


def test_the_candidate_pages_send_anonymous_visitors_to_sign_in(client, person):
    for url in [*candidate_pages(person), reverse("officer:candidate_waitlist", args=[person.pk])]:
        response = client.get(url) if "waitlist" not in url else client.post(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:login")), url


def test_an_unknown_candidate_is_not_found(client, officer):
    client.force_login(officer)
    url = reverse("officer:candidate_book", args=["00000000-0000-0000-0000-000000000000"])
    assert client.get(url).status_code == 404


# Registering


def test_a_candidate_registered_by_phone_records_the_channel_and_the_officer(client, officer):
    client.force_login(officer)
    response = client.post(reverse("registration:candidate_register"), registration())
    created = Candidate.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("officer:candidate_book", args=[created.pk])
    assert (created.channel, created.registered_by, created.national_id) == (
        Channel.PHONE,
        officer,
        NUMBER,
    )
    assert created.birth_date == BORN  # from the national identification number
    assert created.phone == "+352 621 555 123"
    assert (created.interpreter_needed, created.interpreter_language) == (True, "Portuguese")
    assert created.nationalities == ["PT"] and created.consent_at is not None
    assert AuditEvent.objects.filter(action=Action.CREATE, target_id=str(created.pk)).exists()
    page = client.get(response["Location"]).content.decode()
    assert "SILVA Ana is registered" in page


def test_a_postal_address_alone_is_enough_and_other_channels_are_recorded(client, officer):
    client.force_login(officer)
    data = registration(
        channel="in_person",
        email="",
        postal_address="12, rue de la Gare\nL-1616 Luxembourg",
        interpreter_needed="no",
        interpreter_language="ignored",
        other_nationality="BR",
    )
    client.post(reverse("registration:candidate_register"), data)
    created = Candidate.objects.get()
    assert (created.channel, created.email) == (Channel.IN_PERSON, "")
    assert (created.interpreter_needed, created.interpreter_language) == (False, "")
    assert created.nationalities == ["PT", "BR"]


def test_submitting_the_same_form_twice_registers_once(client, officer):
    client.force_login(officer)
    data = registration(submission_id="6f1c1b5e-3a53-4c1e-9d4b-4f1f6a1b2c3d")
    first = client.post(reverse("registration:candidate_register"), data)
    second = client.post(reverse("registration:candidate_register"), data)
    assert first["Location"] == second["Location"]
    assert Candidate.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("channel", "", "Select how the candidate contacted you"),
        ("channel", "online", "Select how the candidate contacted you"),
        ("surname", "", "Enter the surname"),
        ("first_name", "", "Enter the first name"),
        ("national_id", "", "Enter the national identification number"),
        ("national_id", "12345", "Enter your national identification number as 13 digits"),
        ("national_id", NUMBER[:-1] + "0", "check the last two digits"),
        ("phone", "", "Enter the telephone number"),
        ("phone", "12", "Enter a telephone number, like"),
        ("email", "not-an-address", "Enter an email address in the correct format"),
        ("email", "", "Enter an email address or a postal address"),
        ("nationality", "", "Select at least one nationality"),
        ("nationality", "XX", "Select a nationality from the list"),
        ("information_language", "", "Select the language for CAI information"),
        ("information_language", "pt", "Select the language for CAI information"),
        ("interpreter_needed", "", "Select yes if the candidate needs an interpreter"),
        ("interpreter_language", "", "Enter the language the interpreter speaks"),
        ("legally_resident", "", "Select yes if the candidate lives legally in Luxembourg"),
        ("wishes_to_settle", "", "Select yes if the candidate wishes to settle"),
        ("notice_read", "", "Confirm that you read the data-protection notice"),
    ],
)
def test_each_registration_field_is_checked(client, officer, field, value, message):
    client.force_login(officer)
    data = registration(**{field: value})
    if value == "":
        del data[field]
    response = client.post(reverse("registration:candidate_register"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="govuk-error-summary"' in page
    assert page.count(message) == 2, message  # in the summary and next to the field
    assert not Candidate.objects.exists()
    assert 'value="Silva"' in page or field == "surname"  # nothing typed is lost


def test_an_ineligible_person_is_told_why_and_nothing_is_registered(client, officer):
    client.force_login(officer)
    data = registration(nationality="LU", wishes_to_settle="no")
    page = client.post(reverse("registration:candidate_register"), data).content.decode()
    assert not Candidate.objects.exists()
    assert 'id="not-eligible"' in page
    assert "Not eligible" in page and "Source:" in page
    assert 'value="Silva"' in page and '<option value="LU" selected>' in page


def test_an_already_registered_person_leads_to_their_record(client, officer):
    existing = factories.candidate(national_id=NUMBER)
    client.force_login(officer)
    page = client.post(reverse("registration:candidate_register"), registration()).content.decode()
    assert Candidate.objects.count() == 1
    assert "This person is already registered" in page
    assert reverse("officer:candidate_book", args=[existing.pk]) in page
    assert reverse("portal:candidate_detail", args=[existing.pk]) in page


# Finding a candidate


def test_officers_find_a_candidate_to_book_by_name_or_number(client, officer, person):
    seats = session()
    services.booking_create(candidate=person, session=seats)
    client.force_login(officer)
    for query in (person.surname, person.national_id):
        page = client.get(reverse("portal:candidate_find"), {"q": query}).content.decode()
        assert reverse("officer:candidate_book", args=[person.pk]) in page
    page = client.get(
        reverse("portal:candidate_find"), {"q": "nobody", "session": str(seats.pk)}
    ).content.decode()
    assert "No candidate matches your search" in page
    assert f'name="session" value="{seats.pk}"' in page


# Booking, moving, the waitlist


def test_an_officer_books_a_session_for_the_candidate(client, officer, person):
    seats = session(capacity=2)
    full = session(capacity=1)
    services.booking_create(candidate=factories.candidate(), session=full)
    client.force_login(officer)
    url = reverse("officer:candidate_book", args=[person.pk])
    page = client.get(url, {"session": seats.pk}).content.decode()
    assert f'value="{seats.pk}" checked' in page
    assert f'value="{full.pk}"' not in page  # no free seat
    response = client.post(url, {"session": seats.pk, "channel": "email"})
    assert response.status_code == 302
    booking = person.bookings.get()
    assert (booking.session, booking.channel, booking.booked_by) == (seats, "email", officer)
    assert "The session is booked" in client.get(url).content.decode()


def test_booking_needs_a_session_and_a_channel(client, officer, person):
    session()
    client.force_login(officer)
    url = reverse("officer:candidate_book", args=[person.pk])
    page = client.post(url, {}).content.decode()
    assert page.count("Select a session") == 2
    assert page.count("Select how the candidate asked for the booking") == 2
    assert not person.bookings.exists()


def test_a_session_that_filled_up_meanwhile_is_refused(client, officer, person):
    seats = session(capacity=1)
    services.booking_create(candidate=factories.candidate(), session=seats)
    client.force_login(officer)
    url = reverse("officer:candidate_book", args=[person.pk])
    page = client.post(url, {"session": seats.pk, "channel": "phone"}).content.decode()
    assert "This session cannot be booked any more" in page
    assert not person.bookings.exists()


def test_an_officer_moves_the_candidates_booking(client, officer, person):
    old, new = session(), session(starts_at=timezone.now() + timedelta(days=20))
    first = services.booking_create(candidate=person, session=old, channel="phone")
    client.force_login(officer)
    url = reverse("officer:candidate_book", args=[person.pk])
    page = client.get(url).content.decode()
    assert f'value="{old.pk}"' not in page and f'value="{new.pk}"' in page
    assert 'name="channel"' not in page
    client.post(url, {"session": new.pk})
    first.refresh_from_db()
    moved = person.bookings.get(status=BookingStatus.ACTIVE)
    assert (first.status, moved.session, moved.booked_by) == (BookingStatus.MOVED, new, officer)
    assert "The booking is moved" in client.get(url).content.decode()


def test_an_officer_puts_the_candidate_on_the_waitlist(client, officer, person):
    client.force_login(officer)
    url = reverse("officer:candidate_waitlist", args=[person.pk])
    response = client.post(url, {"language": "de"}, follow=True)
    entry = WaitlistEntry.objects.get(candidate=person)
    assert (entry.status, entry.language) == (WaitlistStatus.WAITING, "de")
    assert "on the waitlist" in response.content.decode()


def test_a_booked_candidate_cannot_join_the_waitlist(client, officer, person):
    services.booking_create(candidate=person, session=session())
    client.force_login(officer)
    url = reverse("officer:candidate_waitlist", args=[person.pk])
    response = client.post(url, {"language": ""}, follow=True)
    assert not WaitlistEntry.objects.exists()
    assert "already holds a booking" in response.content.decode()


def test_opening_the_booking_page_is_audited(client, officer, person):
    client.force_login(officer)
    client.get(reverse("officer:candidate_book", args=[person.pk]))
    event = AuditEvent.objects.get(action=Action.VIEW)
    assert (event.actor, event.target_id) == (officer, str(person.pk))
