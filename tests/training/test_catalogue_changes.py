"""The publication rules hold after a course is published: publishing needs a session
still to come; adding, changing or removing a session of a published course (or changing
the course) is refused, with the rule's reason in the page's language, when the course
would break a rule; and nothing is saved then. Absurd session dates get a message."""

from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from accueil.accounts.models import Role
from accueil.audit.models import Action, AuditEvent
from accueil.training import services
from accueil.training.catalogue import ChangeRefused, SessionTaken
from accueil.training.models import Course, CourseKind, CourseSession, CourseStatus
from tests import factories
from tests.training.catalogue_helpers import approved, course

LENGTH = {
    "en": "A citizenship course lasts at least 6 hours",
    "fr": "Un cours d’instruction civique dure au moins 6 heures",
    "de": "Ein Staatsbürgerkundekurs dauert mindestens 6 Stunden",
}
NOT_SAVED = {
    "en": "this change would break one of the rules a published course must meet",
    "fr": "cette modification enfreindrait une des règles",
    "de": "Diese Änderung würde gegen eine der Regeln",
}
LANGUAGES = list(LENGTH)


@pytest.fixture(autouse=True)
def language_kept():
    """A request sent with Accept-Language leaves its language active in the thread
    (LocaleMiddleware activates it and nothing deactivates it): put it back after each
    test, so that tests run after these in the same process read English as they expect."""
    before = translation.get_language()
    yield
    translation.activate(before)


@pytest.fixture
def staff(db):
    organisation = approved(factories.organisation(name="SFA"))
    return factories.user(Role.PROVIDER, organisation=organisation)


def html(response) -> str:
    return response.content.decode()


def session_data(day: date, start="18:00", end="21:00", year=None) -> dict:
    return {
        "day_day": str(day.day),
        "day_month": str(day.month),
        "day_year": str(year or day.year),
        "start_time": start,
        "end_time": end,
    }


def citizenship(staff, **fields) -> Course:
    """A published citizenship course of 3 + 3 hours, in 10 and 17 days."""
    fields.setdefault("sessions", ((10, 3), (17, 3)))
    return course(staff.organisation, kind=CourseKind.CITIZENSHIP, **fields)


# (a) Publishing needs a session still to come.


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "Every session of the course has started already"),
        ("fr", "Toutes les séances du cours ont déjà commencé"),
        ("de", "Alle Termine des Kurses haben bereits begonnen"),
    ],
)
def test_a_course_held_already_cannot_be_published(client, staff, lang, message):
    held = citizenship(
        staff, status=CourseStatus.DRAFT, sessions=((-17, 3), (-10, 3)), title="Vivre ici 2025"
    )
    client.force_login(staff)
    response = client.post(
        reverse("training:course_publish", args=[held.pk]), HTTP_ACCEPT_LANGUAGE=lang
    )
    assert response.status_code == 400
    assert message in html(response) and 'class="govuk-error-summary"' in html(response)
    assert "<title>" + {"en": "Error:", "fr": "Erreur\u00a0:", "de": "Fehler:"}[lang] in html(
        response
    )
    held.refresh_from_db()
    assert held.status == CourseStatus.DRAFT
    assert held.title not in html(client.get(reverse("training:catalogue")))


def test_a_session_that_started_an_hour_ago_does_not_count_as_to_come(client, staff):
    started = course(staff.organisation, status=CourseStatus.DRAFT, sessions=((0, 2),))
    CourseSession.objects.filter(course=started).update(
        starts_at=timezone.now() - timedelta(hours=1), ends_at=timezone.now() + timedelta(hours=1)
    )
    client.force_login(staff)
    assert client.post(reverse("training:course_publish", args=[started.pk])).status_code == 400
    started.refresh_from_db()
    assert started.status == CourseStatus.DRAFT


def test_the_catalogue_lists_no_course_whose_sessions_have_all_started(client, staff):
    started = course(staff.organisation, title="Began this morning", sessions=((0, 3),))
    later = course(staff.organisation, title="Begins in an hour", sessions=((0, 3),))
    now = timezone.now()
    CourseSession.objects.filter(course=started).update(
        starts_at=now - timedelta(minutes=5), ends_at=now + timedelta(hours=2)
    )
    CourseSession.objects.filter(course=later).update(
        starts_at=now + timedelta(hours=1), ends_at=now + timedelta(hours=3)
    )
    listed = client.get(reverse("training:catalogue")).context["page"].object_list
    assert [c.title for c in listed] == ["Begins in an hour"]
    today = timezone.localdate()
    filtered = client.get(
        reverse("training:catalogue"),
        {"date_from_day": today.day, "date_from_month": today.month, "date_from_year": today.year},
    )
    assert [c.title for c in filtered.context["page"].object_list] == ["Begins in an hour"]


