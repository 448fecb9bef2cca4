"""The social worker's form: the interview held (its date and outcome), or the request
closed without an interview (and why)."""

from datetime import date
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from accueil.core.govuk import DayField, GovukForm, Radios
from accueil.core.text import validate_multi_line

HELD, CLOSED = "held", "closed"


class InterviewOutcomeForm(GovukForm):
    result = forms.ChoiceField(
        label=_("What happened?"),
        choices=[
            (HELD, _("The interview was held")),
            (CLOSED, _("Close the request without an interview")),
        ],
        widget=Radios,
        error_messages={
            "required": _("Select whether the interview was held"),
            "invalid_choice": _("Select whether the interview was held"),
        },
    )
    interview_on = DayField(
        label=_("Date of the interview"),
        help_text=_("Only if the interview was held. For example, 27 3 2026"),
        required=False,
        error_messages={
            "incomplete": _("The date of the interview must include a day, a month and a year"),
            "invalid": _("The date of the interview must be a real date, like 27 3 2026"),
        },
    )
    notes = forms.CharField(
        label=_("Outcome, or why the request is closed"),
        help_text=_("Only what the Integration Department needs to know"),
        widget=forms.Textarea,
        max_length=2000,
        validators=[validate_multi_line],
        error_messages={
            "required": _("Enter the outcome of the interview, or why the request is closed"),
            "max_length": _("The text must be 2,000 characters or fewer"),
        },
    )

    def __init__(self, *args, requested_on: date, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.requested_on, self.today = requested_on, today

    def clean(self):
        data = cast("dict[str, Any]", super().clean())
        held_on = data.get("interview_on")
        if data.get("result") != HELD or "interview_on" in self.errors:
            return data
        if held_on is None:
            self.add_error("interview_on", _("Enter the date of the interview"))
        elif held_on > self.today:
            self.add_error("interview_on", _("The date of the interview must be today or before"))
        elif held_on < self.requested_on:
            self.add_error(
                "interview_on", _("The date of the interview must be after the request was made")
            )
        return data
