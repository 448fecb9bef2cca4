"""The review at term: every contract in force whose term has ended is reviewed at once.

Seed, "The end of the CAI contract": "At the end of the CAI contract, the Integration
Department will verify whether the signatory has met the requirements of the contract."
The scheduled job "term-review" (`notifications.jobs.JOBS`) runs `term_review_job`.

For each contract `in_force` whose term has ended (`end_exclusive <= today`) it evaluates
rule cai.fulfilment (`accueil.rules.cai_fulfilment.assess`, the rule without its
messages) on the day `on` = today, from the certificates dated up to today, and
- **fulfilled**: closes it as fulfilled (the review decides, `decided_by` empty), with
  the day it was fulfilled (the rule's `fulfilled_on`);
- **otherwise**: puts it under review, for the officers' review queue
  (`status = under_review`), which decides.
Either way it keeps what it found in `review` ({"on", "met", "unmet"}) and when
(`reviewed_at`). A fulfilled contract goes in force -> under review -> fulfilled in one
write: `reviewed_at` and `decided_at` (with no one deciding) date both steps.

**Set-based, for a million contracts at once.** The contracts are read with the
aggregates of their certificates that the rule's facts need
(`contracts.selectors.fulfilment_facts` computes the same from the certificates
themselves: the first language certificate, the citizenship course's hours and sessions
summed and its last certificate, the first orientation day), by one query: on PostgreSQL
through a server-side cursor, the certificates aggregated in one pass; on SQLite in
batches in the order of the key (keyset pagination). On PostgreSQL, outside a
transaction (the job), the contracts are split by a hash of their key into `PARTS` parts
reviewed at once, one connection (and thread) each. The rule is evaluated in Python, and
each batch is written by one UPDATE per outcome (`UPDATE ... FROM (VALUES ...)` on
PostgreSQL, an `executemany` on SQLite), in its own transaction. Memory holds one batch.

**Idempotent, and safe at once.** Every UPDATE is guarded by `status = 'in_force'`: a
contract reviewed by another run meanwhile (PostgreSQL re-checks the condition on the row
it waited for) is not touched again, so two runs at once decide each contract once and a
second run the same day changes nothing. A failure rolls back only its batch: the
contracts it held are still in force, for the next run (the job is retried).

**The trail.** One audit event per run (not one per contract, which would double the
cost of a run of a million), with the day and the counts; each contract's history reads
its `reviewed_at` and `decided_at` (`officer_views.contract_history`); the job's runs are
recorded (`JobRun`).
"""

import json
import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any, cast

from django.db import connection, transaction
from django.utils import timezone

from accueil.audit.models import Action
from accueil.audit.services import audit_record
from accueil.contracts.models import Certificate, Contract, ContractStatus, Obligation
from accueil.contracts.selectors import covered_obligations
from accueil.core import clock
from accueil.rules.base import FactError
from accueil.rules.cai_fulfilment import FulfilmentFacts, assess

logger = logging.getLogger(__name__)
BATCH = 5000
# PostgreSQL, outside a transaction (the job): the contracts due are split by a hash of
# their key into this many parts, reviewed at once, one connection each (this machine has
# 2 cores: two UPDATEs of half the rows each took 5.8 s where one of all took 10.5 s, at
# 200,000 contracts). Inside a transaction (tests, a caller's atomic block) one part.
PARTS = 2
WORK_MEM = "64MB"  # for each part's connection, closed with it

_TABLE = Contract._meta.db_table
_CERTIFICATES = Certificate._meta.db_table
_LANGUAGE, _CITIZENSHIP, _ORIENTATION = (
    Obligation.LANGUAGE_TRAINING.value,
    Obligation.CITIZENSHIP_COURSE.value,
    Obligation.ORIENTATION_DAY.value,
)

# The obligations a contract covers, as the codes kept in its `obligations`: only those
# codes are read from the database (not the fees and options beside them).
_CODES = {
    "postgresql": "jsonb_path_query_array(c.obligations, '$.obligations[*].code')::text",
    "sqlite": "(SELECT json_group_array(json_extract(o.value, '$.code')) "
    "FROM json_each(c.obligations, '$.obligations') AS o)",
}

