"""The officers' form for one event of the course calendar.

Times are typed in Luxembourg time and stored in UTC; a time the clocks skip (the
spring change) is refused rather than silently moved. The languages an event can be
given in are one list, `COURSE_LANGUAGES`: add a code there to offer another.
"""

from datetime import UTC, date, datetime, time
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from accueil.core.clock import LUXEMBOURG
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
from accueil.training.models import EventKind
from accueil.training.services import CourseEventData

# Seed: the citizenship course "is delivered in German, English, French, Luxembourgish
# and Portuguese".
COURSE_LANGUAGES = ("de", "en", "fr", "lb", "pt")


def language_choices() -> list[tuple[str, str]]:
    return [(code, language_name(code)) for code in COURSE_LANGUAGES]


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


class CourseEventForm(GovukForm):
    kind = forms.ChoiceField(
        label=_("Kind of event"),
        choices=EventKind.choices,
        widget=Radios,
        error_messages={
            "required": _("Select the kind of event"),
            "invalid_choice": _("Select the kind of event"),
        },
    )
    title = forms.CharField(
        label=_("Title"),
        help_text=_("For example, Citizenship course, session 1 of 3"),
        max_length=200,
        validators=[validate_one_line],
        error_messages={
            "required": _("Enter the title"),
            "max_length": _("The title must be 200 characters or fewer"),
        },
    )
    day = DayField(
        label=_("Date"),
        help_text=_("For example, 27 3 2026"),
        error_messages={
            "required": _("Enter the date of the event"),
            "incomplete": _("The date of the event must include a day, a month and a year"),
            "invalid": _("The date of the event must be a real date, like 27 3 2026"),
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
    place = place_field(_("The building or room, like Lycée Michel Lucius, room 12"))
    place_fr, place_de = place_translation_fields()
    address = address_field()
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        help_text=_("Select all that apply"),
        widget=Checkboxes,
        error_messages={
            "required": _("Select at least one language"),
            "invalid_choice": _("Select languages from the list"),
        },
    )
    provider: "forms.ModelChoiceField[Any]" = forms.ModelChoiceField(
        label=_("Organised by"),
        queryset=None,
        required=False,
        empty_label=_("Not said"),
        error_messages={"invalid_choice": _("Select an organisation from the list")},
    )

    def __init__(self, *args, organisers, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["languages"]).choices = language_choices()
        cast(forms.ModelChoiceField, self.fields["provider"]).queryset = organisers

    @staticmethod
    def initial_from(event) -> dict:
        starts, ends = event.starts_at.astimezone(LUXEMBOURG), event.ends_at.astimezone(LUXEMBOURG)
        return {
            "kind": event.kind,
            "title": event.title,
            "day": starts.date(),
            "start_time": starts.strftime("%H:%M"),
            "end_time": ends.strftime("%H:%M"),
            "place": event.place,
            "place_fr": event.place_fr,
            "place_de": event.place_de,
            "address": event.address,
            "languages": event.languages,
            "provider": event.provider_id,
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
        if data["ends_at"] is None:
            self.add_error("end_time", _("The clocks skip this time on that day: choose another"))
        elif data["starts_at"] and data["ends_at"] <= data["starts_at"]:
            self.add_error("end_time", _("The end time must be after the start time"))
        return data

    def event_data(self) -> CourseEventData:
        data = self.cleaned_data
        return CourseEventData(
            kind=data["kind"],
            title=data["title"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            place=data["place"],
            place_fr=data["place_fr"],
            place_de=data["place_de"],
            address=data["address"],
            languages=tuple(code for code in COURSE_LANGUAGES if code in data["languages"]),
            provider=data["provider"],
        )
