"""The delivery records lose their foreign keys to candidates and bookings (filled into
`about` and the key by 0005). One email per kind and booking stays guaranteed by the
unique key "<kind>:booking:<id>"; erasing a candidate erases their records through
registration (`notifications.services.forget`)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("notifications", "0005_fill_about_purpose_and_task_paths")]

    operations = [
        migrations.RemoveConstraint(model_name="notification", name="notification_once_per_booking"),
        migrations.RemoveField(model_name="notification", name="booking"),
        migrations.RemoveField(model_name="notification", name="candidate"),
    ]
