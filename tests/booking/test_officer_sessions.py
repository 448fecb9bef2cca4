"""The officers' session pages: planning, the calendar, the attendee list and
cancelling, and who may open them."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from accueil.booking import access as booking_access
from accueil.booking import services
from accueil.booking.models import BookingStatus, InformationSession, SessionStatus
from tests import factories

LUX = ZoneInfo("Europe/Luxembourg")


def in_days(days: int, hour: int = 10) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=LUX)


def plan_data(**overrides) -> dict:
    day = timezone.localdate() + timedelta(days=30)
    data = {
        "day_day": str(day.day),
        "day_month": str(day.month),
        "day_year": str(day.year),
        "start_time": "09:30",
        "place": "Integration Department, room 2",
        "address": "7-9, avenue Victor Hugo, L-1750 Luxembourg",
        "capacity": "12",
        "languages": ["en", "fr"],
        "interpreter_available": "yes",
    }
    data.update(overrides)
    return data


@pytest.fixture
def session(db):
    return factories.information_session(starts_at=in_days(7), capacity=3)


def officer_pages(session) -> list[str]:
    return [
        reverse("officer:session_list"),
        reverse("officer:session_plan"),
        reverse("officer:session_detail", args=[session.pk]),
        reverse("officer:session_cancel", args=[session.pk]),
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
def test_only_officers_open_the_session_pages(client, all_roles, session, role, status):
    client.force_login(all_roles[role])
    for url in officer_pages(session):
        assert client.get(url).status_code == status, url


def test_the_session_pages_send_anonymous_visitors_to_sign_in(client, session):
    for url in officer_pages(session):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:login")), url


def test_only_officers_may_post_a_plan_or_a_cancellation(client, dpo, session):
    client.force_login(dpo)
    assert client.post(reverse("officer:session_plan"), plan_data()).status_code == 403
    url = reverse("officer:session_cancel", args=[session.pk])
    assert client.post(url, {"reason": "No"}).status_code == 403
    session.refresh_from_db()
    assert session.status == SessionStatus.SCHEDULED
    assert InformationSession.objects.count() == 1


def test_only_officers_see_sessions_through_the_access_helpers(all_roles, session):
    for role, user in all_roles.items():
        assert booking_access.sessions_for_user(user).exists() is (role == Role.OFFICER)


def test_an_unknown_session_is_not_found(client, officer):
    client.force_login(officer)
    assert client.get(reverse("officer:session_detail", args=[999999])).status_code == 404


def test_the_officers_home_page_links_to_the_session_pages(client, officer):
    client.force_login(officer)
    page = client.get(reverse("portal:home")).content.decode()
    for name in (
        "officer:session_list",
        "officer:session_plan",
        "registration:candidate_register",
        "portal:candidate_find",
    ):
        assert reverse(name) in page


# Planning


def test_planning_creates_the_session_in_luxembourg_time(client, officer):
    client.force_login(officer)
    response = client.post(reverse("officer:session_plan"), plan_data())
    created = InformationSession.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("officer:session_detail", args=[created.pk])
    local = created.starts_at.astimezone(LUX)
    assert (local.date(), local.hour, local.minute) == (
        timezone.localdate() + timedelta(days=30),
        9,
        30,
    )
    assert (created.capacity, created.languages, created.interpreter_available) == (
        12,
        ["fr", "en"],
        True,
    )
    assert created.place == "Integration Department, room 2"
    assert AuditEvent.objects.filter(action=Action.CREATE, target_id=str(created.pk)).exists()


def test_planning_books_a_waiting_candidate_at_once(client, officer):
    waiting = factories.candidate()
    services.waitlist_join(candidate=waiting, language="fr")
    client.force_login(officer)
    response = client.post(reverse("officer:session_plan"), plan_data(), follow=True)
    created = InformationSession.objects.get()
    assert waiting.bookings.get().session == created
    assert "1 waiting candidate was booked" in response.content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("day_day", "", "The day of the session must include a day, a month and a year"),
        ("day_month", "13", "The day of the session must be a real date"),
        ("day_year", "26", "The day of the session must be a real date"),
        ("start_time", "", "Enter the start time"),
        ("start_time", "25:00", "Enter the start time as hours and minutes"),
        ("place", "", "Enter the place"),
        ("place", "x" * 201, "The place must be 200 characters or fewer"),
        ("address", "", "Enter the address"),
        ("capacity", "", "Enter the number of seats"),
        ("capacity", "twelve", "Enter the number of seats as a whole number"),
        ("capacity", "0", "The session must have at least 1 seat"),
        ("capacity", "-3", "The session must have at least 1 seat"),
        ("languages", [], "Select at least one language"),
        ("languages", ["xx"], "Select languages from the list"),
        ("interpreter_available", "", "Select yes if an interpreter will be there"),
    ],
)
def test_each_field_is_checked_with_a_message_next_to_it(client, officer, field, value, message):
    client.force_login(officer)
    response = client.post(reverse("officer:session_plan"), plan_data(**{field: value}))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="govuk-error-summary"' in page
    assert page.count(message) == 2  # in the summary and next to the field
    assert "<title>Error:" in page
    assert not InformationSession.objects.exists()


def test_an_empty_form_names_every_missing_answer(client, officer):
    client.force_login(officer)
    page = client.post(reverse("officer:session_plan"), {}).content.decode()
    for message in (
        "Enter the day of the session",
        "Enter the start time",
        "Enter the place",
        "Enter the address",
        "Enter the number of seats",
        "Select at least one language",
        "Select yes if an interpreter will be there",
    ):
        assert message in page
    assert 'href="#id_day"' in page and 'href="#id_languages_0"' in page


def test_a_day_in_the_past_is_refused_and_what_was_typed_is_kept(client, officer):
    yesterday = timezone.localdate() - timedelta(days=1)
    client.force_login(officer)
    data = plan_data(
        day_day=str(yesterday.day), day_month=str(yesterday.month), day_year=str(yesterday.year)
    )
    page = client.post(reverse("officer:session_plan"), data).content.decode()
    assert "The day of the session must be today or in the future" in page
    assert f'value="{yesterday.year}"' in page
    assert 'value="Integration Department, room 2"' in page
    assert 'value="09:30"' in page and 'value="12"' in page
    assert 'value="fr" checked' in page and 'value="de" checked' not in page
    assert 'value="yes" checked' in page
    assert not InformationSession.objects.exists()


@time_machine.travel(datetime(2031, 5, 14, 10, 30, tzinfo=LUX), tick=False)
def test_a_time_already_past_today_is_refused(client, officer):
    client.force_login(officer)
    now = timezone.localtime()
    data = plan_data(
        day_day=str(now.day),
        day_month=str(now.month),
        day_year=str(now.year),
        start_time=f"{now.hour - 1:02d}:00",
    )
    page = client.post(reverse("officer:session_plan"), data).content.decode()
    assert "The start time has passed" in page


def test_the_hour_skipped_when_summer_time_begins_is_refused(client, officer):
    spring = next(
        day
        for day in (timezone.localdate() + timedelta(days=n) for n in range(1, 400))
        if day.month == 3 and day.weekday() == 6 and (day + timedelta(days=7)).month == 4
    )
    client.force_login(officer)
    data = plan_data(
        day_day=str(spring.day),
        day_month="3",
        day_year=str(spring.year),
        start_time="02:30",
    )
    page = client.post(reverse("officer:session_plan"), data).content.decode()
    assert "This time does not exist that day" in page


# The calendar


def test_the_list_shows_seats_taken_and_free_and_the_waitlist_it_would_suit(client, officer):
    french = factories.information_session(starts_at=in_days(3), capacity=4, languages=["fr"])
    german = factories.information_session(starts_at=in_days(4), capacity=2, languages=["de"])
    services.booking_create(candidate=factories.candidate(), session=french)
    for language in ("fr", "fr", ""):
        services.waitlist_join(candidate=factories.candidate(), language=language)
    services.waitlist_join(
        candidate=factories.candidate(interpreter_needed=True, interpreter_language="Tigrinya")
    )
    client.force_login(officer)
    page = client.get(reverse("officer:session_list")).content.decode()
    assert cells(page, french) == ["1", "3", "3"]
    assert cells(page, german) == ["0", "2", "1"]
    assert reverse("officer:session_detail", args=[french.pk]) in page


def cells(page: str, session) -> list[str]:
    """The seats taken, free and waiting cells of a session's row."""
    import re

    row = page.split(f'data-session="{session.pk}"')[1].split("</tr>")[0]
    return [
        re.search(rf'data-column="{name}">(\d+)<', row).group(1)
        for name in ("taken", "free", "waiting")
    ]


