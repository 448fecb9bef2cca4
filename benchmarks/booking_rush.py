"""Booking rush: many people registering and booking an information session at once.

Builds a fresh PostgreSQL database, serves Accueil under gunicorn on 127.0.0.1, then
runs CLIENTS concurrent clients for SECONDS, each repeatedly registering a new person
and booking a seat in one request (POST /api/v1/registrations with session_id, a
unique valid national identification number each time). Prints completed
registrations+bookings per second, latency percentiles, errors by status, and the
number of overbooked sessions (seats_taken > capacity, or active bookings !=
seats_taken), which must be 0: the script exits with status 1 otherwise.

    .venv/bin/python benchmarks/booking_rush.py --clients 50 --seconds 30
    .venv/bin/python benchmarks/booking_rush.py --alternate 2

The ceiling: `--baseline` serves the bare endpoint of benchmarks/bare_booking.py (one
locked booking transaction, nothing else) under the same gunicorn command, on the same
PostgreSQL, driven by the same clients; `--alternate N` runs it and Accueil in turn,
N times each, and prints the ratio of their median throughputs, the only figure that
holds from one day to the next (the machine's speed varies twofold).

Only 127.0.0.1 is used, and only a database whose name contains "bench" is dropped.
Every process the script starts is stopped before it exits. See benchmarks/README.md.
"""

import argparse
import itertools
import json
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import date, timedelta
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
sys.path.insert(0, str(ROOT / "src"))

from accueil.core.national_id import make as make_national_id  # noqa: E402

CREATE_SESSIONS = """
import json, sys
from datetime import timedelta
import django
django.setup()
from django.utils import timezone
from accueil.booking.models import InformationSession
count, capacity = int(sys.argv[1]), int(sys.argv[2])
first = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=3)
made = InformationSession.objects.bulk_create(
    InformationSession(
        starts_at=first + timedelta(hours=n),
        place=f"Benchmark room {n % 7}",
        address="7-9, avenue Victor Hugo, L-1750 Luxembourg",
        capacity=capacity,
        languages=["fr", "en"],
    )
    for n in range(count)
)
print(json.dumps([session.pk for session in made]))
"""

CHECK = """
import json
import django
django.setup()
from django.db.models import Count, F, Q, Sum
from django_q.models import OrmQ, Schedule
from accueil.booking.models import Booking, InformationSession
from accueil.registration.models import Candidate
sessions = InformationSession.objects.annotate(
    active=Count("bookings", filter=Q(bookings__status="active"))
)
print(json.dumps({
    "overbooked": sessions.filter(
        Q(seats_taken__gt=F("capacity")) | ~Q(active=F("seats_taken"))
    ).count(),
    "seats_taken": InformationSession.objects.aggregate(n=Sum("seats_taken"))["n"] or 0,
    "active_bookings": Booking.objects.filter(status="active").count(),
    "candidates": Candidate.objects.count(),
    "queued_tasks": OrmQ.objects.count() + Schedule.objects.count(),
}))
"""


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (50)")
    parser.add_argument("--seconds", type=float, default=30, help="measured duration (30)")
    parser.add_argument("--warmup", type=float, default=10, help="unmeasured start (10 s)")
    parser.add_argument("--sessions", type=int, default=1000, help="sessions to book (1000)")
    parser.add_argument("--capacity", type=int, default=30, help="seats per session (30)")
    # 3 sync workers on 2 cores: enough to use both while others wait on PostgreSQL, and
    # fewer processes fighting for the cores than 4 (measured: see benchmarks/README.md).
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers (3)")
    parser.add_argument("--threads", type=int, default=1, help="gunicorn threads per worker (1)")
    parser.add_argument(
        "--conn-max-age",
        type=int,
        default=60,
        help="DATABASE_CONN_MAX_AGE for the app (60, its default; 0: a new connection per request)",
    )
    parser.add_argument(
        "--tasks-backend",
        default="accueil.notifications.queue.QueueBackend",
        help="TASKS_BACKEND: the real queue by default (each booking queues its emails)",
    )
    parser.add_argument(
        "--rate-limit",
        default="0",
        help="RATE_LIMIT_PUBLIC for the app: 0 (off, the default) or count/seconds, e.g. "
        "1000000/600 to measure what counting costs (every client has the same address)",
    )
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/accueil_bench"
    )
    parser.add_argument(
        "--baseline",
        action="store_true",
        help="serve the bare endpoint of benchmarks/bare_booking.py instead of Accueil",
    )
    parser.add_argument(
        "--alternate",
        type=int,
        default=0,
        metavar="N",
        help="run the bare endpoint and Accueil alternately, N times each, and print the "
        "ratio of their median throughputs",
    )
    parser.add_argument(
        "--gunicorn-arg",
        action="append",
        default=[],
        help="one more gunicorn argument, e.g. --gunicorn-arg=--config=try.py (repeatable)",
    )
    return parser.parse_args()


