"""The statistics count the known data right (statistics.selectors), on SQLite and
PostgreSQL alike."""

from datetime import date

from django.utils import translation

from accueil.statistics import selectors
from accueil.statistics.selectors import median
from tests.statistics.conftest import PERIOD


def values(table, key):
    return [row.values[key] for row in table.rows]


def test_contracts_signed_per_month(known_data):
    table = selectors.signed_per_month(PERIOD, "en")
    assert [row.key for row in table.rows] == [date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)]
    assert values(table, "contracts") == [3, 0, 2]
    assert table.total.values["contracts"] == 5
    assert [row.label for row in table.rows] == ["January 2025", "February 2025", "March 2025"]


def test_months_are_named_in_the_reader_language(known_data):
    assert selectors.signed_per_month(PERIOD, "fr").rows[1].label == "février 2025"
    assert selectors.signed_per_month(PERIOD, "de").rows[2].label == "März 2025"


def test_contracts_signed_by_first_nationality(known_data):
    with translation.override("en"):
        table = selectors.signed_by_nationality(PERIOD, "en")
    by_name = {row.label: row.values["contracts"] for row in table.rows}
    assert by_name == {"Portugal": 2, "Egypt": 1, "Austria": 1, "Not stated": 1}
    assert table.total.values["contracts"] == 5


def test_countries_sorted_as_each_language_sorts(known_data):
    with translation.override("fr"):
        french = [row.label for row in selectors.signed_by_nationality(PERIOD, "fr").rows]
    with translation.override("de"):
        german = [row.label for row in selectors.signed_by_nationality(PERIOD, "de").rows]
    # French: Égypte among the E's (not after Z as by code point); no nationality last.
    assert french[:3] == ["Autriche", "Égypte", "Portugal"]
    assert german[-1] == "Nicht angegeben"
    # German: Ägypten among the A's, before Österreich among the O's.
    assert german.index("Ägypten") < german.index("Österreich") < german.index("Portugal")


def test_contracts_signed_by_language_of_communication(known_data):
    with translation.override("en"):
        table = selectors.signed_by_language(PERIOD, "en")
    assert {row.key: row.values["contracts"] for row in table.rows} == {"en": 1, "fr": 1, "de": 3}
    assert [row.label for row in table.rows] == ["English", "French", "German"]
    with translation.override("de"):
        german = selectors.signed_by_language(PERIOD, "de")
    assert [row.label for row in german.rows] == ["Deutsch", "Englisch", "Französisch"]


def test_fulfilment_rate_of_the_contracts_reviewed(known_data):
    table = selectors.fulfilment(PERIOD, "en")
    january, february, march = table.rows
    assert january.values == {
        "reviewed": 5,
        "fulfilled": 2,
        "not_fulfilled": 2,  # not fulfilled, and superseded by a follow-up contract
        "awaiting": 1,
        "rate": 0.5,
    }
    assert february.values["reviewed"] == 0 and february.values["rate"] is None
    assert march.values["fulfilled"] == 1 and march.values["rate"] == 1
    assert table.total.values["reviewed"] == 6
    assert table.total.values["rate"] == 3 / 5


def test_median_days_from_registration_to_signature(known_data):
    table = selectors.time_to_signature(PERIOD, "en")
    january, february, march = table.rows
    # Registered at 23:30 in Luxembourg: the day counts as Luxembourg's, not UTC's.
    # January: 30, 10, 30 days; March: 28, 0 days.
    assert january.values == {"contracts": 3, "median": 30}
    assert february.values == {"contracts": 0, "median": None}
    assert march.values == {"contracts": 2, "median": 14}
    assert table.total.values == {"contracts": 5, "median": 28}


def test_median_of_a_histogram():
    assert median({}) is None
    assert median({7: 1}) == 7
    assert median({1: 1, 3: 1}) == 2
    assert median({1: 2, 10: 1}) == 1
    assert median({1: 1, 5: 2, 9: 1}) == 5
    assert median({0: 3, 100: 3}) == 50


def test_seats_offered_and_filled_per_course_type(known_data):
    table = selectors.seats(PERIOD, "en")
    rows = {row.key: row.values for row in table.rows}
    assert rows["language"] == {"courses": 2, "offered": 20, "filled": 12, "rate": 0.6}
    assert rows["orientation"] == {"courses": 1, "offered": 30, "filled": 4, "rate": 4 / 30}
    # The citizenship course began before the period; the other was cancelled.
    assert rows["citizenship"] == {"courses": 0, "offered": 0, "filled": 0, "rate": None}
    assert rows["literacy"]["offered"] == 0
    assert table.total.values["offered"] == 50 and table.total.values["filled"] == 16


def test_emails_not_delivered_by_purpose(known_data):
    with translation.override("fr"):
        table = selectors.undelivered(PERIOD, "fr")
    assert {row.key: row.values["emails"] for row in table.rows} == {
        "Booking confirmation": 2,
        "Reminder of the information session": 1,
    }
    assert all(row.label != row.key for row in table.rows)  # translated
    assert table.total.values["emails"] == 3


def test_an_empty_period_counts_nothing(db):
    table = selectors.signed_per_month(PERIOD, "en")
    assert values(table, "contracts") == [0, 0, 0]
    assert selectors.fulfilment(PERIOD, "en").total.values["rate"] is None
