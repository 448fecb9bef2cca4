"""`cai.term`: inclusive start, exclusive end on the 2nd anniversary, at most 2 years;
the anniversary of 29 February in a common year is 1 March."""

from datetime import date, timedelta

from accueil.rules import evaluate
from accueil.rules.dates import anniversary


def test_term_from_29_february_2024_ends_before_1_march_2026():
    # Issue 9, point 12: this used to be end_exclusive 2026-02-28 and last_day
    # 2026-02-27 (the anniversary clamped to 28 February), a day shorter than a
    # contract entering into force on 28 February 2024. The anniversary of
    # 29 February in a common year is now 1 March.
    values = evaluate("cai.term", {"entry_into_force": "2024-02-29"}).values
    assert values == {
        "start": date(2024, 2, 29),
        "end_exclusive": date(2026, 3, 1),
        "last_day": date(2026, 2, 28),
    }


def test_a_term_from_29_february_is_not_shorter_than_one_from_28_february():
    on_28 = evaluate("cai.term", {"entry_into_force": "2024-02-28"}).values
    on_29 = evaluate("cai.term", {"entry_into_force": "2024-02-29"}).values
    assert on_28["last_day"] == date(2026, 2, 27)
    assert on_29["last_day"] == date(2026, 2, 28)
    assert on_29["last_day"] > on_28["last_day"]


def test_a_later_entry_into_force_never_ends_the_term_earlier():
    start = date(2023, 1, 1)
    previous = None
    for offset in range(4 * 366):
        day = start + timedelta(days=offset)
        last = evaluate("cai.term", {"entry_into_force": day.isoformat()}).values["last_day"]
        assert previous is None or last >= previous, day
        previous = last


def test_in_a_leap_year_the_anniversary_of_29_february_is_29_february():
    values = evaluate("cai.term", {"entry_into_force": "2026-02-28"}).values
    assert values["end_exclusive"] == date(2028, 2, 28)
    assert anniversary(date(2024, 2, 29), 4) == date(2028, 2, 29)
    assert anniversary(date(2024, 2, 29), 1) == date(2025, 3, 1)


def test_term_from_1_march_2025_ends_before_1_march_2027():
    values = evaluate("cai.term", {"entry_into_force": "2025-03-01"}).values
    assert values["end_exclusive"] == date(2027, 3, 1)
    assert values["last_day"] == date(2027, 2, 28)


def test_term_from_31_december_ends_on_30_december_two_years_later():
    values = evaluate("cai.term", {"entry_into_force": "2024-12-31"}).values
    assert values["last_day"] == date(2026, 12, 30)


def test_term_never_exceeds_two_years():
    for start in ("2024-02-29", "2023-03-01", "2024-01-01", "2025-08-31"):
        values = evaluate("cai.term", {"entry_into_force": start}).values
        length = (values["end_exclusive"] - values["start"]).days
        assert length <= 731


def test_on_the_last_day_one_day_is_left_and_the_term_runs():
    values = evaluate("cai.term", {"entry_into_force": "2025-03-01", "on": "2027-02-28"}).values
    assert values["days_left"] == 1
    assert values["in_term"] is True


def test_on_the_second_anniversary_the_term_is_over():
    decision = evaluate("cai.term", {"entry_into_force": "2025-03-01", "on": "2027-03-01"})
    assert decision.values["days_left"] == 0
    assert decision.values["in_term"] is False
    assert decision.reason("cai.term.ended").met is False


def test_on_the_first_day_the_whole_term_is_left():
    values = evaluate("cai.term", {"entry_into_force": "2025-03-01", "on": "2025-03-01"}).values
    assert values["days_left"] == 730
    assert values["in_term"] is True


def test_before_entry_into_force_the_term_has_not_started():
    decision = evaluate("cai.term", {"entry_into_force": "2025-03-01", "on": "2025-02-28"})
    assert decision.values["in_term"] is False
    assert decision.values["days_left"] == 730
    assert decision.reason("cai.term.not_started").met is False


def test_without_on_there_is_no_position_in_the_term():
    decision = evaluate("cai.term", {"entry_into_force": "2025-03-01"})
    assert set(decision.values) == {"start", "end_exclusive", "last_day"}
    assert [reason.code for reason in decision.reasons] == ["cai.term.duration"]
