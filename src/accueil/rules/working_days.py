"""Working days in Luxembourg, with the counting convention written down.

A working day is a day from Monday to Friday that is not a Luxembourg public
holiday. The holidays come from the `holidays` package (pure Python, the one
third-party package the rules may import): New Year's Day, Easter Monday,
1 May, Europe Day (9 May, from 2019), Ascension, Whit Monday, the National Day
(23 June), Assumption (15 August), All Saints' Day, Christmas and St Stephen's
Day. Each year's set is computed once and kept.

Convention for "within N working days from a day" (the seed: "dans les trois
jours ouvrables à compter de sa date d'entrée", "5 jours ouvrables après la
demande"): the day of the event itself is not counted, as in the usual
computation of legal time limits (the period starts on the following day).
The deadline is the N-th working day after that day, and that day counts
("within" includes the last day). So an entry on Monday 2 March 2026 gives
Thursday 5 March; an entry on a Friday gives the following Wednesday; an entry
on a Saturday or a holiday gives the 3rd working day after it (a Saturday entry
gives Wednesday). Counting in calendar days (three weeks after the vacancy's
declaration) is done with `datetime.timedelta`, not here.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays

COUNTRY = "LU"
_DAY = timedelta(days=1)


@lru_cache(maxsize=256)
def public_holidays(year: int) -> frozenset[date]:
    """Luxembourg's public holidays in `year`, computed once per year."""
    return frozenset(holidays.country_holidays(COUNTRY, years=year))


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a public holiday."""
    return day.weekday() < 5 and day not in public_holidays(day.year)


def add_working_days(day: date, count: int) -> date:
    """The `count`-th working day after `day` (`day` itself is not counted); count >= 1."""
    if count < 1:
        raise ValueError("count must be at least 1")
    current = day
    remaining = count
    while remaining:
        current += _DAY
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    count = 0
    current = start
    while current < end:
        current += _DAY
        count += is_working_day(current)
    return count
