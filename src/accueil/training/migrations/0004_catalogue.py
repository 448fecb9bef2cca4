"""Provider approvals, and the old calendar's events become courses of the catalogue.

Every CourseEvent becomes a Course with CourseSessions, nothing lost:
- citizenship-course sessions with the same organiser, title, place, address and
  languages form one course with several sessions (two sessions at the same start
  make a second course, the database allowing one session per course and start);
- each orientation day is one course with one session;
- an event with no organiser gets the Department of Adult Education (citizenship) or
  the Integration Department (orientation days), the other one if only it exists, and
  otherwise a placeholder organisation named clearly so an officer can fix it.
Events had no number of places: the courses get `CAPACITY` (to change on each course).
They were public, so their courses are published and their organisers approved.

Backwards, each session of a citizenship course or orientation day becomes an event
again, and the courses with no enrolment are removed.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

CAPACITY = 25
PLACEHOLDER = "Organiser not recorded (former course calendar)"
KINDS = {"citizenship_session": "citizenship", "orientation_day": "orientation"}


def default_organiser(Organisation, kind):
    order = (
        ["adult_education", "integration_department"]
        if kind == "citizenship"
        else ["integration_department", "adult_education"]
    )
    for organisation_kind in order:
        found = Organisation.objects.filter(kind=organisation_kind).order_by("pk").first()
        if found:
            return found
    return Organisation.objects.get_or_create(
        name=PLACEHOLDER, defaults={"kind": "integration_department"}
    )[0]


def events_to_courses(apps, schema_editor):
    CourseEvent = apps.get_model("training", "CourseEvent")
    Course = apps.get_model("training", "Course")
    CourseSession = apps.get_model("training", "CourseSession")
    Organisation = apps.get_model("accounts", "Organisation")
    ProviderApproval = apps.get_model("training", "ProviderApproval")
    courses = {}  # group key -> [(course, starts taken)]
    for event in CourseEvent.objects.order_by("starts_at", "pk"):
        kind = KINDS[event.kind]
        provider = event.provider or default_organiser(Organisation, kind)
        key = (
            kind,
            provider.pk,
            event.title,
            event.place,
            event.place_fr,
            event.place_de,
            event.address,
            tuple(event.languages),
        )
        course = None
        if kind == "citizenship":
            for candidate, starts in courses.get(key, []):
                if event.starts_at not in starts:
                    course = candidate
                    starts.add(event.starts_at)
                    break
        if course is None:
            course = Course.objects.create(
                provider=provider,
                kind=kind,
                title=event.title,
                languages=list(event.languages),
                capacity=CAPACITY,
                place=event.place,
                place_fr=event.place_fr,
                place_de=event.place_de,
                address=event.address,
                status="published",
            )
            courses.setdefault(key, []).append((course, {event.starts_at}))
        CourseSession.objects.create(course=course, starts_at=event.starts_at, ends_at=event.ends_at)
        ProviderApproval.objects.get_or_create(organisation=provider, defaults={"approved": True})


def courses_to_events(apps, schema_editor):
    CourseEvent = apps.get_model("training", "CourseEvent")
    Course = apps.get_model("training", "Course")
    back = {kind: event_kind for event_kind, kind in KINDS.items()}
    for course in Course.objects.filter(kind__in=back).prefetch_related("sessions"):
        for session in course.sessions.all():
            CourseEvent.objects.create(
                kind=back[course.kind],
                title=course.title,
                starts_at=session.starts_at,
                ends_at=session.ends_at,
                place=course.place,
                place_fr=course.place_fr,
                place_de=course.place_de,
                address=course.address,
                languages=list(course.languages),
                provider=course.provider,
            )
        if not course.enrolments.exists():
            course.delete()


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0002_translated_names"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("training", "0003_course_catalogue"),
    ]

    operations = [
        migrations.CreateModel(
            name="ProviderApproval",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("approved", models.BooleanField(default=False, verbose_name="approved")),
                ("since", models.DateTimeField(blank=True, null=True, verbose_name="since")),
                (
                    "by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="by",
                    ),
                ),
                (
                    "organisation",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="provider_approval",
                        to="accounts.organisation",
                        verbose_name="organisation",
                    ),
                ),
            ],
            options={
                "verbose_name": "provider approval",
                "verbose_name_plural": "provider approvals",
            },
        ),
        migrations.RunPython(events_to_courses, courses_to_events),
        migrations.DeleteModel(name="CourseEvent"),
    ]
