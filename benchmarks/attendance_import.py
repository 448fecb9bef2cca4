"""Benchmark: an attendance CSV of 10,000 rows checked and recorded (issue 12, point 10).

    .venv/bin/python benchmarks/attendance_import.py [--rows 10000] [--rounds 5]
        [--database-url postgres://postgres@127.0.0.1:5432/accueil_attendance_bench]
        [--backend sqlite|postgres|both]

For each database (SQLite in a temporary file, then PostgreSQL, each in its own process
on a freshly created database), makes one provider's course with 100 sessions, all held
already (the last a week ago: attendance is recorded only for a session begun), and
rows/100 enrolled people, writes the CSV file a provider would upload (the course's
template filled in: enrolment;name;session;status;hours, 10,000 lines), then measures,
alternately and `--rounds` times each, with the attendance table emptied before each:

- bare: `Attendance.objects.bulk_create` of the same 10,000 rows, built from known ids
  (no reading, no checks, no audit), in one transaction: the ceiling;
- Accueil: `read_attendance_csv` (decode, header, every line checked against the course)
  then `attendance_apply` (the course's lock, what is recorded, the upsert, the audit),
  in one transaction, as the upload page does;

and once more Accueil with the same file again (nothing to change). It prints the median
of each, their ratio (Accueil / bare) and whether the target is met: Accueil under 5 s
and within 3× of the bare insert, on each database.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SESSIONS = 100
TARGET_SECONDS = 5.0
TARGET_RATIO = 3.0


def setup(url: str) -> None:
    if url.startswith("postgres"):
        parts = urlsplit(url)
        name = parts.path.lstrip("/")
        if parts.hostname not in ("127.0.0.1", "localhost") or "bench" not in name:
            sys.exit("refusing: the database must be local and its name contain 'bench'")
        admin = url.rsplit("/", 1)[0] + "/postgres"
        for sql in (f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}"):
            subprocess.run(["psql", admin, "-qc", sql], check=True)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="accueil.settings",
        DATABASE_URL=url,
        DEBUG="false",
        SECRET_KEY="benchmark-only",  # noqa: S106
        ALLOWED_HOSTS="testserver",
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def fill(rows: int):
    from datetime import datetime, time, timedelta
    from zoneinfo import ZoneInfo

    from accueil.accounts.models import Organisation, OrganisationKind, Role, User
    from accueil.core import national_id
    from accueil.registration.models import Candidate
    from accueil.training.attendance import attendance_csv_template
    from accueil.training.models import Course, CourseSession, Enrolment

    provider = Organisation.objects.create(name="Bench school", kind=OrganisationKind.ASSOCIATION)
    staff = User.objects.create_user(
        "bench-provider@example.org", "x" * 16, role=Role.PROVIDER, organisation=provider
    )
    people = max(rows // SESSIONS, 1)
    course = Course.objects.create(
        provider=provider,
        kind="language",
        title="Luxembourgish A1",
        taught_language="lb",
        languages=["lb"],
        cefr_level="A1",
        capacity=people,
        fee=300,
        reduced_fee=100,
        place="Town hall",
        address="1 place de la Gare",
        status="published",
    )
    # Every session held already (attendance is recorded only for a session begun): the
    # last one a week ago, whatever day the benchmark runs.
    lux = ZoneInfo("Europe/Luxembourg")
    last_day = datetime.now(lux).date() - timedelta(days=7)
    first = datetime.combine(last_day - timedelta(days=2 * (SESSIONS - 1)), time(18), tzinfo=lux)
    CourseSession.objects.bulk_create(
        CourseSession(
            course=course,
            starts_at=first + timedelta(days=2 * n),
            ends_at=first + timedelta(days=2 * n, hours=2),
        )
        for n in range(SESSIONS)
    )
    born = datetime(1980, 1, 1).date()
    candidates = Candidate.objects.bulk_create(
        Candidate(
            surname=f"Surname{n}",
            first_name="Ana",
            national_id=national_id.make(born + timedelta(days=n // 1000), n % 1000),
            birth_date=born + timedelta(days=n // 1000),
            phone="+352 621 000 000",
            email=f"person{n}@example.org",
            nationalities=["PT"],
            information_language="fr",
            channel="online",
            legal_residence_confirmed=True,
            wishes_to_settle=True,
        )
        for n in range(people)
    )
    Enrolment.objects.bulk_create(Enrolment(course=course, candidate=c) for c in candidates)
    # The template filled in as a provider would: mostly present, some absent or excused.
    lines = attendance_csv_template(course).split("\r\n")
    filled = [lines[0]]
    for n, line in enumerate(line for line in lines[1:] if line):
        base = line.rsplit(";", 2)[0]
        status, hours = [("present", ""), ("present", "1,5"), ("absent", ""), ("excused", "")][
            n % 4
        ]
        filled.append(f"{base};{status};{hours}")
    data = ("\ufeff" + "\r\n".join(filled) + "\r\n").encode("utf-8")
    return staff, course, data


def bare_rows(course, status_cycle=("present", "present", "absent", "excused")):
    from decimal import Decimal

    from django.utils import timezone

    from accueil.training.models import Attendance

    sessions = list(course.sessions.values_list("pk", flat=True))
    people = list(course.enrolments.order_by("pk").values_list("pk", flat=True))
    now = timezone.now()
    hours = {"present": Decimal("2.00"), "absent": Decimal(0), "excused": Decimal(0)}

    def build():
        return [
            Attendance(
                enrolment_id=e,
                session_id=s,
                status=status_cycle[n % 4],
                hours=hours[status_cycle[n % 4]],
                recorded_at=now,
            )
            for n, (s, e) in enumerate((s, e) for s in sessions for e in people)
        ]

    return build


def run_one(url: str, rows: int, rounds: int) -> dict:
    setup(url)
    from django.db import connection, transaction

    from accueil.training.attendance import attendance_apply, read_attendance_csv
    from accueil.training.models import Attendance

    staff, course, data = fill(rows)
    build = bare_rows(course)

    def bare() -> float:
        Attendance.objects.all().delete()
        start = time.perf_counter()
        with transaction.atomic():
            Attendance.objects.bulk_create(build(), batch_size=2000)
        return time.perf_counter() - start

    def accueil() -> tuple[float, object]:
        start = time.perf_counter()
        with transaction.atomic():
            reading = read_attendance_csv(data, course)
            assert reading.valid, (reading.problem, reading.errors[:5])
            applied = attendance_apply(
                course=course, entries=reading.entries, actor=staff, source="CSV"
            )
        return time.perf_counter() - start, applied

    bare()  # warm-up: caches, the first connection
    Attendance.objects.all().delete()
    accueil()
    times: dict[str, list[float]] = {"bare": [], "accueil": []}
    for _ in range(rounds):
        times["bare"].append(bare())
        Attendance.objects.all().delete()
        spent, applied = accueil()
        times["accueil"].append(spent)
        assert applied.created == rows, applied  # type: ignore[attr-defined]
    again, applied = accueil()
    assert applied.written == 0, applied  # type: ignore[attr-defined]
    count = Attendance.objects.count()
    return {
        "backend": connection.vendor,
        "rows": count,
        "lines": data.count(b"\r\n") - 1,
        "bytes": len(data),
        "bare": times["bare"],
        "accueil": times["accueil"],
        "again": again,
    }


def report(result: dict) -> bool:
    bare, accueil = statistics.median(result["bare"]), statistics.median(result["accueil"])
    ratio = accueil / bare
    pairs = ", ".join(
        f"{a / b:.2f}" for a, b in zip(result["accueil"], result["bare"], strict=True)
    )
    ok = accueil < TARGET_SECONDS and ratio <= TARGET_RATIO
    print(
        f"{result['backend']:<11} {result['lines']:>6} lines ({result['bytes'] // 1024} kB)  "
        f"bare {bare:6.3f} s   Accueil {accueil:6.3f} s   ratio {ratio:4.2f} "
        f"(pairs: {pairs})   same file again {result['again']:6.3f} s   "
        f"{'OK' if ok else 'MISSED'}"
    )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/accueil_attendance_bench"
    )
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        result = run_one(args.database_url, args.rows, args.rounds)
        print(json.dumps(result))
        return
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    ok = True
    print(
        f"Target: under {TARGET_SECONDS:.0f} s and within {TARGET_RATIO:.0f}× of a bare bulk insert"
    )
    for backend in backends:
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{tmp}/bench.sqlite3" if backend == "sqlite" else args.database_url
            done = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    "--rows",
                    str(args.rows),
                    "--rounds",
                    str(args.rounds),
                    "--database-url",
                    url,
                ],
                capture_output=True,
                text=True,
                check=False,
            )
        if done.returncode:
            print(done.stdout, done.stderr)
            sys.exit(done.returncode)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        ok &= report(result)
        if backend == "postgres":
            admin = args.database_url.rsplit("/", 1)[0] + "/postgres"
            name = urlsplit(args.database_url).path.lstrip("/")
            subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {name}"], check=False)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
