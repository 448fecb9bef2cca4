"""Attendance only for a session that has begun (seed, "Language training": attendance
"is documented in an attendance certificate"; a session to come can only be guessed).
The CSV reports every such line and applies nothing, the grid shows the sessions to come
without fields, the API answers 409 in JSON, the service refuses whatever its caller
checked, and the file to fill in lists only the sessions begun."""

import json
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from accueil.accounts.models import Role
from accueil.training.attendance import (
    Entry,
    SessionNotStarted,
    attendance_apply,
    attendance_csv_template,
    read_attendance_csv,
)
from accueil.training.forms_attendance import cell_name
from accueil.training.models import Attendance, AttendanceStatus
from tests import factories
from tests.training import attendance_data as data
from tests.training.test_attendance_pages import upload

pytestmark = pytest.mark.django_db

# Between the course's two sessions: 2 March 2026 09:00 has begun, 9 March 09:00 has not.
BETWEEN = datetime(2026, 3, 5, 12, 0, tzinfo=data.LUX)


@pytest.fixture(autouse=True)
def language_reset():
    """A page asked in French or German leaves its language active in the thread."""
    yield
    translation.deactivate()


@pytest.fixture
def staff(db):
    return factories.user(Role.PROVIDER)


@pytest.fixture
def course(staff):
    return data.course(staff.organisation, sessions=2, people=2)


def sessions(course):
    return list(course.sessions.order_by("starts_at"))


def every_line(course, status="present"):
    return [
        [enrolment.pk, data.session_start(session), status, ""]
        for session in sessions(course)
        for enrolment in course.enrolments.order_by("pk")
    ]


# The CSV file ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "says"),
    [
        (
            "en",
            "This session has not started yet: attendance can be recorded from 9 March 2026, 09:00",
        ),
        (
            "fr",
            "Cette séance n’a pas encore commencé\u202f: la présence peut être enregistrée "
            "à partir du 9 mars 2026 09:00",
        ),
        (
            "de",
            "Dieser Termin hat noch nicht begonnen: Die Anwesenheit kann ab 9. März 2026 09:00 "
            "erfasst werden",
        ),
    ],
)
def test_every_line_of_a_session_to_come_is_reported_in_the_reader_s_language(course, lang, says):
    with translation.override(lang):
        reading = read_attendance_csv(data.csv_bytes(every_line(course)), course, BETWEEN)
    assert not reading.valid and reading.entries == []
    # Lines 2-3 are the first session's (begun), lines 4-5 the second's.
    assert [(error.line, error.message) for error in reading.errors] == [(4, says), (5, says)]


def test_a_session_is_open_from_the_minute_it_starts(course):
    second = sessions(course)[1]
    raw = data.csv_bytes(every_line(course))
    before = read_attendance_csv(raw, course, second.starts_at - timedelta(seconds=1))
    at_start = read_attendance_csv(raw, course, second.starts_at)
    assert len(before.errors) == 2
    assert at_start.valid and len(at_start.entries) == 4


def test_a_file_with_a_line_for_a_session_to_come_records_nothing(client, staff, course):
    client.force_login(staff)
    with time_machine.travel(BETWEEN, tick=False):
        answer = upload(client, course, data.csv_bytes(every_line(course)))
    assert answer.status_code == 422
    page = answer.content.decode()
    assert "This session has not started yet" in page and "Nothing was recorded" in page
    assert not Attendance.objects.exists()


def test_the_service_refuses_a_session_to_come_whatever_its_caller_checked(course, staff):
    first, second = sessions(course)
    enrolment = course.enrolments.order_by("pk").first()
    entries = [
        Entry(enrolment.pk, first.pk, AttendanceStatus.PRESENT, Decimal("2.5")),
        Entry(enrolment.pk, second.pk, AttendanceStatus.PRESENT, Decimal("2.5")),
    ]
    with pytest.raises(SessionNotStarted) as refused:
        attendance_apply(course=course, entries=entries, actor=staff, now=BETWEEN)
    assert refused.value.session == second
    assert not Attendance.objects.exists()
    assert (
        attendance_apply(course=course, entries=entries[:1], actor=staff, now=BETWEEN).created == 1
    )


