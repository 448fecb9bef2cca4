"""The catalogue's forms: a provider's course and its sessions, and the public filters.

The languages a course may be given in and the languages taught come from the rules'
parameters (`cai.citizenship_languages`, `cai.language_training_languages`): they are
data, so offering another language is a new parameter row, not a code change.
"""

from decimal import Decimal
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accueil.core import clock
from accueil.core.govuk import (
    Checkboxes,
    DayField,
    GovukForm,
    Radios,
    address_field,
    place_field,
    place_translation_fields,
)
from accueil.core.languages import language_name
from accueil.core.text import validate_one_line
from accueil.rules.course_publication import citizenship_languages, taught_languages
from accueil.training.catalogue import CourseData
from accueil.training.forms import luxembourg_time, time_field
from accueil.training.models import CEFR_TARGETS, CourseKind

FREE_KINDS = (CourseKind.CITIZENSHIP, CourseKind.ORIENTATION)


def course_language_codes() -> tuple[str, ...]:
    """Every language a course may be given in: the citizenship course's and those taught."""
    today = clock.today()
    codes = list(citizenship_languages(today))
    codes += [code for code in taught_languages(today) if code not in codes]
    return tuple(sorted(codes))


def language_choices() -> list[tuple[str, str]]:
    return [(code, language_name(code)) for code in course_language_codes()]


def taught_language_choices() -> list[tuple[str, str]]:
    return [(code, language_name(code)) for code in taught_languages(clock.today())]


def title_field(label, required=True) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=200,
        required=required,
        validators=[validate_one_line],
        error_messages={
            "required": _("Enter the title"),
            "max_length": _("The title must be 200 characters or fewer"),
        },
    )


def euros(label, help_text) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        help_text=help_text,
        min_value=0,
        max_digits=7,
        decimal_places=2,
        initial=Decimal(0),
        error_messages={
            "required": _("Enter an amount in euros, like 120 or 0"),
            "invalid": _("Enter an amount in euros, like 120 or 0"),
            "min_value": _("The amount cannot be negative"),
            "max_digits": _("The amount must be less than 100,000 euros"),
            "max_decimal_places": _("The amount can have at most 2 decimals"),
            "max_whole_digits": _("The amount must be less than 100,000 euros"),
        },
    )


class CourseForm(GovukForm):
    kind = forms.ChoiceField(
        label=_("Kind of course"),
        choices=CourseKind.choices,
        widget=Radios,
        error_messages={
            "required": _("Select the kind of course"),
            "invalid_choice": _("Select the kind of course"),
        },
    )
    title = title_field(_("Title"))
    title_fr = title_field(_("Title in French"), required=False)
    title_de = title_field(_("Title in German"), required=False)
    taught_language = forms.ChoiceField(
        label=_("Language taught"),
        help_text=_("Language courses and literacy classes only"),
        required=False,
        widget=Radios,
        error_messages={"invalid_choice": _("Select the language taught from the list")},
    )
    cefr_level = forms.ChoiceField(
        label=_("Target level"),
        help_text=_("Language courses only: the level of the Common European Framework"),
        required=False,
        choices=[("", _("None"))] + [(level, level) for level in CEFR_TARGETS],
        error_messages={"invalid_choice": _("Select the target level from the list")},
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages of the course"),
        help_text=_("Select all that apply"),
        widget=Checkboxes,
        error_messages={
            "required": _("Select at least one language"),
            "invalid_choice": _("Select languages from the list"),
        },
    )
    capacity = forms.IntegerField(
        label=_("Places"),
        min_value=1,
        max_value=10000,
        error_messages={
            "required": _("Enter the number of places"),
            "invalid": _("Enter the number of places as a whole number, like 15"),
            "min_value": _("A course has at least 1 place"),
            "max_value": _("A course has at most 10,000 places"),
        },
    )
    fee = euros(_("Normal fee, in euros"), _("0 for citizenship courses and orientation days"))
    reduced_fee = euros(_("Reduced CAI rate, in euros"), _("What someone with a CAI voucher pays"))
    place = place_field(_("The building or room, like Lycée Michel Lucius, room 12"))
    place_fr, place_de = place_translation_fields()
    address = address_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["languages"]).choices = language_choices()
        cast(forms.ChoiceField, self.fields["taught_language"]).choices = [
            ("", _("None")),
            *taught_language_choices(),
        ]

    @staticmethod
    def initial_from(course) -> dict:
        return {
            name: getattr(course, name)
            for name in (
                "kind",
                "title",
                "title_fr",
                "title_de",
                "taught_language",
                "cefr_level",
                "languages",
                "capacity",
                "fee",
                "reduced_fee",
                "place",
                "place_fr",
                "place_de",
                "address",
            )
        }

    def clean(self):
        data = cast("dict[str, Any]", super().clean())
        kind, fee, reduced = data.get("kind"), data.get("fee"), data.get("reduced_fee")
        if kind in FREE_KINDS:
            if fee:
                self.add_error(
                    "fee", _("Citizenship courses and orientation days are free: enter 0")
                )
            if reduced:
                self.add_error(
                    "reduced_fee", _("Citizenship courses and orientation days are free: enter 0")
                )
        elif fee is not None and reduced is not None and reduced > fee:
            self.add_error(
                "reduced_fee", _("The reduced CAI rate cannot be more than the normal fee")
            )
        return data

    def course_data(self) -> CourseData:
        data = self.cleaned_data
        codes = course_language_codes()
        return CourseData(
            kind=data["kind"],
            title=data["title"],
            title_fr=data["title_fr"],
            title_de=data["title_de"],
            taught_language=data["taught_language"],
            cefr_level=data["cefr_level"],
            languages=tuple(code for code in codes if code in data["languages"]),
            capacity=data["capacity"],
            fee=data["fee"],
            reduced_fee=data["reduced_fee"],
            place=data["place"],
            place_fr=data["place_fr"],
            place_de=data["place_de"],
            address=data["address"],
        )


