"""Benchmark: the statistics pages on N contracts (issue 13, point 7: under 500 ms on
1,000,000 contracts, PostgreSQL).

    .venv/bin/python benchmarks/statistics_pages.py [--contracts 1000000] [--runs 7]
        [--database-url postgres://postgres@127.0.0.1:5432/accueil_statsbench] [--keep]

Recreates the database (its name must contain "bench"), migrates it, fills it by SQL
(generate_series): N candidates and N contracts whose entry into force is spread over
the last 8 years up to today in every status (a fourth reviewed and decided), a certificate per
fulfilled contract, 2,000 published courses with their sessions and enrolments and
20,000 emails not delivered. Then, for each statistics page and period (the default
last 12 months, and 10 years), it times the page through Django's full request stack
(`runs` times: median and max) and, as the bare reference, the same aggregate SQL the
page ran (captured) run directly on a cursor; it prints both and their ratio.
`--keep` reuses a filled database. Before measuring, it counts the closed months as the
hourly job statistics-summary does (and times it); `--no-summary` removes that summary
instead, so that every month is counted in the contracts.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

FILL = """
INSERT INTO registration_candidate (id, surname, first_name, national_id, reference,
  birth_date, phone, email, postal_address, pending_email, nationalities,
  information_language, interpreter_needed, interpreter_language,
  legal_residence_confirmed, wishes_to_settle, channel, access_version, feed_version,
  registered_at)
SELECT md5('c' || i)::uuid, 'Surname' || i, 'Given', lpad(i::text, 13, '0'), 'R' || i,
  date '1980-01-01' + (i % 9000), '+352 621 000 000', 'p' || i || '@example.org', '', '',
  jsonb_build_array(
    (ARRAY['PT','FR','BR','CN','EG','AT','UA','SY','IN','ER','CV','IT'])[1 + i % 12]),
  (ARRAY['en','fr','de'])[1 + i % 3], false, '', true, true, 'online', 1, 1,
  (current_date - (i % 2920) - 20 - (i % 97)) + time '10:00'
FROM generate_series(1, %(n)s) AS i;

INSERT INTO contracts_contract (id, number, candidate_id, status, entry_into_force,
  end_exclusive, language, obligations, signature_method, signed_at, signed_scan,
  document, withdrawal_reason, created_at, reviewed_at, review, decided_at,
  reason_legitimate, decision_reason, fulfilled_on, completion_code)
SELECT md5('k' || i)::uuid, 'CAI-B-' || i, md5('c' || i)::uuid, s.status, e.day,
  e.day + 730, 'fr', '{}'::jsonb, 'confirmed', e.day + time '10:00', '', '', '', now(),
  CASE WHEN s.status IN ('under_review','fulfilled','not_fulfilled','superseded')
       THEN (e.day + 730) + time '02:00' END,
  '{}'::jsonb,
  CASE WHEN s.status IN ('fulfilled','not_fulfilled','superseded')
       THEN (e.day + 730) + time '02:00' END,
  false, '',
  CASE WHEN s.status = 'fulfilled' THEN e.day + 700 END, ''
FROM generate_series(1, %(n)s) AS i,
  LATERAL (SELECT current_date - (i % 2920) AS day) AS e,
  LATERAL (SELECT (ARRAY['in_force','in_force','in_force','under_review','fulfilled',
     'fulfilled','not_fulfilled','withdrawn','superseded','in_force'])[1 + i % 10]
     AS status) AS s;

INSERT INTO contracts_certificate (contract_id, obligation, issued_on, issuer, literacy,
  recorded_at, origin, code)
SELECT id, 'orientation_day', fulfilled_on, 'Integration Department', false, now(),
  'paper', ''
FROM contracts_contract WHERE status = 'fulfilled';

INSERT INTO accounts_organisation (name, name_fr, name_de, kind, address, email, phone)
VALUES ('Bench provider', '', '', 'association', '', '', '');

INSERT INTO training_course (provider_id, kind, title, title_fr, title_de,
  taught_language, languages, cefr_level, capacity, fee, reduced_fee, place, place_fr,
  place_de, address, status, created_at)
SELECT (SELECT max(id) FROM accounts_organisation),
  (ARRAY['language','literacy','citizenship','orientation'])[1 + i % 4], 'Course ' || i,
  '', '', '', '["fr"]'::jsonb, '', 20, 0, 0, 'Luxembourg', '', '', '1 rue', 'published',
  now()
FROM generate_series(1, 2000) AS i;