def refuse_unsafe(database_url: str) -> None:
    url = urlsplit(database_url)
    if url.scheme not in ("postgres", "postgresql") or url.hostname not in (
        "127.0.0.1",
        "localhost",
    ):
        sys.exit("The benchmark runs only on a local PostgreSQL (postgres://...@127.0.0.1/...)")
    if "bench" not in url.path:
        sys.exit("The benchmark drops its database: give a name containing 'bench'")


def reset_database(database_url: str) -> None:
    import psycopg
    from psycopg import sql

    url = urlsplit(database_url)
    name = url.path.lstrip("/")
    server = url._replace(path="/postgres").geturl()
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def app_environment(args: argparse.Namespace, data_dir: str, baseline: bool) -> dict[str, str]:
    """Accueil's environment; the bare endpoint's is the same but for its settings module
    (benchmarks/bare_booking.py, found through PYTHONPATH)."""
    python_path = [str(ROOT / "benchmarks"), os.environ.get("PYTHONPATH", "")]
    return os.environ | {
        "DJANGO_SETTINGS_MODULE": "bare_booking" if baseline else "accueil.settings",
        "PYTHONPATH": os.pathsep.join(filter(None, python_path)),
        "DATABASE_URL": args.database_url,
        "DATABASE_CONN_MAX_AGE": str(args.conn_max_age),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "RATE_LIMIT_PUBLIC": args.rate_limit,
        "TASKS_BACKEND": args.tasks_backend,
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "ACCUEIL_DATA_DIR": data_dir,
        "LOG_LEVEL": "WARNING",
    }


def run(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
    if done.returncode:
        sys.exit(f"{' '.join(command[:3])} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(args, env, port: int, log: Path) -> subprocess.Popen:
    command = [
        str(BIN / "gunicorn"),
        "accueil.wsgi",
        f"--bind=127.0.0.1:{port}",
        f"--workers={args.workers}",
        f"--threads={args.threads}",
        "--backlog=2048",
        "--no-control-socket",  # the default path is shared by every gunicorn on the machine
        *args.gunicorn_arg,
    ]
    with log.open("w") as out:
        # Its own process group, so that stopping it stops its workers too.
        return subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=out, stderr=out, start_new_session=True
        )


def wait_until_serving(server: subprocess.Popen, port: int, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn stopped:\n{log.read_text()[-3000:]}")
        try:
            http = HTTPConnection("127.0.0.1", port, timeout=5)
            http.request("GET", "/api/v1/sessions?limit=1")
            if http.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit(f"gunicorn did not answer within 60 s:\n{log.read_text()[-3000:]}")


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)


def answer(status: int, content: bytes) -> int | str:
    """The status, with the API's `code` for a refusal: "409 session_full" is a right
    answer (a session filled up). A registration is answered 202 (the token goes by email)."""
    if status == 202:
        return status
    try:
        return f"{status} {json.loads(content)['code']}"
    except (ValueError, KeyError, TypeError):
        return status


class Rush:
    """The clients: each registers and books in a loop, recording what it saw."""

    def __init__(self, port: int, session_ids: list[int], start: float, stop_at: float):
        self.port, self.session_ids = port, session_ids
        self.start, self.stop_at = start, stop_at
        self.serial = itertools.count()
        self.latencies: list[float] = []
        self.statuses: Counter = Counter()
        self.lock = threading.Lock()

    def body(self) -> bytes:
        n = next(self.serial)
        born = date(1950, 1, 1) + timedelta(days=n // 1000)
        return json.dumps(
            {
                "surname": f"Rush{n}",
                "first_name": "Ana",
                "national_id": make_national_id(born, n % 1000),
                "phone": "+352 621 123 456",
                "email": f"rush{n}@example.test",
                "nationalities": ["PT"],
                "information_language": "fr",
                "legally_resident": True,
                "wishes_to_settle": True,
                "consent": True,
                "session_id": random.choice(self.session_ids),
            }
        ).encode()

    def client(self) -> None:
        http = HTTPConnection("127.0.0.1", self.port, timeout=30)
        latencies, statuses = [], Counter()
        while True:
            body = self.body()
            if (began := time.perf_counter()) >= self.stop_at:
                break
            try:
                http.request(
                    "POST", "/api/v1/registrations", body, {"Content-Type": "application/json"}
                )
                response = http.getresponse()
                status = answer(response.status, response.read())
            except OSError as failure:
                http.close()
                status = type(failure).__name__
            if began >= self.start:
                latencies.append(time.perf_counter() - began)
                statuses[status] += 1
        http.close()
        with self.lock:
            self.latencies += latencies
            self.statuses += statuses


def group_cpu(group: int) -> float:
    """CPU seconds used so far by the live processes of a process group (gunicorn)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(fields[2]) == group:
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def machine_cpu() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot."""
    ticks = [int(n) for n in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = ticks[3] + ticks[4]
    return (sum(ticks) - idle) / os.sysconf("SC_CLK_TCK"), sum(ticks) / os.sysconf("SC_CLK_TCK")


def backends_cpu(database_url: str) -> dict[int, float]:
    """CPU seconds so far of each PostgreSQL backend serving the benchmark database."""
    import psycopg

    name = urlsplit(database_url).path.lstrip("/")
    with psycopg.connect(database_url, autocommit=True) as db:
        pids = db.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        ).fetchall()
    used = {}
    for (pid,) in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        except OSError:  # gone meanwhile, or PostgreSQL runs elsewhere
            continue
        used[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return used


class CpuMeter:
    """Who used the CPU during the measured seconds: gunicorn, the load generator, the
    PostgreSQL backends of the benchmark database (seen only when connections persist,
    DATABASE_CONN_MAX_AGE > 0), and everything else on the machine."""

    def __init__(self, group: int, database_url: str):
        self.group, self.database_url = group, database_url

    def read(self) -> tuple[float, float, float, float]:
        return (group_cpu(self.group), time.process_time(), *machine_cpu())

    def start(self) -> None:
        self.first, self.first_backends = self.read(), backends_cpu(self.database_url)

    def stop(self) -> None:
        app, client, busy, total = (b - a for a, b in zip(self.first, self.read(), strict=True))
        backends = backends_cpu(self.database_url)
        self.postgres = sum(cpu - self.first_backends.get(pid, 0) for pid, cpu in backends.items())
        self.app, self.client, self.idle = app, client, total - busy
        self.other = busy - app - client - self.postgres


def percentile(ordered: list[float], p: float) -> float:
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))] * 1000 if ordered else 0.0


