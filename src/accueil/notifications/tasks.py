"""Background work of notifications: small, idempotent, queued with the data.

Every task takes ids, re-reads what it needs and does nothing when there is nothing
left to do (the booking ended, the email was already sent), so it can run twice.

Where the queue is the database (django-tasks-db, the default), a task is queued in
the same transaction as the change it announces: the worker sees it exactly when the
booking is committed, and never for one rolled back (a transactional outbox), at no
extra commit; inside `queued_together()` the rows wait and are written in one INSERT.
With any other queue, tasks are queued after the commit.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import signals
from django.utils import timezone
from django_tasks import task
from django_tasks_db import DatabaseBackend
from django_tasks_db.compat import normalize_json, task_enqueued
from django_tasks_db.models import DBTaskResult

from accueil.booking.models import Booking, BookingStatus
from accueil.notifications import emails
from accueil.notifications.models import Notification

REMINDER_BEFORE = timedelta(days=2)  # issue: "A reminder email goes out 2 days before."
STARTS_A_BOOKING = {"booked", "moved", "waitlist_booked"}
# The rows queued inside `queued_together()`, each with the backend that queues it.
_waiting: ContextVar[list[tuple[DatabaseBackend, DBTaskResult]] | None] = ContextVar(
    "tasks_waiting", default=None
)


def queue(task_, *args, run_after: datetime | None = None) -> None:
    """Queue `task_` with the current transaction (see the module's docstring)."""
    if run_after is not None:
        task_ = task_.using(run_after=run_after)
    # task_.get_backend(), not default_task_backend: that one is a proxy object.
    backend = task_.get_backend()
    if not isinstance(backend, DatabaseBackend):
        transaction.on_commit(lambda: task_.enqueue(*args))
    elif (waiting := _waiting.get()) is not None:
        backend.validate_task(task_)
        waiting.append((backend, _task_row(backend, task_, args)))
    else:
        task_.enqueue(*args)


def _task_row(backend: DatabaseBackend, task_, args: tuple) -> DBTaskResult:
    """The row `DatabaseBackend.enqueue` creates, not saved yet (django-tasks-db 0.13;
    tests/test_worker.py compares the two)."""
    return DBTaskResult(
        id=backend._get_id(),
        args_kwargs=normalize_json({"args": args, "kwargs": {}}),
        priority=task_.priority,
        task_path=task_.module_path,
        queue_name=task_.queue_name,
        run_after=task_.run_after,
        backend_name=backend.alias,
    )


@contextmanager
def queued_together() -> Iterator[None]:
    """With the database queue, write the tasks queued inside in one INSERT when the
    block ends without an error (none when it raises), as `enqueue` would one by one:
    the same signals, in the same transaction. Only around code that recovers from no
    error inside it (a savepoint rolled back inside would leave its tasks waiting)."""
    if _waiting.get() is not None:  # already inside: the outer block writes them
        yield
        return
    waiting: list[tuple[DatabaseBackend, DBTaskResult]] = []
    token = _waiting.set(waiting)
    try:
        yield
    finally:
        _waiting.reset(token)
    if waiting:
        _write(waiting)


def _write(waiting: list[tuple[DatabaseBackend, DBTaskResult]]) -> None:
    using = DBTaskResult.objects.db
    for _backend, row in waiting:  # as save() would: django-tasks-db sets run_after then
        signals.pre_save.send(
            DBTaskResult, instance=row, raw=False, using=using, update_fields=None
        )
    DBTaskResult.objects.bulk_create([row for _backend, row in waiting])
    for backend, row in waiting:
        task_enqueued.send(type(backend), task_result=row.task_result)


def notify(kind: str, booking: Booking) -> None:
    """The email about this booking, and its reminder 2 days before if it applies."""
    queue(send_booking_email, kind, booking.pk)
    if kind in STARTS_A_BOOKING:
        at = booking.session.starts_at - REMINDER_BEFORE
        if at > timezone.now():
            queue(send_booking_reminder, booking.pk, run_after=at)


@task()
def send_booking_email(kind: str, booking_id: int) -> bool:
    booking = Booking.objects.select_related("candidate", "session").filter(pk=booking_id).first()
    if booking is None or not booking.candidate.email:
        return False
    return send_once(kind, booking)


@task()
def send_booking_reminder(booking_id: int) -> bool:
    booking = Booking.objects.select_related("candidate", "session").filter(pk=booking_id).first()
    if booking is None or booking.status != BookingStatus.ACTIVE:
        return False
    if booking.session.starts_at <= timezone.now() or not booking.candidate.email:
        return False
    return send_once("reminder", booking)


def send_once(kind: str, booking: Booking) -> bool:
    """Record, then send, in one transaction: a failed send leaves no record to retry."""
    try:
        with transaction.atomic():
            Notification.objects.create(kind=kind, candidate=booking.candidate, booking=booking)
            emails.render(kind, booking.candidate, booking).send()
    except IntegrityError:
        return False  # already sent
    return True


@task()
def send_candidate_email(kind: str, candidate_id: str) -> bool:
    """ "registered" (with the activation link), "sign_in" (a one-time sign-in link) or
    "access_link" (the private booking link again)."""
    from accueil.accounts import links as account_links
    from accueil.registration.models import Candidate

    candidate = Candidate.objects.select_related("user").filter(pk=candidate_id).first()
    if candidate is None or not candidate.email:
        return False
    if kind == "sign_in":
        if candidate.user is None:
            return False
        url = account_links.sign_in_url(candidate.user)
    elif kind == "registered":
        url = "" if candidate.user_id else account_links.activation_url(candidate)
    else:
        url = ""
    emails.render(kind, candidate, None, action_url=url).send()
    Notification.objects.create(kind=kind, candidate=candidate)
    return True


def candidate_email(kind: str, candidate_id) -> None:
    queue(send_candidate_email, kind, str(candidate_id))
