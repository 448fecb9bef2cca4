"""Scheduled jobs: declared in one place (`JOBS`), run by the task worker.

Each job is a function of no argument in the app that owns what it does, named here by
its dotted path (this module imports no other app). The worker (`accueil qcluster`,
which production runs anyway to send emails) runs each job at its interval: `sync`
keeps one django-q2 schedule per job, named "job: <name>", in step with this table; it
runs after every `accueil migrate` (apps.py), so a deployment that adds, changes or
removes a job changes its schedule, and nothing else does.

- **Each run is recorded** (`JobRun`): when, which attempt, how it ended (what the job
  returned, or the class of its error, never its text), for the administrators' page
  "Scheduled jobs", which shows the jobs failing now.
- **A failed run is tried again** by the task queue (`start` goes through queue.run): after
  1, 2, 4 ... minutes, as emails are; the next run at its interval comes besides.
- **One run of a job at a time.** A run in progress is a `JobRun` without an end, and
  the database allows one per job (`jobrun_one_running`): a second worker starting the
  same job finds it running and does nothing. A run whose worker died (older than the
  task timeout) is marked abandoned and the job runs again.
- **Idempotent.** Each job checks what is already done (an email's record, a
  contract's status), so running it twice, or at once on two machines, sends nothing
  twice and decides nothing twice.

`accueil jobs` lists the table and each job's last run; `accueil jobs run <name>` runs
one now, in the foreground (an operator's check; the worker needs nothing of it).
"""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_noop
from django_tasks import task

from accueil.notifications import queue
from accueil.notifications.models import JobOutcome, JobRun
from accueil.notifications.queue import current_attempt

PREFIX = "job: "
START = f"{__name__}.start"
RUN_JOB = f"{__name__}.run_job"
# Runs are kept this long (a job every 5 minutes makes 288 records a day).
KEPT = timedelta(days=30)


