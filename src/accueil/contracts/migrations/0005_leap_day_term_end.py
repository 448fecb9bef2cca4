"""Contracts in force (or under review) that entered into force on 29 February: their
term now ends on the anniversary the rules use, 1 March in a common year (issue 9,
point 12), not 28 February. Only a stored end that is the old clamped anniversary
changes, by one day; decided contracts keep the term they were decided on."""

from datetime import timedelta

from django.db import migrations

LIVE = ("in_force", "under_review")


def leap_day_term_end(apps, schema_editor):
    Contract = apps.get_model("contracts", "Contract")
    started = Contract.objects.filter(
        status__in=LIVE,
        entry_into_force__month=2,
        entry_into_force__day=29,
        end_exclusive__month=2,
        end_exclusive__day=28,
    )
    for contract in started.only("pk", "entry_into_force", "end_exclusive"):
        Contract.objects.filter(pk=contract.pk).update(
            end_exclusive=contract.end_exclusive + timedelta(days=1)
        )


class Migration(migrations.Migration):
    dependencies = [("contracts", "0004_certificates")]

    operations = [migrations.RunPython(leap_day_term_end, migrations.RunPython.noop)]
