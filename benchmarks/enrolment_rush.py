"""Enrolment rush: provider staff enrolling people with reduced-rate vouchers at once.

Builds a fresh PostgreSQL database with one provider, COURSES published language
courses of CAPACITY places and enough people with a contract in force and a voucher
each; serves Accueil under gunicorn on 127.0.0.1; then runs CLIENTS concurrent
clients for SECONDS, each repeatedly enrolling the next person with their voucher in a
random course (POST /api/v1/courses/<id>/enrolments, signed in as the provider's
staff). One request in twenty sends again a voucher already used, for another course:
it must be refused (409 voucher_used). Courses fill up, as language courses do: then
the person goes on the waiting list (still a 201).

Prints enrolments with a voucher redeemed per second, latency percentiles, answers by
status, and after the run the seats over capacity and the vouchers used twice, which
must both be 0: the script exits with status 1 otherwise.

    .venv/bin/python benchmarks/enrolment_rush.py --alternate 2

`--alternate N` runs the bare endpoint of benchmarks/bare_enrolment.py (one locked
enrolment and redemption, nothing else) and Accueil in turn, N times each, under the
same gunicorn command on the same PostgreSQL with the same clients, and prints the
ratio of their median throughputs. Target: ratio >= 0.6, Accueil's p99 < 500 ms.

Only 127.0.0.1 is used, and only a database whose name contains "bench" is dropped.
Every process the script starts is stopped before it exits. See benchmarks/README.md.
"""

import argparse
import itertools
import json
import random
import secrets
import string
import sys
import tempfile
import threading
import time
from collections import Counter
from http.client import HTTPConnection
from pathlib import Path

from booking_rush import (
    BIN,
    CpuMeter,
    app_environment,
    free_port,
    median,
    percentile,
    refuse_unsafe,
    reset_database,
    run,
    start_gunicorn,
    stop,
    wait_until_serving,
)

SETUP = """
import json, sys
from datetime import date, timedelta
import django
django.setup()
from django.test import Client
from django.utils import timezone
from accueil.accounts.models import Organisation, OrganisationKind, Role, User
from accueil.contracts.models import Contract
from accueil.core import clock
from accueil.core.national_id import make
from accueil.registration.models import Candidate
from accueil.training.models import Course, CourseSession, Voucher
from accueil.training.vouchers import expiry, new_code
courses_n, capacity, people_n = (int(n) for n in sys.argv[1:4])
org = Organisation.objects.create(name="Benchmark provider", kind=OrganisationKind.ASSOCIATION)
staff = User.objects.create_user(
    email="bench-provider@example.test", password=None, role=Role.PROVIDER, organisation=org
)
courses = Course.objects.bulk_create(
    Course(
        provider=org, kind="language", title=f"Luxembourgish A1.1, group {n}",
        taught_language="lb", languages=["lb"], cefr_level="A1.1", capacity=capacity,
        fee=300, reduced_fee=100, place="Maison de quartier",
        address="1, rue de la Gare, L-1611 Luxembourg", status="published",
    )
    for n in range(courses_n)
)
start = timezone.now() + timedelta(days=30)
CourseSession.objects.bulk_create(
    CourseSession(course=c, starts_at=start, ends_at=start + timedelta(hours=2)) for c in courses
)
today = clock.today()
people = Candidate.objects.bulk_create(
    Candidate(
        surname=f"Rush{n}", first_name="Ana",
        national_id=make(date(1950, 1, 1) + timedelta(days=n // 1000), n % 1000),
        birth_date=date(1950, 1, 1) + timedelta(days=n // 1000),
        phone="+352 621 123 456", email=f"rush{n}@example.test", nationalities=["PT"],
        information_language="fr", legal_residence_confirmed=True, wishes_to_settle=True,
        channel="online",
    )
    for n in range(people_n)
)
contracts = Contract.objects.bulk_create(
    Contract(
        number=f"CAI-BENCH-{n:06d}", candidate=p, status="in_force",
        entry_into_force=today, end_exclusive=today + timedelta(days=730),
    )
    for n, p in enumerate(people)
)
vouchers = Voucher.objects.bulk_create(
    Voucher(
        contract=c, candidate_id=c.candidate_id, number=1, code=new_code(),
        issued_at=timezone.now(), expires_on=expiry(today),
    )
    for c in contracts
)
browser = Client()
browser.force_login(staff)
print(json.dumps({
    "courses": [c.pk for c in courses],
    "people": [[p.national_id, p.surname, v.code_display] for p, v in zip(people, vouchers)],
    "session": browser.cookies["sessionid"].value,
}))
"""

