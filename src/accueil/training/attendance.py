"""Recording attendance and the skills-assessment report (issue 12, points 6-7).

Every way in (the provider's grid, a CSV upload, the API) builds `Entry` values and
hands them to `attendance_apply`, which writes only what changes, in one transaction,
under the course's row lock, and audits one event per session changed. A CSV file is
read whole by `read_attendance_csv` first: every bad line is reported with its number
and reason, and nothing is applied unless the whole file is valid; applying the same
file twice changes nothing (the rows are already as the file says).

The CSV format (docs/attendance-csv.md): a header naming the columns `enrolment`,
`session`, `status` and `hours` (any order, other columns such as `name` ignored),
separated by `;` or `,`; UTF-8 with or without Excel's byte-order mark, or Windows-1252
as Excel writes "CSV (semicolon separated)". `session` is the session's start in
Luxembourg time (2026-03-27 09:30, 27/03/2026 09:30 or 27.03.2026 09:30); `status` is
present, absent or excused (in English, French or German); `hours` may be empty (all
of the session when present, 0 otherwise) and takes a decimal point or comma.

Attendance is recorded only for a session that has begun (seed, "Language training":
attendance "is documented in an attendance certificate"; what has not happened yet
cannot be documented, only guessed): `session_open` says so against one "now" per
request, every way in refuses the others with `not_started_message`, and
`attendance_apply` refuses them again whatever its caller checked.
"""

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accueil.accounts.models import User
from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.core.clock import LUXEMBOURG
from accueil.training.models import (
    Attendance,
    AttendanceStatus,
    Course,
    CourseKind,
    CourseSession,
    Enrolment,
    EnrolmentStatus,
    SkillsAssessment,
)
from accueil.training.models.attendance import LEVELS, SKILLS

# What other apps use, re-exported by training.services.
__all__ = [
    "Applied",
    "AttendanceError",
    "Entry",
    "SessionNotStarted",
    "attendance_apply",
    "checked_hours",
    "not_started_message",
    "session_attendance",
    "session_hours",
    "session_open",
    "skills_assessment_save",
    "skills_assessments_for",
]

MAX_HOURS = Decimal("99.99")  # the largest the column holds
CENT = Decimal("0.01")
MAX_CSV_LINES = 50_000
COLUMNS = ("enrolment", "session", "status", "hours")
SESSION_FORMATS = (
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
)
# The words a provider may type for each status, in the service's three languages.
STATUS_WORDS = {
    "present": AttendanceStatus.PRESENT,
    "présent": AttendanceStatus.PRESENT,
    "présente": AttendanceStatus.PRESENT,
    "anwesend": AttendanceStatus.PRESENT,
    "absent": AttendanceStatus.ABSENT,
    "absente": AttendanceStatus.ABSENT,
    "abwesend": AttendanceStatus.ABSENT,
    "excused": AttendanceStatus.EXCUSED,
    "excusé": AttendanceStatus.EXCUSED,
    "excusée": AttendanceStatus.EXCUSED,
    "entschuldigt": AttendanceStatus.EXCUSED,
}


class AttendanceError(ValueError):
    """A value the rules of attendance refuse; its text is for the person who typed it."""


@dataclass(frozen=True)
class Entry:
    enrolment_id: int
    session_id: int
    status: str
    hours: Decimal


@dataclass
class Applied:
    created: int = 0
    changed: int = 0
    unchanged: int = 0

    @property
    def written(self) -> int:
        return self.created + self.changed


def session_hours(session: CourseSession) -> Decimal:
    """The session's length in hours, to the hundredth (at most what the column holds)."""
    seconds = Decimal((session.ends_at - session.starts_at).total_seconds())
    return min((seconds / 3600).quantize(CENT, rounding=ROUND_HALF_UP), MAX_HOURS)


def session_open(session: CourseSession, now: datetime) -> bool:
    """Whether attendance may be recorded for the session: it has begun by `now`."""
    return session.starts_at <= now


def not_started_message(session: CourseSession) -> str:
    """Why a session's attendance is refused, with its start in the reader's language."""
    start = date_format(session.starts_at.astimezone(LUXEMBOURG), "DATETIME_FORMAT")
    return _("This session has not started yet: attendance can be recorded from %(start)s") % {
        "start": start
    }


class SessionNotStarted(AttendanceError):
    """Entries for a session that has not begun: nothing is written."""

    def __init__(self, session: CourseSession):
        super().__init__(not_started_message(session))
        self.session = session


def parse_status(text: str) -> str:
    status = STATUS_WORDS.get(text.strip().lower())
    if status is None:
        raise AttendanceError(_("The status must be present, absent or excused"))
    return status


