"""The officer's forms at the information session: the residence document, the
linguistic profile, the orientation, the request for a social worker (the contract's
signing and withdrawal are contracts' forms, contracts/forms.py).

Forms only parse and check what was typed; the services decide and write. The
templates render GOV.UK Frontend markup (core's includes/govuk/); the widgets of
`accueil.core.govuk` say which element carries the field's id, so the error summary
links to it.
"""

from datetime import date
from typing import cast

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.utils.translation import gettext_lazy as _

from accueil.core.govuk import Checkboxes, DayField, GovukForm, Radios, yes_no
from accueil.core.text import validate_multi_line, validate_one_line
from accueil.intake.models import DocumentKind, Level
from accueil.social.models import Urgency


def as_yes_no(value: bool | None) -> str | None:
    return None if value is None else ("yes" if value else "no")


class ResidenceDocumentForm(GovukForm):
    kind = forms.ChoiceField(
        label=_("Kind of document"),
        choices=DocumentKind.choices,
        widget=Radios,
        error_messages={
            "required": _("Select the kind of document"),
            "invalid_choice": _("Select the kind of document"),
        },
    )
    number = forms.CharField(
        label=_("Document number"),
        max_length=60,
        validators=[validate_one_line],
        error_messages={
            "required": _("Enter the document number"),
            "max_length": _("The document number must be 60 characters or fewer"),
        },
    )
    valid_until = DayField(
        label=_("Valid until"),
        help_text=_("As printed on the document, for example 27 3 2028"),
        error_messages={
            "required": _("Enter the date until which the document is valid"),
            "incomplete": _("The date of validity must include a day, a month and a year"),
            "invalid": _("The date of validity must be a real date, like 27 3 2028"),
        },
    )

    def clean_valid_until(self) -> date:
        value = self.cleaned_data["valid_until"]
        if not 1990 <= value.year <= 2100:
            raise ValidationError(_("The date of validity must be a real date, like 27 3 2028"))
        return value


PROFILE_LANGUAGES = [
    # (code the rules use, form field, label)
    ("lb", "level_lb", _("Luxembourgish")),
    ("fr", "level_fr", _("French")),
    ("de", "level_de", _("German")),
    ("en", "level_en", _("English")),
]


class ProfileForm(GovukForm):
    other_languages = forms.CharField(
        label=_("Other languages spoken"),
        help_text=_("For example, Arabic and Tigrinya"),
        max_length=200,
        validators=[validate_one_line],
        required=False,
        error_messages={"max_length": _("Other languages must be 200 characters or fewer")},
    )
    literacy_needed = yes_no(
        _("Does the candidate need literacy classes?"),
        _("Select yes if the candidate needs literacy classes"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        levels = {}
        for _code, name, label in PROFILE_LANGUAGES:
            levels[name] = forms.ChoiceField(
                label=label,
                choices=Level.choices,
                initial=Level.NONE,
                error_messages={"invalid_choice": _("Select a level from the list")},
            )
        # The levels come first, as the officer asks about them first.
        self.fields = {**levels, **self.fields}

    @staticmethod
    def initial_from(profile) -> dict:
        if profile is None:
            return {}
        initial = {name: profile.levels()[code] for code, name, _label in PROFILE_LANGUAGES}
        initial["other_languages"] = profile.other_languages
        initial["literacy_needed"] = as_yes_no(profile.literacy_needed)
        return initial

    def levels(self) -> dict[str, str]:
        return {code: self.cleaned_data[name] for code, name, _label in PROFILE_LANGUAGES}

    def level_fields(self) -> list[BoundField]:
        return [self[name] for _code, name, _label in PROFILE_LANGUAGES]


LANGUAGE_NAMES = {code: label for code, _name, label in PROFILE_LANGUAGES}


def course_label(course: dict) -> str:
    language = LANGUAGE_NAMES.get(course["language"], course["language"])
    if course["aim"] == "further":
        return f"{language}: {_('to improve a level you have already reached')}"
    return f"{language}: {_('to reach level A1.1')}"


def course_key(course: dict) -> str:
    return f"{course['language']}:{course['aim']}"


class OrientationForm(GovukForm):
    courses = forms.MultipleChoiceField(
        label=_("Language courses recommended"),
        help_text=_(
            "The options the rules give for the candidate's linguistic profile. "
            "Select all that you recommend."
        ),
        widget=Checkboxes,
        error_messages={
            "required": _("Select at least one language course"),
            "invalid_choice": _("Select language courses from the list"),
        },
    )
    literacy = yes_no(
        _("Are literacy classes recommended?"),
        _("Select yes if literacy classes are recommended"),
    )
    notes = forms.CharField(
        label=_("General guidance notes"),
        help_text=_("For example, the candidate's professional needs or useful contacts"),
        widget=forms.Textarea,
        max_length=2000,
        required=False,
        validators=[validate_multi_line],
        error_messages={"max_length": _("The notes must be 2,000 characters or fewer")},
    )

    def __init__(self, *args, options: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.options = {course_key(course): course for course in options}
        cast(forms.ChoiceField, self.fields["courses"]).choices = [
            (key, course_label(course)) for key, course in self.options.items()
        ]

    @staticmethod
    def initial_from(orientation, recommended: list[dict], profile) -> dict:
        """What was recorded, or else what the rules recommend for the profile."""
        if orientation is None:
            return {
                "courses": [course_key(course) for course in recommended],
                "literacy": as_yes_no(profile.literacy_needed),
            }
        return {
            "courses": [course_key(course) for course in orientation.recommended_courses],
            "literacy": as_yes_no(orientation.literacy_recommended),
            "notes": orientation.guidance_notes,
        }

    def chosen_courses(self) -> list[dict]:
        return [self.options[key] for key in self.cleaned_data["courses"]]


class InterviewRequestForm(GovukForm):
    reason = forms.CharField(
        label=_("Why does the candidate need an interview with a social worker?"),
        help_text=_("Only what the social worker needs to prepare the interview"),
        widget=forms.Textarea,
        max_length=2000,
        validators=[validate_multi_line],
        error_messages={
            "required": _("Enter the reason for the interview"),
            "max_length": _("The reason must be 2,000 characters or fewer"),
        },
    )
    urgency = forms.ChoiceField(
        label=_("How urgent is it?"),
        choices=Urgency.choices,
        widget=Radios,
        error_messages={
            "required": _("Select how urgent the interview is"),
            "invalid_choice": _("Select how urgent the interview is"),
        },
    )


class WalkInSearchForm(GovukForm):
    """Finding someone who came without a booking (a longer text is cut, not refused)."""

    q = forms.CharField(
        label=_(
            "Search by name, national identification number, email address or telephone number"
        ),
        required=False,
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )

    def query(self) -> str:
        return self.cleaned_data["q"][:100] if self.is_valid() else ""


class WalkInForm(GovukForm):
    candidate = forms.UUIDField()
