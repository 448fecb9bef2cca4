"""Issue 12, point 1: staff of provider X get a 404 for every object of provider Y.

Every page of the training app that names an object in its URL (course, session,
enrolment, certificate, ...) and every API operation on courses and attendance is
walked with Y's objects, as X's staff, in GET and POST: the answer is 404 (or 405 for
a method the page does not take, or 403 on the officers' pages, which no provider
staff may open whatever the object). The walk must cover every such URL, so a new page
cannot be forgotten. The same pages with X's own objects answer (not 404), so the 404
is the isolation, not a broken page."""

from datetime import timedelta

import pytest
from django.urls import URLPattern, reverse
from django.utils import timezone

from accueil.accounts.models import Role
from accueil.training import certificates, enrolment, urls, vouchers
from accueil.training.models import Attendance, Course, CourseKind, CourseStatus
from tests import factories
from tests.training.catalogue_helpers import approved, course
from tests.training.vouchers_helpers import signatory

# The URL's arguments, by name, and who the page is for.
PROVIDER, OFFICER, CANDIDATE, ANYONE = "provider", "officer", "candidate", "anyone"
PAGES = {
    "course_detail": (("course_id",), ANYONE),
    "course_manage": (("course_id",), PROVIDER),
    "course_edit": (("course_id",), PROVIDER),
    "course_publish": (("course_id",), PROVIDER),
    "course_cancel": (("course_id",), PROVIDER),
    "session_add": (("course_id",), PROVIDER),
    "session_edit": (("course_id", "session_id"), PROVIDER),
    "session_remove": (("course_id", "session_id"), PROVIDER),
    "provider_approve": (("organisation_id",), OFFICER),
    "certificate_issue": (("enrolment_id",), PROVIDER),
    "certificate": (("code",), PROVIDER),
    "certificate_pdf": (("code",), PROVIDER),
    "certificate_revoke": (("code",), PROVIDER),
    "enrol": (("course_id",), CANDIDATE),
    "enrol_person": (("course_id",), PROVIDER),
    "enrolment_cancel": (("enrolment_id",), PROVIDER),
    "candidate_vouchers": (("candidate_id",), OFFICER),
    "voucher_revoke": (("voucher_id",), OFFICER),
    "attendance_grid": (("course_id",), PROVIDER),
    "attendance_upload": (("course_id",), PROVIDER),
    "attendance_template": (("course_id",), PROVIDER),
    "skills_assessment": (("enrolment_id",), PROVIDER),
}
POST_ONLY = {"course_publish", "course_cancel", "enrolment_cancel", "provider_approve"}
GET_ONLY = {
    "course_manage",
    "course_detail",
    "attendance_template",
    "certificate",
    "certificate_pdf",
}


def patterns_naming_an_object() -> set[str]:
    return {
        pattern.name
        for pattern in urls.urlpatterns
        if isinstance(pattern, URLPattern) and pattern.pattern.converters and pattern.name
    }


def test_the_walk_covers_every_training_page_that_names_an_object():
    assert patterns_naming_an_object() == set(PAGES)


def objects_of(organisation) -> dict:
    """A provider's course (held yesterday, with an enrolment and its certificate)."""
    staff = factories.user(Role.PROVIDER, organisation=organisation)
    held = course(organisation, sessions=((-1, 2),), title=f"{organisation.name} course")
    person = signatory()
    with_voucher = vouchers.voucher_issue(contract=person.contracts.get(), actor=None)
    enrolled, _new = enrolment.enrol(
        course_id=held.pk,
        candidate=person,
        actor=staff,
        voucher_code=with_voucher.code,
        now=timezone.now() - timedelta(days=3),
    )
    session = held.sessions.get()
    # A certificate states the attendance recorded: present at the session held.
    Attendance.objects.create(
        enrolment=enrolled, session=session, status="present", hours=2, recorded_at=timezone.now()
    )
    certificate = certificates.certificate_issue(
        enrolment=enrolled, actor=staff, issued_on=timezone.localdate()
    )
    return {
        "staff": staff,
        "course_id": held.pk,
        "session_id": session.pk,
        "enrolment_id": enrolled.pk,
        "code": certificate.code,
        "organisation_id": organisation.pk,
        "candidate_id": person.pk,
        "voucher_id": with_voucher.pk,
    }


