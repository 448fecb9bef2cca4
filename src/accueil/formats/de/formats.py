"""German dates: Django's own formats, plus the weekday form "Donnerstag, 26. November 2026"."""

WEEKDAY_DATE_FORMAT = "l, j. F Y"
