"""The candidate's requests and the answers of the data-protection officer and of the
integration officers (issue 14, points 1 and 2)."""

from datetime import date
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accueil.core import countries, validation
from accueil.core.govuk import GovukForm, Radios
from accueil.core.text import validate_multi_line, validate_one_line
from accueil.privacy.models import RequestKind
from accueil.registration.models import Candidate

NATIONALITY_FIELDS = ("nationality", "other_nationality", "third_nationality")


def _text(label, required_message, *, required=True, help_text="") -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        validators=[validate_multi_line],
        error_messages={
            "required": required_message,
            "max_length": _("The text must be 2,000 characters or fewer"),
        },
    )


class ReasonsForm(GovukForm):
    """Withdrawing consent, objecting, asking for erasure: the reasons, required for an
    objection (seed: "you may, with legitimate reasons, oppose")."""

    details = _text(
        _("Your reasons"),
        _("Enter your reasons"),
        help_text=_("Only what we need to answer your request."),
    )

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        if kind != RequestKind.OBJECTION:
            field = self.fields["details"]
            field.required = False
            field.label = _("Your reasons (optional)")


class RectificationForm(GovukForm):
    """The identity details as they should be, and why; an integration officer decides.
    The date of birth is read from the identification number."""

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
    nationality = forms.ChoiceField(
        label=_("Nationality"),
        error_messages={
            "required": _("Select at least one nationality"),
            "invalid_choice": _("Select a nationality from the list"),
        },
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
    details = _text(
        _("Why should these details be corrected?"),
        _("Enter why these details should be corrected"),
        help_text=_(
            "For example: my surname is misspelt. Bring the proof to your next appointment."
        ),
    )

    def __init__(self, *args, candidate: Candidate, today: date, **kwargs):
        codes = [*candidate.nationalities, "", "", ""]
        kwargs.setdefault(
            "initial",
            {
                "surname": candidate.surname,
                "first_name": candidate.first_name,
                "national_id": candidate.national_id,
                **dict(zip(NATIONALITY_FIELDS, codes, strict=False)),
            },
        )
        super().__init__(*args, **kwargs)
        self.candidate, self.today = candidate, today
        choices = [("", _("Select a country")), *countries.country_choices()]
        for name in NATIONALITY_FIELDS:
            cast(forms.ChoiceField, self.fields[name]).choices = choices

    def clean_national_id(self) -> str:
        digits, self.birth_date = validation.clean_national_id(
            self.cleaned_data["national_id"], self.today
        )
        return digits

    def clean(self):
        cleaned = cast("dict[str, Any]", super().clean())
        if any(name in self.errors for name in NATIONALITY_FIELDS):
            return cleaned
        try:
            cleaned["nationalities"] = validation.clean_nationalities(
                [cleaned.get(name, "") for name in NATIONALITY_FIELDS]
            )
        except ValidationError as error:
            self.add_error("nationality", error)
            return cleaned
        if not self.errors and not self.changes():
            self.add_error("surname", _("Change at least one detail, or go back"))
        return cleaned

    def changes(self) -> dict[str, Any]:
        """The identity details that differ from those held."""
        data = self.cleaned_data
        asked = {
            "surname": data["surname"].strip(),
            "first_name": data["first_name"].strip(),
            "national_id": data["national_id"],
            "birth_date": self.birth_date,
            "nationalities": data["nationalities"],
        }
        return {
            name: value for name, value in asked.items() if getattr(self.candidate, name) != value
        }


GRANTED, REFUSED = "granted", "refused"


class AnswerForm(GovukForm):
    """The data-protection officer's answer, or an officer's decision on a rectification."""

    outcome = forms.ChoiceField(
        label=_("Your answer"),
        choices=[(GRANTED, _("Grant the request")), (REFUSED, _("Refuse the request"))],
        widget=Radios,
        error_messages={
            "required": _("Select whether you grant or refuse the request"),
            "invalid_choice": _("Select whether you grant or refuse the request"),
        },
    )
    answer = _text(
        _("Message to the candidate"),
        _("Enter the message to the candidate"),
        help_text=_("Sent by email or letter in their language. When you refuse, say why."),
    )


class ExtendForm(GovukForm):
    """GDPR art. 12(3): the deadline "may be extended by two further months where
    necessary"."""

    further_months = forms.TypedChoiceField(
        label=_("Extend the deadline by"),
        choices=[(1, _("One further month")), (2, _("Two further months"))],
        coerce=int,
        widget=Radios,
        error_messages={
            "required": _("Select by how many months to extend the deadline"),
            "invalid_choice": _("Select by how many months to extend the deadline"),
        },
    )
    extension_reason = _text(
        _("Why is more time needed?"),
        _("Enter why more time is needed"),
        help_text=_("The candidate is told the new deadline and this reason."),
    )
