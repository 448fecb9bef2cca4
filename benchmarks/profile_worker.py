"""A gunicorn configuration that profiles each worker during a booking rush.

    .venv/bin/python benchmarks/booking_rush.py --workers 1 --clients 10 \\
        --gunicorn-arg=--config=benchmarks/profile_worker.py
    .venv/bin/python benchmarks/profile_report.py /tmp/accueil-profile

Each worker runs under cProfile, from the end of its first ACCUEIL_PROFILE_SKIP
requests (default 200: imports and caches filled on the first ones are left out) to
its exit, measuring CPU time (ACCUEIL_PROFILE_CLOCK=wall for wall-clock time, which
includes waiting for PostgreSQL and for the cores), and counts the SQL statements it
sends by kind ("INSERT registration_candidate", ...) and the requests it answered.
Three round trips of each request do not go through execute wrappers: Django's
connection health check (`SELECT 1` before the first query), and psycopg's `BEGIN`
and `COMMIT`: add 3 to the count for them. At exit it writes
`worker-<pid>.pstats` and `worker-<pid>.json` to $ACCUEIL_PROFILE_DIR (default
/tmp/accueil-profile).
cProfile slows Python down (every call is counted): read its figures as shares of the
worker's time, not as the time a request takes unprofiled. The statements are
counted by an execute wrapper, which records only the first words of each statement
(never its parameters).
"""

import cProfile
import json
import os
import re
import time
from collections import Counter
from pathlib import Path

PROFILE_DIR = Path(os.environ.get("ACCUEIL_PROFILE_DIR", "/tmp/accueil-profile"))  # noqa: S108
SKIP = int(os.environ.get("ACCUEIL_PROFILE_SKIP", "200"))
WALL = os.environ.get("ACCUEIL_PROFILE_CLOCK") == "wall"
CLOCK = time.perf_counter if WALL else time.process_time
KIND = re.compile(r'^\s*(\w+)(?:.*?\b(?:INTO|FROM|UPDATE)\s+"?(\w+)"?)?', re.S | re.I)


def statement_kind(sql: str) -> str:
    words = sql.split()
    if words[0].upper() in ("SAVEPOINT", "RELEASE", "ROLLBACK"):  # not the savepoint's name
        return " ".join(word for word in words if not word.startswith('"'))
    if sql.strip().upper().startswith("UPDATE"):
        verb, table = "UPDATE", sql.split()[1].strip('"')
    else:
        match = KIND.match(sql)
        verb, table = match.group(1).upper(), match.group(2) or ""
    return f"{verb} {table}".strip() if table else sql.strip()[:30]


def post_worker_init(worker):
    from django.core.signals import request_finished
    from django.db import connection

    worker.statements, worker.requests, worker.served = Counter(), 0, 0
    worker.profile = cProfile.Profile(CLOCK)

    def count(execute, sql, params, many, context):
        if worker.served >= SKIP:
            worker.statements[statement_kind(sql)] += 1
        return execute(sql, params, many, context)

    def finished(**kwargs):
        worker.served += 1
        if worker.served == SKIP:
            worker.profile.enable()
        elif worker.served > SKIP:
            worker.requests += 1

    connection.execute_wrappers.append(count)  # sync worker: one thread, one connection
    request_finished.connect(finished, weak=False)


def worker_exit(server, worker):
    profile = getattr(worker, "profile", None)
    if profile is None:
        return
    profile.disable()
    PROFILE_DIR.mkdir(parents=True, exist_ok=True)
    profile.dump_stats(PROFILE_DIR / f"worker-{worker.pid}.pstats")
    (PROFILE_DIR / f"worker-{worker.pid}.json").write_text(
        json.dumps({"requests": worker.requests, "statements": worker.statements})
    )
