"""Helpers of the training forms: times typed in Luxembourg time are stored in UTC; a
time the clocks skip (the spring change) is refused rather than silently moved.
The forms themselves live in each part's module (forms_catalogue for courses)."""

from datetime import UTC, date, datetime, time

from django import forms
from django.utils.translation import gettext_lazy as _

from accueil.core.clock import LUXEMBOURG


def luxembourg_time(day: date, at: time) -> datetime | None:
    """The moment, or None when the clocks skip that time on that day."""
    moment = datetime.combine(day, at, tzinfo=LUXEMBOURG)
    if moment.astimezone(UTC).astimezone(LUXEMBOURG).replace(tzinfo=None) != moment.replace(
        tzinfo=None
    ):
        return None
    return moment


def time_field(label, required_message, invalid_message) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        help_text=_("Luxembourg time, on the 24-hour clock, like 09:30"),
        input_formats=["%H:%M"],
        error_messages={"required": required_message, "invalid": invalid_message},
    )
