"""Booking's forms. The officers': plan and cancel a session, book a candidate a seat or
put them on the waitlist. The candidate's (on the pages of their private link): choose a
session, join the waiting list.

Forms only parse and check what was typed; the services decide and write. Each form
renders with GOV.UK Frontend markup (core/govuk.py, includes/govuk/*.html).
"""

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, TypedDict, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accueil.booking import selectors
from accueil.booking.models import CancellationCause, InformationSession, PartOfDay
from accueil.booking.services import SessionPlan
from accueil.core.clock import LUXEMBOURG
from accueil.core.govuk import (
    Checkboxes,
    DayField,
    FrontendRadios,
    GovukForm,
    Radios,
    address_field,
    place_field,
    place_translation_fields,
    yes_no,
)
from accueil.core.text import validate_multi_line
from accueil.registration.models import OFFICER_CHANNELS, InformationLanguage

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

MAX_SEATS = 1000


class SessionFilterForm(GovukForm):
    start = DayField(
        label=_("Show sessions from"),
        required=False,
        help_text=_("For example, 27 3 2026. Leave empty for today."),
    )

    def start_day(self, today: date) -> date:
        if self.is_bound and self.is_valid() and self.cleaned_data["start"]:
            return self.cleaned_data["start"]
        return today


class SessionPlanForm(GovukForm):
    day = DayField(
        label=_("Day of the session"),
        help_text=_("For example, 27 3 2026"),
        error_messages={
            "required": _("Enter the day of the session"),
            "incomplete": _("The day of the session must include a day, a month and a year"),
            "invalid": _("The day of the session must be a real date, like 27 3 2026"),
        },
    )
    start_time = forms.TimeField(
        label=_("Start time"),
        help_text=_("Luxembourg time, on the 24-hour clock, like 09:30. A session lasts 1 hour."),
        input_formats=["%H:%M"],
        error_messages={
            "required": _("Enter the start time"),
            "invalid": _("Enter the start time as hours and minutes, like 09:30 or 14:00"),
        },
    )
    place = place_field(_("The building or room, like Integration Department, meeting room 2"))
    place_fr, place_de = place_translation_fields()
    address = address_field()
    capacity = forms.IntegerField(
        label=_("Number of seats"),
        min_value=1,
        max_value=MAX_SEATS,
        widget=forms.TextInput,
        error_messages={
            "required": _("Enter the number of seats"),
            "invalid": _("Enter the number of seats as a whole number, like 20"),
            "min_value": _("The session must have at least 1 seat"),
            "max_value": _("The session can have at most %(limit_value)s seats"),
        },
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        help_text=_("Select all that apply"),
        widget=Checkboxes,
        error_messages={
            "required": _("Select at least one language"),
            "invalid_choice": _("Select languages from the list"),
        },
    )
    interpreter_available = yes_no(
        _("Will an interpreter be available?"), _("Select yes if an interpreter will be there")
    )

    def __init__(self, *args, now: datetime, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now
        # Named in the reader's language, which is known only now.
        cast(
            forms.ChoiceField, self.fields["languages"]
        ).choices = selectors.session_language_choices()

    def clean_day(self) -> date:
        day = self.cleaned_data["day"]
        if day < self.now.astimezone(LUXEMBOURG).date():
            raise ValidationError(_("The day of the session must be today or in the future"))
        return day

    def clean(self):
        cleaned = cast("dict[str, Any]", super().clean())
        day, at = cleaned.get("day"), cleaned.get("start_time")
        if day is None or at is None:
            return cleaned
        starts_at = datetime.combine(day, at.replace(second=0, microsecond=0), LUXEMBOURG)
        if starts_at.astimezone(UTC).astimezone(LUXEMBOURG).time() != starts_at.time():
            # The hour skipped when summer time begins does not exist.
            self.add_error("start_time", _("This time does not exist that day: clocks go forward"))
        elif starts_at <= self.now:
            self.add_error("start_time", _("The start time has passed: enter a later time"))
        else:
            cleaned["starts_at"] = starts_at
        return cleaned

    def plan(self) -> SessionPlan:
        data = self.cleaned_data
        return SessionPlan(
            starts_at=data["starts_at"],
            place=data["place"],
            place_fr=data["place_fr"],
            place_de=data["place_de"],
            address=data["address"],
            capacity=data["capacity"],
            languages=[code for code in selectors.SESSION_LANGUAGES if code in data["languages"]],
            interpreter_available=data["interpreter_available"],
        )


class SessionEditForm(SessionPlanForm):
    """Change a planned session: the same questions, answered as it stands; its seats
    never fewer than those booked (the service checks again under the session's lock)."""

    def __init__(self, *args, session: InformationSession, **kwargs):
        local = session.starts_at.astimezone(LUXEMBOURG)
        kwargs.setdefault(
            "initial",
            {
                "day": local.date(),
                "start_time": local.strftime("%H:%M"),
                "place": session.place,
                "address": session.address,
                "capacity": session.capacity,
                "languages": session.languages,
                "interpreter_available": "yes" if session.interpreter_available else "no",
            },
        )
        super().__init__(*args, **kwargs)
        self.seats_taken = session.seats_taken

    def clean_capacity(self) -> int:
        capacity = self.cleaned_data["capacity"]
        if capacity < self.seats_taken:
            raise ValidationError(seats_taken_message(self.seats_taken))
        return capacity


def seats_taken_message(seats_taken: int) -> str:
    return ngettext(
        "%(n)d seat is booked: the session must have at least %(n)d seat",
        "%(n)d seats are booked: the session must have at least %(n)d seats",
        seats_taken,
    ) % {"n": seats_taken}


class SessionCancelForm(GovukForm):
    # Candidates read the cause in their own language; what the officer types only adds
    # to it (issue 11, point 6).
    cause = forms.ChoiceField(
        label=_("Why is the session cancelled?"),
        help_text=_("The booked candidates read this in their email, in their language."),
        choices=CancellationCause.choices,
        widget=Radios,
        error_messages={
            "required": _("Select why the session is cancelled"),
            "invalid_choice": _("Select a reason from the list"),
        },
    )
    reason = forms.CharField(
        label=_("Anything to add (optional)"),
        help_text=_(
            "Candidates read this as you type it, after the reason above. "
            "Needed if you chose another reason."
        ),
        max_length=300,
        required=False,
        widget=forms.Textarea,
        validators=[validate_multi_line],
        error_messages={"max_length": _("The reason must be 300 characters or fewer")},
    )

    def clean(self):
        cleaned = cast("dict[str, Any]", super().clean())
        if cleaned.get("cause") == CancellationCause.OTHER and not cleaned.get("reason"):
            self.add_error("reason", _("Enter why the session is cancelled"))
        return cleaned


class BookingForm(GovukForm):
    session: "forms.ModelChoiceField[Any]" = forms.ModelChoiceField(
        label=_("Information session"),
        queryset=None,
        widget=Radios,
        error_messages={
            "required": _("Select a session"),
            "invalid_choice": _("This session cannot be booked any more: select another"),
        },
    )
    channel = forms.ChoiceField(
        label=_("How did the candidate ask for the booking?"),
        choices=OFFICER_CHANNELS,
        widget=Radios,
        error_messages={
            "required": _("Select how the candidate asked for the booking"),
            "invalid_choice": _("Select how the candidate asked for the booking"),
        },
    )

    def __init__(self, *args, sessions, moving: bool, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["session"]).queryset = sessions
        if moving:
            del self.fields["channel"]  # a moved booking keeps the channel it was made through


# The days as the form sends them (Monday first); stored as digits (Monday 0).
DAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def days_field() -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=_("Which days suit?"),
        help_text=_("Select all that apply. Select none if any day suits."),
        choices=[(DAY_CODES[day], name) for day, name in WEEKDAYS.items()],
        widget=Checkboxes,
        required=False,
        error_messages={"invalid_choice": _("Select days from the list")},
    )


