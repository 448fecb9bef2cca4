"""Date arithmetic for the rules, with its conventions written down.

Conventions (the tests hold these at the boundaries):

* Calendar dates only. Rules work on `datetime.date`; a `datetime` is refused
  because its day depends on a time zone the rules cannot know.
* Adding years or months keeps the day of the month, and clamps it to the last
  day of the target month when that day does not exist:
  29 February 2024 + 1 year = 28 February 2025; 31 August + 1 month = 30 September.
  Clamping backwards (rather than rolling over to 1 March) means a period of
  "N years" computed this way never exceeds N years.
* An anniversary (`anniversary`) is the exception: the day a period of N years
  that began on 29 February ends, in a common year, is 1 March, not 28 February.
  The period "from 29 February 2024 for 2 years" then runs up to 1 March 2026
  (exclusive), the same end as one that began on 1 March 2024, and never ends
  before a period that began on 28 February 2024 (last day 27 February 2026).
  Clamping would make such a period a day shorter than one that began a day
  earlier. The term of a contract uses it (see `cai_term`).
* Going back works the same way, with a negative count: 2 months before
  31 May is 31 March, 2 months before 30 April is 28 February (29 in a leap
  year). Clamping backwards means "N months before" is never less than N
  months before (the guide's renewal dates rely on it).
* Age is counted in whole years, and someone turns a year older on the day their
  birthday falls, computed with the same clamp: a person born on 29 February turns
  a year older on 28 February in a non-leap year. The birthday itself counts
  ("at least 16 years old" is true on the 16th birthday).
* Dates the rules compute with lie from 1 January 1900 to 31 December 2199
  (`EARLIEST`, `LATEST`, the range of the guide's questions): `check_range`
  refuses others with a clear error, so that no rule's arithmetic (2 years after,
  2 months before) ever leaves the calendar Python knows (year 1 to 9999).
* Facts arrive as ISO 8601 calendar dates, exactly "YYYY-MM-DD", or as `date`
  objects. Other ISO forms that Python accepts ("20250101", "2025-W01-1") are
  refused so that every channel (form, API, CLI) reads dates the same way.
"""

import calendar
import re
from datetime import date, datetime, timedelta

from accueil.rules.base import FactError
from accueil.rules.messages import fact_error_messages

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
EARLIEST = date(1900, 1, 1)
LATEST = date(2199, 12, 31)


def add_months(day: date, months: int) -> date:
    """`day` moved by `months` calendar months, clamped to the end of the month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def add_years(day: date, years: int) -> date:
    """`day` moved by `years` years; 29 February becomes 28 February in common years."""
    return add_months(day, 12 * years)


def anniversary(day: date, years: int) -> date:
    """The `years`-th anniversary of `day`: 29 February becomes 1 March in common years.

    The exclusive end of a period of `years` years that starts on `day`; a period
    starting later never ends earlier (see the module docstring).
    """
    moved = add_years(day, years)
    if (day.month, day.day) == (2, 29) and moved.day == 28:
        return moved + timedelta(days=1)
    return moved


def age_on(birth_date: date, on: date) -> int:
    """Age in whole years on `on` (see the module docstring for 29 February)."""
    if on < birth_date:
        raise ValueError("the day of assessment is before the birth date")
    years = on.year - birth_date.year
    if add_years(birth_date, years) > on:
        years -= 1
    return years


def parse_date(value: object, fact: str) -> date:
    """Read a fact as a calendar date, or raise a `FactError` naming it."""
    if isinstance(value, datetime):
        raise FactError(fact, "expected a calendar date (YYYY-MM-DD), not a date and time")
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise FactError(fact, f"expected a date in the form YYYY-MM-DD, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise FactError(fact, f"{value!r} is not a valid calendar date") from None


def check_range(day: date, fact: str) -> date:
    """`day`, or a `FactError` (in every language) when it is outside EARLIEST..LATEST."""
    if EARLIEST <= day <= LATEST:
        return day
    messages = fact_error_messages(
        "date_range", earliest=EARLIEST, latest=LATEST, value=day.isoformat()
    )
    raise FactError(fact, messages["en"], messages)