def test_the_list_starts_today_unless_another_day_is_chosen(client, officer):
    past = factories.information_session(starts_at=in_days(-2))
    soon = factories.information_session(starts_at=in_days(2))
    later = factories.information_session(starts_at=in_days(20))
    client.force_login(officer)
    page = client.get(reverse("officer:session_list")).content.decode()
    assert f'data-session="{past.pk}"' not in page
    assert f'data-session="{soon.pk}"' in page and f'data-session="{later.pk}"' in page
    day = timezone.localdate() + timedelta(days=10)
    chosen = {"start_day": day.day, "start_month": day.month, "start_year": day.year}
    page = client.get(reverse("officer:session_list"), chosen).content.decode()
    assert f'data-session="{soon.pk}"' not in page and f'data-session="{later.pk}"' in page
    bad = {"start_day": "31", "start_month": "2", "start_year": "2027"}
    page = client.get(reverse("officer:session_list"), bad).content.decode()
    assert "The date must be a real date" in page and f'data-session="{soon.pk}"' in page


def test_a_cancelled_session_is_marked_in_the_list(client, officer):
    cancelled = factories.information_session(starts_at=in_days(5), status=SessionStatus.CANCELLED)
    client.force_login(officer)
    page = client.get(reverse("officer:session_list")).content.decode()
    row = page.split(f'data-session="{cancelled.pk}"')[1].split("</tr>")[0]
    assert "Cancelled" in row