@dataclass(frozen=True)
class Job:
    name: str  # stable: the schedule's and the records' name
    func: str  # the dotted path of a function of no argument
    every: timedelta
    does: str  # what it does, in English (gettext_noop): shown translated

    @property
    def schedule_name(self) -> str:
        return PREFIX + self.name

    @property
    def minutes(self) -> int:
        return max(1, int(self.every.total_seconds() // 60))


# The one table of scheduled jobs.
JOBS: tuple[Job, ...] = (
    Job(
        "booking-reminders",
        "accueil.booking.emails.queue_due_reminders",
        timedelta(minutes=5),
        gettext_noop(
            "Queues the reminder of each information session booked, 2 days before the "
            "session (each reminder once)."
        ),
    ),
    Job(
        "term-reminders",
        "accueil.training.reminders.queue_due_term_reminders",
        timedelta(hours=3),
        gettext_noop(
            "Queues the reminders of each contract in force with something left to do, "
            "6 months, 3 months and 1 month before the end of its term (each reminder once)."
        ),
    ),
    Job(
        "guide-purge",
        "accueil.guide.services.expired_answers_purge",
        timedelta(hours=6),
        gettext_noop("Deletes the guide's answers that nobody has used for 12 months."),
    ),
    Job(
        "statistics-summary",
        "accueil.statistics.services.refresh_summary",
        timedelta(hours=1),
        gettext_noop(
            "Counts again the statistics of the months before the current one, which the "
            "statistics pages read instead of counting every contract."
        ),
    ),
    Job(
        "term-review",
        "accueil.contracts.review.term_review_job",
        timedelta(hours=1),
        gettext_noop(
            "Reviews each contract in force whose term has ended: closes it as fulfilled, "
            "or puts it in the officers' review queue (each contract once)."
        ),
    ),
    Job(
        "retention",
        "accueil.privacy.retention.retention_job",
        timedelta(hours=1),
        gettext_noop(
            "Applies the retention policy: deletes or anonymises the data kept longer than "
            "their purpose requires (docs/retention.md), in batches."
        ),
    ),
)
BY_NAME = {job.name: job for job in JOBS}
# Schedules made before this table, which it replaces (notifications migration 0003).
REPLACED = ("booking reminders",)


class UnknownJob(LookupError):
    pass


def job_named(name: str) -> Job:
    try:
        return BY_NAME[name]
    except KeyError:
        raise UnknownJob(name) from None


def sync() -> tuple[int, int]:
    """Make the worker's schedules those of `JOBS`: (made or changed, removed)."""
    from django_q.models import Schedule

    changed = 0
    for job in JOBS:
        call = repr(job.name)
        minutes = job.minutes
        schedule = Schedule.objects.filter(name=job.schedule_name).first()
        if schedule is None:
            Schedule.objects.create(
                name=job.schedule_name,
                func=START,
                args=call,
                schedule_type=Schedule.MINUTES,
                minutes=minutes,
                repeats=-1,
                next_run=timezone.now(),
            )
            changed += 1
        elif (schedule.func, schedule.args, schedule.minutes) != (START, call, minutes):
            schedule.func, schedule.args, schedule.minutes = START, call, minutes
            schedule.schedule_type = Schedule.MINUTES
            schedule.save()
            changed += 1
    stale = Schedule.objects.filter(name__startswith=PREFIX).exclude(
        name__in=[job.schedule_name for job in JOBS]
    )
    removed, _by_model = stale.delete()
    replaced, _by_model = Schedule.objects.filter(name__in=REPLACED).delete()
    return changed, removed + replaced


def sync_after_migrate(sender, using="default", **kwargs) -> None:
    """After `accueil migrate` (and a test database's flush): the schedules of `JOBS`."""
    if using == "default":
        sync()


def start(name: str) -> Any:
    """What a job's schedule calls: its run, through the queue's `run`, which tries a
    failed run again later (as a one-off schedule of `queue.RUN`)."""
    return queue.run(RUN_JOB, [name], {}, 1)


@task()
def run_job(name: str) -> Any:
    return run(job_named(name))


def run(job: Job) -> Any:
    """Run `job` now, recorded; None without running it if it is running already."""
    now = timezone.now()
    lease = timedelta(seconds=int(str(settings.Q_CLUSTER["timeout"])))
    with transaction.atomic():
        JobRun.objects.filter(
            name=job.name, finished_at__isnull=True, started_at__lt=now - lease
        ).update(finished_at=now, outcome=JobOutcome.ABANDONED)
        JobRun.objects.filter(name=job.name, started_at__lt=now - KEPT).delete()
        try:
            with transaction.atomic():
                record = JobRun.objects.create(
                    name=job.name, started_at=now, attempt=current_attempt().number
                )
        except IntegrityError:  # jobrun_one_running: another worker runs it
            return None
    try:
        result = import_string(job.func)()
    except Exception as error:
        JobRun.objects.filter(pk=record.pk).update(
            finished_at=timezone.now(), outcome=JobOutcome.FAILED, error=type(error).__name__
        )
        raise
    JobRun.objects.filter(pk=record.pk).update(
        finished_at=timezone.now(), outcome=JobOutcome.DONE, result=summary(result)
    )
    return result


def summary(result: Any) -> str:
    """What a job returned, for the record: a count, or nothing."""
    if isinstance(result, bool) or result is None:
        return ""
    if isinstance(result, int):
        return str(result)
    return ""


@dataclass(frozen=True)
class JobStatus:
    job: Job
    last: JobRun | None
    last_done: JobRun | None
    running: bool

    @property
    def failing(self) -> bool:
        """Its last finished run failed or was stopped with its worker."""
        return self.last is not None and self.last.outcome in (
            JobOutcome.FAILED,
            JobOutcome.ABANDONED,
        )


def statuses() -> list[JobStatus]:
    """Each job with its last finished run and its last successful one."""
    found = []
    for job in JOBS:
        runs = JobRun.objects.filter(name=job.name)
        found.append(
            JobStatus(
                job,
                runs.filter(finished_at__isnull=False).first(),
                runs.filter(outcome=JobOutcome.DONE).first(),
                runs.filter(finished_at__isnull=True).exists(),
            )
        )
    return found
