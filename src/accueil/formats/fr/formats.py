"""French dates: Django's own formats, plus the weekday form "jeudi 26 novembre 2026"."""

WEEKDAY_DATE_FORMAT = "l j F Y"
