"""Issue 11, point 4: officers change a planned session (time, place, address,
languages, seats never below the seats taken) and everyone booked is told by email, in
their language, with the updated invitation (the booking's own event: same UID)."""

from dataclasses import replace
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from accueil.booking import services
from accueil.booking.ics import session_invitation
from accueil.booking.models import CancellationCause, InformationSession, SessionStatus
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return factories.user(Role.OFFICER)


@pytest.fixture
def session():
    return factories.information_session(
        starts_at=factories.on_day(20, 9), capacity=5, languages=["fr", "en"]
    )


def plan_of(session: InformationSession) -> services.SessionPlan:
    return services.SessionPlan(
        starts_at=session.starts_at,
        place=session.place,
        address=session.address,
        capacity=session.capacity,
        languages=list(session.languages),
        interpreter_available=session.interpreter_available,
    )


def test_seats_are_never_fewer_than_those_taken(session, officer):
    for _ in range(3):
        services.booking_create(candidate=factories.candidate(), session=session)
    with pytest.raises(services.CapacityBelowTaken) as refused:
        services.session_change(
            session=session, plan=replace(plan_of(session), capacity=2), actor=officer
        )
    assert refused.value.seats_taken == 3
    services.session_change(
        session=session, plan=replace(plan_of(session), capacity=3), actor=officer
    )
    session.refresh_from_db()
    assert (session.capacity, session.seats_taken) == (3, 3)
    with pytest.raises(services.SessionFull):
        services.booking_create(candidate=factories.candidate(), session=session)


def test_a_change_tells_everyone_booked_in_their_language_with_the_same_event(
    session, officer, run_tasks, django_capture_on_commit_callbacks
):
    german = factories.candidate(information_language="de")
    english = factories.candidate(information_language="en")
    bookings = [services.booking_create(candidate=p, session=session) for p in (german, english)]
    run_tasks()
    mail.outbox.clear()
    later = session.starts_at + timedelta(days=1, hours=5)
    with django_capture_on_commit_callbacks(execute=True):
        told = services.session_change(
            session=session,
            plan=replace(plan_of(session), starts_at=later, place="Room 4"),
            actor=officer,
        )
    assert {b.pk for b in told} == {b.pk for b in bookings}
    run_tasks()
    by_person = {message.to[0]: message for message in mail.outbox}
    assert set(by_person) == {german.email, english.email}
    assert "geändert" in by_person[german.email].subject
    assert "has changed" in by_person[english.email].subject
    assert "Room 4" in by_person[english.email].body
    for booking in bookings:
        message = by_person[booking.candidate.email]
        [(_name, content, _type)] = message.attachments
        event = Calendar.from_ical(content).walk("VEVENT")[0]
        before = Calendar.from_ical(session_invitation(booking)).walk("VEVENT")[0]
        assert str(event["uid"]) == str(before["uid"])  # the booking's own event
        assert event.decoded("dtstart") == later
    event = AuditEvent.objects.get(action=Action.UPDATE, target_id=str(session.pk))
    assert set(event.fields) == {"starts_at", "place"}


def test_each_change_is_told_once_and_a_second_change_again(
    session, officer, run_tasks, django_capture_on_commit_callbacks
):
    services.booking_create(candidate=factories.candidate(), session=session)
    run_tasks()
    mail.outbox.clear()
    for place in ("Room 4", "Room 5"):
        with django_capture_on_commit_callbacks(execute=True):
            services.session_change(
                session=session, plan=replace(plan_of(session), place=place), actor=officer
            )
        session.refresh_from_db()
    run_tasks()
    assert len(mail.outbox) == 2  # one email per change (each keyed by the change)


def test_more_seats_are_given_to_the_waitlist_and_nobody_is_told_of_seats(session, officer):
    for _ in range(5):
        services.booking_create(candidate=factories.candidate(), session=session)
    waiting = factories.candidate()
    services.waitlist_join(candidate=waiting)
    told = services.session_change(
        session=session, plan=replace(plan_of(session), capacity=6), actor=officer
    )
    assert told == []
    assert waiting.bookings.get().session == session


def test_a_cancelled_or_started_session_does_not_change(session, officer):
    services.session_cancel(
        session=session, cause=CancellationCause.OTHER, reason="Flood", actor=officer
    )
    with pytest.raises(services.SessionClosed):
        services.session_change(session=session, plan=plan_of(session), actor=officer)
    started = factories.information_session(starts_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(services.SessionClosed):
        services.session_change(session=started, plan=plan_of(started), actor=officer)


# The page


def form_data(session: InformationSession, **overrides) -> dict:
    local = timezone.localtime(session.starts_at)
    data = {
        "day_day": str(local.day),
        "day_month": str(local.month),
        "day_year": str(local.year),
        "start_time": local.strftime("%H:%M"),
        "place": session.place,
        "address": session.address,
        "capacity": str(session.capacity),
        "languages": session.languages,
        "interpreter_available": "yes" if session.interpreter_available else "no",
    }
    return {**data, **overrides}


def test_the_edit_page_shows_the_session_as_it_stands(client, officer, session):
    client.force_login(officer)
    html = client.get(reverse("officer:session_edit", args=[session.pk])).content.decode()
    assert f'value="{session.place}"' in html
    assert 'value="09:00"' in html
    detail = client.get(reverse("officer:session_detail", args=[session.pk])).content.decode()
    assert reverse("officer:session_edit", args=[session.pk]) in detail


def test_the_form_refuses_fewer_seats_than_booked_and_keeps_what_was_typed(
    client, officer, session
):
    for _ in range(4):
        services.booking_create(candidate=factories.candidate(), session=session)
    client.force_login(officer)
    response = client.post(
        reverse("officer:session_edit", args=[session.pk]),
        form_data(session, capacity="2", place="Room 9"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("4 seats are booked: the session must have at least 4 seats") == 2
    assert 'value="Room 9"' in html
    session.refresh_from_db()
    assert (session.capacity, session.place) != (2, "Room 9")


def test_the_service_refusal_reaches_the_field(client, officer, session, monkeypatch):
    """Seats taken between the form's check and the service's lock: the service's
    refusal is shown next to the field too."""
    client.force_login(officer)

    def taken_meanwhile(**_kwargs):
        raise services.CapacityBelowTaken(3)

    monkeypatch.setattr(services, "session_change", taken_meanwhile)
    html = client.post(
        reverse("officer:session_edit", args=[session.pk]), form_data(session, capacity="2")
    ).content.decode()
    assert html.count("3 seats are booked: the session must have at least 3 seats") == 2


def test_saving_says_how_many_are_told(client, officer, session):
    services.booking_create(candidate=factories.candidate(), session=session)
    client.force_login(officer)
    response = client.post(
        reverse("officer:session_edit", args=[session.pk]),
        form_data(session, place="Room 9", languages=["de"]),
        follow=True,
    )
    assert "The session is saved. 1 booked candidate is told by email." in (
        response.content.decode()
    )
    session.refresh_from_db()
    assert (session.place, session.languages, session.status) == (
        "Room 9",
        ["de"],
        SessionStatus.SCHEDULED,
    )


def test_only_officers_edit_sessions(client, session):
    client.force_login(factories.user(Role.SOCIAL_WORKER))
    assert client.get(reverse("officer:session_edit", args=[session.pk])).status_code == 403
