"""The candidate's own residence dates: the permit's expiry, and a procedure in
progress (its kind and the day the file was complete)."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from accueil.core import clock
from accueil.core.govuk import DayField, GovukForm, Radios
from accueil.guide import engine


class PermitForm(GovukForm):
    expires_on = DayField(
        label=_("When does your residence permit expire?"),
        help_text=_("As written on your residence permit, for example 27 3 2027."),
        required=False,
    )

    def clean_expires_on(self):
        day = self.cleaned_data["expires_on"]
        if day:
            refused = engine.refused_by_rules(lambda: engine.renewal(day))
            if refused:
                raise forms.ValidationError(refused)
        return day


class ApplicationKindForm(GovukForm):
    """A form that asks the kind of application, named as `guide.decision_due` names them."""

    kind = forms.ChoiceField(
        label=_("What did you apply for?"),
        widget=Radios,
        error_messages={
            "required": _("Select what you applied for"),
            "invalid_choice": _("Select what you applied for"),
        },
    )

    def __init__(self, *args, lang: str, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["kind"]).choices = engine.decision_kinds(lang)


class ProcedureForm(ApplicationKindForm):
    complete_on = DayField(
        label=_("When was your file complete?"),
        help_text=_(
            "The day the Immigration Directorate had every document it needed, "
            "for example 3 11 2026. The deadline for the decision runs from that day."
        ),
        error_messages={"required": _("Enter the date your file was complete")},
    )

    def clean_complete_on(self):
        day = self.cleaned_data["complete_on"]
        if day and day > clock.today():
            raise forms.ValidationError(_("The date your file was complete must be in the past"))
        return day

    def clean(self):
        data = cast("dict[str, Any]", super().clean())
        kind, day = data.get("kind"), data.get("complete_on")
        if kind and day:
            refused = engine.refused_by_rules(lambda: engine.decision_due(kind, day))
            if refused:
                self.add_error("complete_on", refused)
        return data