CHECK = """
import json
import django
django.setup()
from django.db.models import Count, F, Q
from accueil.training.models import Course, Enrolment, VoucherRedemption
over = Course.objects.annotate(
    enrolled=Count("enrolments", filter=Q(enrolments__status="enrolled"))
).filter(enrolled__gt=F("capacity")).count()
twice = (
    VoucherRedemption.objects.filter(returned_at__isnull=True)
    .values("voucher").annotate(n=Count("pk")).filter(n__gt=1).count()
)
print(json.dumps({
    "courses_over_capacity": over,
    "vouchers_used_twice": twice,
    "enrolled": Enrolment.objects.filter(status="enrolled").count(),
    "waitlisted": Enrolment.objects.filter(status="waitlisted").count(),
    "redemptions": VoucherRedemption.objects.count(),
}))
"""

BARE, ACCUEIL = "bare endpoint", "Accueil"
REPLAY_EVERY = 20


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (50)")
    parser.add_argument("--seconds", type=float, default=30, help="measured duration (30)")
    parser.add_argument("--warmup", type=float, default=10, help="unmeasured start (10 s)")
    parser.add_argument("--courses", type=int, default=30, help="language courses (30)")
    parser.add_argument("--capacity", type=int, default=15, help="places per course (15)")
    parser.add_argument("--people", type=int, default=15000, help="people with a voucher")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers (3)")
    parser.add_argument("--threads", type=int, default=1, help="gunicorn threads per worker (1)")
    parser.add_argument("--conn-max-age", type=int, default=60, help="DATABASE_CONN_MAX_AGE")
    parser.add_argument("--tasks-backend", default="accueil.notifications.queue.QueueBackend")
    parser.add_argument("--rate-limit", default="0", help="RATE_LIMIT_PUBLIC (0: off)")
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/accueil_enrol_bench"
    )
    parser.add_argument("--alternate", type=int, default=0, metavar="N")
    parser.add_argument("--baseline", action="store_true", help="the bare endpoint only")
    parser.add_argument("--gunicorn-arg", action="append", default=[])
    return parser.parse_args()


def answer(status: int, content: bytes) -> int | str:
    if status in (200, 201):
        return status
    try:
        return f"{status} {json.loads(content)['code']}"
    except (ValueError, KeyError, TypeError):
        return status


class Rush:
    """The clients: each enrols the next person with their voucher, in a loop; one
    request in REPLAY_EVERY sends a voucher already used, which must be refused."""

    def __init__(self, port: int, setup: dict, start: float, stop_at: float):
        self.port, self.courses = port, setup["courses"]
        self.people = iter(setup["people"])
        self.used: list[list[str]] = []
        self.start, self.stop_at = start, stop_at
        self.serial = itertools.count(1)
        self.latencies: list[float] = []
        self.statuses: Counter = Counter()
        self.lock = threading.Lock()
        csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
        self.headers = {
            "Content-Type": "application/json",
            "Cookie": f"sessionid={setup['session']}; csrftoken={csrf}",
            "X-CSRFToken": csrf,
        }

    def next_request(self) -> tuple[list[str], bool] | None:
        with self.lock:
            if next(self.serial) % REPLAY_EVERY == 0 and self.used:
                return random.choice(self.used), True
            person = next(self.people, None)
            if person is not None:
                self.used.append(person)
            return (person, False) if person is not None else None

    def client(self) -> None:
        http = HTTPConnection("127.0.0.1", self.port, timeout=30)
        latencies, statuses = [], Counter()
        while True:
            picked = self.next_request()
            if picked is None:
                statuses["people exhausted"] += 1
                break
            (national_id, surname, code), replay = picked
            body = json.dumps(
                {"national_id": national_id, "surname": surname, "voucher_code": code}
            )
            path = f"/api/v1/courses/{random.choice(self.courses)}/enrolments"
            if (began := time.perf_counter()) >= self.stop_at:
                break
            try:
                http.request("POST", path, body, self.headers)
                response = http.getresponse()
                status = answer(response.status, response.read())
            except OSError as failure:
                http.close()
                status = type(failure).__name__
            if began >= self.start:
                latencies.append(time.perf_counter() - began)
                statuses[("replay " if replay else "") + str(status)] += 1
        http.close()
        with self.lock:
            self.latencies += latencies
            self.statuses += statuses


def rush(args, port: int, setup: dict, meter: CpuMeter) -> Rush:
    now = time.perf_counter()
    load = Rush(port, setup, now + args.warmup, now + args.warmup + args.seconds)
    clients = [threading.Thread(target=load.client, daemon=True) for _ in range(args.clients)]
    for client in clients:
        client.start()
    time.sleep(max(0.0, load.start - time.perf_counter()))
    meter.start()
    time.sleep(max(0.0, load.stop_at - time.perf_counter()))
    meter.stop()
    for client in clients:
        client.join(timeout=60)
    return load


# A replayed voucher is refused (409 voucher_used), or, when the random course is the one
# it was used for, the enrolment is answered unchanged (200): both are right answers.
RIGHT = {"201", "replay 409 voucher_used", "replay 200"}


