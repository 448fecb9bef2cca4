"""The task queue's guarantees (notifications/queue.py, notifications/services.py): tasks
are queued in the transaction of the change they announce, a dead worker's task is
taken again after its lease, a failed send is tried again later and later, an email
recorded as sent is not sent again, and after the last attempt officers see it and
can send it again. The worker here is django-q2's own pieces (scheduler, ORM broker,
signed packages), run in the test's process; tests/notifications/test_mail_faults.py runs the real
cluster."""

import json
import pydoc
import smtplib
from datetime import UTC, date, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_q.brokers import get_broker
from django_q.conf import Conf
from django_q.models import OrmQ, Schedule
from django_q.scheduler import scheduler
from django_q.signing import SignedPackage

from accueil.accounts.models import Role
from accueil.audit.models import AuditEvent
from accueil.booking import services
from accueil.core import national_id
from accueil.notifications import queue
from accueil.notifications.models import DeliveryStatus, Notification
from tests import factories

QUEUE = {"default": {"BACKEND": "accueil.notifications.queue.QueueBackend", "QUEUES": ["default"]}}


class SmtpDown(EmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed: x@example.test")


@pytest.fixture
def real_queue(transactional_db, settings, monkeypatch):
    settings.TASKS = QUEUE
    monkeypatch.setattr(Conf, "POLL", 0)
    # The scheduled jobs (notifications.jobs, synced after every migrate and flush) are
    # due at once: `work()` would run them too.
    Schedule.objects.filter(name__startswith="job: ").delete()
    Schedule.objects.filter(name="booking reminders").delete()
    return settings


def work() -> list[tuple]:
    """One round of the cluster: due schedules become messages, each message is run
    and acknowledged. Returns the calls run."""
    broker = get_broker()
    scheduler(broker=broker)
    ran = []
    while batch := broker.dequeue():
        for ack_id, payload in batch:
            package = SignedPackage.loads(payload)
            pydoc.locate(package["func"])(*package["args"], **package["kwargs"])
            broker.acknowledge(ack_id)
            ran.append(tuple(package["args"]))
    return ran


def booking_in(days: int = 5):
    session = factories.information_session(starts_at=timezone.now() + timedelta(days=days))
    return services.booking_create(candidate=factories.candidate(), session=session)


def test_tasks_are_queued_inside_the_transaction_of_the_booking(real_queue):
    session = factories.information_session(starts_at=timezone.now() + timedelta(days=5))
    with transaction.atomic():
        services.booking_create(candidate=factories.candidate(), session=session)
        # The email now; its reminder is queued by the sweep when it falls due.
        assert OrmQ.objects.count() == 1
        assert not Schedule.objects.filter(func=queue.RUN).exists()


def test_nothing_is_queued_for_a_booking_rolled_back(real_queue):
    full = factories.information_session(capacity=1)
    services.booking_create(candidate=factories.candidate(), session=full)
    queued = OrmQ.objects.count(), Schedule.objects.count()
    with pytest.raises(services.SessionFull):
        services.booking_create(candidate=factories.candidate(), session=full)
    session = factories.information_session()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.booking_create(candidate=factories.candidate(), session=session)
        raise RuntimeError
    assert (OrmQ.objects.count(), Schedule.objects.count()) == queued


def test_an_email_recorded_as_sent_is_not_sent_again_when_its_task_runs_twice(real_queue):
    booking = booking_in()
    [message] = OrmQ.objects.all()
    package = SignedPackage.loads(message.payload)
    assert work() == [tuple(package["args"])]
    assert [email.to for email in mail.outbox] == [[booking.candidate.email]]
    queue.run(*package["args"])  # the same message again (its worker died after sending)
    assert len(mail.outbox) == 1
    record = Notification.objects.get(key=f"booked:booking:{booking.pk}", kind="booked")
    assert (record.status, record.attempts) == (DeliveryStatus.SENT, 1)


def test_a_dead_workers_task_is_taken_again_when_its_lease_runs_out(real_queue):
    booking_in()
    broker = get_broker()
    [(_ack_id, payload)] = broker.dequeue()  # taken by a worker that then dies
    assert broker.dequeue() is None  # leased: no other worker takes it meanwhile
    with time_machine.travel(timezone.now() + timedelta(seconds=Conf.RETRY - 5)):
        assert broker.dequeue() is None
    with time_machine.travel(timezone.now() + timedelta(seconds=Conf.RETRY + 1)):
        assert [payload] == [again for _ack, again in broker.dequeue()]
    with time_machine.travel(timezone.now() + timedelta(seconds=2 * Conf.RETRY + 2)):
        assert work()  # run and acknowledged this time
    assert len(mail.outbox) == 1
    assert not OrmQ.objects.exists()


def test_a_failed_send_is_tried_again_later_and_later_until_it_goes(real_queue):
    real_queue.EMAIL_BACKEND = "tests.notifications.test_worker.SmtpDown"
    booking = booking_in(days=10)
    start = timezone.now()
    work()
    delays = []
    with time_machine.travel(start) as clock:
        for _attempt in range(4):
            retry = Schedule.objects.filter(func=queue.RUN).get()
            delays.append(round((retry.next_run - timezone.now()).total_seconds()))
            clock.move_to(retry.next_run + timedelta(seconds=1))
            assert work()
        assert delays == [60, 120, 240, 480]
        record = Notification.objects.get(key=f"booked:booking:{booking.pk}", kind="booked")
        assert (record.status, record.attempts, record.last_error) == (
            DeliveryStatus.PENDING,
            5,
            "SMTPServerDisconnected",
        )
        real_queue.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        retry = Schedule.objects.filter(func=queue.RUN).get()
        clock.move_to(retry.next_run + timedelta(seconds=1))
        work()
    assert [email.to for email in mail.outbox] == [[booking.candidate.email]]
    record.refresh_from_db()
    assert (record.status, record.attempts) == (DeliveryStatus.SENT, 6)
    assert not Schedule.objects.filter(func=queue.RUN).exists()  # no attempt left waiting


def test_retries_grow_to_an_hour_apart_and_last_at_least_24_hours():
    delays = [queue.retry_delay(n) for n in range(1, queue.max_attempts())]
    assert delays[:3] == [timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4)]
    assert delays == sorted(delays)
    assert max(delays) == timedelta(hours=1)
    assert timedelta(hours=24) <= sum(delays, timedelta()) < timedelta(hours=25)
    assert queue.max_attempts() == 30


