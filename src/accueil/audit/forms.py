"""The audit trail's filter."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accueil.core.govuk import GovukForm

RECORD_LENGTH = 64  # AuditEvent.target_id


class RecordFilterForm(GovukForm):
    """The events of one record: its identifier as the trail shows it. A longer text is
    cut to the longest identifier rather than refused (nothing it finds is lost)."""

    record = forms.CharField(
        label=_("Record identifier"),
        required=False,
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )

    def record_id(self) -> str:
        if not self.is_valid():  # a NUL character, say: no filter
            return ""
        return self.cleaned_data["record"][:RECORD_LENGTH]
