"""Working days in Luxembourg: weekends, public holidays, and the day of the event not counted."""

from datetime import date

import pytest

from accueil.rules.working_days import (
    add_working_days,
    is_working_day,
    public_holidays,
    working_days_between,
)


def test_an_entry_on_a_monday_gives_the_thursday():
    assert add_working_days(date(2026, 3, 2), 3) == date(2026, 3, 5)


def test_an_entry_on_a_friday_gives_the_wednesday_after_the_weekend():
    assert add_working_days(date(2026, 3, 6), 3) == date(2026, 3, 11)


def test_an_entry_on_a_saturday_counts_from_the_monday():
    assert add_working_days(date(2026, 3, 7), 3) == date(2026, 3, 11)


def test_the_national_day_is_skipped():
    # Friday 19 June 2026: Monday 22, (Tuesday 23 June), Wednesday 24, Thursday 25.
    assert add_working_days(date(2026, 6, 19), 3) == date(2026, 6, 25)
    assert add_working_days(date(2026, 6, 18), 3) == date(2026, 6, 24)


def test_easter_monday_is_skipped_but_not_good_friday():
    # Thursday 2 April 2026: Friday 3 (a working day), (Monday 6 April), Tuesday 7, Wednesday 8.
    assert add_working_days(date(2026, 4, 2), 3) == date(2026, 4, 8)


def test_europe_day_is_skipped():
    # Wednesday 7 May 2025: Thursday 8, (Friday 9 May), Monday 12, Tuesday 13.
    assert add_working_days(date(2025, 5, 7), 3) == date(2025, 5, 13)
    assert not is_working_day(date(2025, 5, 9))


def test_ascension_and_whit_monday_are_skipped():
    # Ascension is Thursday 14 May 2026, Whit Monday 25 May 2026.
    assert add_working_days(date(2026, 5, 12), 3) == date(2026, 5, 18)
    assert add_working_days(date(2026, 5, 18), 5) == date(2026, 5, 26)


def test_christmas_and_new_year_are_skipped_across_the_year_end():
    assert add_working_days(date(2026, 12, 23), 3) == date(2026, 12, 29)
    assert add_working_days(date(2026, 12, 30), 3) == date(2027, 1, 5)


def test_weekends_and_holidays_are_not_working_days():
    assert not is_working_day(date(2026, 6, 20))  # Saturday
    assert not is_working_day(date(2026, 6, 21))  # Sunday
    assert not is_working_day(date(2026, 6, 23))  # National Day
    assert is_working_day(date(2026, 6, 22))
    assert is_working_day(date(2026, 6, 24))


def test_each_year_of_holidays_is_computed_once():
    assert public_holidays(2026) is public_holidays(2026)
    assert date(2026, 8, 15) in public_holidays(2026)
    assert len(public_holidays(2026)) == 11


def test_a_count_below_one_is_refused():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 3, 2), 0)


def test_working_days_between_counts_after_the_start_up_to_the_end():
    assert working_days_between(date(2026, 6, 19), date(2026, 6, 25)) == 3
    assert working_days_between(date(2026, 6, 25), date(2026, 6, 19)) == 0