def report(args, load: Rush, meter: CpuMeter, check: dict, what: str) -> dict:
    ordered = sorted(load.latencies)
    enrolled = load.statuses["201"]
    per = 1000 / max(enrolled, 1)
    print(
        f"{what}: {args.clients} clients, {args.seconds:g} s; gunicorn {args.workers} workers x "
        f"{args.threads} threads; {args.courses} courses of {args.capacity} places"
    )
    print(f"enrolments with a voucher redeemed: {enrolled} ({enrolled / args.seconds:.1f}/s)")
    p50, p95, p99 = (percentile(ordered, p) for p in (0.50, 0.95, 0.99))
    print(f"latency ms: p50 {p50:.1f}  p95 {p95:.1f}  p99 {p99:.1f}")
    print(f"answers: {dict(load.statuses)}")
    print(f"CPU ms per enrolment: gunicorn {meter.app * per:.1f}")
    print(f"database after the run: {check}")
    errors = sum(n for status, n in load.statuses.items() if status not in RIGHT)
    return {
        "what": what,
        "rate": enrolled / args.seconds,
        "p50": p50,
        "p99": p99,
        "errors": errors,
        "over": check["courses_over_capacity"],
        "twice": check["vouchers_used_twice"],
    }


def measure(args, baseline: bool) -> dict:
    reset_database(args.database_url)
    with tempfile.TemporaryDirectory(prefix="accueil-bench-") as data_dir:
        env = app_environment(args, data_dir, baseline=False)
        run([str(BIN / "accueil"), "migrate", "--noinput"], env)
        run([str(BIN / "accueil"), "createcachetable"], env)
        command = [str(BIN / "python"), "-c", SETUP, str(args.courses), str(args.capacity)]
        setup = json.loads(run([*command, str(args.people)], env))
        # The same secret key: the staff member's session was signed in with it.
        served = app_environment(args, data_dir, baseline) | {"SECRET_KEY": env["SECRET_KEY"]}
        if baseline:
            served["DJANGO_SETTINGS_MODULE"] = "bare_enrolment"
        port, log = free_port(), Path(data_dir) / "gunicorn.log"
        server = start_gunicorn(args, served, port, log)
        try:
            wait_until_serving(server, port, log)
            meter = CpuMeter(server.pid, args.database_url)
            load = rush(args, port, setup, meter)
        finally:
            stop(server)
        check = json.loads(run([str(BIN / "python"), "-c", CHECK], env))
    return report(args, load, meter, check, BARE if baseline else ACCUEIL)


def compare(runs: list[dict]) -> bool:
    print("\n== alternate runs")
    print("run  what           per second  p50 ms  p99 ms  errors  over capacity  used twice")
    for n, one in enumerate(runs, 1):
        print(
            f"{n:>3}  {one['what']:<13}  {one['rate']:>10.1f}  {one['p50']:>6.0f}  "
            f"{one['p99']:>6.0f}  {one['errors']:>6}  {one['over']:>13}  {one['twice']:>10}"
        )
    bare = median([one["rate"] for one in runs if one["what"] == BARE])
    real_runs = [one for one in runs if one["what"] == ACCUEIL]
    real = median([one["rate"] for one in real_runs])
    pairs = [
        f"{after['rate'] / before['rate']:.2f}"
        for before, after in zip(runs[::2], runs[1::2], strict=True)
    ]
    ratio = real / bare
    worst_p99 = max(one["p99"] for one in real_runs)
    errors = sum(one["errors"] for one in runs)
    over = sum(one["over"] for one in runs)
    twice = sum(one["twice"] for one in runs)
    print(f"median per second: bare endpoint {bare:.1f}, Accueil {real:.1f}")
    print(f"ratio Accueil / bare endpoint: {ratio:.2f} (run by run: {', '.join(pairs)})")
    met = ratio >= 0.6 and worst_p99 < 500 and not errors and not over and not twice
    print(
        "target (ratio >= 0.6, Accueil's p99 < 500 ms, 0 errors, 0 seats over capacity, "
        f"0 vouchers used twice): {'met' if met else 'NOT met'} (worst p99 {worst_p99:.0f} ms, "
        f"{errors} errors, {over} courses over capacity, {twice} vouchers used twice)"
    )
    return met


def main() -> int:
    args = arguments()
    refuse_unsafe(args.database_url)
    if not args.alternate:
        runs = [measure(args, args.baseline)]
    else:
        runs = []
        for n in range(args.alternate * 2):
            baseline = n % 2 == 0  # bare endpoint, Accueil, bare endpoint, Accueil...
            print(f"\n== run {n + 1} of {args.alternate * 2}: {BARE if baseline else ACCUEIL}")
            runs.append(measure(args, baseline))
        compare(runs)
    return 1 if any(one["over"] or one["twice"] for one in runs) else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
