"""Review at term: a million contracts reaching their term reviewed in one run.

    .venv/bin/python benchmarks/term_review.py [--contracts 1000000] [--rounds 2] [--keep]
        [--database-url postgres://postgres@127.0.0.1:5432/accueil_termbench]

Recreates the database and fills it on PostgreSQL with INSERT ... SELECT generate_series:
N candidates and N contracts in force whose term has ended by today, a realistic mix of
certificates (about 60% fulfilled; one obligation missing; a citizenship course under 6
hours or in one session; a certificate dated after the term; none at all; literacy
classes; 5% follow-up contracts covering only the citizenship course, each following a
superseded contract of the same candidate).

Then, `--rounds` times, alternately:
1. the reference: ONE hand-written SQL statement (an UPDATE ... FROM a SELECT of the
   certificates' aggregates, the rule written in SQL) giving every contract the outcome
   the review would; its outcome is kept (not timed) to check the review's;
2. `contracts.review.term_review` in a subprocess (its time, and its peak memory from
   getrusage), then a second run the same day in the same process, which must change 0
   contracts;
the contracts are reset between runs (not timed; VACUUM ANALYZE and a CHECKPOINT so each
run starts from the same state). Prints both times, their ratio (target <= 2), the peak
memory (target < 1 GiB), the second run's count, and exits with status 1 if any contract's
outcome differs from the reference's (or the second run changed any).

Only 127.0.0.1 is used, and only a database whose name contains "bench" is dropped.
`--keep` leaves the database, reviewed, for the statistics pages. See benchmarks/README.md.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

REVIEW = """
import json, resource, sys, time
from datetime import date
import django
django.setup()
from accueil.contracts.review import term_review
today = date.fromisoformat(sys.argv[1])
started = time.perf_counter()
first = term_review(today)
seconds = time.perf_counter() - started
second = term_review(today)
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "first": first, "second": second, "peak_kib": peak_kib}))
"""

# Candidates: one per contract, and one per follow-up's first contract.
CANDIDATES = """
INSERT INTO registration_candidate (id, surname, first_name, national_id, birth_date,
  phone, email, postal_address, nationalities, information_language, interpreter_needed,
  interpreter_language, legal_residence_confirmed, wishes_to_settle, channel,
  registered_at, access_version, feed_version, pending_email, reference)
SELECT md5('candidate' || g)::uuid, 'Surname' || (g %% 997), 'Given' || (g %% 113),
  lpad(g::text, 13, '0'), DATE '1960-01-01' + (g %% 15000), '+352 621 000 000',
  'person' || g || '@example.org', '', '["PT"]'::jsonb, (ARRAY['en', 'fr', 'de'])[1 + g %% 3],
  false, '', true, true, 'online', now(), 0, 0, '', 'B' || lpad(g::text, 11, '0')
FROM generate_series(1, %(n)s) AS g
"""

# Every contract entered into force between 2 years + 30 days and 2 years + 760 days
# ago: each term has ended at least 30 days ago (a certificate dated after it can be
# dated before today). The anniversary of 29 February is 1 March (rule cai.term).
CONTRACTS = """
INSERT INTO contracts_contract (id, number, status, entry_into_force, end_exclusive,
  created_at, candidate_id, follows_id, document, language, obligations, signature_method,
  signed_at, signed_scan, withdrawal_reason, completion_code, decided_at, decision_reason,
  reason_legitimate, review)
SELECT md5('contract' || g)::uuid, 'CAI-B-' || g, 'in_force', e.day,
  (e.day + interval '2 years')::date
    + CASE WHEN to_char(e.day, 'MM-DD') = '02-29' THEN 1 ELSE 0 END,
  now(), md5('candidate' || g)::uuid,
  CASE WHEN g %% 20 = 0 THEN md5('first' || g)::uuid END,
  '', 'fr',
  CASE WHEN g %% 20 = 0 THEN %(follow_up)s::jsonb ELSE %(full)s::jsonb END,
  'confirmed', now(), '', '', '', NULL, '', false, '{}'::jsonb
FROM generate_series(1, %(n)s) AS g,
  LATERAL (SELECT %(today)s::date - interval '2 years' - ((30 + g %% 730) || ' days')::interval)
    AS t(at), LATERAL (SELECT t.at::date) AS e(day)
