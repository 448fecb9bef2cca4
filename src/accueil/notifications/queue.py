"""The task queue: django-tasks' `@task` / `.enqueue()` on django-q2's database queue.

Every task in Accueil is a django-tasks `@task` (the tests collect them with its
DummyBackend); `QueueBackend` hands them to django-q2 (`accueil qcluster` runs them):

- **Queued with the data.** `enqueue` writes one row through the Django ORM, on the
  caller's connection and so inside its transaction: the worker sees the task when the
  change it announces is committed, and never when it is rolled back (a transactional
  outbox, given by the queue itself). A task due now is an `OrmQ` message; a task
  with `run_after` is a one-off `Schedule` that the cluster's scheduler turns into a
  message when it is due (it checks every 30 seconds).
- **A dead worker's task is run again.** The cluster leases a message before running
  it (`Q_CLUSTER["retry"]` seconds, `TASKS_LEASE`) and deletes it only when the task
  has returned; if the worker dies, the lease runs out and another worker takes it.
  A task runs at most `Q_CLUSTER["timeout"]` seconds, well within the lease, so a
  message is not taken again while it runs (and emails lock their record while they
  are sent, so a second run would wait and find it sent).
- **A failed task is tried again, later and later.** `run` catches the error, logs
  its class (never its text, which may hold an address) and queues the next attempt
  after `retry_delay(attempt)`: 1, 2, 4 ... minutes, at most an hour apart, until the
  attempts span `TASKS_RETRY_FOR` (24 hours): 30 attempts by default. The task learns
  through `current_attempt()` whether it is the last one (emails then mark their
  delivery failed, for the officers' "Emails not delivered" page).

Tasks take ids, re-read what they need and check what was already done, so running
one twice is harmless (see notifications.services for emails).
"""

import ast
import logging
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import Task, TaskResult, TaskResultStatus
from django_tasks.signals import task_enqueued
from django_tasks.utils import get_random_id

logger = logging.getLogger(__name__)

RUN = "accueil.notifications.queue.run"


@dataclass(frozen=True)
class Attempt:
    number: int = 1
    last: bool = False


_attempt: ContextVar[Attempt | None] = ContextVar("task_attempt", default=None)


def current_attempt() -> Attempt:
    """Which attempt of the running task this is (the first, outside the worker)."""
    return _attempt.get() or Attempt()


def retry_delay(failed_attempts: int) -> timedelta:
    """How long after its `failed_attempts`-th failure a task is tried again."""
    first = settings.TASKS_RETRY_FIRST_DELAY
    seconds = min(first * 2 ** (failed_attempts - 1), settings.TASKS_RETRY_MAX_DELAY)
    return timedelta(seconds=seconds)


def max_attempts() -> int:
    """Attempts until the delays between them add up to `TASKS_RETRY_FOR` seconds."""
    attempts, waited = 1, timedelta(0)
    while waited < timedelta(seconds=settings.TASKS_RETRY_FOR):
        waited += retry_delay(attempts)
        attempts += 1
    return attempts


@lru_cache(maxsize=1)
def _broker():
    """The process's broker: django-q2 would make a new one for every task queued (the
    ORM broker keeps no connection of its own: it uses Django's, per thread)."""
    from django_q.brokers import get_broker

    return get_broker()


def submit(path: str, args, kwargs, *, attempt: int = 1, run_after: datetime | None = None):
    """Queue attempt `attempt` of the task at `path`, in the current transaction."""
    from django_q.models import Schedule
    from django_q.tasks import async_task

    call = (path, list(args), dict(kwargs), attempt)
    if run_after is None or run_after <= timezone.now():
        return async_task(RUN, *call, task_name=path.rpartition(".")[2], broker=_broker())
    # A literal the scheduler reads back with ast.literal_eval (the task's arguments
    # are JSON values: QueueBackend.enqueue checks it).
    return Schedule.objects.create(
        func=RUN,
        args=repr(call),
        name=None,
        schedule_type=Schedule.ONCE,
        repeats=-1,  # a ONCE schedule is deleted when it has queued its task
        next_run=run_after,
    )


def run(path: str, args: list, kwargs: dict, attempt: int = 1):
    """What the worker runs: the task, and its next attempt if it fails."""
    task: Task = import_string(path)
    last = attempt >= max_attempts()
    token = _attempt.set(Attempt(attempt, last))
    try:
        return task.call(*args, **kwargs)
    except Exception as error:
        if last:
            logger.error(
                "Task %s failed at its last attempt (%d): %s",
                path,
                attempt,
                type(error).__name__,
            )
            return None
        delay = retry_delay(attempt)
        logger.warning(
            "Task %s failed at attempt %d (%s), next attempt in %d s",
            path,
            attempt,
            type(error).__name__,
            delay.total_seconds(),
        )
        submit(path, args, kwargs, attempt=attempt + 1, run_after=timezone.now() + delay)
        return None
    finally:
        _attempt.reset(token)


def scheduled_call(schedule) -> tuple[str, list, dict, int]:
    """The task path, arguments and attempt a schedule made by `submit` will run."""
    return ast.literal_eval(schedule.args)


class QueueBackend(BaseTaskBackend):
    """A django-tasks backend whose queue is django-q2's (see the module's docstring)."""

    supports_defer = True

    def __init__(self, alias, params):
        super().__init__(alias, params)
        self._valid: set[tuple] = set()

    def _validate_once(self, task: Task) -> None:
        """`validate_task`, whose answer depends only on these attributes of the task
        (it reads the function's signature: a booking would pay for it every time)."""
        shape = (task.func, task.priority, task.queue_name, task.takes_context)
        if task.run_after is not None or shape not in self._valid:
            self.validate_task(task)
            if task.run_after is None:
                self._valid.add(shape)

    def enqueue(self, task: Task, args, kwargs) -> TaskResult:
        self._validate_once(task)
        result: TaskResult[Any] = TaskResult(  # refuses arguments that are not JSON values
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=timezone.now(),
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        submit(task.module_path, result.args, result.kwargs, run_after=task.run_after)
        task_enqueued.send(type(self), task_result=result)
        return result
