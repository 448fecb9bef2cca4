"""The audit trail's search (issue 14, point 4): by person, by record, by the actor's
role or organisation, by action, by date. Sent by POST: a person is looked up by their
national identification number, which never goes into an address."""

from datetime import date

from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _

from accueil.accounts.models import Organisation, Role
from accueil.audit.models import Action
from accueil.core.govuk import DayField, GovukForm
from accueil.core.text import validate_one_line

RECORD_LENGTH = 64  # AuditEvent.target_id


def record_types() -> list[tuple[str, str]]:
    """Every kind of record of Accueil, named in the reader's language."""
    kinds = [
        (model._meta.label_lower, str(model._meta.verbose_name).capitalize())
        for model in apps.get_models()
        if model.__module__.startswith("accueil.")
    ]
    return sorted(kinds, key=lambda kind: kind[1])


class TrailSearchForm(GovukForm):
    person = forms.CharField(
        label=_("National identification number of the person"),
        help_text=_("13 digits. Finds what was done with their records."),
        required=False,
        max_length=20,
        validators=[validate_one_line],
        widget=forms.TextInput(
            attrs={"spellcheck": "false", "autocomplete": "off", "inputmode": "numeric"}
        ),
    )
    record_type = forms.ChoiceField(label=_("Kind of record"), required=False)
    record = forms.CharField(
        label=_("Record identifier"),
        required=False,
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )
    role = forms.ChoiceField(
        label=_("Role of who acted"), required=False, choices=[("", _("Any role")), *Role.choices]
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation of who acted"),
        required=False,
        queryset=Organisation.objects.all(),
        empty_label=_("Any organisation"),
    )
    action = forms.ChoiceField(
        label=_("What was done"), required=False, choices=[("", _("Anything")), *Action.choices]
    )
    since = DayField(label=_("From"), required=False, help_text=_("For example, 27 3 2026"))
    until = DayField(label=_("To"), required=False, help_text=_("For example, 27 3 2026"))

    def __init__(self, *args, by_person: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        kinds = self.fields["record_type"]
        assert isinstance(kinds, forms.ChoiceField)
        kinds.choices = [("", _("Any kind")), *record_types()]
        if not by_person:
            del self.fields["person"]

    def clean_person(self) -> str:
        person = "".join(self.cleaned_data.get("person", "").split())
        if person and not (person.isascii() and person.isdigit() and len(person) == 13):
            raise forms.ValidationError(
                _("The national identification number must be 13 digits"), code="invalid"
            )
        return person

    def clean_record(self) -> str:
        # A longer text is cut to the longest identifier rather than refused.
        return self.cleaned_data.get("record", "")[:RECORD_LENGTH]

    def clean(self):
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if isinstance(since, date) and isinstance(until, date) and since > until:
            self.add_error("until", _("The end date must be the same as or after the start date"))
        return cleaned

    def used(self) -> list[str]:
        """The names of the filters used (what the export's own event records)."""
        return sorted(name for name, value in self.cleaned_data.items() if value)
