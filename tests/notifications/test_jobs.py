"""Scheduled jobs (issue 13, point 1): declared in one table, one schedule each in the
worker, each run recorded, one run of a job at a time, a failed run tried again by the
queue and shown to the administrators, runnable by hand."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django_q.conf import Conf
from django_q.models import Schedule

from accueil.accounts.models import Role
from accueil.notifications import jobs, queue
from accueil.notifications.models import JobOutcome, JobRun
from tests import factories
from tests.notifications.test_worker import QUEUE, work

pytestmark = pytest.mark.django_db

CALLS: list[str] = []


def counted() -> int:
    CALLS.append("counted")
    return 7


def boom() -> int:
    raise ConnectionResetError("db at 10.0.0.5 said no")  # text never recorded


@pytest.fixture
def test_jobs(monkeypatch):
    """Two jobs of this module's functions in place of the real table."""
    CALLS.clear()
    table = (
        jobs.Job("counting", f"{__name__}.counted", timedelta(minutes=10), "Counts."),
        jobs.Job("failing", f"{__name__}.boom", timedelta(hours=2), "Fails."),
    )
    monkeypatch.setattr(jobs, "JOBS", table)
    monkeypatch.setattr(jobs, "BY_NAME", {job.name: job for job in table})
    return table


def test_every_job_of_the_table_names_a_function_of_no_argument_that_runs():
    assert len({job.name for job in jobs.JOBS}) == len(jobs.JOBS)
    for job in jobs.JOBS:
        result = import_string(job.func)()
        assert isinstance(result, int), job.name
        assert job.does and job.minutes >= 1


def test_migrating_leaves_one_schedule_per_job_and_none_of_the_old_ones():
    """`migrate` (the test database's too) syncs: the table's schedules, nothing else."""
    names = set(
        Schedule.objects.filter(name__startswith=jobs.PREFIX).values_list("name", flat=True)
    )
    assert names == {job.schedule_name for job in jobs.JOBS}
    assert not Schedule.objects.filter(name="booking reminders").exists()
    reminders = Schedule.objects.get(name="job: booking-reminders")
    assert (reminders.func, reminders.schedule_type, reminders.minutes, reminders.repeats) == (
        jobs.START,
        Schedule.MINUTES,
        5,
        -1,
    )


def test_sync_makes_changes_and_removes_schedules_and_twice_changes_nothing(test_jobs):
    Schedule.objects.create(name="booking reminders", func="x.y", schedule_type="I", minutes=5)
    real = Schedule.objects.filter(name__startswith=jobs.PREFIX).count()  # the real table's
    assert real >= 2
    assert jobs.sync() == (2, 1 + real)  # two made; the old sweep and the real table's gone
    assert jobs.sync() == (0, 0)
    counting = Schedule.objects.get(name="job: counting")
    assert (counting.minutes, counting.args) == (10, "'counting'")
    Schedule.objects.filter(pk=counting.pk).update(minutes=60)
    assert jobs.sync() == (1, 0)
    assert Schedule.objects.get(name="job: counting").minutes == 10


def test_a_run_is_recorded_with_what_the_job_returned(test_jobs):
    assert jobs.run(jobs.job_named("counting")) == 7
    run = JobRun.objects.get()
    assert (run.outcome, run.result, run.error, run.attempt) == (JobOutcome.DONE, "7", "", 1)
    assert run.finished_at >= run.started_at


def test_a_failed_run_is_recorded_by_its_error_s_class_only_and_raised(test_jobs):
    with pytest.raises(ConnectionResetError):
        jobs.run(jobs.job_named("failing"))
    run = JobRun.objects.get()
    assert (run.outcome, run.error) == (JobOutcome.FAILED, "ConnectionResetError")
    assert "10.0.0.5" not in str(JobRun.objects.values().get())


def test_the_schedule_s_call_tries_a_failed_run_again_through_the_queue(test_jobs, settings):
    settings.TASKS = QUEUE
    jobs.start("failing")  # what the worker's schedule calls
    retry = Schedule.objects.filter(func=queue.RUN).get()
    assert queue.scheduled_call(retry) == (jobs.RUN_JOB, ["failing"], {}, 2)
    assert retry.next_run > timezone.now()