"""

# The first contracts the follow-ups follow: superseded, for a legitimate reason.
FIRSTS = """
INSERT INTO contracts_contract (id, number, status, entry_into_force, end_exclusive,
  created_at, candidate_id, document, language, obligations, signature_method, signed_at,
  signed_scan, withdrawal_reason, completion_code, decided_at, decision_reason,
  reason_legitimate, review)
SELECT md5('first' || g)::uuid, 'CAI-F-' || g, 'superseded', DATE '2018-01-10',
  DATE '2020-01-10', now(), md5('candidate' || g)::uuid, '', 'fr', %(full)s::jsonb,
  'confirmed', now(), '', '', '', now(), 'Long illness', true, '{}'::jsonb
FROM generate_series(20, %(n)s, 20) AS g
"""

# Certificates, by the contract's kind k = (g * 7919) % 100 (follow-ups: g % 20 = 0):
#   k < 60   fulfilled (k < 5: literacy classes), the citizenship course in two parts
#   60-66    no orientation day          67-73  citizenship course of 4 hours
#   74-79    citizenship course in one session of 6 hours
#   80-89    language certificate dated after the term (2nd anniversary + 5 days)
#   90-99    no certificate at all
# A follow-up (covering only the citizenship course) has the citizenship course, of 6
# hours when g % 40 = 0, of 5.5 otherwise.
CERTIFICATES = """
INSERT INTO contracts_certificate (obligation, issued_on, issuer, literacy, hours, sessions,
  recorded_at, contract_id, code, origin)
SELECT v.obligation, v.issued_on, 'Bench issuer', v.literacy, v.hours, v.sessions, now(),
  md5('contract' || c.g)::uuid, '', 'paper'
FROM (
  SELECT g, (g::bigint * 7919) %% 100 AS k, e.day AS entry,
    (e.day + interval '2 years')::date
      + CASE WHEN to_char(e.day, 'MM-DD') = '02-29' THEN 1 ELSE 0 END AS end_exclusive
  FROM generate_series(1, %(n)s) AS g,
    LATERAL (SELECT (%(today)s::date - interval '2 years'
      - ((30 + g %% 730) || ' days')::interval)::date) AS e(day)
) AS c,
LATERAL (VALUES
  ('language_training', CASE WHEN c.k BETWEEN 80 AND 89 THEN c.end_exclusive + 5
     ELSE c.entry + 120 END, c.k < 5, NULL::numeric, NULL::smallint,
   c.g %% 20 <> 0 AND c.k < 90),
  ('citizenship_course', c.entry + 200, false,
   CASE WHEN c.g %% 20 = 0 THEN CASE WHEN c.g %% 40 = 0 THEN 3 ELSE 2.5 END
        WHEN c.k BETWEEN 67 AND 73 THEN 2 WHEN c.k BETWEEN 74 AND 79 THEN 6 ELSE 3 END,
   1::smallint, c.k < 90 OR c.g %% 20 = 0),
  ('citizenship_course', c.entry + 207, false,
   CASE WHEN c.g %% 20 = 0 THEN 3 WHEN c.k BETWEEN 67 AND 73 THEN 2 ELSE 3 END,
   1::smallint, (c.k < 74 OR c.k BETWEEN 80 AND 89) OR c.g %% 20 = 0),
  ('orientation_day', c.entry + 40, false, NULL::numeric, NULL::smallint,
   c.g %% 20 <> 0 AND (c.k < 60 OR c.k BETWEEN 67 AND 89))
) AS v(obligation, issued_on, literacy, hours, sessions, present)
WHERE v.present
"""

# The reference: one statement, the rule in SQL (an obligation is covered when the
# contract keeps its code, all three when it keeps none; met when its certificate is
# dated within the term [entry, end_exclusive): the first language and orientation
# certificates, the last citizenship one with its hours and sessions summed, >= 6 and
# >= 2; fulfilled when all covered are met, on the day of the last one).
REFERENCE = """
WITH agg AS (
  SELECT c.id, c.entry_into_force AS s, c.end_exclusive AS x,
    jsonb_path_query_array(c.obligations, '$.obligations[*].code') AS codes,
    MIN(CASE WHEN k.obligation = 'language_training' THEN k.issued_on END) AS lang,
    SUM(CASE WHEN k.obligation = 'citizenship_course' THEN COALESCE(k.hours, 0) END) AS h,
    SUM(CASE WHEN k.obligation = 'citizenship_course' THEN COALESCE(k.sessions, 0) END)
      AS n,
    MAX(CASE WHEN k.obligation = 'citizenship_course' THEN k.issued_on END) AS cit,
    MIN(CASE WHEN k.obligation = 'orientation_day' THEN k.issued_on END) AS ori
  FROM contracts_contract c
  LEFT JOIN contracts_certificate k ON k.contract_id = c.id AND k.issued_on <= %(today)s
  WHERE c.status = 'in_force' AND c.end_exclusive <= %(today)s
  GROUP BY c.id
), checked AS (
  SELECT id, lang, cit, ori,
    (NOT codes ?| ARRAY['language_training', 'citizenship_course', 'orientation_day'])
      AS every,
    codes ? 'language_training' AS cl, codes ? 'citizenship_course' AS cc,
    codes ? 'orientation_day' AS co,
    COALESCE(lang >= s AND lang < x, false) AS ml,
    COALESCE(cit >= s AND cit < x AND h >= 6 AND n >= 2, false) AS mc,
    COALESCE(ori >= s AND ori < x, false) AS mo
  FROM agg
), outcome AS (
  SELECT id, cl OR every AS cl, cc OR every AS cc, co OR every AS co, ml, mc, mo,
    lang, cit, ori
  FROM checked
), decided AS (
  SELECT id,
    NOT ((cl AND NOT ml) OR (cc AND NOT mc) OR (co AND NOT mo)) AS fulfilled,
    to_jsonb(array_remove(ARRAY[
      CASE WHEN cl AND ml THEN 'language_training' END,
      CASE WHEN cc AND mc THEN 'citizenship_course' END,
      CASE WHEN co AND mo THEN 'orientation_day' END], NULL)) AS met,
    to_jsonb(array_remove(ARRAY[
      CASE WHEN cl AND NOT ml THEN 'language_training' END,
      CASE WHEN cc AND NOT mc THEN 'citizenship_course' END,
      CASE WHEN co AND NOT mo THEN 'orientation_day' END], NULL)) AS unmet,
    GREATEST(CASE WHEN cl THEN lang END, CASE WHEN cc THEN cit END,
      CASE WHEN co THEN ori END) AS last_day
  FROM outcome
)
UPDATE contracts_contract AS c SET
  status = CASE WHEN d.fulfilled THEN 'fulfilled' ELSE 'under_review' END,
  reviewed_at = now(),
  decided_at = CASE WHEN d.fulfilled THEN now() END,
  fulfilled_on = CASE WHEN d.fulfilled THEN d.last_day END,
  review = jsonb_build_object('on', %(today)s::text, 'met', d.met, 'unmet', d.unmet)