def part_of_day_field(widget=Radios) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Which time of day suits?"),
        choices=PartOfDay.choices,
        widget=widget,
        required=False,
        error_messages={"invalid_choice": _("Select a time of day from the list")},
    )


class Wishes(TypedDict):
    language: str
    weekdays: str
    part_of_day: str


class WaitlistWishes:
    """The days and time of day that suit someone waiting, as the service takes them."""

    cleaned_data: dict[str, Any]

    def wishes(self) -> Wishes:
        return {
            "language": self.cleaned_data["language"],
            "weekdays": "".join(str(DAY_CODES.index(day)) for day in self.cleaned_data["weekdays"]),
            "part_of_day": self.cleaned_data["part_of_day"],
        }


class WaitlistForm(WaitlistWishes, GovukForm):
    language = forms.ChoiceField(
        label=_("Which language must the session be in?"),
        required=False,
        widget=Radios,
        error_messages={"invalid_choice": _("Select a language from the list")},
    )
    weekdays = days_field()
    part_of_day = part_of_day_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        any_language = ("", _("Any language"))
        cast(forms.ChoiceField, self.fields["language"]).choices = [
            any_language,
            *selectors.session_language_choices(),
        ]


BOOKING_ERRORS = {
    "session_full": _("This session has no free seat left: select another"),
    "session_closed": _("This session has started or was cancelled: select another"),
    "already_booked": _("The candidate already holds a booking: move it instead"),
    "booking_ended": _("The candidate's booking changed meanwhile: check it and try again"),
}


def booking_error_message(code: str) -> "StrOrPromise":
    return BOOKING_ERRORS.get(code, _("The booking could not be made: try again"))


# The candidate's forms, on the pages reached with the private link (public_views.py).


class SessionChoiceForm(GovukForm):
    # Any session validates here: the service says whether it is full or closed.
    session = forms.ModelChoiceField(
        queryset=InformationSession.objects.all(),
        widget=FrontendRadios,
        empty_label=None,
        error_messages={
            "required": _("Select an information session"),
            "invalid_choice": _("Select an information session from the list"),
        },
    )

    @property
    def first_field_id(self) -> str:
        return self["session"].auto_id


class PublicWaitlistForm(WaitlistWishes, GovukForm):
    """The candidate's own: join the waiting list, with a language, days and a time of
    day if they wish."""

    language = forms.ChoiceField(
        choices=[("", _("No preference")), *InformationLanguage.choices],
        widget=FrontendRadios,
        required=False,
        error_messages={"invalid_choice": _("Select a language from the list")},
    )
    weekdays = days_field()
    part_of_day = part_of_day_field(FrontendRadios)

    @property
    def first_field_id(self) -> str:
        return self["language"].auto_id