def test_a_job_running_elsewhere_is_not_run_again_until_its_worker_is_presumed_dead(
    test_jobs, settings
):
    started = timezone.now()
    JobRun.objects.create(name="counting", started_at=started)
    assert jobs.run(jobs.job_named("counting")) is None
    assert CALLS == []
    lease = settings.Q_CLUSTER["timeout"]
    with time_machine.travel(started + timedelta(seconds=lease + 1)):
        assert jobs.run(jobs.job_named("counting")) == 7
    assert CALLS == ["counted"]
    outcomes = list(JobRun.objects.order_by("started_at").values_list("outcome", flat=True))
    assert outcomes == [JobOutcome.ABANDONED, JobOutcome.DONE]


def test_the_database_allows_one_run_in_progress_per_job():
    JobRun.objects.create(name="guide-purge", started_at=timezone.now())
    with pytest.raises(IntegrityError), transaction.atomic():
        JobRun.objects.create(name="guide-purge", started_at=timezone.now())
    JobRun.objects.create(name="booking-reminders", started_at=timezone.now())


def test_runs_older_than_30_days_are_deleted_when_the_job_runs_again(test_jobs):
    old = timezone.now() - timedelta(days=31)
    JobRun.objects.create(name="counting", started_at=old, finished_at=old, outcome=JobOutcome.DONE)
    jobs.run(jobs.job_named("counting"))
    assert JobRun.objects.filter(name="counting").count() == 1


def test_the_worker_runs_a_due_job_from_its_schedule(
    test_jobs, transactional_db, settings, monkeypatch
):
    settings.TASKS = QUEUE
    monkeypatch.setattr(Conf, "POLL", 0)
    Schedule.objects.all().delete()
    jobs.sync()
    work()  # the scheduler turns the due schedules into messages; each is run
    assert CALLS == ["counted"]
    assert JobRun.objects.get(name="counting").outcome == JobOutcome.DONE
    assert JobRun.objects.get(name="failing").outcome == JobOutcome.FAILED
    assert Schedule.objects.filter(func=queue.RUN).count() == 1  # its retry


@pytest.mark.parametrize(
    ("lang", "title", "failed"),
    [
        ("en", "Scheduled jobs", "Failed"),
        ("fr", "Tâches planifiées", "Échec"),
        ("de", "Geplante Aufgaben", "Fehlgeschlagen"),
    ],
)
def test_administrators_see_the_jobs_failing_now_first(client, test_jobs, lang, title, failed):
    jobs.run(jobs.job_named("counting"))
    with pytest.raises(ConnectionResetError):
        jobs.run(jobs.job_named("failing"))
    client.force_login(factories.user(Role.ADMIN))
    page = client.get(reverse("jobs:list"), HTTP_ACCEPT_LANGUAGE=lang)
    assert page.status_code == 200
    text = page.content.decode()
    assert f'<h1 class="govuk-heading-xl">{title}</h1>' in text
    assert text.index('id="job-failing"') < text.index('id="job-counting"')
    assert f'govuk-tag--red">{failed}</strong>' in text


@pytest.mark.parametrize("role", [Role.OFFICER, Role.DPO, Role.PROVIDER, Role.CANDIDATE])
def test_only_administrators_see_the_jobs(client, role):
    client.force_login(factories.user(role))
    assert client.get(reverse("jobs:list")).status_code == 403


def test_a_job_runs_by_hand_and_an_unknown_one_is_named(test_jobs, capsys):
    call_command("jobs", "run", "counting")
    assert "counting: done, 7 returned" in capsys.readouterr().out
    with pytest.raises(CommandError, match="counting, failing"):
        call_command("jobs", "run", "nothing")
    call_command("jobs")
    listing = capsys.readouterr().out
    assert "counting" in listing and "Counts." in listing


def test_the_readme_s_table_is_the_table_of_jobs():
    from pathlib import Path

    readme = (Path(__file__).parents[2] / "README.md").read_text()
    rows = [line for line in readme.splitlines() if line.startswith("| `") and "|" in line[3:]]
    for job in jobs.JOBS:
        minutes = job.minutes
        hours = minutes // 60
        every = f"{minutes} minutes" if minutes < 60 else f"{hours} hour{'s' * (hours > 1)}"
        assert f"| `{job.name}` | {every} | {job.does} |" in rows, job.name