# One batch: the next contracts in force whose term has ended, in the order of their
# key, with the aggregates of their certificates dated up to the day of review.
_SELECT = f"""
SELECT r.id, r.entry_into_force, r.codes,
  MIN(CASE WHEN k.obligation = '{_LANGUAGE}' THEN k.issued_on END),
  SUM(CASE WHEN k.obligation = '{_CITIZENSHIP}' THEN COALESCE(k.hours, 0) END),
  SUM(CASE WHEN k.obligation = '{_CITIZENSHIP}' THEN COALESCE(k.sessions, 0) END),
  MAX(CASE WHEN k.obligation = '{_CITIZENSHIP}' THEN k.issued_on END),
  MIN(CASE WHEN k.obligation = '{_ORIENTATION}' THEN k.issued_on END)
FROM (
  SELECT c.id, c.entry_into_force, {{codes}} AS codes FROM {_TABLE} AS c
  WHERE c.status = '{ContractStatus.IN_FORCE.value}' AND c.end_exclusive <= %s {{after}}
  {{limit}}
) AS r
LEFT JOIN {_CERTIFICATES} AS k ON k.contract_id = r.id AND k.issued_on <= %s
GROUP BY r.id, r.entry_into_force, r.codes
"""  # noqa: S608 (names from the models, values as parameters)

_FULFILLED_PG = f"""
UPDATE {_TABLE} AS c SET status = '{ContractStatus.FULFILLED.value}', reviewed_at = %s,
  decided_at = %s, decided_by_id = NULL, review = v.review::jsonb,
  fulfilled_on = v.fulfilled_on::date
FROM (VALUES {{values}}) AS v (id, review, fulfilled_on)
WHERE c.id = v.id::uuid AND c.status = '{ContractStatus.IN_FORCE.value}'
"""  # noqa: S608 (names from the models, values as parameters)
_UNDER_REVIEW_PG = f"""
UPDATE {_TABLE} AS c SET status = '{ContractStatus.UNDER_REVIEW.value}', reviewed_at = %s,
  review = v.review::jsonb
FROM (VALUES {{values}}) AS v (id, review)
WHERE c.id = v.id::uuid AND c.status = '{ContractStatus.IN_FORCE.value}'
"""  # noqa: S608 (names from the models, values as parameters)
_FULFILLED_ONE = f"""
UPDATE {_TABLE} SET status = '{ContractStatus.FULFILLED.value}', reviewed_at = %s,
  decided_at = %s, decided_by_id = NULL, review = %s, fulfilled_on = %s
WHERE id = %s AND status = '{ContractStatus.IN_FORCE.value}'
"""  # noqa: S608 (names from the models, values as parameters)
_UNDER_REVIEW_ONE = f"""
UPDATE {_TABLE} SET status = '{ContractStatus.UNDER_REVIEW.value}', reviewed_at = %s,
  review = %s
WHERE id = %s AND status = '{ContractStatus.IN_FORCE.value}'
"""  # noqa: S608 (names from the models, values as parameters)


def term_review_job() -> int:
    """The scheduled job: today's review; the number of contracts reviewed, for its run's
    record (the audit event of the run says how many were fulfilled)."""
    return term_review()["reviewed"]


