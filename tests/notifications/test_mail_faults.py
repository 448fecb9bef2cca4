"""No email is lost: 50 registrations+bookings while the SMTP server stops for 30
seconds and the worker (the real `accueil qcluster`, a subprocess) is killed twice
in the middle of a send. Afterwards every expected email has arrived; duplicates,
the one gap notifications/services.py documents (the server accepted the email, the
worker died before recording it), are counted and printed.

On PostgreSQL (the worker is another process sharing the test database). About
90 seconds: the SMTP server stays down 30 s, and the cluster's scheduler, which
queues retries, looks every 30 s.
"""

import asyncio
import contextlib
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import date, timedelta
from email import message_from_bytes
from email.header import decode_header, make_header

import pytest
from aiosmtpd.controller import Controller
from django.db import connection
from django.utils import timezone

from accueil.booking import emails as booking_emails
from accueil.booking.models import Booking
from accueil.core import national_id
from accueil.notifications.models import DeliveryStatus, Notification
from accueil.registration import emails as registration_emails
from accueil.registration.models import Candidate
from tests import factories

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.xdist_group("mail_faults")]

PEOPLE = 50
WORKERS = 2
SMTP_DOWN_FOR = 30  # seconds
SLOW_SMTP = 0.15  # seconds per message, so that a kill lands in the middle of a send
DEADLINE = 240  # seconds for everything to arrive


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Sink:
    """A slow SMTP server that records (recipient, subject) of each email it accepts,
    and can tell the test when it is in the middle of receiving the n-th one."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.received: list[tuple[str, str]] = []
        self.lock = threading.Lock()
        self.mid_send = threading.Event()
        self.kill_at: int | None = None
        self.controller: Controller | None = None

    async def handle_DATA(self, server, session, envelope):
        """Keep the email, then take SLOW_SMTP seconds to say so: a worker killed
        meanwhile has had its email accepted without knowing it."""
        subject = str(make_header(decode_header(message_from_bytes(envelope.content)["Subject"])))
        with self.lock:
            for recipient in envelope.rcpt_tos:
                self.received.append((recipient, subject))
            if self.kill_at is not None and len(self.received) >= self.kill_at:
                self.kill_at = None
                self.mid_send.set()  # the worker now waits for our answer
        await asyncio.sleep(SLOW_SMTP)
        return "250 OK"

    def start(self) -> None:
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        self.controller.stop()

    def count(self) -> int:
        with self.lock:
            return len(self.received)


class Worker:
    """`accueil qcluster` in its own process group, killed whole like a crashed machine."""

    def __init__(self, env: dict, log) -> None:
        self.env = env
        self.log = log
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        with open(self.log, "a") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "accueil.cli", "qcluster"],
                env=self.env,
                start_new_session=True,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def output(self) -> str:
        return self.log.read_text()[-3000:]

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        if self.process:
            # The cluster's children, in the same group, may outlive it an instant.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)


def wait_until(condition, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.fixture
def on_postgres(transactional_db, settings):
    if connection.vendor != "postgresql":
        pytest.skip("the worker is another process sharing the database: PostgreSQL")
    settings.RATE_LIMIT_PUBLIC = "0"
    settings.TASKS = {
        "default": {"BACKEND": "accueil.notifications.queue.QueueBackend", "QUEUES": ["default"]}
    }
    return settings


def database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def register_and_book(client, session, n: int) -> None:
    body = {
        "surname": "Silva",
        "first_name": f"Ana{n}",
        "national_id": national_id.make(date(1990, 1, 1) + timedelta(days=n), 100 + n),
        "phone": "621 123 456",
        "email": f"person{n}@example.test",
        "nationalities": ["PT"],
        "information_language": "en",
        "legally_resident": True,
        "wishes_to_settle": True,
        "consent": True,
        "session_id": session.pk,
    }
    answer = client.post("/api/v1/registrations", body, content_type="application/json")
    assert answer.status_code == 202, answer.content  # the neutral answer (issue 9, point 3)


def expected_emails() -> Counter:
    expected = Counter()
    for candidate in Candidate.objects.all():
        booking = Booking.objects.get(candidate=candidate)
        for message in (
            registration_emails.message("registered", candidate),
            booking_emails.message("booked", booking),
        ):
            expected[(candidate.email, message.subject)] += 1
    return expected


def test_no_email_is_lost_when_smtp_stops_and_the_worker_is_killed(on_postgres, client, tmp_path):
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's every command
    sink = Sink(free_port())
    worker = Worker(
        {
            **os.environ,
            "DEBUG": "false",
            "SECRET_KEY": on_postgres.SECRET_KEY,
            "DATABASE_URL": database_url(),
            "DATABASE_CONN_MAX_AGE": "0",
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(sink.port),
            "EMAIL_TIMEOUT": "5",
            "TASKS_WORKERS": str(WORKERS),
            "TASKS_LEASE": "8",
            "TASKS_TIMEOUT": "6",
            "TASKS_RETRY_FIRST_DELAY": "2",
            "TASKS_RETRY_MAX_DELAY": "10",
            "TASKS_RETRY_FOR": "900",
            "LOG_LEVEL": "WARNING",
        },
        tmp_path / "worker.log",
    )
    session = factories.information_session(
        starts_at=timezone.now() + timedelta(days=5), capacity=PEOPLE
    )
    sink.start()
    worker.start()
    try:
        for n in range(PEOPLE // 2):
            register_and_book(client, session, n)
        # First kill: in the middle of the 5th email's SMTP conversation.
        sink.kill_at = 5
        assert sink.mid_send.wait(60), "the worker sent nothing:\n" + worker.output()
        worker.kill()
        sink.mid_send.clear()
        worker.start()
        for n in range(PEOPLE // 2, PEOPLE):
            register_and_book(client, session, n)
        # Second kill, mid-send again; then the SMTP server stops for 30 seconds.
        sink.kill_at = sink.count() + 3
        assert sink.mid_send.wait(60), "the restarted worker sent nothing:\n" + worker.output()
        worker.kill()
        sink.stop()
        down_since = time.monotonic()
        worker.start()
        time.sleep(max(0.0, SMTP_DOWN_FOR - (time.monotonic() - down_since)))
        sink.start()

        expected = expected_emails()
        assert sum(expected.values()) == 2 * PEOPLE

        def all_arrived() -> bool:
            with sink.lock:
                arrived = Counter(sink.received)
            return all(arrived[email] >= 1 for email in expected) and not (
                Notification.objects.exclude(status=DeliveryStatus.SENT).exists()
            )

        wait_until(all_arrived, DEADLINE)
    finally:
        worker.kill()
        sink.stop()

    arrived = Counter(sink.received)
    missing = [email for email in expected if arrived[email] == 0]
    duplicates = sum(n - 1 for email, n in arrived.items() if n > 1)
    unexpected = [email for email in arrived if email not in expected]
    retried = Notification.objects.filter(attempts__gt=1).count()
    print(
        f"\n{sum(expected.values())} emails expected, {len(sink.received)} received, "
        f"{len(missing)} missing, {duplicates} duplicates, {len(unexpected)} unexpected; "
        f"{retried} sent after a failed attempt"
    )
    assert missing == [], worker.output()
    assert retried > 0  # the SMTP server's stop made sends fail, and they were retried
    assert unexpected == []
    assert Notification.objects.filter(status=DeliveryStatus.SENT).count() == 2 * PEOPLE
    # At most one duplicate per worker process and kill: the emails in the middle of
    # their send.
    assert duplicates <= 2 * WORKERS
