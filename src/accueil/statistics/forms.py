"""The period of the statistics: from a month to a month (GOV.UK date input of month
and year), read from the query string; the last 12 months when none is given."""

from dataclasses import dataclass
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accueil.core.govuk import DateBoundField, DateParts, GovukForm
from accueil.rules.dates import EARLIEST, LATEST

# A longer period would make charts of hundreds of bars; ten years is plenty.
LONGEST_MONTHS = 120
DEFAULT_MONTHS = 12


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> int:
    """How many months from `first` to `last`, both counted."""
    return (last.year - first.year) * 12 + last.month - first.month + 1


@dataclass(frozen=True)
class Period:
    """Whole months, `first` to `last` (each the 1st of its month), both included."""

    first: date
    last: date

    @property
    def start(self) -> date:
        return self.first

    @property
    def end_exclusive(self) -> date:
        return add_months(self.last, 1)

    def months(self) -> list[date]:
        return [add_months(self.first, i) for i in range(months_between(self.first, self.last))]

    def query(self) -> str:
        return (
            f"start_month={self.first.month}&start_year={self.first.year}"
            f"&end_month={self.last.month}&end_year={self.last.year}"
        )

    @classmethod
    def last_months(cls, today: date, count: int = DEFAULT_MONTHS) -> "Period":
        last = today.replace(day=1)
        return cls(add_months(last, 1 - count), last)


class MonthParts(DateParts):
    """GOV.UK's date input without the day: <name>_month and <name>_year."""

    parts = ("month", "year")  # type: ignore[assignment]


class MonthBoundField(DateBoundField):
    @property
    def parts(self) -> list[dict]:
        value = self.value()
        if isinstance(value, date):
            value = [value.month, value.year]
        return self.boxes(MonthParts.parts, (_("Month"), _("Year")), value)


class MonthField(forms.Field):
    """A month typed as month and year; years 1900 to 2199 (accueil.rules.dates)."""

    widget = MonthParts
    bound_field_class = MonthBoundField
    default_error_messages = {
        "required": _("Enter the month and the year"),
        "incomplete": _("The month must include a month and a year"),
        "invalid": _("The month must be a real month, like 3 2026"),
        "range": _("The year must be between 1900 and 2199"),
    }

    def to_python(self, value):
        if isinstance(value, date) or value is None:
            return value
        month, year = (str(part).strip() for part in value)
        if not (month or year):
            return None
        if not (month and year):
            raise ValidationError(self.error_messages["incomplete"], code="incomplete")
        try:
            if len(year) != 4 or len(month) > 2:
                raise ValueError(year)
            typed = date(int(year), int(month), 1)
        except (ValueError, OverflowError):
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not EARLIEST <= typed <= LATEST:
            raise ValidationError(self.error_messages["range"], code="range")
        return typed


class PeriodForm(GovukForm):
    start = MonthField(
        label=pgettext_lazy("first month of a period", "From"),
        help_text=_("For example, 3 2025"),
    )
    end = MonthField(
        label=pgettext_lazy("last month of a period", "To"),
        help_text=_("For example, 2 2026"),
    )

    KEYS = ("start_month", "start_year", "end_month", "end_year")

    def clean(self):
        cleaned = super().clean() or {}
        first, last = cleaned.get("start"), cleaned.get("end")
        if first and last:
            if last < first:
                self.add_error("end", _("The last month must be the same as or after the first"))
            elif months_between(first, last) > LONGEST_MONTHS:
                self.add_error("end", _("The period must be 10 years or shorter"))
        return cleaned


def period_form(query, today: date) -> tuple[PeriodForm, Period | None]:
    """The form (bound when the query string gives a period) and the period to show:
    the last 12 months when none is given, None when the one given is wrong."""
    if not any(key in query for key in PeriodForm.KEYS):
        default = Period.last_months(today)
        return PeriodForm(initial={"start": default.first, "end": default.last}), default
    form = PeriodForm(query)
    if form.is_valid():
        return form, Period(form.cleaned_data["start"], form.cleaned_data["end"])
    return form, None