def term_review(today: date | None = None, batch: int = BATCH) -> dict[str, int]:
    """Review every contract in force whose term ended by `today` (Luxembourg's today by
    default): {"reviewed", "fulfilled", "to_review"}, counting only the contracts this
    run changed."""
    today = today or clock.today()
    counts = {"reviewed": 0, "fulfilled": 0, "to_review": 0}
    lock = threading.Lock()
    try:
        if connection.vendor == "postgresql" and not connection.in_atomic_block and PARTS > 1:
            # The parts at once, each on its own connection (one thread each): PostgreSQL
            # writes each part's rows on its own core.
            with ThreadPoolExecutor(max_workers=PARTS, thread_name_prefix="term-review") as pool:
                parts = [
                    pool.submit(_review_part, today, batch, part, counts, lock)
                    for part in range(PARTS)
                ]
                for done in parts:
                    done.result()  # the first error, once every part has stopped
        else:
            _review_rows(_batches(today, batch), today, counts, lock)
    finally:
        # One event for the run, with what it did, even when a batch failed: the
        # batches before it are done and stay done.
        if counts["reviewed"]:
            audit_record(
                action=Action.TRANSITION,
                reason=(
                    f"review at term on {today.isoformat()}: {counts['reviewed']} contracts "
                    f"reviewed, {counts['fulfilled']} fulfilled, {counts['to_review']} "
                    "under review"
                ),
                fields=["status", "reviewed_at", "review", "decided_at", "fulfilled_on"],
            )
    return counts


def _review_rows(
    batches: Iterator[list[tuple]], today: date, counts: dict[str, int], lock: threading.Lock
) -> None:
    for rows in batches:
        fulfilled, to_review = _review_batch(rows, today)
        with lock:
            counts["fulfilled"] += fulfilled
            counts["to_review"] += to_review
            counts["reviewed"] += fulfilled + to_review


def _review_part(
    today: date, size: int, part: int, counts: dict[str, int], lock: threading.Lock
) -> None:
    """One part of the contracts (PostgreSQL), in a thread of its own: its own
    connection, closed when the part is done."""
    try:
        with connection.cursor() as cursor:
            # This connection's memory for the certificates' aggregation (PostgreSQL's
            # default, 4 MB, sorts a million contracts' certificates on disk).
            cursor.execute(f"SET work_mem = '{WORK_MEM}'")
        _review_rows(_streamed(today, size, part), today, counts, lock)
    finally:
        connection.close()


def _batches(today: date, size: int) -> Iterator[list[tuple]]:
    """The contracts to review, a batch at a time."""
    if connection.vendor == "postgresql":
        return _streamed(today, size)
    return _keyset(today, size)


def _streamed(today: date, size: int, part: int | None = None) -> Iterator[list[tuple]]:
    """PostgreSQL: one query for all, read through a server-side cursor (held past the
    batches' commits): the certificates are aggregated in one pass (a hash or merge join),
    not looked up contract by contract; the batches are fetched from it one by one. The
    query sees the contracts in force when it started; the guarded UPDATEs skip any that
    another run has reviewed since."""
    day = connection.ops.adapt_datefield_value(today)
    after, params = "", [day, day]
    params_of_part: list[Any] = [day, PARTS, part, day]
    if part is not None:  # the contracts of this part only: a hash of the key
        after, params = "AND mod(abs(hashtext(c.id::text)), %s) = %s", params_of_part
    query = _SELECT.format(codes=_CODES["postgresql"], after=after, limit="")
    with connection.chunked_cursor() as cursor:
        cursor.execute(query, params)
        while rows := cursor.fetchmany(size):
            yield rows


def _keyset(today: date, size: int) -> Iterator[list[tuple]]:
    """SQLite: batches in the order of the key, each starting after the last key of the
    one before, whatever became of it: a contract the rule cannot decide (skipped) is not
    read again in this run."""
    codes = _CODES["sqlite"]
    first = _SELECT.format(codes=codes, after="", limit="ORDER BY c.id LIMIT %s")
    after = _SELECT.format(codes=codes, after="AND c.id > %s", limit="ORDER BY c.id LIMIT %s")
    day = connection.ops.adapt_datefield_value(today)
    last = None
    while True:
        with transaction.atomic(), connection.cursor() as cursor:
            if last is None:
                cursor.execute(first + "ORDER BY r.id", [day, size, day])
            else:
                cursor.execute(after + "ORDER BY r.id", [day, last, size, day])
            rows = cursor.fetchall()
        if not rows:
            return
        yield rows
        if len(rows) < size:
            return
        last = rows[-1][0]