def give_up(settings, booking) -> Notification:
    """Fail every attempt of the booking's email until the last one."""
    settings.EMAIL_BACKEND = "tests.notifications.test_worker.SmtpDown"
    settings.TASKS_RETRY_FOR = 180  # attempts after 0, 1, 2 minutes: 3 attempts
    work()
    with time_machine.travel(timezone.now()) as clock:
        while retry := Schedule.objects.filter(func=queue.RUN).first():
            clock.move_to(retry.next_run + timedelta(seconds=1))
            work()
    return Notification.objects.get(key=f"booked:booking:{booking.pk}", kind="booked")


def test_the_officers_list_the_email_not_delivered_and_send_it_again(real_queue, client):
    booking = booking_in()
    record = give_up(real_queue, booking)
    assert (record.status, record.attempts) == (DeliveryStatus.FAILED, 3)
    assert mail.outbox == []

    officer = factories.user(Role.OFFICER)
    client.force_login(officer)
    assert "(1)" in client.get(reverse("portal:home")).content.decode()
    page = client.get(reverse("notifications:undelivered")).content.decode()
    assert "Booking confirmation" in page
    assert "The mail server could not be reached" in page
    assert booking.candidate.email not in page and booking.candidate.surname not in page

    real_queue.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    answer = client.post(reverse("notifications:send_again", args=[record.pk]))
    assert answer.status_code == 302
    again = client.post(reverse("notifications:send_again", args=[record.pk]))  # twice
    assert again.status_code == 302
    assert (
        AuditEvent.objects.filter(
            target_type="notifications.notification", target_id=str(record.pk), actor=officer
        ).count()
        == 1
    )
    assert len(work()) == 1
    assert [email.to for email in mail.outbox] == [[booking.candidate.email]]
    record.refresh_from_db()
    assert (record.status, record.attempts) == (DeliveryStatus.SENT, 4)
    assert (
        "Every email was delivered"
        in client.get(reverse("notifications:undelivered")).content.decode()
    )


@pytest.mark.parametrize("role", ["candidate", "provider", "social_worker", "dpo", "admin"])
def test_only_officers_see_and_send_again_the_emails_not_delivered(db, client, role):
    client.force_login(factories.user(Role(role)))
    assert client.get(reverse("notifications:undelivered")).status_code == 403
    assert client.post(reverse("notifications:send_again", args=[1])).status_code == 403


def test_send_again_is_a_post(db, client):
    client.force_login(factories.user(Role.OFFICER))
    assert client.get(reverse("notifications:send_again", args=[1])).status_code == 405
    assert client.post(reverse("notifications:send_again", args=[1])).status_code == 404


