"""The record of each email becomes a delivery record (status, attempts, last error),
and the tasks still queued by the former queue (django-tasks-db) move to django-q2's
so that none is lost in the upgrade."""

import datetime as dt
import json

from django.db import migrations, models
from django.db.models import Q

OLD_QUEUE = "django_tasks_database_dbtaskresult"
RUN = "accueil.notifications.queue.run"


def keys_of_sent_emails(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    for record in Notification.objects.all().iterator():
        if record.booking_id:
            record.key = f"{record.kind}:booking:{record.booking_id}"
        else:
            record.key = f"{record.kind}:candidate:sent-before-{record.pk}"
        record.created_at = record.last_attempt_at = record.sent_at
        record.save(update_fields=["key", "created_at", "last_attempt_at"])


def move_old_queue(apps, schema_editor):
    """Tasks waiting in django-tasks-db's table become one-off schedules (due now, or
    at their run_after)."""
    from django.utils import timezone
    from django.utils.dateparse import parse_datetime

    connection = schema_editor.connection
    if OLD_QUEUE not in connection.introspection.table_names():
        return
    Schedule = apps.get_model("django_q", "Schedule")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT task_path, args_kwargs, run_after FROM {OLD_QUEUE} WHERE status = 'READY'"  # noqa: S608
        )
        rows = cursor.fetchall()
    for task_path, args_kwargs, run_after in rows:
        if isinstance(args_kwargs, str):
            args_kwargs = json.loads(args_kwargs)
        if isinstance(run_after, str):  # SQLite: the time in UTC, without its zone
            run_after = parse_datetime(run_after)
        if run_after is not None and timezone.is_naive(run_after):
            run_after = timezone.make_aware(run_after, dt.timezone.utc)
        call = (task_path, list(args_kwargs["args"]), dict(args_kwargs["kwargs"]), 1)
        Schedule.objects.create(
            func=RUN,
            args=repr(call),
            schedule_type="O",
            repeats=-1,
            next_run=run_after or timezone.now(),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [
        migrations.AlterModelOptions(name="notification", options={"ordering": ["-created_at", "-pk"]}),
        migrations.AddField(
            model_name="notification", name="key", field=models.CharField(max_length=120, default="")
        ),
        migrations.AddField(
            model_name="notification",
            name="status",
            field=models.CharField(
                choices=[("pending", "Being sent"), ("sent", "Sent"), ("failed", "Not delivered")],
                default="sent",  # the rows so far are emails sent
                max_length=10,
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="notification", name="attempts", field=models.PositiveIntegerField(default=1), preserve_default=False
        ),
        migrations.AddField(
            model_name="notification", name="last_error", field=models.CharField(blank=True, max_length=100)
        ),
        migrations.AddField(
            model_name="notification", name="created_at", field=models.DateTimeField(null=True)
        ),
        migrations.AddField(
            model_name="notification", name="last_attempt_at", field=models.DateTimeField(blank=True, null=True)
        ),
        migrations.AlterField(
            model_name="notification", name="sent_at", field=models.DateTimeField(blank=True, null=True)
        ),
        migrations.AddField(
            model_name="notification", name="task", field=models.CharField(blank=True, max_length=200)
        ),
        migrations.AddField(
            model_name="notification", name="task_args", field=models.JSONField(blank=True, default=list)
        ),
        migrations.RunPython(keys_of_sent_emails, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="notification", name="key", field=models.CharField(max_length=120, unique=True)
        ),
        migrations.AlterField(
            model_name="notification", name="created_at", field=models.DateTimeField(auto_now_add=True)
        ),
        migrations.AlterField(
            model_name="notification",
            name="status",
            field=models.CharField(
                choices=[("pending", "Being sent"), ("sent", "Sent"), ("failed", "Not delivered")],
                default="pending",
                max_length=10,
            ),
        ),
        migrations.AlterField(
            model_name="notification", name="attempts", field=models.PositiveIntegerField(default=0)
        ),
        migrations.AddIndex(
            model_name="notification",
            index=models.Index(
                condition=Q(status="failed"), fields=["-last_attempt_at"], name="notification_failed"
            ),
        ),
        migrations.RunPython(move_old_queue, migrations.RunPython.noop),
    ]
