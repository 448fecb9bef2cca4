"""Issue 11, point 4: someone comes to the information session without a booking. The
officer finds them (or registers them on the spot) and adds them: booked and present
at once."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accueil.accounts.models import Role
from accueil.audit.models import AuditEvent
from accueil.booking import services
from accueil.booking.models import BookingStatus, WaitlistStatus
from accueil.registration.models import Candidate, Channel
from tests import factories
from tests.registration.test_officer_registration import NUMBER, registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return factories.user(Role.OFFICER)


@pytest.fixture
def today_session():
    """A session that began an hour ago today (Luxembourg time)."""
    return factories.information_session(starts_at=timezone.now() - timedelta(hours=1))


def test_a_walk_in_takes_a_seat_and_is_present(officer, today_session):
    person = factories.candidate()
    services.waitlist_join(candidate=person)
    booking = services.walk_in(candidate=person, session=today_session, actor=officer)
    assert (booking.status, booking.channel, booking.booked_by) == (
        BookingStatus.ATTENDED,
        Channel.IN_PERSON,
        officer,
    )
    today_session.refresh_from_db()
    assert today_session.seats_taken == 1
    assert person.waitlist.get().status == WaitlistStatus.BOOKED
    assert AuditEvent.objects.filter(reason="walk-in").exists()


def test_a_booking_elsewhere_is_moved_here_and_its_seat_given_to_the_waitlist(
    officer, today_session
):
    later = factories.information_session(starts_at=timezone.now() + timedelta(days=7), capacity=1)
    person = factories.candidate()
    old = services.booking_create(candidate=person, session=later)
    waiting = factories.candidate()
    services.waitlist_join(candidate=waiting)
    services.walk_in(candidate=person, session=today_session, actor=officer)
    old.refresh_from_db()
    assert old.status == BookingStatus.MOVED
    assert waiting.bookings.get().session == later


def test_refusals(officer, today_session):
    booked_here = factories.candidate()
    factories.book(today_session, booked_here)
    with pytest.raises(services.AlreadyBooked):
        services.walk_in(candidate=booked_here, session=today_session, actor=officer)
    next_week = factories.information_session(starts_at=timezone.now() + timedelta(days=7))
    with pytest.raises(services.SessionClosed):
        services.walk_in(candidate=factories.candidate(), session=next_week, actor=officer)
    full = factories.information_session(
        starts_at=timezone.now() - timedelta(minutes=30), capacity=1
    )
    factories.book(full)
    with pytest.raises(services.SessionFull):
        services.walk_in(candidate=factories.candidate(), session=full, actor=officer)


def test_the_officer_finds_the_person_and_adds_them_as_present(client, officer, today_session):
    person = factories.candidate(surname="Oliveira", email="ana.o@example.test")
    client.force_login(officer)
    check_in = client.get(reverse("intake:check_in", args=[today_session.pk])).content.decode()
    url = reverse("intake:walk_in", args=[today_session.pk])
    assert url in check_in
    for query in ("olive", person.national_id, "ANA.O@example.test", "621 123 456"):
        page = client.get(url, {"q": query}).content.decode()
        assert f'value="{person.pk}"' in page, query
    response = client.post(url, {"candidate": str(person.pk)}, follow=True)
    booking = person.bookings.get()
    assert booking.status == BookingStatus.ATTENDED
    assert f"{person} is added as present." in response.content.decode()


def test_someone_new_is_registered_then_added(client, officer, today_session):
    client.force_login(officer)
    walk_in = reverse("intake:walk_in", args=[today_session.pk])
    page = client.get(walk_in).content.decode()
    register = f"{reverse('registration:candidate_register')}?walk_in={today_session.pk}"
    assert register in page
    response = client.post(register, registration())
    person = Candidate.objects.get(national_id=NUMBER)
    assert response["Location"] == f"{walk_in}?candidate={person.pk}"
    page = client.get(response["Location"]).content.decode()
    assert f'value="{person.pk}"' in page
    client.post(walk_in, {"candidate": str(person.pk)})
    assert person.bookings.get().status == BookingStatus.ATTENDED


def test_a_full_session_says_so(client, officer):
    full = factories.information_session(
        starts_at=timezone.now() - timedelta(minutes=30), capacity=1
    )
    factories.book(full)
    person = factories.candidate(information_language="en")
    client.force_login(officer)
    url = reverse("intake:walk_in", args=[full.pk])
    response = client.post(url, {"candidate": str(person.pk)}, follow=True)
    assert "The session has no free seat" in response.content.decode()
    assert not person.bookings.exists()


def test_not_before_the_day_and_only_officers(client, officer):
    next_week = factories.information_session(starts_at=timezone.now() + timedelta(days=7))
    client.force_login(officer)
    url = reverse("intake:walk_in", args=[next_week.pk])
    assert client.get(url)["Location"] == reverse("intake:check_in", args=[next_week.pk])
    client.force_login(factories.user(Role.SOCIAL_WORKER))
    assert client.get(url).status_code == 403


def test_an_unknown_person_is_not_found(client, officer, today_session):
    client.force_login(officer)
    url = reverse("intake:walk_in", args=[today_session.pk])
    assert (
        client.post(url, {"candidate": "7f1c5a52-2d9b-4a4a-9a44-2c1d8a0f2f10"}).status_code == 404
    )
    assert client.post(url, {"candidate": "nonsense"}).status_code == 302
