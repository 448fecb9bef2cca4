"""The date conventions of `accueil.rules.dates`, held at their boundaries."""

from datetime import date, datetime

import pytest

from accueil.rules import FactError
from accueil.rules.dates import add_months, add_years, age_on, parse_date


def test_adding_a_year_to_29_february_clamps_to_28_february():
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)


def test_adding_four_years_to_29_february_keeps_29_february():
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)


def test_adding_a_month_to_31_august_clamps_to_30_september():
    assert add_months(date(2025, 8, 31), 1) == date(2025, 9, 30)


def test_adding_a_month_to_31_january_gives_the_end_of_february():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)


def test_adding_months_crosses_years_both_ways():
    assert add_months(date(2025, 11, 15), 3) == date(2026, 2, 15)
    assert add_months(date(2025, 3, 31), -2) == date(2025, 1, 31)
    assert add_months(date(2025, 3, 31), -1) == date(2025, 2, 28)


def test_age_grows_on_the_birthday_itself():
    born = date(2009, 3, 10)
    assert age_on(born, date(2025, 3, 9)) == 15
    assert age_on(born, date(2025, 3, 10)) == 16


def test_someone_born_on_29_february_ages_on_28_february_in_common_years():
    born = date(2008, 2, 29)
    assert age_on(born, date(2025, 2, 27)) == 16
    assert age_on(born, date(2025, 2, 28)) == 17
    assert age_on(born, date(2028, 2, 28)) == 19
    assert age_on(born, date(2028, 2, 29)) == 20


def test_age_before_birth_is_refused():
    with pytest.raises(ValueError):
        age_on(date(2025, 1, 2), date(2025, 1, 1))


def test_parse_date_accepts_iso_strings_and_dates():
    assert parse_date("2024-02-29", "on") == date(2024, 2, 29)
    assert parse_date(date(2024, 2, 29), "on") == date(2024, 2, 29)


@pytest.mark.parametrize(
    "value",
    [
        "2025-02-30",
        "2025-13-01",
        "20250101",
        "2025-W01-1",
        "01/02/2025",
        "",
        20250101,
        None,
        datetime(2025, 1, 1, 12, 0),
    ],
)
def test_parse_date_refuses_anything_but_a_calendar_date(value):
    with pytest.raises(FactError) as caught:
        parse_date(value, "birth_date")
    assert caught.value.fact == "birth_date"
    assert str(caught.value).startswith("birth_date: ")
