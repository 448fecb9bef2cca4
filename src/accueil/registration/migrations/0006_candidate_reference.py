"""A reference number the person can quote (issue 11 point 16), unique: drawn for every
existing row, then required."""

from django.db import migrations, models

import accueil.core.references


def fill(apps, schema_editor):
    Model = apps.get_model("registration", "Candidate")
    taken = set()
    for row in Model.objects.filter(reference__isnull=True).only("pk").iterator():
        code = accueil.core.references.registration_reference()
        while code in taken:
            code = accueil.core.references.registration_reference()
        taken.add(code)
        Model.objects.filter(pk=row.pk).update(reference=code)


class Migration(migrations.Migration):
    dependencies = [("registration", "0005_pending_email")]

    operations = [
        migrations.AddField(
            model_name="candidate",
            name="reference",
            field=models.CharField(max_length=12, null=True, verbose_name="reference number"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="candidate",
            name="reference",
            field=models.CharField(
                default=accueil.core.references.registration_reference,
                max_length=12,
                unique=True,
                verbose_name="reference number",
            ),
        ),
    ]
