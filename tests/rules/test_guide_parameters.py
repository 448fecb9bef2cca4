"""The guide's dated parameters are current: the minimum social wage from 2016 to today,
each amount with the official text it comes from, and the United Kingdom's transition."""

import itertools
import re
from datetime import date
from decimal import Decimal

import pytest

from accueil.rules import parameter, parameters_table

WAGE = "guide.minimum_social_wage"


def wage_rows():
    return [row for row in parameters_table() if row.name == WAGE]


def test_the_minimum_social_wage_rows_chain_without_gap_from_2016():
    rows = wage_rows()
    assert rows[0].valid_from == date(2016, 1, 1) and rows[0].value == 1922.96
    for row, following in itertools.pairwise(rows):
        assert row.valid_until == following.valid_from, row
        assert row.valid_from < row.valid_until
    assert rows[-1].valid_until is None
    assert rows[-1].valid_from == date(2025, 5, 1) and rows[-1].value == 2703.74


def test_every_minimum_social_wage_row_names_its_authority_and_cites_the_seed():
    for row in wage_rows():
        assert row.authority, row
        assert "IGSS" in row.authority
        assert row.source.passage.startswith("Au 1er janvier 2016, le salaire social minimum")


def test_an_indexation_moves_the_wage_by_the_ratio_of_the_indexes():
    """Rows whose authority is the sliding-scale index alone: amount = base-100 amount x
    index / 100, so the amount is the previous one times the ratio of the indexes (the
    index in force is the last one named), to the cent."""
    index = None
    checked = 0
    for previous, row in zip(wage_rows(), wage_rows()[1:], strict=False):
        named = re.search(r"indice (\d+),(\d+)", row.authority)
        if row.authority.startswith("Échelle mobile des salaires") and index is not None:
            assert named
            expected = Decimal(str(previous.value)) * Decimal(f"{named[1]}.{named[2]}") / index
            assert abs(Decimal(str(row.value)) - expected) < Decimal("0.01"), row
            checked += 1
        if named:
            index = Decimal(f"{named[1]}.{named[2]}")
    assert checked >= 6


@pytest.mark.parametrize(
    ("on", "amount"),
    [
        (date(2016, 12, 31), 1922.96),
        (date(2017, 1, 1), 1998.59),
        (date(2018, 7, 31), 1998.59),
        (date(2018, 8, 1), 2048.54),
        (date(2023, 8, 31), 2508.24),
        (date(2023, 9, 1), 2570.93),
        (date(2025, 1, 1), 2637.79),
        (date(2026, 12, 1), 2703.74),
    ],
)
def test_the_wage_in_force_on_a_day(on, amount):
    assert parameter(WAGE, on) == amount


def test_a_united_kingdom_national_counts_as_an_eu_citizen_until_the_transition_ends():
    assert "GB" in parameter("guide.eu_member_states", date(2020, 12, 31))
    assert "GB" not in parameter("guide.eu_member_states", date(2021, 1, 1))


def test_rows_without_another_authority_have_none():
    assert parameters_table()[0].authority == ""