def rush(args, port: int, session_ids: list[int], meter: CpuMeter) -> Rush:
    now = time.perf_counter()
    load = Rush(port, session_ids, now + args.warmup, now + args.warmup + args.seconds)
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


def report(args, load: Rush, meter: CpuMeter, check: dict, load_before, what: str) -> dict:
    ordered = sorted(load.latencies)
    booked = load.statuses[202]
    per = 1000 / max(booked, 1)
    print(
        f"{what}: {args.clients} clients, {args.seconds:g} s; gunicorn {args.workers} workers x "
        f"{args.threads} threads; DATABASE_CONN_MAX_AGE={args.conn_max_age}; "
        f"TASKS_BACKEND={args.tasks_backend}; RATE_LIMIT_PUBLIC={args.rate_limit}; "
        f"{args.sessions} sessions of {args.capacity} seats"
    )
    print(f"registrations+bookings: {booked} ({booked / args.seconds:.1f}/s)")
    p50, p95, p99 = (percentile(ordered, p) for p in (0.50, 0.95, 0.99))
    print(
        f"latency ms: p50 {p50:.1f}  p95 {p95:.1f}  p99 {p99:.1f}  "
        f"max {percentile(ordered, 1.0):.1f}"
    )
    errors = {status: n for status, n in load.statuses.items() if status != 202}
    print(f"errors by status (and code): {errors or 'none'}")
    postgres = f"{meter.postgres * per:.1f}" if args.conn_max_age else "n/a (short connections)"
    print(
        f"CPU ms per registration+booking: gunicorn {meter.app * per:.1f}, PostgreSQL "
        f"{postgres}, load generator {meter.client * per:.1f}, the rest of the machine "
        f"{meter.other * per:.1f}; idle {meter.idle / args.seconds:.2f} of {os.cpu_count()} cores"
    )
    one, five, _fifteen = load_before
    print(f"load average before the run started: {one:.2f} (1 min), {five:.2f} (5 min)")
    print(f"database: {check}")
    print(f"overbooked sessions: {check['overbooked']}")
    return {
        "what": what,
        "rate": booked / args.seconds,
        "p50": p50,
        "p95": p95,
        "p99": p99,
        # A session that filled up is a right answer (sessions are chosen at random).
        "errors": sum(n for status, n in errors.items() if status != "409 session_full"),
        "full": load.statuses["409 session_full"],
        "gunicorn_cpu_ms": meter.app * per,
        # What one registration+booking costs the machine, whoever else is using it.
        "cpu_ms": (meter.app + meter.postgres + meter.client) * per,
        "rest_ms": meter.other * per,
        "overbooked": check["overbooked"],
    }


