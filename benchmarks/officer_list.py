"""Benchmark: the officers' candidate list and search with 100,000 candidates.

    .venv/bin/python benchmarks/officer_list.py [--candidates 100000]
        [--database-url postgres://postgres@127.0.0.1:5432/accueil_listbench]

Recreates the database, fills it (candidates with contracts in every status,
information sessions and bookings), then times each kind of page an officer opens
(first page, name search, identification number, contract number, status, session,
end of term, a deep page) through Django's full request stack, 20 times each, and
prints the median and p95 in milliseconds with the number of SQL queries per page.
Target: every page under 300 ms.
"""

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SURNAMES = [
    "Silva",
    "Pereira",
    "Santos",
    "Ferreira",
    "Rossi",
    "Müller",
    "Schmit",
    "Weber",
    "Haddad",
    "Diallo",
    "Nguyen",
    "Chen",
    "Kowalski",
    "Yilmaz",
    "Mensah",
    "Sharma",
    "Kovalenko",
    "Hoffmann",
    "Costa",
    "Martins",
]
FIRST = [
    "Ana",
    "Lucas",
    "Amina",
    "Rahul",
    "Sofia",
    "Kwame",
    "Mehmet",
    "Fatima",
    "Jan",
    "Olena",
    "Wei",
    "Linh",
    "Chidi",
    "Layla",
]
STATUSES = [
    "draft",
    "in_force",
    "in_force",
    "in_force",
    "under_review",
    "fulfilled",
    "not_fulfilled",
    "withdrawn",
]


def prepare(url: str) -> None:
    parts = urlsplit(url)
    name, admin = parts.path.lstrip("/"), url.rsplit("/", 1)[0] + "/postgres"
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
    call_command("createcachetable", verbosity=0)


def fill(count: int) -> dict:
    from django.utils import timezone

    from accueil.booking.models import Booking, InformationSession
    from accueil.contracts.models import Contract
    from accueil.core import national_id
    from accueil.registration.models import Candidate

    rng = random.Random(2026)
    today = timezone.localdate()
    base = date(1950, 1, 1)
    sessions = InformationSession.objects.bulk_create(
        InformationSession(
            starts_at=timezone.now() + timedelta(days=d - 150, hours=h),
            place="Integration Department",
            address="7-9, av. Victor Hugo",
            capacity=40,
            languages=["fr", "en"],
        )
        for d in range(0, 300, 2)
        for h in (0, 4)
    )
    candidates = [
        Candidate(
            surname=rng.choice(SURNAMES),
            first_name=rng.choice(FIRST),
            national_id=national_id.make(base + timedelta(days=i // 1000), i % 1000),
            birth_date=base + timedelta(days=i // 1000),
            phone="+352 621 000 000",
            email=f"person{i}@example.org",
            nationalities=["PT"],
            information_language=rng.choice(("en", "fr", "de")),
            channel="online",
            legal_residence_confirmed=True,
            wishes_to_settle=True,
        )
        for i in range(count)
    ]
    Candidate.objects.bulk_create(candidates, batch_size=5000)
    contracts, bookings = [], []
    for n, person in enumerate(candidates):
        if rng.random() < 0.7:
            status = rng.choice(STATUSES)
            start = today - timedelta(days=rng.randint(0, 900))
            signed = status != "draft"
            contracts.append(
                Contract(
                    candidate=person,
                    number=f"CAI-{2024 + n % 3}-{n:06d}",
                    status=status,
                    language=person.information_language,
                    entry_into_force=start if signed else None,
                    end_exclusive=start.replace(year=start.year + 2) if signed else None,
                    signature_method="confirmed" if signed else "",
                    signed_at=timezone.now() if signed else None,
                )
            )
        if rng.random() < 0.25:
            bookings.append(
                Booking(
                    session=rng.choice(sessions),
                    candidate=person,
                    status="attended",
                    channel="online",
                )
            )
    Contract.objects.bulk_create(contracts, batch_size=5000)
    Booking.objects.bulk_create(bookings, batch_size=5000)
    return {
        "session": sessions[40].pk,
        "nin": candidates[count // 2].national_id,
        "number": contracts[len(contracts) // 3].number,
    }


def measure(samples: dict, runs: int) -> bool:
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accueil.accounts.models import Role, User

    officer = User.objects.create_user("bench-officer@example.org", "x" * 16, role=Role.OFFICER)
    client = Client()
    client.force_login(officer)
    pages = {
        "first page": {},
        "name search": {"q": "Silva"},
        "identification number": {"q": samples["nin"]},
        "contract number": {"q": samples["number"]},
        "status in force": {"status": "in_force"},
        "registered, no contract": {"status": "registered"},
        "one session": {"session": samples["session"]},
        "term ends within 30 days": {"ending": 30},
        "name + status + end of term": {"q": "Rossi", "status": "in_force", "ending": 90},
        "page 2000": {"page": 2000},
    }
    ok = True
    print(f"{'page':<30} {'median':>8} {'p95':>8} {'queries':>8} {'rows':>8}")
    for label, params in pages.items():
        timings = []
        for _ in range(runs):
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get("/candidates/", params)
                timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (label, response.status_code)
        timings.sort()
        found = re.search(r"([0-9]+) candidates?</caption>", response.content.decode())
        rows = int(found.group(1)) if found else 0
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        print(
            f"{label:<30} {statistics.median(timings):>6.0f}ms {p95:>6.0f}ms "
            f"{len(queries):>8} {rows:>8}"
        )
        ok &= p95 < 300
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/accueil_listbench"
    )
    args = parser.parse_args()
    prepare(args.database_url)
    started = time.perf_counter()
    samples = fill(args.candidates)
    print(f"{args.candidates} candidates created in {time.perf_counter() - started:.0f} s")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    if not measure(samples, args.runs):
        sys.exit("a page went over the 300 ms target")


if __name__ == "__main__":
    main()