def test_a_registration_and_booking_queue_their_emails_in_few_statements(real_queue, client):
    real_queue.RATE_LIMIT_PUBLIC = "0"
    session = factories.information_session(starts_at=timezone.now() + timedelta(days=5))
    for n in range(2):  # the second one is measured (the first warms caches up)
        body = {
            "surname": "Silva",
            "first_name": "Ana",
            "national_id": national_id.make(date(1991, 3, 14), 123 + n),
            "phone": "621 123 456",
            "email": f"ana{n}.silva@example.test",
            "nationalities": ["PT"],
            "information_language": "en",
            "legally_resident": True,
            "wishes_to_settle": True,
            "consent": True,
            "session_id": session.pk,
        }
        with CaptureQueriesContext(connection) as queries:
            answer = client.post("/api/v1/registrations", body, content_type="application/json")
        assert answer.status_code == 202
    # BEGIN, candidate, audit, seat, booking, audit, 1 message (both emails), COMMIT.
    assert len(queries.captured_queries) == 8
    work()
    # The registration and the booking emails now; the reminders wait for their day.
    assert len(mail.outbox) == 4
    assert {n.kind for n in Notification.objects.all()} == {"registered", "booked"}
    assert not Schedule.objects.filter(func=queue.RUN).exists()


def test_a_guide_reminder_not_delivered_is_listed_with_its_purpose(db, settings, client):
    from accueil.guide import dates
    from accueil.guide import services as guide_services

    person = factories.candidate()
    permit = guide_services.permit_set(
        candidate=person, expires_on=timezone.localdate() + timedelta(days=400)
    )
    renewal = dates.renewal_item(permit, "en").on.isoformat()
    settings.EMAIL_BACKEND = "tests.notifications.test_worker.SmtpDown"
    path = "accueil.guide.reminders.send_guide_reminder"
    queue.run(path, ["renewal", permit.pk, renewal], {}, queue.max_attempts())
    record = Notification.objects.get(kind="guide_renewal")
    assert (record.status, record.attempts) == (DeliveryStatus.FAILED, 1)
    client.force_login(factories.user(Role.OFFICER))
    page = client.get(reverse("notifications:undelivered")).content.decode()
    assert "Reminder to ask for the renewal of the residence permit" in page
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    queue.run(path, record.task_args, {}, 1)
    queue.run(path, record.task_args, {}, 1)  # twice: sent once
    assert [email.to for email in mail.outbox] == [[person.email]]
    record.refresh_from_db()
    assert record.status == DeliveryStatus.SENT


def test_a_failed_attempt_is_logged_without_the_address_or_the_error_text(real_queue, caplog):
    real_queue.EMAIL_BACKEND = "tests.notifications.test_worker.SmtpDown"
    booking = booking_in()
    with caplog.at_level("INFO"):
        work()
    [warning] = [r for r in caplog.records if r.name == "accueil.notifications.queue"]
    assert "SMTPServerDisconnected" in warning.getMessage()
    assert "example.test" not in caplog.text and booking.candidate.email not in caplog.text


def test_the_upgrade_moves_the_tasks_left_in_the_former_queue(transactional_db):
    """notifications/migrations/0002: django-tasks-db's waiting tasks become schedules."""
    from importlib import import_module
    from types import SimpleNamespace

    from django.apps import apps

    migration = import_module("accueil.notifications.migrations.0002_delivery_record")
    later = timezone.now().replace(microsecond=0) + timedelta(days=3)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE django_tasks_database_dbtaskresult (id varchar(32) PRIMARY KEY,"
            " status varchar(10), task_path text, args_kwargs text, run_after timestamp)"
        )
        try:
            rows = [
                ("a", "READY", "accueil.notifications.tasks.send_booking_reminder", [7], later),
                (
                    "b",
                    "READY",
                    "accueil.notifications.tasks.send_booking_email",
                    ["booked", 7],
                    None,
                ),
                ("c", "SUCCEEDED", "accueil.notifications.tasks.send_booking_email", [], None),
            ]
            for key, status, path, args, run_after in rows:
                cursor.execute(
                    "INSERT INTO django_tasks_database_dbtaskresult VALUES (%s, %s, %s, %s, %s)",
                    [
                        key,
                        status,
                        path,
                        f'{{"args": {json.dumps(args)}, "kwargs": {{}}}}',
                        run_after and run_after.astimezone(UTC).replace(tzinfo=None),
                    ],
                )
            migration.move_old_queue(apps, SimpleNamespace(connection=connection))
        finally:
            cursor.execute("DROP TABLE django_tasks_database_dbtaskresult")
    moved = {
        repr(queue.scheduled_call(s)): s.next_run for s in Schedule.objects.filter(func=queue.RUN)
    }
    reminder = repr(("accueil.notifications.tasks.send_booking_reminder", [7], {}, 1))
    email = repr(("accueil.notifications.tasks.send_booking_email", ["booked", 7], {}, 1))
    assert moved.keys() == {reminder, email}
    assert moved[reminder] == later


def test_only_json_values_are_queued(real_queue):
    from accueil.booking.emails import send_booking_email

    with pytest.raises(TypeError):
        send_booking_email.enqueue("booked", object())
    assert not OrmQ.objects.exists()