FROM decided AS d
WHERE c.id = d.id AND c.status = 'in_force'
"""

RESET = """
UPDATE contracts_contract SET status = 'in_force', reviewed_at = NULL, decided_at = NULL,
  fulfilled_on = NULL, review = '{}'::jsonb
WHERE reviewed_at IS NOT NULL
"""

DIFFERENT = """
SELECT count(*) FROM contracts_contract c JOIN bench_expected e USING (id)
WHERE (c.status, c.review, c.fulfilled_on, c.reviewed_at IS NULL, c.decided_at IS NULL,
       c.decided_by_id)
  IS DISTINCT FROM (e.status, e.review, e.fulfilled_on, e.reviewed_at IS NULL,
       e.decided_at IS NULL, e.decided_by_id)
"""


def check_url(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if parts.hostname not in ("127.0.0.1", "localhost"):
        sys.exit(f"refusing {parts.hostname}: only 127.0.0.1 is used")
    if "bench" not in name:
        sys.exit(f"refusing to drop {name!r}: its name must contain 'bench'")
    return name, url.rsplit("/", 1)[0] + "/postgres"


def prepare(url: str) -> None:
    name, admin = check_url(url)
    for sql in (f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}"):
        subprocess.run(["psql", admin, "-qc", sql], check=True)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="accueil.settings",
        DATABASE_URL=url,
        DATABASE_CONN_MAX_AGE="0",
        DEBUG="false",
        SECRET_KEY="benchmark-only",  # noqa: S106
        ALLOWED_HOSTS="127.0.0.1",
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def fill(cursor, count: int, today: date) -> None:
    from accueil.rules import evaluate

    decision = evaluate("cai.obligations", {"language_levels": {}, "on": today.isoformat()})
    full = json.dumps(decision.to_dict()["values"])
    follow_up = json.dumps(
        {
            "obligations": [
                item
                for item in decision.to_dict()["values"]["obligations"]
                if item["code"] == "citizenship_course"
            ]
        }
    )
    params = {"n": count, "today": today, "full": full, "follow_up": follow_up}
    for label, sql in (
        ("candidates", CANDIDATES),
        ("first contracts", FIRSTS),
        ("contracts", CONTRACTS),
        ("certificates", CERTIFICATES),
    ):
        started = time.perf_counter()
        cursor.execute(sql, params)
        print(f"  {cursor.rowcount:>9} {label} in {time.perf_counter() - started:.1f} s")


def settle(cursor) -> None:
    """The same starting point for every run: no dead rows, fresh statistics, nothing
    left to write back."""
    cursor.execute("VACUUM ANALYZE contracts_contract")
    cursor.execute("VACUUM ANALYZE contracts_certificate")
    cursor.execute("CHECKPOINT")


def reference(cursor, today: date) -> tuple[float, int]:
    started = time.perf_counter()
    cursor.execute(REFERENCE, {"today": today})
    return time.perf_counter() - started, cursor.rowcount


def review(today: date) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", REVIEW, today.isoformat()],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contracts", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=2, help="reference + review pairs (2)")
    parser.add_argument("--keep", action="store_true", help="leave the database, reviewed")
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/accueil_termbench"
    )
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")
    prepare(args.database_url)
    from django.db import connection

    from accueil.core import clock

    today = clock.today()
    connection.ensure_connection()
    started = time.perf_counter()
    with connection.cursor() as cursor:
        print(f"filling {args.contracts} contracts (today {today}):")
        fill(cursor, args.contracts, today)
        print(f"filled in {time.perf_counter() - started:.0f} s")
        settle(cursor)
        cursor.execute(
            "SELECT pg_size_pretty(pg_total_relation_size('contracts_contract')), "
            "pg_size_pretty(pg_total_relation_size('contracts_certificate'))"
        )
        contracts_size, certificates_size = cursor.fetchone()
        print(f"contracts, certificates (with indexes): {contracts_size}, {certificates_size}")
        times: dict[str, list[float]] = {"reference": [], "review": []}
        different = peak = second = 0
        for round_ in range(1, args.rounds + 1):
            seconds, rows = reference(cursor, today)
            times["reference"].append(seconds)
            if round_ == 1:
                cursor.execute("CREATE TABLE bench_expected AS SELECT * FROM contracts_contract")
                cursor.execute(
                    "SELECT status, count(*) FROM contracts_contract GROUP BY 1 ORDER BY 1"
                )
                print("outcome:", ", ".join(f"{s} {n}" for s, n in cursor.fetchall()))
            print(f"round {round_}: reference {seconds:.1f} s ({rows} contracts)")
            cursor.execute(RESET)
            settle(cursor)
            found = review(today)
            times["review"].append(found["seconds"])
            peak = max(peak, found["peak_kib"])
            second = max(second, found["second"]["reviewed"])
            cursor.execute(DIFFERENT)
            (wrong,) = cursor.fetchone()
            different = max(different, wrong)
            print(
                f"round {round_}: review {found['seconds']:.1f} s {found['first']}, "
                f"peak {found['peak_kib'] / 1024:.0f} MiB, second run "
                f"{found['second']['reviewed']} changed, {wrong} outcomes differ"
            )
            if round_ < args.rounds or not args.keep:
                cursor.execute(RESET)
                settle(cursor)
        ref, rev = statistics.median(times["reference"]), statistics.median(times["review"])
        print(
            f"\nmedian: reference {ref:.1f} s, review {rev:.1f} s, ratio {rev / ref:.2f} "
            f"(target <= 2); review peak memory {peak / 1024:.0f} MiB (target < 1024); "
            f"second run the same day changed {second}; outcomes differing {different}"
        )
        cursor.execute("DROP TABLE bench_expected")
    connection.close()
    if not args.keep:
        name, admin = check_url(args.database_url)
        subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {name}"], check=True)
    if different or second:
        sys.exit(1)
    if rev > 60 or peak >= 1024 * 1024 or rev > 2 * ref:
        print("a target is not met")


if __name__ == "__main__":
    main()
