"""Date arithmetic for the rules, with its conventions written down.

Conventions (the tests hold these at the boundaries):

* Calendar dates only. Rules work on `datetime.date`; a `datetime` is refused
  because its day depends on a time zone the rules cannot know.
* Adding years or months keeps the day of the month, and clamps it to the last
  day of the target month when that day does not exist:
  29 February 2024 + 1 year = 28 February 2025; 31 August + 1 month = 30 September.
  Clamping backwards (rather than rolling over to 1 March) means a period of
  "N years" computed this way never exceeds N years.
* Going back works the same way, with a negative count: 2 months before
  31 May is 31 March, 2 months before 30 April is 28 February (29 in a leap
  year). Clamping backwards means "N months before" is never less than N
  months before (the guide's renewal dates rely on it).
* Age is counted in whole years, and someone turns a year older on the day their
  birthday falls, computed with the same clamp: a person born on 29 February turns
  a year older on 28 February in a non-leap year. The birthday itself counts
  ("at least 16 years old" is true on the 16th birthday).
* Facts arrive as ISO 8601 calendar dates, exactly "YYYY-MM-DD", or as `date`
  objects. Other ISO forms that Python accepts ("20250101", "2025-W01-1") are
  refused so that every channel (form, API, CLI) reads dates the same way.
"""

import calendar
import re
from datetime import date, datetime

from accueil.rules.base import FactError

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def add_months(day: date, months: int) -> date:
    """`day` moved by `months` calendar months, clamped to the end of the month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def add_years(day: date, years: int) -> date:
    """`day` moved by `years` years; 29 February becomes 28 February in common years."""
    return add_months(day, 12 * years)


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
