"""The course catalogue: the public list and course pages in en/fr/de, the provider's
course and session pages, publishing under the rules, approving providers, the
officers' warning about orientation days."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from accueil.training import views_catalogue
from accueil.training.models import (
    Course,
    CourseKind,
    CourseSession,
    CourseStatus,
    Enrolment,
    EnrolmentStatus,
    ProviderApproval,
)
from tests import factories
from tests.training.catalogue_helpers import approved, course


def html(response) -> str:
    return response.content.decode()


def test_anyone_sees_published_courses_with_a_session_to_come(client, db):
    shown = course(title="Luxembourgish for beginners")
    course(title="Draft course", status=CourseStatus.DRAFT)
    course(title="Cancelled course", status=CourseStatus.CANCELLED)
    course(title="Long gone", sessions=((-20, 2),))
    page = html(client.get(reverse("training:catalogue")))
    assert shown.title in page
    assert "Draft course" not in page and "Cancelled course" not in page
    assert "Long gone" not in page
    assert reverse("training:course_detail", args=[shown.pk]) in page


@pytest.mark.parametrize(
    ("language", "fee", "reduced", "kind"),
    [
        ("en", "€360.00", "€90.00", "Language course"),
        ("fr", "360,00\u00a0€", "90,00\u00a0€", "Cours de langue"),
        ("de", "360,00\u00a0€", "90,00\u00a0€", "Sprachkurs"),
    ],
)
def test_fees_are_written_in_the_pages_language(client, db, language, fee, reduced, kind):
    course(title="Lëtzebuergesch", title_fr="Luxembourgeois", title_de="Luxemburgisch")
    page = html(client.get(reverse("training:catalogue"), HTTP_ACCEPT_LANGUAGE=language))
    assert fee in page and reduced in page and kind in page
    title = {"en": "Lëtzebuergesch", "fr": "Luxembourgeois", "de": "Luxemburgisch"}[language]
    assert title in page


def enrol(target: Course, status=EnrolmentStatus.ENROLLED) -> Enrolment:
    return Enrolment.objects.create(course=target, candidate=factories.candidate(), status=status)


def test_seats_left_count_only_enrolled_people(client, db):
    small = course(capacity=3)
    enrol(small)
    enrol(small, EnrolmentStatus.WAITLISTED)
    enrol(small, EnrolmentStatus.CANCELLED)
    page = html(client.get(reverse("training:course_detail", args=[small.pk])))
    assert "2 left of 3" in page


def titles(client, **params) -> set[str]:
    response = client.get(reverse("training:catalogue"), params)
    assert response.status_code == 200
    return {c.title for c in response.context["page"].object_list}


def test_the_filters(client, db):
    lux = course(title="lux", taught_language="lb", languages=["lb"], cefr_level="A1.1")
    french = course(
        title="french", taught_language="fr", languages=["fr"], cefr_level="B1", place="Esch"
    )
    full = course(title="full", capacity=1, sessions=((40, 2),))
    enrol(full)
    citizenship = course(
        title="citizenship",
        kind=CourseKind.CITIZENSHIP,
        languages=["pt", "fr"],
        sessions=((5, 3), (12, 3)),
    )
    assert titles(client) == {"lux", "french", "full", "citizenship"}
    assert titles(client, kind="citizenship") == {citizenship.title}
    assert titles(client, language="pt") == {citizenship.title}
    assert titles(client, language="fr") == {french.title, citizenship.title}
    assert titles(client, level="B1") == {french.title}
    assert titles(client, place="esch") == {french.title}
    assert titles(client, free_seats="on") == {lux.title, french.title, citizenship.title}
    later = date.today() + timedelta(days=30)
    by_date = {"date_from_day": later.day, "date_from_month": later.month}
    assert titles(client, **by_date, date_from_year=later.year) == {full.title}
    course(title="gone", sessions=((-20, 2),))
    past = date.today() - timedelta(days=60)
    by_past = {"date_from_day": past.day, "date_from_month": past.month}
    assert "gone" not in titles(client, **by_past, date_from_year=past.year)
    # Sorted by next session: the citizenship course (in 5 days) comes first.
    response = client.get(reverse("training:catalogue"))
    assert next(c.title for c in response.context["page"].object_list) == "citizenship"


def test_a_bad_filter_is_shown_as_an_error_not_a_500(client, db):
    course()
    response = client.get(
        reverse("training:catalogue"), {"kind": "nonsense", "date_from_day": "40"}
    )
    assert response.status_code == 200
    assert 'href="#id_kind"' in html(response)


@pytest.mark.parametrize("shown", [5, 50])
def test_the_catalogues_queries_do_not_depend_on_the_courses_shown(
    client, db, django_assert_num_queries, monkeypatch, shown
):
    monkeypatch.setattr(views_catalogue, "COURSES_PER_PAGE", 50)
    provider = approved()
    for n in range(shown):
        target = course(provider, title=f"c{n}", sessions=((3 + n, 2), (10 + n, 2)))
        enrol(target)
    # A count, the page of courses and their coming sessions (and the request's savepoint
    # and its release), whatever their number.
    with django_assert_num_queries(5):
        response = client.get(reverse("training:catalogue"))
    assert len(response.context["page"].object_list) == shown


def test_a_draft_course_has_no_public_page(client, db):
    draft = course(status=CourseStatus.DRAFT)
    assert client.get(reverse("training:course_detail", args=[draft.pk])).status_code == 404


def test_the_old_calendar_pages_are_gone(client, officer):
    client.force_login(officer)
    assert client.get("/courses/add/").status_code == 404
    assert client.get("/courses/1/edit/").status_code == 404


# Provider staff.


@pytest.fixture
def staff(db):
    organisation = approved(factories.organisation(name="INL"))
    return factories.user(Role.PROVIDER, organisation=organisation)


def course_data(**overrides) -> dict:
    data = {
        "kind": "citizenship",
        "title": "Vivre ensemble",
        "title_fr": "",
        "title_de": "Zusammenleben",
        "taught_language": "",
        "cefr_level": "",
        "languages": ["pt", "fr"],
        "capacity": "20",
        "fee": "0",
        "reduced_fee": "0",
        "place": "Lycée Michel Lucius",
        "place_fr": "",
        "place_de": "",
        "address": "157, avenue Pasteur, L-2311 Luxembourg",
    }
    data.update(overrides)
    return data


def session_data(day: date, start="18:00", end="21:00") -> dict:
    return {
        "day_day": str(day.day),
        "day_month": str(day.month),
        "day_year": str(day.year),
        "start_time": start,
        "end_time": end,
    }


def test_provider_staff_add_a_citizenship_course_and_publish_it_under_the_rules(client, staff):
    client.force_login(staff)
    response = client.post(reverse("training:course_add"), course_data())
    added = Course.objects.get()
    assert response["Location"] == reverse("training:course_manage", args=[added.pk])
    assert added.provider == staff.organisation and added.status == CourseStatus.DRAFT
    assert added.languages == ["fr", "pt"] and added.title_de == "Zusammenleben"
    day = date.today() + timedelta(days=20)
    client.post(reverse("training:session_add", args=[added.pk]), session_data(day))
    publish = reverse("training:course_publish", args=[added.pk])
    refused = client.post(publish)
    assert refused.status_code == 400
    assert "at least 6 hours over at least 2 sessions" in html(refused)
    added.refresh_from_db()
    assert added.status == CourseStatus.DRAFT
    client.post(
        reverse("training:session_add", args=[added.pk]), session_data(day + timedelta(days=7))
    )
    assert client.post(publish).status_code == 302
    added.refresh_from_db()
    assert added.status == CourseStatus.PUBLISHED
    assert AuditEvent.objects.filter(
        action=Action.TRANSITION, target_id=str(added.pk), fields=["status"]
    ).exists()


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "A citizenship course lasts at least 6 hours"),
        ("fr", "Un cours d’instruction civique dure au moins 6 heures"),
        ("de", "Ein Staatsbürgerkundekurs dauert mindestens 6 Stunden"),
    ],
)
def test_the_reason_is_in_the_pages_language(client, staff, language, message):
    short = course(staff.organisation, kind=CourseKind.CITIZENSHIP, status=CourseStatus.DRAFT)
    client.force_login(staff)
    url = reverse("training:course_publish", args=[short.pk])
    page = html(client.post(url, HTTP_ACCEPT_LANGUAGE=language))
    assert message in page and 'class="govuk-error-summary"' in page


def test_an_organisation_not_approved_cannot_publish(client, db):
    organisation = factories.organisation()
    user = factories.user(Role.PROVIDER, organisation=organisation)
    draft = course(organisation, status=CourseStatus.DRAFT)
    client.force_login(user)
    assert "not approved" in html(client.get(reverse("training:provider_courses")))
    page = html(client.post(reverse("training:course_publish", args=[draft.pk])))
    assert "not approved as a course provider" in page
    draft.refresh_from_db()
    assert draft.status == CourseStatus.DRAFT


def test_the_course_form_checks_fees_and_shows_each_error(client, staff):
    client.force_login(staff)
    page = html(client.post(reverse("training:course_add"), {}))
    for anchor in ("id_kind_0", "id_title", "id_languages_0", "id_capacity", "id_place"):
        assert f'href="#{anchor}"' in page, anchor
    page = html(client.post(reverse("training:course_add"), course_data(fee="10")))
    assert 'href="#id_fee"' in page
    data = course_data(kind="language", taught_language="lb", fee="100", reduced_fee="150")
    assert 'href="#id_reduced_fee"' in html(client.post(reverse("training:course_add"), data))
    assert not Course.objects.exists()


def test_provider_staff_change_a_course_and_its_sessions(client, staff):
    mine = course(staff.organisation, sessions=((10, 2), (17, 2)))
    client.force_login(staff)
    edit = reverse("training:course_edit", args=[mine.pk])
    assert 'value="Lycée Michel Lucius"' in html(client.get(edit))
    data = course_data(
        kind="language",
        title="Luxembourgish",
        taught_language="lb",
        cefr_level="A2",
        languages=["lb"],
        fee="300",
        reduced_fee="75.50",
    )
    client.post(edit, data)
    mine.refresh_from_db()
    assert (mine.title, mine.cefr_level, mine.reduced_fee) == (
        "Luxembourgish",
        "A2",
        Decimal("75.50"),
    )
    first, second = mine.sessions.all()
    day = date.today() + timedelta(days=30)
    url = reverse("training:session_edit", args=[mine.pk, first.pk])
    client.post(url, session_data(day, "09:00", "11:30"))
    first.refresh_from_db()
    assert (first.ends_at - first.starts_at) == timedelta(hours=2, minutes=30)
    client.post(reverse("training:session_remove", args=[mine.pk, second.pk]))
    assert list(mine.sessions.all()) == [first]
    client.post(reverse("training:course_cancel", args=[mine.pk]))
    mine.refresh_from_db()
    assert mine.status == CourseStatus.CANCELLED
    assert AuditEvent.objects.filter(action=Action.DELETE, target_id=str(second.pk)).exists()


def test_two_sessions_cannot_start_at_the_same_time(client, staff):
    mine = course(staff.organisation, status=CourseStatus.DRAFT, sessions=())
    client.force_login(staff)
    day = date.today() + timedelta(days=9)
    url = reverse("training:session_add", args=[mine.pk])
    client.post(url, session_data(day))
    page = html(client.post(url, session_data(day)))
    assert 'href="#id_start_time"' in page
    assert CourseSession.objects.filter(course=mine).count() == 1


@pytest.mark.parametrize(
    "role", [Role.CANDIDATE, Role.OFFICER, Role.SOCIAL_WORKER, Role.DPO, Role.ADMIN]
)
def test_only_provider_staff_edit_courses(client, all_roles, role):
    client.force_login(all_roles[role])
    assert client.get(reverse("training:provider_courses")).status_code == 403
    assert client.post(reverse("training:course_add"), course_data()).status_code == 403
    assert not Course.objects.exists()


# Officers: approving providers, the orientation days' warning.


def test_an_officer_approves_and_withdraws_a_provider(client, officer):
    school = factories.organisation(name="Lycée technique")
    client.force_login(officer)
    page = html(client.get(reverse("training:providers")))
    assert "Lycée technique" in page
    url = reverse("training:provider_approve", args=[school.pk])
    client.post(url, {"approved": "yes"})
    approval = ProviderApproval.objects.get(organisation=school)
    assert approval.approved and approval.by == officer and approval.since
    client.post(url, {"approved": "no"})
    approval.refresh_from_db()
    assert not approval.approved
    assert AuditEvent.objects.filter(action=Action.UPDATE, target_id=str(approval.pk)).count() == 2


@pytest.mark.parametrize("role", [Role.CANDIDATE, Role.PROVIDER, Role.SOCIAL_WORKER, Role.DPO])
def test_only_officers_and_the_administrator_approve(client, all_roles, role):
    school = factories.organisation()
    client.force_login(all_roles[role])
    url = reverse("training:provider_approve", args=[school.pk])
    assert client.post(url, {"approved": "yes"}).status_code == 403
    assert client.get(reverse("training:providers")).status_code == 403
    assert not ProviderApproval.objects.filter(organisation=school).exists()


def test_officers_are_warned_when_fewer_than_two_orientation_days_are_planned(client, officer):
    client.force_login(officer)
    course(kind=CourseKind.ORIENTATION, sessions=((30, 4),))
    course(kind=CourseKind.ORIENTATION, sessions=((400, 4),))  # beyond twelve months
    course(kind=CourseKind.ORIENTATION, status=CourseStatus.DRAFT, sessions=((60, 4),))
    home = html(client.get(reverse("portal:home")))
    assert 'id="orientation-warning"' in home and "Only 1 orientation day" in home
    assert 'id="orientation-warning"' in html(client.get(reverse("training:providers")))
    course(kind=CourseKind.ORIENTATION, sessions=((200, 4),))
    assert 'id="orientation-warning"' not in html(client.get(reverse("portal:home")))


def test_the_course_page_leads_to_enrolment_and_the_provider_s_page_to_its_participants(client, db):
    """From the catalogue a person reaches the enrolment; the provider's course page leads
    to enrolling someone, the attendance and the certificates."""
    provider = approved()
    shown = course(provider)
    page = reverse("training:course_detail", args=[shown.pk])
    enrol = reverse("training:enrol", args=[shown.pk])
    assert enrol in html(client.get(page))  # anyone: asked to sign in on the way
    client.force_login(factories.user(Role.OFFICER))
    assert enrol not in html(client.get(page))  # officers do not enrol here
    client.force_login(factories.user(Role.PROVIDER, organisation=provider))
    assert enrol in html(client.get(page))
    manage = html(client.get(reverse("training:course_manage", args=[shown.pk])))
    assert reverse("training:enrol_person", args=[shown.pk]) in manage
    assert reverse("training:attendance_grid", args=[shown.pk]) in manage
    assert reverse("training:certificates") in manage
