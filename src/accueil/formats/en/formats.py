"""English dates as written in Luxembourg and Europe: 23 November 2026, not Nov. 23, 2026.

French ("23 novembre 2026") and German ("23. November 2026") use Django's own formats;
every language adds WEEKDAY_DATE_FORMAT for the `weekday_date` filter (core/templatetags/dates.py).
"""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1
WEEKDAY_DATE_FORMAT = "l j F Y"