def test_the_file_to_fill_in_lists_only_the_sessions_begun(course):
    first, second = sessions(course)
    lines = attendance_csv_template(course, BETWEEN).strip().split("\r\n")
    assert len(lines) == 1 + 2
    assert all(data.session_start(first) in line for line in lines[1:])
    assert data.session_start(second) not in "".join(lines)
    # Filled in as it is, it is accepted at that moment.
    filled = "\r\n".join([lines[0]] + [line[:-2] + ";present;" for line in lines[1:]])
    assert read_attendance_csv(filled.encode(), course, BETWEEN).valid


def test_before_any_session_the_file_to_fill_in_has_only_its_header(course):
    lines = attendance_csv_template(course, datetime(2026, 2, 1, tzinfo=data.LUX)).split("\r\n")
    assert lines == ["enrolment;name;session;status;hours", ""]


# The grid ---------------------------------------------------------------------------


def test_the_grid_shows_a_session_to_come_without_fields_and_says_why(client, staff, course):
    first, second = sessions(course)
    person = course.enrolments.order_by("pk").first()
    client.force_login(staff)
    with time_machine.travel(BETWEEN, tick=False):
        page = client.get(reverse("training:attendance_grid", args=[course.pk])).content.decode()
    assert 'id="not-started"' in page and "Not started yet" in page
    assert f'name="{cell_name(person.pk, first.pk, "status")}"' in page
    assert f'name="{cell_name(person.pk, second.pk, "status")}"' not in page
    assert "Save the attendance" in page


def test_posting_a_session_to_come_in_the_grid_records_only_the_sessions_begun(
    client, staff, course
):
    first, second = sessions(course)
    posted = {}
    for enrolment in course.enrolments.all():
        for session in (first, second):
            posted[cell_name(enrolment.pk, session.pk, "status")] = "present"
            posted[cell_name(enrolment.pk, session.pk, "hours")] = ""
    client.force_login(staff)
    with time_machine.travel(BETWEEN, tick=False):
        answer = client.post(reverse("training:attendance_grid", args=[course.pk]), posted)
    assert answer.status_code == 302
    assert set(Attendance.objects.values_list("session_id", flat=True)) == {first.pk}


def test_before_any_session_the_grid_has_no_field_and_no_button(client, staff, course):
    client.force_login(staff)
    with time_machine.travel(datetime(2026, 2, 1, tzinfo=data.LUX), tick=False):
        page = client.get(reverse("training:attendance_grid", args=[course.pk])).content.decode()
    assert "<select" not in page and "Save the attendance" not in page
    assert "Not started yet" in page


@pytest.mark.parametrize(
    ("lang", "says"), [("fr", "Pas encore commencée"), ("de", "Noch nicht begonnen")]
)
def test_the_grid_says_why_in_the_reader_s_language(client, staff, course, lang, says):
    client.force_login(staff)
    client.cookies["accueil_language"] = lang
    with time_machine.travel(BETWEEN, tick=False):
        page = client.get(reverse("training:attendance_grid", args=[course.pk])).content.decode()
    assert says in page


# The API ----------------------------------------------------------------------------


def api_url(session) -> str:
    return f"/api/v1/attendance/sessions/{session.pk}"


def test_the_api_answers_409_in_json_for_a_session_to_come_and_records_nothing(
    client, staff, course
):
    second = sessions(course)[1]
    items = [
        {"enrolment": enrolment.pk, "status": "present", "hours": None}
        for enrolment in course.enrolments.order_by("pk")
    ]
    client.force_login(staff)
    with time_machine.travel(BETWEEN, tick=False):
        answer = client.put(
            api_url(second), json.dumps({"items": items}), content_type="application/json"
        )
        read = client.get(api_url(second))
    assert answer.status_code == 409
    assert answer["Content-Type"].startswith("application/json")
    body = answer.json()
    assert body["fact"] == "session_not_started"
    assert body["error"].startswith("This session has not started yet")
    assert not Attendance.objects.exists()
    assert read.status_code == 200  # reading it stays allowed: nobody is recorded yet
    assert all(row["status"] is None for row in read.json()["participants"])


def test_the_api_declares_the_409():
    from accueil.api.api import api

    schema = api.get_openapi_schema(path_prefix="/api/v1")
    put = schema["paths"]["/api/v1/attendance/sessions/{session_id}"]["put"]
    assert 409 in put["responses"]
