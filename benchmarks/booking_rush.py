"""Booking rush: many people registering and booking an information session at once.

Builds a fresh PostgreSQL database, serves Accueil under gunicorn on 127.0.0.1, then
runs CLIENTS concurrent clients for SECONDS, each repeatedly registering a new person
and booking a seat in one request (POST /api/v1/registrations with session_id, a
unique valid national identification number each time). Prints completed
registrations+bookings per second, latency percentiles, errors by status, and the
number of overbooked sessions (seats_taken > capacity, or active bookings !=
seats_taken), which must be 0: the script exits with status 1 otherwise.

    .venv/bin/python benchmarks/booking_rush.py --clients 50 --seconds 30

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

from accueil.registration.national_id import make as make_national_id  # noqa: E402

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
from django_tasks_db.models import DBTaskResult
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
    "queued_tasks": DBTaskResult.objects.count(),
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
        default="django_tasks_db.DatabaseBackend",
        help="TASKS_BACKEND: the real queue by default (each booking queues its emails)",
    )
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/accueil_bench"
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


def app_environment(args: argparse.Namespace, data_dir: str) -> dict[str, str]:
    return os.environ | {
        "DJANGO_SETTINGS_MODULE": "accueil.settings",
        "DATABASE_URL": args.database_url,
        "DATABASE_CONN_MAX_AGE": str(args.conn_max_age),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "RATE_LIMIT_PUBLIC": "0",
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


def report(args, load: Rush, meter: CpuMeter, check: dict, load_before: tuple[float, ...]) -> None:
    ordered = sorted(load.latencies)
    booked = load.statuses[202]
    per = 1000 / max(booked, 1)
    print(
        f"{args.clients} clients, {args.seconds:g} s; gunicorn {args.workers} workers x "
        f"{args.threads} threads; DATABASE_CONN_MAX_AGE={args.conn_max_age}; "
        f"TASKS_BACKEND={args.tasks_backend}; {args.sessions} sessions of {args.capacity} seats"
    )
    print(f"registrations+bookings: {booked} ({booked / args.seconds:.1f}/s)")
    print(
        f"latency ms: p50 {percentile(ordered, 0.50):.1f}  p95 {percentile(ordered, 0.95):.1f}  "
        f"p99 {percentile(ordered, 0.99):.1f}  max {percentile(ordered, 1.0):.1f}"
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
    print(f"load average before the benchmark started: {one:.2f} (1 min), {five:.2f} (5 min)")
    print(f"database: {check}")
    print(f"overbooked sessions: {check['overbooked']}")


def create_sessions(args, env) -> list[int]:
    command = [str(BIN / "python"), "-c", CREATE_SESSIONS, str(args.sessions), str(args.capacity)]
    return json.loads(run(command, env))


def main() -> int:
    args = arguments()
    load_before = os.getloadavg()  # what else runs on the machine, before we add to it
    refuse_unsafe(args.database_url)
    reset_database(args.database_url)
    with tempfile.TemporaryDirectory(prefix="accueil-bench-") as data_dir:
        env = app_environment(args, data_dir)
        run([str(BIN / "accueil"), "migrate", "--noinput"], env)
        run([str(BIN / "accueil"), "createcachetable"], env)
        session_ids = create_sessions(args, env)
        port, log = free_port(), Path(data_dir) / "gunicorn.log"
        server = start_gunicorn(args, env, port, log)
        try:
            wait_until_serving(server, port, log)
            meter = CpuMeter(server.pid, args.database_url)
            load = rush(args, port, session_ids, meter)
        finally:
            stop(server)
        check = json.loads(run([str(BIN / "python"), "-c", CHECK], env))
    report(args, load, meter, check, load_before)
    return 1 if check["overbooked"] else 0


if __name__ == "__main__":
    sys.exit(main())
