"""Uploads of one course's attendance at the same moment (two members of staff, or a
double submission): each file is applied whole, one after the other under the course's
row lock, never interleaved, and never two rows for one person and session.
PostgreSQL only: SQLite serialises every write and would prove nothing."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, transaction

from accueil.accounts.models import Role
from accueil.training.attendance import attendance_apply, read_attendance_csv
from accueil.training.models import Attendance
from tests import factories
from tests.training import attendance_data as data

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
UPLOADS = 12


@pytest.fixture(autouse=True)
def on_postgres(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locking); SQLite serialises every write")


def test_simultaneous_uploads_are_each_applied_whole(transactional_db):
    staff = factories.user(Role.PROVIDER)
    course = data.course(staff.organisation, sessions=5, people=8)
    sessions = list(course.sessions.all())
    people = list(course.enrolments.all())
    files = [
        data.csv_bytes(
            [
                [enrolment.pk, data.session_start(session), ("present", "absent")[n % 2], ""]
                for session in sessions
                for enrolment in people
            ]
        )
        for n in range(UPLOADS)
    ]

    def upload(raw: bytes) -> int:
        try:
            with transaction.atomic():
                reading = read_attendance_csv(raw, course)
                return attendance_apply(course=course, entries=reading.entries, actor=staff).written
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=UPLOADS) as pool:
        written = list(pool.map(upload, files))
    rows = Attendance.objects.filter(session__course=course)
    assert rows.count() == len(sessions) * len(people)
    # One file won last and all its rows are there: never half of one and half of another.
    assert rows.values("status").distinct().count() == 1
    assert written.count(0) <= UPLOADS - 1 and max(written) == len(sessions) * len(people)
