"""Dates with their weekday, as each language writes them.

Django's format settings have no name for "weekday, day month year", and the
word order differs: "Thursday 26 November 2026", "jeudi 26 novembre 2026",
"Donnerstag, 26. November 2026". Each locale's format module in
`accueil.formats` defines `WEEKDAY_DATE_FORMAT`; `weekday_date` picks the one of
the active language (`{% load dates %}`).
"""

from datetime import date

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.formats import get_format_modules
from django.utils.translation import get_language

register = template.Library()

FALLBACK = "l j F Y"


def weekday_format(lang: str | None = None) -> str:
    """The weekday date format of `lang` (the active language by default)."""
    for module in get_format_modules(lang or get_language()):
        value = getattr(module, "WEEKDAY_DATE_FORMAT", None)
        if value:
            return value
    return FALLBACK


@register.filter(expects_localtime=True)
def weekday_date(value: date | None) -> str:
    """`value` (a date, or a datetime shown in local time) with its weekday."""
    if not value:
        return ""
    return date_filter(value, weekday_format())