@pytest.fixture
def x_and_y(db):
    return objects_of(approved(name="Provider X")), objects_of(approved(name="Provider Y"))


def expected(name: str, method: str) -> set[int]:
    if (method == "get" and name in POST_ONLY) or (method == "post" and name in GET_ONLY):
        return {405}
    audience = PAGES[name][1]
    if audience == OFFICER:
        return {403}
    return {404}


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("method", ["get", "post"])
def test_staff_of_x_get_404_for_every_object_of_y(client, x_and_y, name, method):
    x, y = x_and_y
    client.force_login(x["staff"])
    arguments = {key: y[key] for key in PAGES[name][0]}
    if PAGES[name][1] in (ANYONE, CANDIDATE):
        # A published course's page and its enrolment page are public (provider staff
        # are sent on to their own enrolment page, which is Y's: 404); a draft is not.
        Course.objects.filter(pk=y["course_id"]).update(status=CourseStatus.DRAFT)
    # "enrol" sends provider staff on to "enrol_person", for any number alike.
    follow = name == "enrol"
    answer = getattr(client, method)(reverse(f"training:{name}", kwargs=arguments), follow=follow)
    assert answer.status_code in expected(name, method), answer.status_code


@pytest.mark.parametrize("name", sorted(n for n, (_a, who) in PAGES.items() if who == PROVIDER))
def test_the_same_pages_answer_x_s_staff_for_x_s_own_objects(client, x_and_y, name):
    x, _y = x_and_y
    client.force_login(x["staff"])
    method = "post" if name in POST_ONLY else "get"
    arguments = {key: x[key] for key in PAGES[name][0]}
    answer = getattr(client, method)(reverse(f"training:{name}", kwargs=arguments))
    assert answer.status_code not in (403, 404, 500), answer.status_code


def test_y_s_session_through_x_s_own_course_is_not_found_either(client, x_and_y):
    x, y = x_and_y
    client.force_login(x["staff"])
    for name in ("session_edit", "session_remove"):
        url = reverse(f"training:{name}", args=[x["course_id"], y["session_id"]])
        assert client.get(url).status_code == 404


def test_the_public_enrolment_page_of_y_s_course_leads_x_s_staff_to_a_404(client, x_and_y):
    x, y = x_and_y
    client.force_login(x["staff"])
    answer = client.get(reverse("training:enrol", args=[y["course_id"]]), follow=True)
    assert answer.status_code == 404


def test_the_api_answers_404_for_y_s_courses_and_sessions(client, x_and_y):
    x, y = x_and_y
    client.force_login(x["staff"])
    enrol = client.post(
        f"/api/v1/courses/{y['course_id']}/enrolments",
        {"national_id": "1990051700112", "surname": "Anyone"},
        content_type="application/json",
    )
    assert enrol.status_code == 404 and enrol.json()["error"]
    read = client.get(f"/api/v1/attendance/sessions/{y['session_id']}")
    assert read.status_code == 404 and read.json()["error"]
    write = client.put(
        f"/api/v1/attendance/sessions/{y['session_id']}",
        {"items": [{"enrolment": y["enrolment_id"], "status": "present", "hours": "2"}]},
        content_type="application/json",
    )
    assert write.status_code == 404 and write.json()["error"]
    # X's own session answers.
    assert client.get(f"/api/v1/attendance/sessions/{x['session_id']}").status_code == 200


def test_a_citizenship_course_of_y_is_not_x_s_to_certify_even_for_adult_education(client, db):
    adult_education = approved(name="Department of Adult Education", kind="adult_education")
    staff = factories.user(Role.PROVIDER, organisation=adult_education)
    other = approved(name="Lycée")
    theirs = course(other, kind=CourseKind.CITIZENSHIP, sessions=((-2, 3), (-1, 3)))
    person = signatory()
    enrolled, _new = enrolment.enrol(
        course_id=theirs.pk, candidate=person, actor=None, now=timezone.now() - timedelta(days=5)
    )
    client.force_login(staff)
    url = reverse("training:certificate_issue", args=[enrolled.pk])
    assert client.get(url).status_code == 404
