"""Reading the course catalogue: seats left, the public list, the coming sessions.

Seats taken are the enrolments with status "enrolled" (waiting and cancelled ones hold
no seat); they are counted by a subquery, so a page of 5 or 50 courses costs the same
number of queries.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from accueil.contracts.models import Obligation
from accueil.core import clock
from accueil.rules.course_publication import orientation_days_missing
from accueil.rules.dates import anniversary
from accueil.training.models import (
    Course,
    CourseKind,
    CourseSession,
    CourseStatus,
    Enrolment,
    EnrolmentStatus,
)


def with_seats(courses: QuerySet[Course]) -> QuerySet[Course]:
    """Annotate `seats_taken` and `seats_left` (places minus enrolled people)."""
    taken = (
        Enrolment.objects.filter(course=OuterRef("pk"), status=EnrolmentStatus.ENROLLED)
        .order_by()
        .values("course")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return courses.annotate(
        seats_taken=Coalesce(Subquery(taken, output_field=IntegerField()), Value(0))
    ).annotate(seats_left=F("capacity") - F("seats_taken"))


def seats_left(course: Course) -> int:
    taken = Enrolment.objects.filter(course=course, status=EnrolmentStatus.ENROLLED).count()
    return max(0, course.capacity - taken)


@dataclass(frozen=True)
class CatalogueFilters:
    kind: str = ""
    language: str = ""
    level: str = ""
    place: str = ""
    date_from: date | None = None
    free_seats: bool = False


def catalogue_courses(filters: CatalogueFilters, today: date | None = None) -> QuerySet[Course]:
    """Published courses with a session still to come, by next session date.

    Each course carries `next_start`, `seats_left` and `coming_sessions` (prefetched)."""
    today = today or clock.today()
    # A day in the past shows nothing more: courses whose sessions are over are not offered.
    since = clock.start_of_day(max(filters.date_from or today, today))
    if since.date() == today:
        # From today: a session that started this morning is not "to come" any more
        # (rules.course_publication: a course is offered for a session not yet started).
        since = max(since, timezone.now())
    coming = CourseSession.objects.filter(starts_at__gte=since)
    courses = Course.objects.filter(status=CourseStatus.PUBLISHED).filter(
        Exists(coming.filter(course=OuterRef("pk")))
    )
    if filters.kind:
        courses = courses.filter(kind=filters.kind)
    if filters.language:
        courses = courses.filter(
            Q(taught_language=filters.language) | Q(languages__icontains=f'"{filters.language}"')
        )
    if filters.level:
        courses = courses.filter(cefr_level=filters.level)
    if filters.place:
        courses = courses.filter(
            Q(place__icontains=filters.place)
            | Q(place_fr__icontains=filters.place)
            | Q(place_de__icontains=filters.place)
            | Q(address__icontains=filters.place)
        )
    courses = with_seats(courses)
    if filters.free_seats:
        courses = courses.filter(**{"seats_left__gt": 0})  # an annotation
    return (
        courses.annotate(
            next_start=Min("sessions__starts_at", filter=Q(sessions__starts_at__gte=since))
        )
        .select_related("provider")
        .prefetch_related(
            Prefetch("sessions", queryset=coming.order_by("starts_at"), to_attr="coming_sessions")
        )
        .order_by("next_start", "pk")
    )


def published_course(course_id) -> Course | None:
    """A published or cancelled course for its public page, with seats and sessions."""
    return (
        with_seats(Course.objects.filter(pk=course_id).exclude(status=CourseStatus.DRAFT))
        .select_related("provider")
        .prefetch_related("sessions")
        .first()
    )


def coming_sessions(kind: str, today: date, limit: int) -> list[CourseSession]:
    """The next sessions of published courses of a kind (the formalities document)."""
    return list(
        CourseSession.objects.filter(
            course__kind=kind,
            course__status=CourseStatus.PUBLISHED,
            starts_at__gte=clock.start_of_day(today),
        )
        .select_related("course", "course__provider")
        .order_by("starts_at", "pk")[:limit]
    )


def orientation_days_scheduled(today: date) -> int:
    """Orientation days (sessions of published orientation courses) in the coming 12 months."""
    start = clock.start_of_day(today)
    return CourseSession.objects.filter(
        course__kind=CourseKind.ORIENTATION,
        course__status=CourseStatus.PUBLISHED,
        starts_at__gte=start,
        starts_at__lt=clock.start_of_day(anniversary(today, 1)),
    ).count()


def orientation_days_warning(today: date) -> tuple[int, int]:
    """(orientation days scheduled in the coming twelve months, how many are missing):
    officers are warned when some are missing (seed: "held at least twice a year")."""
    scheduled = orientation_days_scheduled(today)
    return scheduled, orientation_days_missing(scheduled, today)


# The obligation of the contract that each kind of course meets (seed: language training,
# literacy classes among it; the citizenship course; orientation days).
OBLIGATION_OF_COURSE = {
    CourseKind.LANGUAGE: Obligation.LANGUAGE_TRAINING,
    CourseKind.LITERACY: Obligation.LANGUAGE_TRAINING,
    CourseKind.CITIZENSHIP: Obligation.CITIZENSHIP_COURSE,
    CourseKind.ORIENTATION: Obligation.ORIENTATION_DAY,
}
# The catalogue's kind filter for each obligation ("Find a course").
COURSE_KIND_OF_OBLIGATION = {
    Obligation.LANGUAGE_TRAINING: CourseKind.LANGUAGE,
    Obligation.CITIZENSHIP_COURSE: CourseKind.CITIZENSHIP,
    Obligation.ORIENTATION_DAY: CourseKind.ORIENTATION,
}


def current_enrolments_by_obligation(candidate) -> dict[str, list[Enrolment]]:
    """The person's enrolments still current (enrolled or waiting, in a course not
    cancelled), by the obligation their course counts towards, with `first_start`."""
    rows = (
        Enrolment.objects.filter(
            candidate=candidate,
            status__in=[EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITLISTED],
        )
        .exclude(course__status=CourseStatus.CANCELLED)
        .select_related("course__provider")
        .annotate(first_start=Min("course__sessions__starts_at"))
        .order_by("first_start", "pk")
    )
    found: dict[str, list[Enrolment]] = {}
    for enrolment in rows:
        found.setdefault(OBLIGATION_OF_COURSE[CourseKind(enrolment.course.kind)], []).append(
            enrolment
        )
    return found
