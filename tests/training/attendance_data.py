"""Test data for attendance: a provider's course with sessions and enrolled people
(Enrolment rows made directly; the enrolment service is another part's)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from accueil.accounts.models import Organisation
from accueil.training.models import (
    Course,
    CourseKind,
    CourseSession,
    CourseStatus,
    Enrolment,
    EnrolmentStatus,
)
from tests import factories

LUX = ZoneInfo("Europe/Luxembourg")
FIRST = datetime(2026, 3, 2, 9, 0, tzinfo=LUX)  # a Monday; sessions 09:00-11:30


def course(
    provider: Organisation,
    *,
    sessions: int = 3,
    people: int = 2,
    kind: str = CourseKind.LANGUAGE,
    capacity: int = 20,
) -> Course:
    made = Course.objects.create(
        provider=provider,
        kind=kind,
        title="Luxembourgish A1",
        title_fr="Luxembourgeois A1",
        title_de="Luxemburgisch A1",
        taught_language="lb" if kind in (CourseKind.LANGUAGE, CourseKind.LITERACY) else "",
        languages=["lb"],
        cefr_level="A1" if kind == CourseKind.LANGUAGE else "",
        capacity=max(capacity, people),
        fee=300 if kind == CourseKind.LANGUAGE else 0,
        reduced_fee=100 if kind == CourseKind.LANGUAGE else 0,
        place="Town hall",
        address="1 place de la Gare, L-1616 Luxembourg",
        status=CourseStatus.PUBLISHED,
    )
    CourseSession.objects.bulk_create(
        CourseSession(
            course=made,
            starts_at=FIRST + timedelta(days=7 * n),
            ends_at=FIRST + timedelta(days=7 * n, hours=2, minutes=30),
        )
        for n in range(sessions)
    )
    for _n in range(people):
        enrol(made)
    return made


def enrol(course: Course, status: str = EnrolmentStatus.ENROLLED) -> Enrolment:
    return Enrolment.objects.create(course=course, candidate=factories.candidate(), status=status)


def session_start(session: CourseSession) -> str:
    return session.starts_at.astimezone(LUX).strftime("%Y-%m-%d %H:%M")


def csv_bytes(rows: list[list], *, separator: str = ";", encoding: str = "utf-8") -> bytes:
    lines = [separator.join(["enrolment", "session", "status", "hours"])]
    lines += [separator.join(str(cell) for cell in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)