def _review_batch(rows: list[tuple], today: date) -> tuple[int, int]:
    """Evaluate the rule for each contract of the batch, then write the batch in one
    transaction: (fulfilled, put under review) by this batch."""
    fulfilled: list[tuple[Any, str, Any]] = []
    to_review: list[tuple[Any, str]] = []
    day = _day_reader()
    adapt_day = connection.ops.adapt_datefield_value
    reviews: dict[tuple, str] = {}
    on = today.isoformat()
    skipped = 0
    for key, entry, codes, language, hours, sessions, citizenship, orientation in rows:
        try:
            found = assess(
                FulfilmentFacts(
                    entry_into_force=cast(date, day(entry)),
                    on=today,
                    language_completed_on=day(language),
                    citizenship_hours=float(hours or 0),
                    citizenship_sessions=int(sessions or 0),
                    citizenship_completed_on=day(citizenship),
                    orientation_attended_on=day(orientation),
                    covers=_covers(codes),
                )
            )
        except (FactError, LookupError, ValueError):
            # Facts the rule refuses (a contract entered into force before the law, a
            # corrupt date): left in force, for an officer to look at; counted in the log.
            skipped += 1
            continue
        review = reviews.get((found.met, found.unmet))
        if review is None:
            review = json.dumps({"on": on, "met": list(found.met), "unmet": list(found.unmet)})
            reviews[(found.met, found.unmet)] = review
        if found.outcome == "fulfilled":
            fulfilled.append((key, review, adapt_day(found.fulfilled_on)))
        elif found.outcome == "not_fulfilled":
            to_review.append((key, review))
        else:  # in progress: a term stored that the rule does not end yet
            skipped += 1
    if skipped:
        logger.warning("review at term: %d contracts left in force (rule refused)", skipped)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with transaction.atomic():
        return _write(fulfilled, to_review, now)


def _write(
    fulfilled: Sequence[tuple[Any, str, Any]], to_review: Sequence[tuple[Any, str]], now: Any
) -> tuple[int, int]:
    """One UPDATE per outcome, each guarded by `status = 'in_force'`: the rows changed."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            return (
                _update_values(cursor, _FULFILLED_PG, fulfilled, [now, now]),
                _update_values(cursor, _UNDER_REVIEW_PG, to_review, [now]),
            )
        done = []
        for statement, rows, fixed in (
            (_FULFILLED_ONE, fulfilled, [now, now]),
            (_UNDER_REVIEW_ONE, to_review, [now]),
        ):
            if rows:
                # The key last, as the WHERE clause wants it.
                cursor.executemany(statement, [[*fixed, *row[1:], row[0]] for row in rows])
                done.append(max(cursor.rowcount, 0))
            else:
                done.append(0)
        return done[0], done[1]


def _update_values(cursor: Any, statement: str, rows: Sequence[tuple], fixed: list) -> int:
    if not rows:
        return 0
    width = len(rows[0])
    one = "(" + ", ".join(["%s"] * width) + ")"
    cursor.execute(
        statement.format(values=", ".join([one] * len(rows))),
        [*fixed, *(value for row in rows for value in row)],
    )
    return cursor.rowcount


_covers_seen: dict[str, tuple[str, ...]] = {}


def _covers(codes: str | None) -> tuple[str, ...]:
    """The obligations covered, from the codes kept in the contract's `obligations` (a
    JSON list; a few distinct values among a million contracts: parsed once each)."""
    key = codes or "[]"
    found = _covers_seen.get(key)
    if found is None:
        kept = [{"code": code} for code in json.loads(key) if isinstance(code, str)]
        found = covered_obligations({"obligations": kept})
        if len(_covers_seen) < 1024:
            _covers_seen[key] = found
    return found


def _day_reader() -> Callable[[Any], date | None]:
    """Dates as the database gives them: `date` on PostgreSQL, ISO text on SQLite."""
    if connection.vendor == "postgresql":
        return _same
    return _iso


def _same(value: Any) -> Any:
    return value


def _iso(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