INSERT INTO training_coursesession (course_id, starts_at, ends_at)
SELECT c.id, (current_date - 1500 + (c.id % 1500)::int + w * 7) + time '09:00',
  (current_date - 1500 + (c.id % 1500)::int + w * 7) + time '12:00'
FROM training_course c, generate_series(0, 1) AS w;

INSERT INTO training_enrolment (course_id, candidate_id, status, created_at)
SELECT c.id, md5('c' || ((c.id * 20 + k) % %(n)s + 1))::uuid, 'enrolled', now()
FROM training_course c, generate_series(1, 15) AS k;

INSERT INTO notifications_notification (key, kind, about, purpose, status, attempts,
  last_error, created_at, task, task_args)
SELECT 'bench:' || i, 'booked', 'registration.candidate:x',
  (ARRAY['Booking confirmation','Reminder of the information session',
         'Cancellation of the booking'])[1 + i % 3], 'failed', 5, 'SMTPException',
  now() - (i % 2000) * interval '1 day', '', '[]'::jsonb
FROM generate_series(1, 20000) AS i;
"""


def setup(url: str, keep: bool) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if "bench" not in name:
        sys.exit("the database's name must contain 'bench': it is dropped and recreated")
    admin = url.rsplit("/", 1)[0] + "/postgres"
    if not keep:
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

    call_command("migrate", verbosity=0)  # with --keep too: a migration added since
    call_command("createcachetable", verbosity=0)


def fill(count: int) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for statement in FILL.split(";\n"):
            if statement.strip():
                cursor.execute(statement.replace("%(n)s", str(int(count))))
        cursor.execute("ANALYZE")


def measure(runs: int) -> bool:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accueil.accounts.models import Role, User
    from accueil.statistics.selectors import PAGES

    officer, _ = User.objects.get_or_create(
        email="bench-officer@example.org", defaults={"role": Role.OFFICER}
    )
    client = Client()
    client.force_login(officer)
    periods = {
        "last 12 months": "",
        "10 years": "start_month=1&start_year=2017&end_month=12&end_year=2026",
    }
    ok = True
    columns = ("median", "max", "bare SQL", "ratio", "queries")
    print(f"{'page':<24} {'period':<15} " + " ".join(f"{name:>8}" for name in columns))
    for slug in PAGES:
        for label, query in periods.items():
            path = f"/officer/statistics/{slug}/" + (f"?{query}" if query else "")
            client.get(path)  # warm-up, not timed: the first request loads templates
            timings = []
            for _ in range(runs):
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(path)
                    timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (path, response.status_code)
            # The bare reference: the page's queries of the figures (aggregates and the
            # summary's rows; not the session's and user's), run directly.
            sql = [
                q["sql"]
                for q in captured.captured_queries
                if "GROUP BY" in q["sql"] or '"statistics_' in q["sql"]
            ]
            bare = []
            for _ in range(runs):
                started = time.perf_counter()
                with connection.cursor() as cursor:
                    for statement in sql:
                        cursor.execute(statement)
                        cursor.fetchall()
                bare.append((time.perf_counter() - started) * 1000)
            median, bare_median = statistics.median(timings), statistics.median(bare)
            print(
                f"{slug:<24} {label:<15} {median:>6.0f}ms {max(timings):>6.0f}ms "
                f"{bare_median:>7.0f}ms {median / bare_median:>6.2f} {len(captured):>8}"
            )
            ok &= max(timings) < 500
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contracts", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/accueil_statsbench"
    )
    parser.add_argument("--keep", action="store_true", help="reuse the filled database")
    parser.add_argument(
        "--no-summary",
        action="store_true",
        help="count every month in the contracts (as before the job's first run)",
    )
    args = parser.parse_args()
    setup(args.database_url, args.keep)
    if not args.keep:
        started = time.perf_counter()
        fill(args.contracts)
        print(f"{args.contracts} contracts created in {time.perf_counter() - started:.0f} s")
    from accueil.statistics import services
    from accueil.statistics.models import MonthlyCount, Summary

    if args.no_summary:
        Summary.objects.all().delete()
        MonthlyCount.objects.all().delete()
        print("no summary: every month counted in the contracts")
    else:
        started = time.perf_counter()
        rows = services.refresh_summary()
        took = time.perf_counter() - started
        print(f"summary of the closed months (the hourly job): {rows} rows in {took:.1f} s")
    if not measure(args.runs):
        sys.exit("a page went over the 500 ms target")


if __name__ == "__main__":
    main()
