from django.db import migrations, models


class Migration(migrations.Migration):
    """A reason is a code from now on (audit.models.REASON_CODE): the database refuses
    anything else, once 0003 has scrubbed the rows written before."""

    dependencies = [
        ('audit', '0003_scrub_reasons_fill_subjects'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='auditevent',
            constraint=models.CheckConstraint(condition=models.Q(('reason__regex', '\\A[a-z0-9 _,.:;()>=/#-]*\\Z')), name='audit_reason_is_a_code'),
        ),
    ]
