"""Luxembourg's time zone and today's date there, once for the whole project.

The rules (`accueil.rules`) stay free of Django and take dates as arguments; everything
else imports the zone and "today" from here. Named `clock`, not `time`, so that it does
not clash with `datetime.time`, and callers write `clock.today()` so that it does not
clash with their local variables called `today`.
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.utils import timezone

LUXEMBOURG = ZoneInfo("Europe/Luxembourg")


def today() -> date:
    """Today's date in Luxembourg, whatever time zone is active."""
    return timezone.localdate(timezone=LUXEMBOURG)


def start_of_day(day: date) -> datetime:
    """Midnight in Luxembourg at the start of `day`."""
    return datetime.combine(day, time.min, tzinfo=LUXEMBOURG)