def checked_hours(status: str, text: str, length: Decimal) -> Decimal:
    """The hours typed for this status, or the default: all of the session when
    present, none otherwise. Raises AttendanceError with the reason."""
    text = text.strip().replace(",", ".")
    if not text:
        return length if status == AttendanceStatus.PRESENT else Decimal(0)
    try:
        hours = Decimal(text)
    except InvalidOperation:
        raise AttendanceError(_("Enter the hours as a number, like 1.5")) from None
    if not hours.is_finite():
        raise AttendanceError(_("Enter the hours as a number, like 1.5"))
    if hours < 0:
        raise AttendanceError(_("The hours cannot be negative"))
    if hours != hours.quantize(CENT, rounding=ROUND_HALF_UP):
        raise AttendanceError(_("Enter the hours with at most 2 decimals, like 1.25"))
    if status != AttendanceStatus.PRESENT and hours != 0:
        raise AttendanceError(_("Someone absent or excused attended 0 hours"))
    if hours > length:
        raise AttendanceError(
            _("The hours must be %(length)s or fewer: the session lasts %(length)s hours")
            % {"length": length.normalize()}
        )
    return hours.quantize(CENT)


# Reading ------------------------------------------------------------------------------


def enrolled(course: Course) -> QuerySet[Enrolment]:
    """The course's participants (enrolled, not waiting or cancelled), by name."""
    return (
        Enrolment.objects.filter(course=course, status=EnrolmentStatus.ENROLLED)
        .select_related("candidate")
        .order_by("candidate__surname", "candidate__first_name", "pk")
    )


@dataclass
class Grid:
    course: Course
    sessions: list[CourseSession]
    enrolments: list[Enrolment]
    # (enrolment id, session id) -> attendance
    cells: dict[tuple[int, int], Attendance] = field(default_factory=dict)
    # The moment the grid was read: the sessions begun by then are open to recording.
    now: datetime = field(default_factory=timezone.now)

    def is_open(self, session: CourseSession) -> bool:
        return session_open(session, self.now)

    @property
    def open_sessions(self) -> list[CourseSession]:
        return [session for session in self.sessions if self.is_open(session)]


def attendance_grid(course: Course, now: datetime | None = None) -> Grid:
    """Participants × sessions in three queries, however many there are."""
    sessions = list(course.sessions.order_by("starts_at", "pk"))
    enrolments = list(enrolled(course))
    cells = {
        (row.enrolment_id, row.session_id): row
        for row in Attendance.objects.filter(session__course=course).only(
            "enrolment_id", "session_id", "status", "hours"
        )
    }
    return Grid(
        course=course,
        sessions=sessions,
        enrolments=enrolments,
        cells=cells,
        now=now or timezone.now(),
    )


def session_attendance(session: CourseSession) -> list[tuple[Enrolment, Attendance | None]]:
    """Each participant of the session's course with their attendance at it, if recorded."""
    rows = {row.enrolment_id: row for row in Attendance.objects.filter(session=session)}
    return [(enrolment, rows.get(enrolment.pk)) for enrolment in enrolled(session.course)]


# Writing ------------------------------------------------------------------------------


@transaction.atomic
def attendance_apply(
    *,
    course: Course,
    entries: list[Entry],
    actor: User,
    source: str = "grid",
    now: datetime | None = None,
) -> Applied:
    """Write the entries (already checked against the course) that change something.
    Idempotent: entries equal to what is recorded are left alone. Raises
    SessionNotStarted, writing nothing, if an entry is for a session not begun by `now`
    (the callers refuse those first, with the same `now`: this is the last guard)."""
    now = now or timezone.now()
    Course.objects.select_for_update().filter(pk=course.pk).first()
    session_ids = {entry.session_id for entry in entries}
    early = (
        CourseSession.objects.filter(pk__in=session_ids, starts_at__gt=now)
        .order_by("starts_at", "pk")
        .first()
    )
    if early is not None:
        raise SessionNotStarted(early)
    existing = {
        (row[0], row[1]): (row[2], row[3])
        for row in Attendance.objects.filter(session_id__in=session_ids).values_list(
            "enrolment_id", "session_id", "status", "hours"
        )
    }
    result = Applied()
    writes: list[Attendance] = []
    per_session: dict[int, int] = defaultdict(int)
    for entry in entries:
        key = (entry.enrolment_id, entry.session_id)
        before = existing.get(key)
        if before == (entry.status, entry.hours):
            result.unchanged += 1
            continue
        if before is None:
            result.created += 1
        else:
            result.changed += 1
        per_session[entry.session_id] += 1
        writes.append(
            Attendance(
                enrolment_id=entry.enrolment_id,
                session_id=entry.session_id,
                status=entry.status,
                hours=entry.hours,
                recorded_by=actor,
                recorded_at=now,
            )
        )
    if writes:
        Attendance.objects.bulk_create(
            writes,
            batch_size=2000,
            update_conflicts=True,
            unique_fields=["enrolment", "session"],
            update_fields=["status", "hours", "recorded_by", "recorded_at"],
        )
    sessions = CourseSession.objects.in_bulk(per_session)
    for session_id, count in sorted(per_session.items()):
        audit_record(
            action=Action.UPDATE,
            actor=actor,
            target=sessions[session_id],
            fields=["attendance"],
            reason=f"{count} attendance rows recorded ({source.lower()})",
        )
    return result


