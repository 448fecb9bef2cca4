"""The real task worker picks up queued emails from the database and sends them once."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from accueil.booking import services
from accueil.notifications import tasks
from accueil.notifications.models import Notification
from accueil.registration import national_id
from tests import factories

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def test_the_worker_sends_the_booking_email_after_commit_and_only_once(transactional_db, settings):
    settings.TASKS = DATABASE_TASKS
    session = factories.information_session(starts_at=timezone.now() + timedelta(days=1))
    person = factories.candidate()
    booking = services.booking_create(candidate=person, session=session)
    assert mail.outbox == []  # queued, not sent inside the request
    call_command("db_worker", "--batch", "--no-reload", verbosity=0)
    assert [email.to for email in mail.outbox] == [[person.email]]
    call_command("db_worker", "--batch", "--no-reload", verbosity=0)
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(booking=booking, kind="booked").count() == 1


def test_nothing_is_queued_when_the_booking_fails(transactional_db, settings):
    settings.TASKS = DATABASE_TASKS
    from django_tasks_db.models import DBTaskResult

    full = factories.information_session(capacity=1)
    services.booking_create(candidate=factories.candidate(), session=full)
    queued = DBTaskResult.objects.count()
    with pytest.raises(services.SessionFull):
        services.booking_create(candidate=factories.candidate(), session=full)
    assert DBTaskResult.objects.count() == queued


def test_with_the_database_queue_tasks_are_queued_inside_the_transaction(
    transactional_db, settings
):
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_TASKS
    session = factories.information_session()
    with transaction.atomic():
        services.booking_create(candidate=factories.candidate(), session=session)
        assert DBTaskResult.objects.exists()  # queued with the booking, not after commit


def row_fields(row) -> dict:
    return {
        field: getattr(row, field)
        for field in (
            "status",
            "args_kwargs",
            "priority",
            "task_path",
            "queue_name",
            "run_after",
            "backend_name",
            "worker_ids",
        )
    }


def test_tasks_queued_together_are_the_rows_enqueue_writes_in_one_insert(
    transactional_db, settings
):

    settings.TASKS = DATABASE_TASKS
    later = timezone.now() + timedelta(days=3)
    tasks.queue(tasks.send_booking_email, "booked", 7)
    tasks.queue(tasks.send_booking_reminder, 7, run_after=later)
    one_by_one = [row_fields(row) for row in DBTaskResult.objects.order_by("enqueued_at")]
    DBTaskResult.objects.all().delete()
    with CaptureQueriesContext(connection) as queries, tasks.queued_together():
        tasks.queue(tasks.send_booking_email, "booked", 7)
        tasks.queue(tasks.send_booking_reminder, 7, run_after=later)
        assert not DBTaskResult.objects.exists()  # waiting for the end of the block
    assert len([q for q in queries.captured_queries if q["sql"].startswith("INSERT")]) == 1
    together = [row_fields(row) for row in DBTaskResult.objects.order_by("enqueued_at")]
    assert sorted(together, key=str) == sorted(one_by_one, key=str)


def test_tasks_queued_together_are_dropped_when_the_block_fails(transactional_db, settings):

    settings.TASKS = DATABASE_TASKS
    with pytest.raises(RuntimeError), tasks.queued_together():
        tasks.queue(tasks.send_booking_email, "booked", 7)
        raise RuntimeError
    assert not DBTaskResult.objects.exists()


def test_the_worker_sends_what_a_registration_and_booking_queued_together(
    transactional_db, settings, client
):
    settings.TASKS = DATABASE_TASKS
    settings.RATE_LIMIT_PUBLIC = "0"

    session = factories.information_session(starts_at=timezone.now() + timedelta(days=5))
    answer = client.post(
        "/api/v1/registrations",
        {
            "surname": "Silva",
            "first_name": "Ana",
            "national_id": national_id.make(date(1991, 3, 14), 123),
            "phone": "621 123 456",
            "email": "ana.silva@example.test",
            "nationalities": ["PT"],
            "information_language": "en",
            "legally_resident": True,
            "wishes_to_settle": True,
            "consent": True,
            "session_id": session.pk,
        },
        content_type="application/json",
    )
    assert answer.status_code == 202
    call_command("db_worker", "--batch", "--no-reload", verbosity=0)
    # The registration and the booking emails now; the reminder waits for its day.
    assert len(mail.outbox) == 2
    assert {n.kind for n in Notification.objects.all()} == {"registered", "booked"}

    assert DBTaskResult.objects.filter(status="READY").count() == 1
