"""The attendance API: provider staff read and record a course session's attendance;
every refusal is JSON and declared; staff of another provider get 404."""

import json
from decimal import Decimal

import pytest
from django.test import Client

from accueil.accounts.models import Role
from accueil.api.api import api
from accueil.training.models import Attendance
from tests import factories
from tests.training import attendance_data as data

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    return factories.user(Role.PROVIDER)


@pytest.fixture
def course(staff):
    return data.course(staff.organisation, sessions=1, people=3)


@pytest.fixture
def session(course):
    return course.sessions.get()


def url(session_id) -> str:
    return f"/api/v1/attendance/sessions/{session_id}"


def put(client, session_id, items, **extra):
    return client.put(
        url(session_id), json.dumps({"items": items}), content_type="application/json", **extra
    )


def items(course, status="present", hours=None):
    return [
        {"enrolment": enrolment.pk, "status": status, "hours": hours}
        for enrolment in course.enrolments.order_by("pk")
    ]


def test_staff_read_the_participants_and_what_is_recorded(client, staff, course, session):
    first = course.enrolments.order_by("pk").first()
    Attendance.objects.create(
        enrolment=first, session=session, status="present", hours=2, recorded_at=session.starts_at
    )
    client.force_login(staff)
    body = client.get(url(session.pk)).json()
    assert body["length_hours"] == "2.50"
    assert body["starts_at"].endswith("+01:00")
    rows = {row["enrolment"]: row for row in body["participants"]}
    assert len(rows) == 3
    assert rows[first.pk]["status"] == "present" and rows[first.pk]["hours"] == "2.00"
    assert sum(row["status"] is None for row in rows.values()) == 2


def test_staff_record_the_attendance_and_sending_it_again_changes_nothing(
    client, staff, course, session
):
    client.force_login(staff)
    answer = put(client, session.pk, items(course))
    assert answer.status_code == 200, answer.content
    assert answer.json() == {"created": 3, "changed": 0, "unchanged": 0}
    assert set(Attendance.objects.values_list("hours", flat=True)) == {Decimal("2.50")}
    assert put(client, session.pk, items(course)).json() == {
        "created": 0,
        "changed": 0,
        "unchanged": 3,
    }
    changed = items(course)
    changed[0] |= {"status": "excused"}
    assert put(client, session.pk, changed).json() == {"created": 0, "changed": 1, "unchanged": 2}


def test_every_problem_is_listed_and_nothing_is_recorded(client, staff, course, session):
    client.force_login(staff)
    outsider = data.course(factories.organisation(), people=1).enrolments.get()
    sent = items(course)
    sent[0]["hours"] = 3
    sent[1]["status"] = "absent"
    sent[1]["hours"] = 1
    sent.append({"enrolment": outsider.pk, "status": "present"})
    sent.append(dict(sent[2]))
    answer = put(client, session.pk, sent)
    assert answer.status_code == 400
    body = answer.json()
    assert body["fact"] == "items"
    assert [problem["index"] for problem in body["problems"]] == [0, 1, 3, 4]
    assert Attendance.objects.count() == 0


def test_a_body_that_does_not_fit_the_schema_is_422(client, staff, course, session):
    client.force_login(staff)
    assert put(client, session.pk, [{"enrolment": 1, "status": "late"}]).status_code == 422
    assert (
        put(client, session.pk, [{"enrolment": 1, "status": "present", "hours": -1}]).status_code
        == 422
    )


def test_staff_of_another_provider_get_404(client, course, session):
    client.force_login(factories.user(Role.PROVIDER))
    for answer in (client.get(url(session.pk)), put(client, session.pk, items(course))):
        assert answer.status_code == 404
        assert answer.json()["error"]
    assert Attendance.objects.count() == 0


def test_other_roles_get_403_and_nobody_signed_in_401(client, course, session):
    anonymous = client.get(url(session.pk))
    assert anonymous.status_code == 401
    assert anonymous.json() == {
        "error": "Sign in as a member of staff to use this operation",
        "fact": None,
    }
    german = client.get(url(session.pk), {"lang": "de"})
    assert german.json()["error"].startswith("Melden Sie sich")
    assert put(client, session.pk, items(course)).status_code == 401
    client.force_login(factories.user(Role.OFFICER))
    assert client.get(url(session.pk)).status_code == 403
    assert put(client, session.pk, items(course)).json()["error"]


def test_a_change_needs_the_csrf_token(staff, course, session):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(staff)
    answer = put(strict, session.pk, items(course))
    assert answer.status_code == 403
    assert Attendance.objects.count() == 0


def test_the_operations_declare_every_refusal():
    schema = api.get_openapi_schema(path_prefix="/api/v1")
    operations = schema["paths"]["/api/v1/attendance/sessions/{session_id}"]
    assert set(map(str, operations["get"]["responses"])) == {"200", "401", "403", "404", "422"}
    assert set(map(str, operations["put"]["responses"])) == {
        "200",
        "400",
        "401",
        "403",
        "404",
        "409",
        "422",
    }
