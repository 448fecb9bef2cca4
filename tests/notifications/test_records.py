"""Delivery records know no other app's models: they name whom an email is about, and
`forget` erases them (a candidate deleted leaves none behind); the upgrade that took
their foreign keys away (migrations 0004-0006) keeps every record and queued task."""

from datetime import timedelta

from django.core import mail
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django_q.models import OrmQ, Schedule
from django_q.signing import SignedPackage

from accueil.accounts.models import Role
from accueil.booking import services
from accueil.notifications import queue
from accueil.notifications.models import Notification
from accueil.notifications.services import forget
from accueil.registration.selectors import email_about as about
from tests import factories


def test_deleting_a_candidate_leaves_no_delivery_record_of_theirs(db, run_tasks):
    session = factories.information_session(starts_at=timezone.now() + timedelta(days=5))
    leaving, staying = factories.candidate(), factories.candidate()
    for person in (leaving, staying):
        services.booking_create(candidate=person, session=session)
    run_tasks()
    assert len(mail.outbox) == 2
    assert set(Notification.objects.values_list("about", flat=True)) == {
        about(leaving.pk),
        about(staying.pk),
    }
    leaving.delete()  # the bookings go with the candidate, and so do the records
    assert list(Notification.objects.values_list("about", flat=True)) == [about(staying.pk)]


def test_forget_deletes_only_the_records_about_that_subject(db):
    for n, subject in enumerate(("registration.candidate:a", "registration.candidate:b")):
        Notification.objects.create(key=f"sign_in:candidate:{n}", kind="sign_in", about=subject)
    assert forget("registration.candidate:a") == 1
    assert forget("registration.candidate:a") == 0
    assert list(Notification.objects.values_list("about", flat=True)) == [
        "registration.candidate:b"
    ]


OLD = "accueil.notifications.tasks."
BEFORE = ("notifications", "0003_booking_reminder_sweep")
AFTER = ("notifications", "0006_remove_candidate_and_booking")


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


def latest() -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def payloads() -> list:
    return [SignedPackage.loads(m.payload)["args"] for m in OrmQ.objects.all()]


def one_off_calls() -> list:
    return [queue.scheduled_call(s) for s in Schedule.objects.filter(func=queue.RUN)]


def test_the_upgrade_fills_about_and_purpose_and_moves_the_task_paths(transactional_db):
    person = factories.candidate()
    session = factories.information_session(starts_at=timezone.now() + timedelta(days=5))
    booking = services.booking_create(candidate=person, session=session)
    later = timezone.now() + timedelta(hours=1)
    try:
        old = migrate(BEFORE).get_model("notifications", "Notification")
        old.objects.create(
            key=f"booked:booking:{booking.pk}",
            kind="booked",
            candidate_id=person.pk,
            booking_id=booking.pk,
            status="failed",
            task=OLD + "send_booking_email",
            task_args=["booked", booking.pk],
        )
        old.objects.create(
            key="sign_in:candidate:x",
            kind="sign_in",
            candidate_id=person.pk,
            task=OLD + "send_candidate_email",
            task_args=["sign_in", str(person.pk), "x"],
        )
        Schedule.objects.update_or_create(
            name="booking reminders",
            defaults={"func": OLD + "queue_due_reminders", "schedule_type": Schedule.MINUTES},
        )
        queue.submit(OLD + "send_welcome", [str(person.pk), booking.pk, "k"], {})  # due now
        queue.submit(OLD + "send_booking_reminder", [booking.pk], {}, attempt=3, run_after=later)

        migrate(AFTER)
        booked, sign_in = Notification.objects.order_by("kind")
        assert (booked.about, booked.purpose, booked.task) == (
            about(person.pk),
            "Booking confirmation",
            "accueil.booking.emails.send_booking_email",
        )
        assert (sign_in.about, sign_in.purpose, sign_in.task) == (
            about(person.pk),
            "Sign-in link",
            "accueil.registration.emails.send_candidate_email",
        )
        sweep = Schedule.objects.get(name="booking reminders").func
        assert sweep == "accueil.booking.emails.queue_due_reminders"
        assert payloads() == [
            ("accueil.booking.emails.send_welcome", [str(person.pk), booking.pk, "k"], {}, 1)
        ]
        assert one_off_calls() == [
            ("accueil.booking.emails.send_booking_reminder", [booking.pk], {}, 3)
        ]
        for path in (booked.task, sign_in.task, sweep, payloads()[0][0], one_off_calls()[0][0]):
            assert import_string(path) is not None  # the path imports

        back = migrate(BEFORE).get_model("notifications", "Notification")  # and back
        assert sorted(back.objects.values_list("kind", "candidate_id", "booking_id", "task")) == [
            ("booked", person.pk, booking.pk, OLD + "send_booking_email"),
            ("sign_in", person.pk, None, OLD + "send_candidate_email"),
        ]
        assert Schedule.objects.get(name="booking reminders").func == OLD + "queue_due_reminders"
        assert payloads()[0][0] == OLD + "send_welcome"
    finally:
        latest()  # every app's latest migration, for the tests that follow on this database


def test_the_officers_see_the_purpose_in_their_language(db, client):
    record = Notification.objects.create(
        key="booked:booking:1",
        kind="booked",
        about="registration.candidate:a",
        purpose="Booking confirmation",  # as booking.emails records it: the English msgid
        status="failed",
        task="accueil.booking.emails.send_booking_email",
        task_args=["booked", 1],
    )
    client.force_login(factories.user(Role.OFFICER, language="fr"))
    page = client.get(reverse("notifications:undelivered")).content.decode()
    assert "Confirmation de la réservation" in page and "Booking confirmation" not in page
    again = client.post(reverse("notifications:send_again", args=[record.pk]), follow=True)
    assert (
        "L’e-mail «\u00a0Confirmation de la réservation\u00a0» sera renvoyé."
        in again.content.decode()
    )