def create_sessions(args, env) -> list[int]:
    command = [str(BIN / "python"), "-c", CREATE_SESSIONS, str(args.sessions), str(args.capacity)]
    return json.loads(run(command, env))


BARE, ACCUEIL = "bare endpoint", "Accueil"


def measure(args, baseline: bool) -> dict:
    """One run on a fresh database: Accueil, or the bare endpoint (benchmarks/bare_booking.py)."""
    load_before = os.getloadavg()  # what else runs on the machine, before we add to it
    reset_database(args.database_url)
    with tempfile.TemporaryDirectory(prefix="accueil-bench-") as data_dir:
        env = app_environment(args, data_dir, baseline=False)
        run([str(BIN / "accueil"), "migrate", "--noinput"], env)
        run([str(BIN / "accueil"), "createcachetable"], env)
        session_ids = create_sessions(args, env)
        port, log = free_port(), Path(data_dir) / "gunicorn.log"
        server = start_gunicorn(args, app_environment(args, data_dir, baseline), port, log)
        try:
            wait_until_serving(server, port, log)
            meter = CpuMeter(server.pid, args.database_url)
            load = rush(args, port, session_ids, meter)
        finally:
            stop(server)
        check = json.loads(run([str(BIN / "python"), "-c", CHECK], env))
    return report(args, load, meter, check, load_before, BARE if baseline else ACCUEIL)


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def compare(runs: list[dict]) -> None:
    """Each run, then Accueil's median throughput over the bare endpoint's: the only
    figure that holds from one day (or machine) to the next. When other work shares
    the cores ("rest" CPU per booking well above 0), the scheduler's fair share, not
    the code, limits both, and the throughput ratio rises towards 1: the ratio of CPU
    spent per booking (gunicorn, PostgreSQL and the clients) then says what the
    throughput ratio would be on an idle machine."""
    print("\n== alternate runs")
    print(
        "run  what           per second  p50 ms  p99 ms  errors  session_full  "
        "CPU ms: gunicorn  all  (rest)"
    )
    for n, one in enumerate(runs, 1):
        print(
            f"{n:>3}  {one['what']:<13}  {one['rate']:>10.1f}  {one['p50']:>6.0f}  "
            f"{one['p99']:>6.0f}  {one['errors']:>6}  {one['full']:>12}  "
            f"{one['gunicorn_cpu_ms']:>16.2f}  {one['cpu_ms']:>4.1f}  ({one['rest_ms']:.1f})"
        )
    bare_runs = [one for one in runs if one["what"] == BARE]
    real_runs = [one for one in runs if one["what"] == ACCUEIL]
    bare, real = (median([one["rate"] for one in group]) for group in (bare_runs, real_runs))
    pairs = [
        f"{after['rate'] / before['rate']:.2f}"
        for before, after in zip(runs[::2], runs[1::2], strict=True)
    ]
    ratio = real / bare
    cpu = median([one["cpu_ms"] for one in bare_runs]) / median(
        [one["cpu_ms"] for one in real_runs]
    )
    worst_p99 = max(one["p99"] for one in real_runs)
    errors = sum(one["errors"] for one in real_runs)
    overbooked = sum(one["overbooked"] for one in runs)
    print(f"median per second: bare endpoint {bare:.1f}, Accueil {real:.1f}")
    print(f"ratio Accueil / bare endpoint: {ratio:.2f} (run by run: {', '.join(pairs)})")
    print(
        f"ratio of CPU per booking, bare endpoint / Accueil: {cpu:.2f} (the throughput "
        "ratio to expect on an idle machine; the rest of the machine used "
        f"{median([one['rest_ms'] for one in runs]):.1f} ms per booking)"
    )
    met = ratio >= 0.6 and worst_p99 < 500 and not errors and not overbooked
    print(
        f"target (ratio >= 0.6, Accueil's p99 < 500 ms, 0 errors, 0 overbooked): "
        f"{'met' if met else 'NOT met'} (worst p99 {worst_p99:.0f} ms, {errors} errors, "
        f"{overbooked} overbooked)"
    )


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
    return 1 if any(one["overbooked"] for one in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
