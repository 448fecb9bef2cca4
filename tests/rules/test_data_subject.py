"""GDPR art. 12(3): one month from receipt, extendable by two further months."""

from datetime import date

import pytest

from accueil.rules.data_subject import answer_deadline, extended_deadline, is_overdue


@pytest.mark.parametrize(
    ("received", "deadline"),
    [
        (date(2026, 3, 15), date(2026, 4, 15)),  # same day next month
        (date(2026, 1, 31), date(2026, 2, 28)),  # no 31 February: end of month
        (date(2028, 1, 31), date(2028, 2, 29)),  # leap year
        (date(2026, 3, 31), date(2026, 4, 30)),
        (date(2026, 12, 20), date(2027, 1, 20)),  # across the year
        (date(9999, 11, 30), date(9999, 12, 30)),
    ],
)
def test_one_month_from_receipt(received, deadline):
    assert answer_deadline(received) == deadline


def test_extension_counts_from_receipt():
    assert extended_deadline(date(2026, 1, 31), 1) == date(2026, 3, 31)
    assert extended_deadline(date(2026, 1, 31), 2) == date(2026, 4, 30)
    assert extended_deadline(date(2026, 11, 30), 2) == date(2027, 2, 28)


@pytest.mark.parametrize("months", [0, 3, -1])
def test_extension_is_one_or_two_further_months(months):
    with pytest.raises(ValueError, match="one or two"):
        extended_deadline(date(2026, 1, 1), months)


def test_overdue_the_day_after_the_deadline():
    assert not is_overdue(date(2026, 4, 15), date(2026, 4, 15))
    assert is_overdue(date(2026, 4, 15), date(2026, 4, 16))