# (b) A published course keeps to the rules after a change.


@pytest.mark.parametrize("lang", LANGUAGES)
def test_removing_a_session_of_a_published_citizenship_course_is_refused(client, staff, lang):
    published = citizenship(staff)
    first = published.sessions.order_by("starts_at").first()
    client.force_login(staff)
    url = reverse("training:session_remove", args=[published.pk, first.pk])
    response = client.post(url, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 400
    page = html(response)
    assert LENGTH[lang] in page and NOT_SAVED[lang] in page
    assert 'class="govuk-error-summary"' in page and 'id="remove"' not in page
    error = {"en": "Error:", "fr": "Erreur\u00a0:", "de": "Fehler:"}[lang]
    assert f"<title>{error} " in page
    assert published.sessions.count() == 2
    assert not AuditEvent.objects.filter(action=Action.DELETE, target_id=str(first.pk)).exists()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cutting_a_session_of_a_published_citizenship_course_is_refused(client, staff, lang):
    published = citizenship(staff)
    first = published.sessions.order_by("starts_at").first()
    before = (first.starts_at, first.ends_at)
    client.force_login(staff)
    url = reverse("training:session_edit", args=[published.pk, first.pk])
    day = timezone.localdate() + timedelta(days=12)
    response = client.post(url, session_data(day, "18:00", "19:00"), HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 400
    page = html(response)
    assert LENGTH[lang] in page and NOT_SAVED[lang] in page
    assert 'class="govuk-error-summary"' in page and 'href="#id_day"' in page
    first.refresh_from_db()
    assert (first.starts_at, first.ends_at) == before


def test_a_change_that_keeps_the_rules_is_saved(client, staff):
    published = citizenship(staff, sessions=((10, 3), (17, 3), (24, 2)))
    client.force_login(staff)
    first, _second, third = published.sessions.order_by("starts_at")
    response = client.post(reverse("training:session_remove", args=[published.pk, third.pk]))
    assert response.status_code == 302
    day = timezone.localdate() + timedelta(days=12)
    url = reverse("training:session_edit", args=[published.pk, first.pk])
    assert client.post(url, session_data(day, "17:00", "20:30")).status_code == 302
    assert published.sessions.count() == 2


def test_a_second_session_for_a_published_orientation_day_is_refused(client, staff):
    day_out = course(staff.organisation, kind=CourseKind.ORIENTATION, sessions=((10, 4),))
    client.force_login(staff)
    url = reverse("training:session_add", args=[day_out.pk])
    day = timezone.localdate() + timedelta(days=11)
    response = client.post(url, session_data(day, "09:00", "12:00"))
    assert response.status_code == 400
    assert "An orientation day is one half-day session" in html(response)
    assert day_out.sessions.count() == 1


def test_changing_a_published_course_into_one_that_breaks_a_rule_is_refused(client, staff):
    language = course(staff.organisation, sessions=((10, 2),))
    client.force_login(staff)
    data = {
        "kind": "citizenship",
        "title": "Vivre ensemble",
        "title_fr": "",
        "title_de": "",
        "taught_language": "",
        "cefr_level": "",
        "languages": ["fr"],
        "capacity": "20",
        "fee": "0",
        "reduced_fee": "0",
        "place": "Lycée Michel Lucius",
        "place_fr": "",
        "place_de": "",
        "address": "157, avenue Pasteur, L-2311 Luxembourg",
    }
    response = client.post(reverse("training:course_edit", args=[language.pk]), data)
    assert response.status_code == 400
    assert LENGTH["en"] in html(response)
    language.refresh_from_db()
    assert language.kind == CourseKind.LANGUAGE and language.title != "Vivre ensemble"


def test_a_draft_course_may_be_changed_freely(client, staff):
    draft = citizenship(staff, status=CourseStatus.DRAFT)
    first = draft.sessions.first()
    client.force_login(staff)
    response = client.post(reverse("training:session_remove", args=[draft.pk, first.pk]))
    assert response.status_code == 302
    assert draft.sessions.count() == 1


def test_a_held_session_of_a_published_course_can_still_be_corrected(client, staff):
    held = citizenship(staff, sessions=((-17, 3), (-10, 3)))
    first = held.sessions.order_by("starts_at").first()
    client.force_login(staff)
    url = reverse("training:session_edit", args=[held.pk, first.pk])
    day = timezone.localdate() - timedelta(days=17)
    assert client.post(url, session_data(day, "17:00", "20:00")).status_code == 302


def test_the_service_refuses_without_saving_and_says_why(staff):
    published = citizenship(staff)
    first = published.sessions.first()
    with pytest.raises(ChangeRefused) as refused:
        services.session_remove(session=first, actor=staff)
    assert [p.code for p in refused.value.problems] == ["training.publication.citizenship_length"]
    assert CourseSession.objects.filter(pk=first.pk).exists()


# Absurd dates.


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "The end time must be after the start time"),
        ("fr", "L’heure de fin doit"),
        ("de", "Die Endzeit muss"),
    ],
)
def test_a_session_ending_before_it_starts_gets_a_message(client, staff, lang, message):
    published = citizenship(staff)
    first = published.sessions.first()
    client.force_login(staff)
    url = reverse("training:session_edit", args=[published.pk, first.pk])
    day = timezone.localdate() + timedelta(days=12)
    response = client.post(url, session_data(day, "20:00", "18:00"), HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200
    assert message in html(response) and 'href="#id_end_time"' in html(response)
    add = client.post(
        reverse("training:session_add", args=[published.pk]),
        session_data(day, "20:00", "20:00"),
        HTTP_ACCEPT_LANGUAGE=lang,
    )
    assert add.status_code == 200 and message in html(add)
    assert published.sessions.count() == 2


@pytest.mark.parametrize("year", ["9999", "0001", "99999", "2200"])
def test_a_year_out_of_range_gets_a_message_not_a_500(client, staff, year):
    published = citizenship(staff)
    client.force_login(staff)
    day = date(2027, 3, 27)
    for url in (
        reverse("training:session_add", args=[published.pk]),
        reverse("training:session_edit", args=[published.pk, published.sessions.first().pk]),
    ):
        response = client.post(url, session_data(day, year=year))
        assert response.status_code == 200
        page = html(response)
        assert 'class="govuk-error-summary"' in page and 'href="#id_day' in page
    assert published.sessions.count() == 2


def test_the_latest_year_accepted_works_on_every_page(client, staff):
    far = citizenship(staff, status=CourseStatus.DRAFT, sessions=())
    client.force_login(staff)
    for offset in (0, 7):
        day = date(2199, 12, 20) + timedelta(days=offset)
        assert (
            client.post(
                reverse("training:session_add", args=[far.pk]), session_data(day)
            ).status_code
            == 302
        )
    assert client.post(reverse("training:course_publish", args=[far.pk])).status_code == 302
    for url in (
        reverse("training:course_manage", args=[far.pk]),
        reverse("training:course_detail", args=[far.pk]),
        reverse("training:catalogue"),
        reverse("training:provider_courses"),
    ):
        assert client.get(url).status_code == 200, url


# At the same time (PostgreSQL: SQLite serialises every write and would prove nothing).


@pytest.mark.slow
@pytest.mark.postgres
def test_two_removals_at_once_cannot_cut_a_course_below_the_rule(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locking); SQLite serialises every write")
    organisation = approved(factories.organisation(name="SFA"))
    staff = factories.user(Role.PROVIDER, organisation=organisation)
    published = course(
        organisation, kind=CourseKind.CITIZENSHIP, sessions=((10, 3), (17, 3), (24, 3))
    )
    first, second, _third = published.sessions.order_by("starts_at")

    def remove(session) -> str:
        try:
            services.session_remove(session=session, actor=staff)
            return "removed"
        except ChangeRefused:
            return "refused"
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = sorted(pool.map(remove, (first, second)))
    assert outcomes == ["refused", "removed"]
    assert published.sessions.count() == 2


def test_the_same_session_added_twice_is_refused_by_the_service_not_the_database(staff):
    draft = course(staff.organisation, status=CourseStatus.DRAFT, sessions=((10, 2),))
    taken = draft.sessions.get()
    with pytest.raises(SessionTaken):
        services.session_add(
            course=draft, starts_at=taken.starts_at, ends_at=taken.ends_at, actor=staff
        )
    other = services.session_add(
        course=draft,
        starts_at=taken.starts_at + timedelta(days=7),
        ends_at=taken.ends_at + timedelta(days=7),
        actor=staff,
    )
    with pytest.raises(SessionTaken):
        services.session_update(
            session=other, starts_at=taken.starts_at, ends_at=taken.ends_at, actor=staff
        )
    assert draft.sessions.count() == 2


@pytest.mark.slow
@pytest.mark.postgres
def test_the_same_session_form_sent_twice_at_once_adds_one_session(transactional_db, client):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locking); SQLite serialises every write")
    organisation = approved(factories.organisation(name="SFA"))
    staff = factories.user(Role.PROVIDER, organisation=organisation)
    draft = course(organisation, status=CourseStatus.DRAFT, sessions=())
    url = reverse("training:session_add", args=[draft.pk])
    data = session_data(timezone.localdate() + timedelta(days=9))

    def send(_n) -> int:
        each = Client()
        each.force_login(staff)
        try:
            return each.post(url, data).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = sorted(pool.map(send, range(4)))
    assert 500 not in statuses and statuses.count(302) >= 1
    assert draft.sessions.count() == 1
