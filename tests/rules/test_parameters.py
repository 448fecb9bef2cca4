"""The table of dated parameters: one value per name and day, chosen by date."""

from dataclasses import replace
from datetime import date
from itertools import pairwise

import pytest

from accueil.rules import parameter, parameters_table
from accueil.rules.base import cite
from accueil.rules.parameters import CAI_LAW, Parameter


def test_cai_values_are_in_force_from_the_2008_law():
    on = date(2015, 6, 1)
    assert parameter("cai.minimum_age", on) == 16
    assert parameter("cai.term_years", on) == 2
    assert parameter("cai.language_target_level", on) == "A1.1"
    assert parameter("cai.language_training_languages", on) == ("lb", "fr", "de")
    assert parameter("cai.citizenship_min_hours", on) == 6
    assert parameter("cai.citizenship_min_sessions", on) == 2
    assert parameter("cai.citizenship_languages", on) == ("de", "en", "fr", "lb", "pt")
    assert parameter("cai.orientation_days_required", on) == 1
    assert dict(parameter("cai.fees", on)) == {
        "language_training": "reduced",
        "citizenship_course": "free",
        "orientation_day": "free",
    }


def test_every_cai_row_starts_on_16_december_2008_and_is_open_ended():
    for row in (row for row in parameters_table() if row.name.startswith("cai.")):
        assert row.valid_from == CAI_LAW == date(2008, 12, 16)
        assert row.valid_until is None
        assert "16 December 2008" in row.description


def test_no_value_before_the_law_raises_lookup_error():
    with pytest.raises(LookupError):
        parameter("cai.minimum_age", date(2008, 12, 15))


def test_unknown_parameter_raises_lookup_error():
    with pytest.raises(LookupError):
        parameter("cai.no_such_thing", date(2020, 1, 1))


def test_a_later_programme_row_is_picked_by_date():
    old = next(row for row in parameters_table() if row.name == "cai.minimum_age")
    closed = replace(old, valid_until=date(2024, 1, 1))
    later = Parameter(
        "cai.minimum_age",
        18,
        date(2024, 1, 1),
        None,
        cite("Who is concerned", "is at least 16 years old"),
        "hypothetical",
    )
    pip = Parameter("pip.minimum_age", 16, date(2024, 1, 1), None, old.source, "hypothetical")
    table = (closed, later, pip)
    assert parameter("cai.minimum_age", date(2023, 12, 31), table) == 16
    assert parameter("cai.minimum_age", date(2024, 1, 1), table) == 18
    assert parameter("pip.minimum_age", date(2024, 1, 1), table) == 16
    with pytest.raises(LookupError):
        parameter("pip.minimum_age", date(2023, 12, 31), table)


def test_no_two_rows_of_a_name_are_in_force_on_the_same_day():
    rows = sorted(parameters_table(), key=lambda row: (row.name, row.valid_from))
    for before, after in pairwise(rows):
        if before.name == after.name:
            assert before.valid_until is not None
            assert before.valid_until <= after.valid_from