# CSV ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class LineError:
    line: int
    message: str


@dataclass
class CsvReading:
    entries: list[Entry] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)
    problem: str = ""  # the whole file refused (encoding, header, empty ...)

    @property
    def valid(self) -> bool:
        return not self.problem and not self.errors


def decode(data: bytes) -> str:
    """UTF-8 (with or without the byte-order mark Excel adds), else Windows-1252 as
    Excel writes it; AttendanceError for anything else."""
    if b"\x00" in data:
        raise AttendanceError(
            _("This file is not a CSV file. Save the spreadsheet as CSV and upload that.")
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise AttendanceError(
            _("The file's characters cannot be read. Save it as CSV UTF-8 and upload it again.")
        ) from None


def _header(first_line: str) -> tuple[str, list[str]]:
    """The separator and the column names, or AttendanceError saying what is wrong."""
    best: tuple[str, list[str]] = (";", [])
    for separator in (";", ","):
        names = [
            name.strip().lower() for name in next(csv.reader([first_line], delimiter=separator))
        ]
        if all(column in names for column in COLUMNS):
            return separator, names
        if len(names) > len(best[1]):
            best = (separator, names)
    if len(best[1]) <= 1:
        raise AttendanceError(
            _(
                "The columns must be separated by semicolons (;) or commas (,), and the "
                "first line must name them: %(columns)s"
            )
            % {"columns": ", ".join(COLUMNS)}
        )
    missing = [column for column in COLUMNS if column not in best[1]]
    raise AttendanceError(
        _("The first line must name the columns %(columns)s. Missing: %(missing)s")
        % {"columns": ", ".join(COLUMNS), "missing": ", ".join(missing)}
    )


def _session_start(text: str) -> datetime | None:
    text = text.strip()
    for pattern in SESSION_FORMATS:
        try:
            return datetime.strptime(text, pattern).replace(tzinfo=LUXEMBOURG)
        except ValueError:
            continue
    return None


def read_attendance_csv(data: bytes, course: Course, now: datetime | None = None) -> CsvReading:
    """Check a whole file against the course; the entries only if every line is valid.
    A line for a session not begun by `now` is refused like any other bad line."""
    now = now or timezone.now()
    reading = CsvReading()
    if not data.strip():
        reading.problem = _("The file is empty.")
        return reading
    try:
        text = decode(data)
        lines = text.splitlines()
        while lines and not lines[0].strip():
            lines.pop(0)
        if not lines:
            raise AttendanceError(_("The file is empty."))
        separator, names = _header(lines[0])
    except AttendanceError as refusal:
        reading.problem = str(refusal)
        return reading
    if len(lines) > MAX_CSV_LINES + 1:
        reading.problem = _(
            "The file has more than %(count)s lines. Split it and upload each part."
        ) % {"count": MAX_CSV_LINES}
        return reading
    where = {column: names.index(column) for column in COLUMNS}
    enrolment_ids = set(
        Enrolment.objects.filter(course=course, status=EnrolmentStatus.ENROLLED).values_list(
            "pk", flat=True
        )
    )
    sessions = {session.starts_at: session for session in course.sessions.all()}
    lengths = {session.pk: session_hours(session) for session in sessions.values()}
    starts: dict[str, CourseSession | None] = {}
    seen: dict[tuple[int, int], int] = {}
    entries: list[Entry] = []
    errors = reading.errors
    width = len(names)
    found_any = False
    for line_number, row in enumerate(csv.reader(lines[1:], delimiter=separator), start=2):
        if not any(cell.strip() for cell in row):
            continue  # blank lines, which spreadsheets often leave at the end
        found_any = True
        if len(row) != width:
            errors.append(
                LineError(
                    line_number,
                    _("This line has %(found)s columns; the first line has %(expected)s")
                    % {"found": len(row), "expected": width},
                )
            )
            continue
        reference = row[where["enrolment"]].strip()
        enrolment_id = int(reference) if reference.isdigit() and len(reference) < 19 else None
        if enrolment_id is None or enrolment_id not in enrolment_ids:
            errors.append(
                LineError(
                    line_number,
                    _("No participant of this course has the enrolment number “%(value)s”")
                    % {"value": reference[:40]},
                )
            )
            continue
        start_text = row[where["session"]]
        if start_text not in starts:
            moment = _session_start(start_text)
            starts[start_text] = sessions.get(moment) if moment else None
            if moment is None:
                errors.append(
                    LineError(
                        line_number,
                        _("Write the session's start as a date and time, like 2026-03-27 09:30"),
                    )
                )
                starts.pop(start_text)
                continue
        session = starts[start_text]
        if session is None:
            errors.append(
                LineError(
                    line_number,
                    _("This course has no session starting at %(value)s")
                    % {"value": start_text.strip()[:40]},
                )
            )
            continue
        if not session_open(session, now):
            errors.append(LineError(line_number, not_started_message(session)))
            continue
        try:
            status = parse_status(row[where["status"]])
            hours = checked_hours(status, row[where["hours"]], lengths[session.pk])
        except AttendanceError as refusal:
            errors.append(LineError(line_number, str(refusal)))
            continue
        key = (enrolment_id, session.pk)
        if key in seen:
            errors.append(
                LineError(
                    line_number,
                    _("This participant and session are already on line %(line)s")
                    % {"line": seen[key]},
                )
            )
            continue
        seen[key] = line_number
        entries.append(Entry(enrolment_id, session.pk, status, hours))
    if not found_any:
        reading.problem = _("The file has no attendance lines under its first line.")
    elif not errors:
        reading.entries = entries
    return reading


def spreadsheet_safe(text: str) -> str:
    """A cell a spreadsheet will not run as a formula (OWASP "CSV injection")."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def attendance_csv_template(course: Course, now: datetime | None = None) -> str:
    """A CSV of every participant × session begun by `now`, with what is recorded so
    far, to fill in. The sessions to come are left out: a line for one would be refused,
    and a file that lists them would be refused whole until they are deleted."""
    grid = attendance_grid(course, now)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["enrolment", "name", "session", "status", "hours"])
    for session in grid.open_sessions:
        start = session.starts_at.astimezone(LUXEMBOURG).strftime("%Y-%m-%d %H:%M")
        for enrolment in grid.enrolments:
            cell = grid.cells.get((enrolment.pk, session.pk))
            writer.writerow(
                [
                    enrolment.pk,
                    spreadsheet_safe(str(enrolment.candidate)),
                    start,
                    cell.status if cell else "",
                    str(cell.hours) if cell else "",
                ]
            )
    return out.getvalue()


# The skills-assessment report -----------------------------------------------------------


def assessable(enrolment: Enrolment) -> bool:
    """The report is for language courses (seed, "Language training")."""
    return (
        enrolment.course.kind == CourseKind.LANGUAGE
        and enrolment.status == EnrolmentStatus.ENROLLED
    )


@transaction.atomic
def skills_assessment_save(
    *, enrolment: Enrolment, levels: dict[str, str], actor: User
) -> SkillsAssessment:
    if not assessable(enrolment):
        raise AttendanceError(_("Only participants of a language course have a skills assessment"))
    for skill in SKILLS:
        if levels.get(skill, "") not in ("", *LEVELS):
            raise AttendanceError(_("Select a level from the list"))
    assessment, created = SkillsAssessment.objects.select_for_update().get_or_create(
        enrolment=enrolment,
        defaults={
            **{skill: levels.get(skill, "") for skill in SKILLS},
            "recorded_by": actor,
            "recorded_at": timezone.now(),
        },
    )
    if created:
        audit_record(
            action=Action.CREATE,
            actor=actor,
            target=assessment,
            fields=SKILLS,
            subject=enrolment.candidate_id,
        )
        return assessment
    changed = [skill for skill in SKILLS if getattr(assessment, skill) != levels.get(skill, "")]
    if changed:
        for skill in changed:
            setattr(assessment, skill, levels.get(skill, ""))
        assessment.recorded_by, assessment.recorded_at = actor, timezone.now()
        assessment.save()
        audit_record(
            action=Action.UPDATE,
            actor=actor,
            target=assessment,
            fields=changed,
            subject=enrolment.candidate_id,
        )
    return assessment


def skills_assessments_for(candidate) -> QuerySet[SkillsAssessment]:
    """A person's reports, for their own page."""
    return (
        SkillsAssessment.objects.filter(enrolment__candidate=candidate)
        .select_related("enrolment__course__provider")
        .order_by("-recorded_at")
    )
