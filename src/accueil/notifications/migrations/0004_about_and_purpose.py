"""Delivery records stop pointing at candidates and bookings (notifications knows no
other app's models): they name whom the email is about and what it is for. This adds
the two fields and lets the candidate be empty; 0005 fills them, 0006 removes the
foreign keys."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0003_booking_reminder_sweep"),
        ("registration", "0002_candidate_access_version_candidate_consent_at_and_more"),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="about",
            field=models.CharField(db_index=True, default="", max_length=100),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="notification",
            name="purpose",
            field=models.CharField(default="", max_length=200),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="notification",
            name="candidate",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="registration.candidate",
            ),
        ),
    ]
