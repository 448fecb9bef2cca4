"""Reading an attendance CSV: every bad line reported with its number and reason, bad
files refused with a clear message, nothing applied unless all is valid, idempotent."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from accueil.accounts.models import Role
from accueil.audit.models import AuditEvent
from accueil.training.attendance import (
    Entry,
    attendance_apply,
    attendance_csv_template,
    read_attendance_csv,
)
from accueil.training.models import Attendance, AttendanceStatus, EnrolmentStatus
from tests import factories
from tests.training import attendance_data as data

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    return factories.user(Role.PROVIDER)


@pytest.fixture
def course(staff):
    return data.course(staff.organisation, sessions=2, people=2)


def people(course):
    return list(course.enrolments.order_by("pk"))


def starts(course):
    return [data.session_start(s) for s in course.sessions.order_by("starts_at")]


def full_rows(course):
    a, b = people(course)
    first, second = starts(course)
    return [
        [a.pk, first, "present", ""],
        [b.pk, first, "absent", ""],
        [a.pk, second, "present", "1,5"],
        [b.pk, second, "excused", "0"],
    ]


def test_a_valid_file_gives_every_entry_with_default_hours(course):
    reading = read_attendance_csv(data.csv_bytes(full_rows(course)), course)
    assert reading.valid, reading.errors
    assert [(e.status, e.hours) for e in reading.entries] == [
        ("present", Decimal("2.50")),
        ("absent", Decimal("0")),
        ("present", Decimal("1.50")),
        ("excused", Decimal("0.00")),
    ]


@pytest.mark.parametrize(
    ("encoding", "separator"),
    [("utf-8", ";"), ("utf-8-sig", ";"), ("utf-8-sig", ","), ("cp1252", ";"), ("utf-8", ",")],
)
def test_excel_encodings_and_both_separators_are_read(course, encoding, separator):
    rows = full_rows(course)
    rows[0][2] = "Présent"  # a character that differs between the encodings
    raw = data.csv_bytes(rows, separator=separator, encoding=encoding)
    if separator == ",":
        raw = raw.replace(b"1,5", b"1.5")
    reading = read_attendance_csv(raw, course)
    assert reading.valid, (reading.problem, reading.errors)
    assert len(reading.entries) == 4


def test_statuses_in_french_and_german_and_other_date_formats(course):
    a, b = people(course)
    first = course.sessions.order_by("starts_at").first().starts_at.astimezone(data.LUX)
    rows = [
        [a.pk, first.strftime("%d/%m/%Y %H:%M"), "anwesend", "2"],
        [b.pk, first.strftime("%d.%m.%Y %H:%M"), "excusée", ""],
    ]
    reading = read_attendance_csv(data.csv_bytes(rows), course)
    assert reading.valid, reading.errors
    assert [e.status for e in reading.entries] == ["present", "excused"]


def test_every_bad_line_is_reported_with_its_number_and_reason(course, staff):
    a, b = people(course)
    first, second = starts(course)
    other = data.course(factories.organisation(), sessions=1, people=1)
    cancelled = data.enrol(course, status=EnrolmentStatus.CANCELLED)
    rows = [
        [a.pk, first, "present", ""],  # line 2: fine
        [other.enrolments.get().pk, first, "present", ""],  # 3: another course's person
        ["abc", first, "present", ""],  # 4: not a number
        [cancelled.pk, first, "present", ""],  # 5: not enrolled any more
        [b.pk, "2026-13-01 09:00", "present", ""],  # 6: not a date
        [b.pk, "2026-03-03 09:00", "present", ""],  # 7: no session then
        [b.pk, first, "late", ""],  # 8: unknown status
        [b.pk, second, "present", "3"],  # 9: more than the session's 2.5 hours
        [a.pk, second, "present", "-1"],  # 10: negative
        [a.pk, second, "absent", "1"],  # 11: absent with hours
        [a.pk, second, "present", "one"],  # 12: not a number
        [a.pk, second, "present", "1.125"],  # 13: three decimals
        [a.pk, first, "absent", ""],  # 14: line 2 again
    ]
    raw = data.csv_bytes(rows) + b"1;2\r\n"  # 15: too few columns
    reading = read_attendance_csv(raw, course)
    assert not reading.valid and reading.entries == []
    by_line = {error.line: error.message for error in reading.errors}
    assert sorted(by_line) == list(range(3, 16))
    assert "enrolment number" in by_line[3] and "abc" in by_line[4]
    assert "enrolment number" in by_line[5]
    assert "date and time" in by_line[6]
    assert "no session starting at 2026-03-03 09:00" in by_line[7]
    assert "present, absent or excused" in by_line[8]
    assert "2.5 or fewer" in by_line[9]
    assert "negative" in by_line[10]
    assert "0 hours" in by_line[11]
    assert "number" in by_line[12]
    assert "2 decimals" in by_line[13]
    assert "line 2" in by_line[14]
    assert "2 columns" in by_line[15]


def test_the_report_is_in_the_readers_language(course):
    raw = data.csv_bytes([[people(course)[0].pk, starts(course)[0], "late", ""]])
    with translation.override("fr"):
        fr = read_attendance_csv(raw, course).errors[0].message
    with translation.override("de"):
        de = read_attendance_csv(raw, course).errors[0].message
    assert "présent" in fr and "anwesend" in de


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (b"", "empty"),
        (b"\r\n\r\n  \r\n", "empty"),
        (b"enrolment;session;status;hours\r\n", "no attendance lines"),
        (b"enrolment\tsession\tstatus\thours\r\n1\t2\t3\t4\r\n", "separated by semicolons"),
        (b"enrolment;session;state\r\n1;2;3\r\n", "Missing: status, hours"),
        (b"PK\x03\x04\x00\x00binary", "not a CSV file"),
        ("\ufeffenrolment;session;status;hours\r\n".encode("utf-16"), "not a CSV file"),
        (b"enrolment;session;status;hours\r\n\x81\x8d;\x8f;\x90\r\n", "cannot be read"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(course, raw, says):
    reading = read_attendance_csv(raw, course)
    assert not reading.valid
    assert says in reading.problem


def test_nothing_is_applied_unless_the_whole_file_is_valid(course, staff):
    rows = full_rows(course)
    rows[-1][3] = "9"
    reading = read_attendance_csv(data.csv_bytes(rows), course)
    assert reading.entries == []
    assert Attendance.objects.count() == 0


def test_applying_the_same_file_twice_changes_nothing(course, staff):
    raw = data.csv_bytes(full_rows(course))
    first = attendance_apply(
        course=course, entries=read_attendance_csv(raw, course).entries, actor=staff
    )
    assert (first.created, first.changed, first.unchanged) == (4, 0, 0)
    recorded = list(Attendance.objects.values_list("pk", "recorded_at", "status", "hours"))
    events = AuditEvent.objects.count()
    second = attendance_apply(
        course=course, entries=read_attendance_csv(raw, course).entries, actor=staff
    )
    assert (second.created, second.changed, second.unchanged) == (0, 0, 4)
    assert list(Attendance.objects.values_list("pk", "recorded_at", "status", "hours")) == recorded
    assert AuditEvent.objects.count() == events


def test_a_changed_line_updates_its_row_and_is_audited_per_session(course, staff):
    raw = data.csv_bytes(full_rows(course))
    attendance_apply(course=course, entries=read_attendance_csv(raw, course).entries, actor=staff)
    assert AuditEvent.objects.filter(target_type="training.coursesession").count() == 2
    rows = full_rows(course)
    rows[1][2] = "present"
    applied = attendance_apply(
        course=course,
        entries=read_attendance_csv(data.csv_bytes(rows), course).entries,
        actor=staff,
    )
    assert (applied.created, applied.changed, applied.unchanged) == (0, 1, 3)
    row = Attendance.objects.get(enrolment=people(course)[1], session__starts_at=data.FIRST)
    assert (row.status, row.hours, row.recorded_by) == ("present", Decimal("2.50"), staff)
    assert AuditEvent.objects.filter(target_type="training.coursesession").count() == 3


def test_one_row_per_person_and_session_in_the_database(course, staff):
    a = people(course)[0]
    session = course.sessions.first()
    attendance_apply(
        course=course,
        entries=[Entry(a.pk, session.pk, AttendanceStatus.ABSENT, Decimal(0))],
        actor=staff,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(
            enrolment=a, session=session, status="present", hours=1, recorded_at=session.starts_at
        )


def test_the_template_lists_every_participant_and_session_and_reads_back(course, staff):
    text = attendance_csv_template(course)
    lines = text.strip().split("\r\n")
    assert lines[0] == "enrolment;name;session;status;hours"
    assert len(lines) == 1 + 2 * 2
    # Filled in, it is a valid file.
    filled = "\r\n".join(
        [lines[0]] + [line[: line.rindex(";") - 1] + ";present;" for line in lines[1:]]
    )
    reading = read_attendance_csv(filled.encode(), course)
    assert reading.valid, (reading.problem, reading.errors)
    assert len(reading.entries) == 4


def test_the_template_never_hands_a_spreadsheet_a_formula(course):
    person = people(course)[0].candidate
    person.surname = "=HYPERLINK(x)"
    person.save()
    text = attendance_csv_template(course)
    assert ";'=HYPERLINK(X)" in text and ";=HYPERLINK" not in text
