"""Migration 0004_catalogue: every event of the old calendar becomes a course session,
nothing lost; citizenship sessions of one organiser and title form one course."""

from datetime import UTC, datetime, timedelta

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accueil.accounts.models import OrganisationKind
from tests import factories

BEFORE = ("training", "0003_course_catalogue")
AFTER = ("training", "0004_catalogue")


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


def latest() -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


START = datetime(2031, 5, 6, 16, tzinfo=UTC)


def test_every_event_becomes_a_session_of_a_course(transactional_db):
    adult = factories.organisation(name="SFA", kind=OrganisationKind.ADULT_EDUCATION)
    ministry = factories.organisation(name="DI", kind=OrganisationKind.INTEGRATION_DEPARTMENT)
    school = factories.organisation(name="School", kind=OrganisationKind.SECONDARY_SCHOOL)
    try:
        apps = migrate(BEFORE)
        event = apps.get_model("training", "CourseEvent")

        def add(kind, title, days, provider_id=None, hours=3, **fields):
            start = START + timedelta(days=days)
            fields.setdefault("place", "Lycée")
            fields.setdefault("address", "1, rue X")
            fields.setdefault("languages", ["fr", "pt"])
            return event.objects.create(
                kind=kind,
                title=title,
                starts_at=start,
                ends_at=start + timedelta(hours=hours),
                provider_id=provider_id,
                **fields,
            )

        add("citizenship_session", "Vivre ensemble", 0, school.pk, place_fr="Lycée FR")
        add("citizenship_session", "Vivre ensemble", 7, school.pk, place_fr="Lycée FR")
        add("citizenship_session", "Vivre ensemble", 14, school.pk, place_fr="Lycée FR")
        add("citizenship_session", "Vivre ensemble", 1, None, languages=["en"])
        add("orientation_day", "Orientation", 30, None, hours=4, place_de="Kulturzentrum")
        add("orientation_day", "Orientation", 200, ministry.pk, hours=4)

        apps = migrate(AFTER)
        Course = apps.get_model("training", "Course")
        school_course = Course.objects.get(provider_id=school.pk)
        assert school_course.kind == "citizenship" and school_course.place_fr == "Lycée FR"
        assert school_course.sessions.count() == 3 and school_course.status == "published"
        # No organiser: the Department of Adult Education (citizenship), the ministry's
        # Integration Department (orientation days).
        no_organiser = Course.objects.get(provider_id=adult.pk)
        assert no_organiser.languages == ["en"] and no_organiser.sessions.count() == 1
        days = Course.objects.filter(kind="orientation").order_by("pk")
        assert [d.provider_id for d in days] == [ministry.pk, ministry.pk]
        assert [d.place_de for d in days] == ["Kulturzentrum", ""]
        assert Course.objects.count() == 4
        Session = apps.get_model("training", "CourseSession")
        assert Session.objects.count() == 6
        assert sorted((s.ends_at - s.starts_at).seconds // 3600 for s in Session.objects.all()) == [
            3,
            3,
            3,
            3,
            4,
            4,
        ]
        Approval = apps.get_model("training", "ProviderApproval")
        assert set(
            Approval.objects.filter(approved=True).values_list("organisation", flat=True)
        ) == {
            school.pk,
            adult.pk,
            ministry.pk,
        }
        # And back: the events again, nothing lost.
        apps = migrate(BEFORE)
        back = apps.get_model("training", "CourseEvent")
        assert back.objects.count() == 6
        assert back.objects.filter(kind="orientation_day").count() == 2
    finally:
        latest()


def test_without_the_departments_a_clear_placeholder_organises(transactional_db):
    try:
        apps = migrate(BEFORE)
        event = apps.get_model("training", "CourseEvent")
        event.objects.create(
            kind="orientation_day",
            title="Orientation",
            starts_at=START,
            ends_at=START + timedelta(hours=4),
            place="Kinneksbond",
            address="Mamer",
            languages=["fr"],
        )
        apps = migrate(AFTER)
        course = apps.get_model("training", "Course").objects.get()
        assert course.provider.name == "Organiser not recorded (former course calendar)"
    finally:
        latest()
