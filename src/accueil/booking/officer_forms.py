"""The officers' forms: plan and cancel a session, register a candidate who called or
wrote, book them a seat or put them on the waitlist.

Forms only parse and check what was typed; the services decide and write. Each form
renders with GOV.UK Frontend markup (core/govuk.py, includes/govuk/*.html).
"""

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accueil.booking import selectors
from accueil.booking.services import SessionPlan
from accueil.core.clock import LUXEMBOURG
from accueil.core.govuk import (
    Checkboxes,
    DayField,
    GovukForm,
    Radios,
    TelInput,
    address_field,
    place_field,
    yes_no,
)
from accueil.core.text import validate_multi_line, validate_one_line
from accueil.registration import validation
from accueil.registration.models import Channel, InformationLanguage
from accueil.registration.services import RegistrationData

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

MAX_SEATS = 1000
# An officer records how the candidate reached them; online registrations are the
# candidate's own.
OFFICER_CHANNELS = [(value, label) for value, label in Channel.choices if value != Channel.ONLINE]


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
            address=data["address"],
            capacity=data["capacity"],
            languages=[code for code in selectors.SESSION_LANGUAGES if code in data["languages"]],
            interpreter_available=data["interpreter_available"],
        )


class SessionCancelForm(GovukForm):
    reason = forms.CharField(
        label=_("Why is the session cancelled?"),
        help_text=_("The booked candidates read this in their email."),
        max_length=300,
        widget=forms.Textarea,
        validators=[validate_multi_line],
        error_messages={
            "required": _("Enter why the session is cancelled"),
            "max_length": _("The reason must be 300 characters or fewer"),
        },
    )


NATIONALITY_FIELDS = ("nationality", "other_nationality", "third_nationality")


class CandidateRegisterForm(GovukForm):
    channel = forms.ChoiceField(
        label=_("How did the candidate contact you?"),
        choices=OFFICER_CHANNELS,
        widget=Radios,
        error_messages={
            "required": _("Select how the candidate contacted you"),
            "invalid_choice": _("Select how the candidate contacted you"),
        },
    )
    surname = forms.CharField(
        label=_("Surname"),
        max_length=150,
        validators=[validate_one_line],
        error_messages={
            "required": _("Enter the surname"),
            "max_length": _("The surname must be 150 characters or fewer"),
        },
    )
    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        validators=[validate_one_line],
        error_messages={
            "required": _("Enter the first name"),
            "max_length": _("The first name must be 150 characters or fewer"),
        },
    )
    national_id = forms.CharField(
        label=_("National identification number"),
        help_text=_("13 digits, like 1990051712345. It carries the date of birth."),
        max_length=20,
        error_messages={
            "required": _("Enter the national identification number"),
            "max_length": validation.NATIONAL_ID_ERRORS["format"],
        },
    )
    phone = forms.CharField(
        label=_("Telephone number"),
        help_text=_("For international numbers include the country code, like +33."),
        max_length=40,
        widget=TelInput,
        error_messages={
            "required": _("Enter the telephone number"),
            "max_length": _("The telephone number must be 40 characters or fewer"),
        },
    )
    email = forms.EmailField(
        label=_("Email address (optional if you give a postal address)"),
        required=False,
        max_length=254,
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com")
        },
    )
    postal_address = forms.CharField(
        label=_("Postal address (optional if you give an email address)"),
        required=False,
        max_length=500,
        widget=forms.Textarea,
        validators=[validate_multi_line],
        error_messages={"max_length": _("The postal address must be 500 characters or fewer")},
    )
    nationality = forms.ChoiceField(
        label=_("Nationality"),
        required=False,
        error_messages={"invalid_choice": _("Select a nationality from the list")},
    )
    other_nationality = forms.ChoiceField(
        label=_("Second nationality (optional)"),
        required=False,
        error_messages={"invalid_choice": _("Select a nationality from the list")},
    )
    third_nationality = forms.ChoiceField(
        label=_("Third nationality (optional)"),
        required=False,
        error_messages={"invalid_choice": _("Select a nationality from the list")},
    )
    information_language = forms.ChoiceField(
        label=_("In which language should CAI information be given?"),
        choices=InformationLanguage.choices,
        widget=Radios,
        error_messages={
            "required": _("Select the language for CAI information"),
            "invalid_choice": _("Select the language for CAI information"),
        },
    )
    interpreter_needed = yes_no(
        _("Does the candidate need an interpreter at the information session?"),
        _("Select yes if the candidate needs an interpreter"),
    )
    interpreter_language = forms.CharField(
        label=_("Interpreter's language"),
        help_text=_("Only if the candidate needs an interpreter, like Arabic or Tigrinya"),
        required=False,
        max_length=60,
        validators=[validate_one_line],
        error_messages={"max_length": _("The language must be 60 characters or fewer")},
    )
    legally_resident = yes_no(
        _("Does the candidate live legally in Luxembourg?"),
        _("Select yes if the candidate lives legally in Luxembourg"),
        _("They bring the proof, like a residence card, to the information session."),
    )
    wishes_to_settle = yes_no(
        _("Does the candidate wish to settle in Luxembourg permanently?"),
        _("Select yes if the candidate wishes to settle in Luxembourg permanently"),
    )
    notice_read = forms.BooleanField(
        label=_(
            "I read the data-protection notice to the candidate and they agreed that their "
            "data is processed for their registration"
        ),
        error_messages={
            "required": _("Confirm that you read the data-protection notice to the candidate")
        },
    )
    # The form's one-time key: submitting it twice registers the person once.
    submission_id = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        countries = [("", _("Select a country")), *validation.country_choices()]
        for name in NATIONALITY_FIELDS:
            cast(forms.ChoiceField, self.fields[name]).choices = countries

    def clean_national_id(self) -> str:
        digits, self.birth_date = validation.clean_national_id(
            self.cleaned_data["national_id"], self.today
        )
        return digits

    def clean_phone(self) -> str:
        return validation.clean_phone(self.cleaned_data["phone"])

    def clean(self):
        cleaned = cast("dict[str, Any]", super().clean())
        no_address = cleaned.get("email") == "" and cleaned.get("postal_address", "x").strip() == ""
        if no_address:
            self.add_error("email", _("Enter an email address or a postal address"))
        if cleaned.get("interpreter_needed") and cleaned.get("interpreter_language") == "":
            self.add_error("interpreter_language", _("Enter the language the interpreter speaks"))
        if all(name in cleaned for name in NATIONALITY_FIELDS):
            chosen = [cleaned[name] for name in NATIONALITY_FIELDS]
            try:
                cleaned["nationalities"] = validation.clean_nationalities(chosen)
            except ValidationError as error:
                self.add_error("nationality", error)
        return cleaned

    def registration_data(self) -> RegistrationData:
        data = self.cleaned_data
        return RegistrationData(
            surname=data["surname"],
            first_name=data["first_name"],
            national_id=data["national_id"],
            birth_date=self.birth_date,
            phone=data["phone"],
            information_language=data["information_language"],
            nationalities=data["nationalities"],
            email=data["email"].lower(),
            postal_address=data["postal_address"].strip(),
            interpreter_needed=data["interpreter_needed"],
            interpreter_language=data["interpreter_language"] if data["interpreter_needed"] else "",
            legally_resident=data["legally_resident"],
            wishes_to_settle=data["wishes_to_settle"],
        )


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


class WaitlistForm(GovukForm):
    language = forms.ChoiceField(
        label=_("Which language must the session be in?"),
        required=False,
        widget=Radios,
        error_messages={"invalid_choice": _("Select a language from the list")},
    )

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
