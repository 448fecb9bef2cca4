"""Reminders of information sessions are queued by a sweep every 5 minutes
(notifications.tasks.queue_due_reminders) instead of one schedule per booking made
with the booking: this creates the worker's recurring schedule."""

from django.db import migrations

NAME = "booking reminders"
SWEEP = "accueil.notifications.tasks.queue_due_reminders"


def create_schedule(apps, schema_editor):
    from django.utils import timezone

    Schedule = apps.get_model("django_q", "Schedule")
    if not Schedule.objects.filter(name=NAME).exists():
        Schedule.objects.create(
            name=NAME,
            func=SWEEP,
            schedule_type="I",  # Schedule.MINUTES
            minutes=5,
            repeats=-1,
            next_run=timezone.now(),
        )


def delete_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0002_delivery_record"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(create_schedule, delete_schedule)]
