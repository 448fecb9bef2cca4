"""The real task worker picks up queued emails from the database and sends them once."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accueil.booking import services
from accueil.notifications.models import Notification
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
