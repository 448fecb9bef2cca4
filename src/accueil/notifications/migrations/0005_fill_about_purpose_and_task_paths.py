"""Fills `about` and `purpose` of the delivery records from their former foreign keys
and the former table of purposes, and moves the stored paths of the email tasks to
the apps that now own them (booking.emails, registration.emails): in the records (the
officers' "Send again"), in the tasks waiting in the queue (django-q2's messages and
one-off schedules: retries and tasks due later) and in the schedule "booking reminders"
(migration 0003), so that no task queued before the upgrade is lost."""

import ast

from django.core.signing import BadSignature
from django.db import migrations
from django_q.signing import SignedPackage

RUN = "accueil.notifications.queue.run"

# The former notifications.models.PURPOSES (English msgids; the apps that send the
# emails now mark them with gettext_noop, so they stay in the catalogue).
PURPOSES = {
    "booked": "Booking confirmation",
    "waitlist_booked": "Booking confirmation (from the waitlist)",
    "moved": "New date of the information session",
    "cancelled": "Cancellation of the booking",
    "session_cancelled": "Cancellation of the information session",
    "reminder": "Reminder of the information session",
    "registered": "Registration, with the activation link",
    "sign_in": "Sign-in link",
    "access_link": "Private booking link",
    "registration_attempt": "Notice of an attempt to register with their number",
    "guide_renewal": "Reminder to ask for the renewal of the residence permit",
    "guide_decision": "Reminder that a decision on a procedure is due",
}

OLD = "accueil.notifications.tasks."
TASKS = {
    OLD + "send_booking_email": "accueil.booking.emails.send_booking_email",
    OLD + "send_booking_reminder": "accueil.booking.emails.send_booking_reminder",
    OLD + "send_welcome": "accueil.booking.emails.send_welcome",
    OLD + "queue_due_reminders": "accueil.booking.emails.queue_due_reminders",
    OLD + "send_candidate_email": "accueil.registration.emails.send_candidate_email",
}
BACK = {new: old for old, new in TASKS.items()}


def fill_about_and_purpose(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    records = []
    for record in Notification.objects.all().iterator(chunk_size=1000):
        record.about = f"registration.candidate:{record.candidate_id}"
        record.purpose = PURPOSES.get(record.kind, record.kind)
        records.append(record)
    Notification.objects.bulk_update(records, ["about", "purpose"], batch_size=1000)


def fill_candidate_and_booking(apps, schema_editor):
    """Backwards: the foreign keys again, from `about` and the key."""
    Notification = apps.get_model("notifications", "Notification")
    Booking = apps.get_model("booking", "Booking")
    records = []
    for record in Notification.objects.all().iterator(chunk_size=1000):
        label, _colon, pk = record.about.partition(":")
        if label == "registration.candidate":
            record.candidate_id = pk
        _kind, of, booking_id = (record.key.split(":") + ["", ""])[:3]
        if of == "booking" and Booking.objects.filter(pk=booking_id).exists():
            record.booking_id = int(booking_id)
        records.append(record)
    Notification.objects.bulk_update(records, ["candidate", "booking"], batch_size=1000)


def move_tasks(paths: dict[str, str]):
    def move(apps, schema_editor):
        Notification = apps.get_model("notifications", "Notification")
        Schedule = apps.get_model("django_q", "Schedule")
        OrmQ = apps.get_model("django_q", "OrmQ")
        for old, new in paths.items():
            Notification.objects.filter(task=old).update(task=new)
            Schedule.objects.filter(func=old).update(func=new)  # "booking reminders"
        for schedule in Schedule.objects.filter(func=RUN):
            path, *rest = ast.literal_eval(schedule.args)
            if path in paths:
                schedule.args = repr((paths[path], *rest))
                schedule.save(update_fields=["args"])
        for message in OrmQ.objects.all():
            try:
                task = SignedPackage.loads(message.payload)
            except BadSignature:  # not readable by the cluster either
                continue
            if task.get("func") == RUN and task["args"] and task["args"][0] in paths:
                task["args"] = (paths[task["args"][0]], *task["args"][1:])
                message.payload = SignedPackage.dumps(task)
                message.save(update_fields=["payload"])

    return move


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0004_about_and_purpose"),
        ("booking", "0001_initial"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [
        migrations.RunPython(fill_about_and_purpose, fill_candidate_and_booking),
        migrations.RunPython(move_tasks(TASKS), move_tasks(BACK)),
    ]
