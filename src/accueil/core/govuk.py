"""GOV.UK Design System pieces for Django forms: widgets whose first element carries
the field's id (so the error summary can link to it), the three-box date input, yes/no
radios, and a form base class.

Every form of every app renders through one layer: `{% load govuk %}` then
`{% govuk_field form.x %}` (one field, with options such as heading=True) or
`{% govuk_fieldset form %}` (several fields under one legend, such as the country
pickers); Django's own `{{ form }}` and `{{ form.x.as_field_group }}` go through them
too (`GovukRenderer`, settings.FORM_RENDERER). The tag picks the template of the
field's kind from its widget (`template_for`); the templates are in
core/templates/includes/govuk/, one per kind, on two frames: `_label.html` (a label)
and `_fieldset.html` (a fieldset and its legend).
"""

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext_lazy as _

from accueil.core.text import validate_one_line
from accueil.rules.dates import EARLIEST, LATEST

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class TelInput(forms.TextInput):
    input_type = "tel"


class Radios(forms.RadioSelect):
    """The first option carries the field's id, so the error summary can link to it."""

    def id_for_label(self, id_, index="0"):
        return super().id_for_label(id_, index)


class FrontendRadios(Radios):
    """Radios with the ids GOV.UK Frontend gives them: the field's id on the first
    option, then <id>-2, <id>-3 (the public one-question pages)."""

    def id_for_label(self, id_, index="0"):
        if not id_ or index in (None, "0", 0):
            return id_
        return f"{id_}-{int(index) + 1}"


class Checkboxes(forms.CheckboxSelectMultiple):
    def id_for_label(self, id_, index="0"):
        return super().id_for_label(id_, index)


class DateParts(forms.Widget):
    """GOV.UK's date input: three boxes named <name>_day, <name>_month, <name>_year."""

    parts = ("day", "month", "year")

    def value_from_datadict(self, data, files, name):
        return [data.get(f"{name}_{part}", "") for part in self.parts]

    def value_omitted_from_data(self, data, files, name):
        return all(f"{name}_{part}" not in data for part in self.parts)


class DateBoundField(BoundField):
    @property
    def parts(self) -> list[dict]:
        """What the template needs for each box, keeping what was typed."""
        value = self.value()
        if isinstance(value, date):
            value = [value.day, value.month, value.year]
        value = value or ["", "", ""]
        labels = (_("Day"), _("Month"), _("Year"))
        return [
            {
                "id": self.auto_id if part == "day" else f"{self.auto_id}_{part}",
                "name": f"{self.html_name}_{part}",
                "label": label,
                "value": typed,
                "width": 4 if part == "year" else 2,
                "error": bool(self.errors),
            }
            for part, label, typed in zip(DateParts.parts, labels, value, strict=True)
        ]


class DayField(forms.Field):
    """A calendar day typed as day, month and year (GOV.UK date input).

    Years 1900 to 2199 only (the range of the rules, `accueil.rules.dates`): a year
    such as 0001 or 9999 is a real date to Python, but nothing Accueil computes from
    it (2 years later, 2 months before) would be.
    """

    widget = DateParts
    bound_field_class = DateBoundField
    earliest, latest = EARLIEST, LATEST
    default_error_messages = {
        "required": _("Enter the date"),
        "incomplete": _("The date must include a day, a month and a year"),
        "invalid": _("The date must be a real date, like 27 3 2026"),
        "range": _("The year must be between 1900 and 2199"),
    }

    def to_python(self, value):
        if isinstance(value, date) or value is None:
            return value
        day, month, year = (str(part).strip() for part in value)
        if not (day or month or year):
            return None
        if not (day and month and year):
            raise ValidationError(self.error_messages["incomplete"], code="incomplete")
        try:
            if len(year) != 4:
                raise ValueError(year)
            typed = date(int(year), int(month), int(day))
        except (ValueError, OverflowError):  # int() reads "٢٠" too; date() refuses 10**20
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not self.earliest <= typed <= self.latest:
            raise ValidationError(self.error_messages["range"], code="range")
        return typed


def yes_no(label, required_message, help_text="") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        coerce=lambda answer: answer == "yes",
        widget=Radios,
        error_messages={"required": required_message, "invalid_choice": required_message},
    )


@dataclass
class DateGroup:
    """A GOV.UK date input made of three fields of a form (day, month and year), shown
    as one field: what `includes/govuk/date_input.html` reads of a `DateBoundField`."""

    auto_id: str
    label: "StrOrPromise"
    help_text: "StrOrPromise"
    errors: list = field(default_factory=list)
    parts: list[dict] = field(default_factory=list)
    template = "includes/govuk/date_input.html"


KINDS = {  # widget class: template; the first the widget is an instance of counts
    forms.CheckboxSelectMultiple: "checkboxes",
    forms.RadioSelect: "radios",
    forms.Select: "select",
    forms.Textarea: "textarea",
    forms.CheckboxInput: "checkbox",
    forms.FileInput: "file",
    DateParts: "date_input",
}


def template_for(field) -> str:
    """The template of a bound field's kind, from its widget (a text input when none
    of KINDS); an object shaped like a bound field (DateGroup) names its own."""
    if template := getattr(field, "template", None):
        return template
    widget = field.field.widget
    name = next((name for kind, name in KINDS.items() if isinstance(widget, kind)), "input")
    return f"includes/govuk/{name}.html"


class GovukRenderer(DjangoTemplates):
    """Django's form renderer (settings.FORM_RENDERER) on the same templates: `{{ form }}`
    and `{{ form.x.as_field_group }}` render as `{% govuk_field %}` does, without options."""

    form_template_name = "includes/govuk/form.html"
    field_template_name = "includes/govuk/field.html"


class GovukForm(forms.Form):
    @property
    def first_field_id(self) -> str:
        return self[next(iter(self.fields))].id_for_label


def place_field(example) -> forms.CharField:
    """Where something happens: a building or room (200 characters)."""
    return forms.CharField(
        label=_("Place"),
        help_text=example,
        max_length=200,
        validators=[validate_one_line],
        error_messages={
            "required": _("Enter the place"),
            "max_length": _("The place must be 200 characters or fewer"),
        },
    )


def place_translation_fields() -> tuple[forms.CharField, forms.CharField]:
    """The place's name in French and in German (core.translated), optional: pages,
    emails and calendar invitations show it to readers of that language."""
    hint = _("Leave empty if it is written the same as in English.")
    return tuple(  # type: ignore[return-value]
        forms.CharField(
            label=label,
            help_text=hint,
            max_length=200,
            required=False,
            validators=[validate_one_line],
            error_messages={"max_length": _("The place must be 200 characters or fewer")},
        )
        for label in (_("Place in French"), _("Place in German"))
    )


def address_field() -> forms.CharField:
    """The postal address of a place (300 characters)."""
    return forms.CharField(
        label=_("Address"),
        max_length=300,
        validators=[validate_one_line],
        error_messages={
            "required": _("Enter the address"),
            "max_length": _("The address must be 300 characters or fewer"),
        },
    )
