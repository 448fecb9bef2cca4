"""The months before the current one are counted once (statistics.MonthlyCount, job
statistics-summary) and read from there: the same tables as counting every contract;
a change to a past month shows after the next count, one in the current month at once."""

from datetime import date

import pytest

from accueil.contracts.models import Contract
from accueil.statistics import selectors, services
from accueil.statistics.models import Figure, MonthlyCount, Summary
from accueil.statistics.tables import csv_rows
from tests.statistics.conftest import PERIOD, signed

PAGES = ["contracts-signed", "fulfilment", "time-to-signature", "seats", "emails-not-delivered"]


def everything(lang: str = "en") -> list:
    return [
        csv_rows(table, lang, False)
        for slug in PAGES
        for table in selectors.page_tables(slug, PERIOD, lang)
    ]


@pytest.mark.parametrize("today", ["2024-12-20", "2025-02-10", "2025-03-15", "2026-05-01"])
def test_the_summary_gives_the_tables_counted_in_every_contract(known_data, time_machine, today):
    time_machine.move_to(f"{today} 12:00 +01:00")
    counted = everything("fr")
    stored = services.refresh_summary()
    assert Summary.objects.get().through == date.fromisoformat(today).replace(day=1)
    assert stored == MonthlyCount.objects.count()
    assert everything("fr") == counted


def test_a_past_month_changes_at_the_next_count_the_current_month_at_once(known_data, time_machine):
    time_machine.move_to("2025-03-15 12:00 +01:00")
    services.refresh_summary()
    assert MonthlyCount.objects.filter(figure=Figure.SIGNED, month=date(2025, 1, 1)).exists()
    signed(date(2025, 1, 20), date(2025, 1, 2), nationalities=["PT"])
    signed(date(2025, 3, 14), date(2025, 3, 1), nationalities=["PT"])
    per_month = selectors.signed_per_month(PERIOD, "en")
    assert [row.values["contracts"] for row in per_month.rows] == [3, 0, 3]

    services.refresh_summary()
    per_month = selectors.signed_per_month(PERIOD, "en")
    assert [row.values["contracts"] for row in per_month.rows] == [4, 0, 3]
    assert selectors.time_to_signature(PERIOD, "en").total.values["contracts"] == 7


def test_counting_again_replaces_the_summary(known_data, time_machine):
    time_machine.move_to("2025-06-01 12:00 +02:00")
    first = services.refresh_summary()
    # The one contract signed in December 2024: its group by nationality and its days.
    Contract.objects.filter(entry_into_force__year=2024).delete()
    assert services.refresh_summary() == first - 2
    assert Summary.objects.count() == 1
    assert selectors.signed_per_month(PERIOD, "en").total.values["contracts"] == 5
