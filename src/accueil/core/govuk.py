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
from typing import TYPE_CHECKING, cast

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates
from django.forms.utils import pretty_name
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
        return self.boxes(DateParts.parts, (_("Day"), _("Month"), _("Year")), value)

    def boxes(self, parts: tuple[str, ...], labels: tuple, value: list | None) -> list[dict]:
        """One box per part (the first takes the field's id, for the label and the error
        summary's link), each keeping what was typed."""
        return [
            {
                "id": self.auto_id if index == 0 else f"{self.auto_id}_{part}",
                "name": f"{self.html_name}_{part}",
                "label": label,
                "value": typed,
                "width": 4 if part == "year" else 2,
                "error": bool(self.errors),
            }
            for index, (part, label, typed) in enumerate(
                zip(parts, labels, value or [""] * len(parts), strict=True)
            )
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


# Messages that name the field, for every message Django would otherwise give in its own
# words ("This field is required.", "Ensure this value has at most 150 characters").
# `%(label)s` is the field's label; the other placeholders are Django's.
NAMED_MESSAGES: dict[str, "StrOrPromise"] = {
    "required": _("Enter “%(label)s”"),
    "max_length": _("“%(label)s” must be %(limit_value)d characters or fewer"),
    "min_length": _("“%(label)s” must be at least %(limit_value)d characters"),
    "max_value": _("“%(label)s” must be %(limit_value)s or less"),
    "min_value": _("“%(label)s” must be %(limit_value)s or more"),
    "step_size": _("“%(label)s” must be a multiple of %(limit_value)s"),
    "max_digits": _("“%(label)s” has too many digits"),
    "max_decimal_places": _("“%(label)s” has too many digits after the decimal point"),
    "max_whole_digits": _("“%(label)s” has too many digits before the decimal point"),
    "invalid_choice": _("Select “%(label)s” from the list"),
    "invalid_list": _("Select “%(label)s” from the list"),
    "invalid": _("Check “%(label)s”: it is not in the expected form"),
    "incomplete": _("Enter every part of “%(label)s”"),
    "invalid_date": _("“%(label)s” must be a real date, like 27 3 2026"),
    "invalid_time": _("“%(label)s” must be a time, like 14:30"),
    "overflow": _("“%(label)s” must be a real date, like 27 3 2026"),
    "missing": _("Choose a file for “%(label)s”"),
    "empty": _("The file for “%(label)s” is empty"),
    "contradiction": _("Either choose a file for “%(label)s” or remove it, not both"),
    "invalid_image": _("The file for “%(label)s” must be an image"),
    "invalid_pk_value": _("Select “%(label)s” from the list"),
    "null_characters_not_allowed": _("Remove the invisible null character from “%(label)s”"),
}
REQUIRED_CHOICE = _("Select an answer for “%(label)s”")
INVALID = {
    forms.IntegerField: _("“%(label)s” must be a whole number, like 3"),
    forms.DecimalField: _("“%(label)s” must be a number, like 2.5"),
    forms.FloatField: _("“%(label)s” must be a number, like 2.5"),
    forms.EmailField: _("Enter “%(label)s” as an email address, like name@example.com"),
    forms.DateField: _("“%(label)s” must be a real date, like 27 3 2026"),
    forms.TimeField: _("“%(label)s” must be a time, like 14:30"),
    forms.DateTimeField: _("“%(label)s” must be a real date and time"),
    forms.URLField: _("Enter “%(label)s” as a web address, like https://example.com"),
    forms.UUIDField: _("Check “%(label)s”: it is not in the expected form"),
}
CHOICE_FIELDS = (forms.ChoiceField, forms.BooleanField, forms.ModelChoiceField)


def _django_messages(field: forms.Field) -> dict[str, str]:
    """The messages Django's own field classes give `field`, by code (as read now)."""
    messages: dict[str, str] = {}
    for klass in reversed(type(field).__mro__):
        if klass.__module__.startswith("django.") and "default_error_messages" in vars(klass):
            messages.update({k: str(v) for k, v in vars(klass)["default_error_messages"].items()})
    for validator in field.validators:
        code, message = getattr(validator, "code", None), getattr(validator, "message", None)
        if code and message and type(validator).__module__.startswith("django."):
            messages.setdefault(code, str(message))
    return messages


def _named(code: str, field: forms.Field, label: str) -> str:
    template: StrOrPromise
    if code == "required" and isinstance(field, CHOICE_FIELDS):
        template = REQUIRED_CHOICE
    elif code == "invalid":
        template = next(
            (text for klass, text in INVALID.items() if isinstance(field, klass)),
            NAMED_MESSAGES["invalid"],
        )
    else:
        template = NAMED_MESSAGES[code]
    # The label goes in now (without "%", which Django would read as a placeholder);
    # Django fills its own placeholders when it raises.
    return str(template).replace("%(label)s", label.replace("%", ""))


def name_error_messages(form: forms.BaseForm) -> None:
    """Replace, on each field of `form`, every message Django would give in its own words
    by one that names the field, in the reader's language. Messages a form sets itself
    are kept."""
    for name, one in form.fields.items():
        label = str(one.label or pretty_name(name)).strip()
        defaults = _django_messages(one)
        for code in set(defaults) & set(NAMED_MESSAGES):
            current = one.error_messages.get(code)
            if current is None or str(current) == defaults[code]:
                one.error_messages[code] = _named(code, one, label)


class NamedErrors:
    """A form mixin: its fields' messages name the field (`name_error_messages`), set
    just before validation, so fields a form adds in its own `__init__` are named too."""

    def full_clean(self) -> None:
        name_error_messages(cast(forms.BaseForm, self))
        super().full_clean()  # type: ignore[misc]


class GovukForm(NamedErrors, forms.Form):
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


def hours_attended_field(label, help_text="") -> forms.DecimalField:
    """Hours attended, optional, to one decimal (typed 7,5 in French and German)."""
    return forms.DecimalField(
        label=label,
        help_text=help_text,
        min_value=0,
        max_digits=5,
        decimal_places=1,
        required=False,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-4"}),
        error_messages={
            "invalid": _("Enter the hours attended as a number, like 6 or 7.5"),
            "min_value": _("The hours attended cannot be negative"),
            "max_digits": _("The hours attended must be less than 10000"),
            "max_decimal_places": _("Enter the hours attended with at most one decimal"),
            "max_whole_digits": _("The hours attended must be less than 10000"),
        },
    )


def sessions_attended_field(label) -> forms.IntegerField:
    """Sessions attended, optional, a whole number up to 1000."""
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=1000,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}),
        error_messages={
            "invalid": _("Enter the sessions attended as a whole number, like 3"),
            "min_value": _("The sessions attended cannot be negative"),
            "max_value": _("The sessions attended must be 1000 or fewer"),
        },
    )
