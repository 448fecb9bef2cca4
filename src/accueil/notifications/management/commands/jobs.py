"""`accueil jobs`: the scheduled jobs (notifications.jobs), their interval and last run;
`accueil jobs run <name>` runs one now; `accueil jobs sync` remakes their schedules
(`accueil migrate` does it too)."""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from accueil.notifications import jobs


class Command(BaseCommand):
    help = "List the scheduled jobs and their last run; run one now; or sync their schedules."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", nargs="?", choices=["list", "run", "sync"], default="list")
        parser.add_argument("name", nargs="?", help="the job to run")

    def handle(self, *args, action: str, name: str | None, **options) -> None:
        if action == "sync":
            changed, removed = jobs.sync()
            self.stdout.write(f"{changed} schedules made or changed, {removed} removed")
        elif action == "run":
            if not name:
                raise CommandError(f"Name a job: {', '.join(jobs.BY_NAME)}")
            try:
                job = jobs.job_named(name)
            except jobs.UnknownJob:
                raise CommandError(f"No job {name!r}: {', '.join(jobs.BY_NAME)}") from None
            result = jobs.run(job)
            if result is None:
                self.stdout.write(f"{name}: done (or running already elsewhere)")
            else:
                self.stdout.write(f"{name}: done, {jobs.summary(result) or 'nothing'} returned")
        else:
            for status in jobs.statuses():
                job, last = status.job, status.last
                when = (
                    timezone.localtime(last.finished_at).isoformat(" ", "minutes")
                    if last
                    else "never"
                )
                outcome = (
                    (last.outcome + (f" ({last.error})" if last.error else "")) if last else ""
                )
                self.stdout.write(f"{job.name:<20} every {job.every}  last: {when} {outcome}")
                self.stdout.write(f"    {job.does}")