def test_the_list_makes_the_same_number_of_queries_whatever_the_number_of_sessions(
    client, officer, django_assert_max_num_queries
):
    def add_sessions(n: int) -> None:
        for i in range(n):
            seats = factories.information_session(starts_at=in_days(1 + i % 20))
            services.booking_create(candidate=factories.candidate(), session=seats)
        services.waitlist_join(candidate=factories.candidate(), language="de")

    add_sessions(2)
    client.force_login(officer)
    # 9: the session, its user and its second factor (issue 14), then the page's own.
    with django_assert_max_num_queries(9) as few:
        client.get(reverse("officer:session_list"))
    add_sessions(25)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("officer:session_list")).content.decode()
    assert page.count("data-session=") == 27


# The attendee list


def test_the_attendee_list_shows_who_is_booked_and_is_audited(client, officer, session):
    booked = factories.candidate(
        surname="Pereira",
        phone="+352 621 987 654",
        information_language="de",
        interpreter_needed=True,
        interpreter_language="Tigrinya",
    )
    services.booking_create(candidate=booked, session=session, channel="phone", actor=officer)
    moved_away = factories.candidate(surname="Moved")
    booking = services.booking_create(candidate=moved_away, session=session)
    services.booking_move(booking=booking, to_session=factories.information_session())
    client.force_login(officer)
    page = client.get(reverse("officer:session_detail", args=[session.pk])).content.decode()
    for shown in (str(booked), booked.national_id, "+352 621 987 654", "German", "Tigrinya"):
        assert shown in page
    assert "By phone" in page
    assert "MOVED" not in page
    assert 'attendee-list-print.css" media="print"' in page
    event = AuditEvent.objects.get(action=Action.VIEW)
    assert (event.actor, event.target_type, event.target_id) == (
        officer,
        "booking.informationsession",
        str(session.pk),
    )


# Cancelling


def test_cancelling_asks_for_a_reason(client, officer, session):
    client.force_login(officer)
    url = reverse("officer:session_cancel", args=[session.pk])
    page = client.post(url, {"cause": "other", "reason": "  "}).content.decode()
    assert page.count("Enter why the session is cancelled") == 2
    session.refresh_from_db()
    assert session.status == SessionStatus.SCHEDULED


def test_cancelling_asks_for_a_reason_from_the_list(client, officer, session):
    client.force_login(officer)
    url = reverse("officer:session_cancel", args=[session.pk])
    page = client.post(url, {"reason": "The room is flooded"}).content.decode()
    assert page.count("Select why the session is cancelled") == 2
    assert "The room is flooded" in page  # nothing typed is lost
    session.refresh_from_db()
    assert session.status == SessionStatus.SCHEDULED


@pytest.mark.parametrize(
    ("language", "reason"),
    [
        ("en", "The room is not available – Water damage"),
        ("fr", "La salle n’est pas disponible – Water damage"),
        ("de", "Der Raum ist nicht verfügbar – Water damage"),
    ],
)
def test_the_candidate_reads_the_reason_in_their_language(
    officer, session, language, reason, run_tasks, django_capture_on_commit_callbacks
):
    person = factories.candidate(information_language=language)
    services.booking_create(candidate=person, session=session)
    run_tasks()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.session_cancel(
            session=session, cause="room_unavailable", reason="Water damage", actor=officer
        )
    run_tasks()
    assert reason in mail.outbox[0].body


def test_cancelling_tells_every_booked_candidate_and_confirms(
    client, officer, session, django_capture_on_commit_callbacks, run_tasks
):
    people = [factories.candidate() for _ in range(2)]
    for person in people:
        services.booking_create(candidate=person, session=session)
    run_tasks()
    mail.outbox.clear()
    client.force_login(officer)
    url = reverse("officer:session_cancel", args=[session.pk])
    assert "2 candidates are booked" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"cause": "room_unavailable", "reason": "The room is flooded"})
    assert response.status_code == 302
    assert response["Location"] == reverse("officer:session_list")
    session.refresh_from_db()
    assert (session.status, session.cancellation_reason) == (
        SessionStatus.CANCELLED,
        "The room is flooded",
    )
    assert all(b.status == BookingStatus.SESSION_CANCELLED for b in session.bookings.all())
    run_tasks()
    assert sorted(e.to[0] for e in mail.outbox) == sorted(p.email for p in people)
    assert all("The room is flooded" in e.body for e in mail.outbox)
    page = client.get(response["Location"]).content.decode()
    assert "The session is cancelled. 2 booked candidates are told by email" in page


def test_a_cancelled_session_cannot_be_cancelled_again(client, officer, session):
    services.session_cancel(session=session, cause="other", reason="First", actor=officer)
    client.force_login(officer)
    url = reverse("officer:session_cancel", args=[session.pk])
    response = client.post(url, {"cause": "other", "reason": "Second"})
    assert response["Location"] == reverse("officer:session_detail", args=[session.pk])
    session.refresh_from_db()
    assert session.cancellation_reason == "First"
