"""The form behind each "Mark as handled" button of the early-warning list."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accueil.core.govuk import GovukForm
from accueil.training.models import WarningKind

_UNKNOWN = _("This signal is not on the list any more")


class HandleWarningForm(GovukForm):
    kind = forms.ChoiceField(
        label=_("Kind of signal"),
        choices=WarningKind.choices,
        widget=forms.HiddenInput,
        error_messages={"required": _UNKNOWN, "invalid_choice": _UNKNOWN},
    )
    key = forms.CharField(
        label=_("Signal"),
        max_length=64,
        widget=forms.HiddenInput,
        error_messages={"required": _UNKNOWN, "max_length": _UNKNOWN},
    )