class SessionForm(GovukForm):
    day = DayField(
        label=_("Date"),
        help_text=_("For example, 27 3 2026"),
        error_messages={
            "required": _("Enter the date of the session"),
            "incomplete": _("The date of the session must include a day, a month and a year"),
            "invalid": _("The date of the session must be a real date, like 27 3 2026"),
        },
    )
    start_time = time_field(
        _("Start time"),
        _("Enter the start time"),
        _("Enter the start time as hours and minutes, like 09:30 or 14:00"),
    )
    end_time = time_field(
        _("End time"),
        _("Enter the end time"),
        _("Enter the end time as hours and minutes, like 12:30 or 17:00"),
    )

    def __init__(self, *args, taken=(), **kwargs):
        """`taken`: the starts of the course's other sessions (one session per start)."""
        super().__init__(*args, **kwargs)
        self.taken = set(taken)

    @staticmethod
    def initial_from(session) -> dict:
        starts = session.starts_at.astimezone(clock.LUXEMBOURG)
        ends = session.ends_at.astimezone(clock.LUXEMBOURG)
        return {
            "day": starts.date(),
            "start_time": starts.strftime("%H:%M"),
            "end_time": ends.strftime("%H:%M"),
        }

    def clean(self):
        data = cast("dict[str, Any]", super().clean())
        day, start, end = data.get("day"), data.get("start_time"), data.get("end_time")
        if not (day and start and end):
            return data
        data["starts_at"] = luxembourg_time(day, start)
        data["ends_at"] = luxembourg_time(day, end)
        if data["starts_at"] is None:
            self.add_error("start_time", _("The clocks skip this time on that day: choose another"))
        elif data["starts_at"] in self.taken:
            self.add_error("start_time", _("The course already has a session starting then"))
        if data["ends_at"] is None:
            self.add_error("end_time", _("The clocks skip this time on that day: choose another"))
        elif data["starts_at"] and data["ends_at"] <= data["starts_at"]:
            self.add_error("end_time", _("The end time must be after the start time"))
        return data


class CatalogueFilterForm(GovukForm):
    """The public catalogue's filters (a GET form: every field optional)."""

    kind = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("All types")), *list(CourseKind.choices)],
        error_messages={"invalid_choice": _("Select a type from the list")},
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        error_messages={"invalid_choice": _("Select a language from the list")},
    )
    level = forms.ChoiceField(
        label=_("Level"),
        required=False,
        choices=[("", _("All levels"))] + [(level, level) for level in CEFR_TARGETS],
        error_messages={"invalid_choice": _("Select a level from the list")},
    )
    place = forms.CharField(
        label=_("Place or town"),
        required=False,
        max_length=100,
        error_messages={"max_length": _("The place must be 100 characters or fewer")},
    )
    date_from = DayField(
        label=pgettext_lazy("first day of a period", "From"),
        help_text=_("Courses with a session on or after this day, for example, 27 3 2026"),
        required=False,
        error_messages={
            "incomplete": _("The date must include a day, a month and a year"),
            "invalid": _("The date must be a real date, like 27 3 2026"),
        },
    )
    free_seats = forms.BooleanField(label=_("Only courses with free places"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["language"]).choices = [
            ("", _("All languages")),
            *language_choices(),
        ]
