"""`accueil demo [--port N]`: a ready-to-click Accueil on 127.0.0.1 with demo data."""

import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from accueil.demo import cases, data, end_data, training_data


class Command(BaseCommand):
    help = "Create the local database, load demo data, print the logins and serve the site."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-serve", action="store_true", help="prepare only, do not serve")

    def handle(self, *args, port: int, no_serve: bool, **options) -> None:
        url = f"http://127.0.0.1:{port}/"
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        settings.EMAIL_FILE_PATH.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)
        counts = data.load()
        self.stdout.write(self.style.SUCCESS(f"Accueil demo: {url}"))
        self.stdout.write("  " + ", ".join(f"{n} {what}" for what, n in counts.items()))
        self.stdout.write(f"  Emails are written to {settings.EMAIL_FILE_PATH}")
        self.stdout.write(f"  Sign in at {url}sign-in/ with password {data.DEMO_PASSWORD}:")
        for email, role in self.logins():
            self.stdout.write(f"    {role:<26} {email}")
        secret = " ".join(data.DEMO_TOTP_SECRET[i : i + 4] for i in range(0, 32, 4))
        self.stdout.write(
            "  Staff then enter a security code: add the key "
            f"{secret} to an authenticator app (time-based, TOTP), or type a recovery "
            "code, each once: the login's name, a dash and 1 to "
            f"{data.DEMO_RECOVERY_CODES} (officer-1 ... officer-{data.DEMO_RECOVERY_CODES} "
            "for officer@accueil.example; loading the demo again gives them back)."
        )
        self.stdout.write("  Cases to look at, and where:")
        for line in [*cases.where(), *training_data.where(), *end_data.where()]:
            self.stdout.write(f"    {line}")
        if not no_serve:
            self.serve(port)

    def serve(self, port: int) -> None:
        """The web server, with the task worker beside it (it sends the emails)."""
        # Links in emails and calendars lead to the port the demo serves on.
        site = os.environ.get("SITE_URL") or f"http://127.0.0.1:{port}"
        settings.SITE_URL = site
        # django-q2's cluster; one worker process is plenty for the demo's SQLite file.
        worker = subprocess.Popen(
            [sys.executable, "-m", "accueil.cli", "qcluster"],
            env={"TASKS_WORKERS": "1", **os.environ, "SITE_URL": site},
        )
        self.stdout.write(f"  Task worker started (pid {worker.pid})")
        # Stopped by a signal (a service manager, `timeout`) as by Ctrl-C: the worker
        # stops with the server instead of being left behind.
        signal.signal(signal.SIGTERM, _interrupt)
        try:
            call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)
        except KeyboardInterrupt:
            pass
        finally:
            stop(worker)

    def logins(self) -> list[tuple[str, str]]:
        rows = [(email, str(role.label)) for email, _f, _l, role, _o, _lang in data.STAFF]
        rows.insert(0, ("candidate@accueil.example", "Candidate"))
        rows.insert(1, ("fulfilled@accueil.example", "Candidate (contract fulfilled)"))
        return rows


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def stop(worker: subprocess.Popen, grace: float = 10) -> None:
    """Ask the worker to stop; if it has not within `grace` seconds, kill it."""
    worker.terminate()
    try:
        worker.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()
