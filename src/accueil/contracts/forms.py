"""The contract's forms: signing it with the candidate at the information session (an
officer), and withdrawing it (an officer, or the candidate who holds it).

Forms only parse and check what was typed; the services decide and write. The
templates render GOV.UK Frontend markup (core's includes/govuk/).
"""

from datetime import date, timedelta
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accueil.contracts.models import Obligation, SignatureMethod
from accueil.core.govuk import (
    DayField,
    GovukForm,
    Radios,
    hours_attended_field,
    sessions_attended_field,
    yes_no,
)
from accueil.core.text import validate_multi_line, validate_one_line
from accueil.core.uploads import HEAD_BYTES, detected_type

# The scan's size is limited as it arrives (core.uploads.limit_uploads on the page);
# its type is what its first bytes show (core.uploads.detected_type).
MAX_SCAN_BYTES = 10 * 1024 * 1024
LATEST_ENTRY_INTO_FORCE = timedelta(days=365)


class ContractSignForm(GovukForm):
    method = forms.ChoiceField(
        label=_("How did the candidate sign?"),
        choices=SignatureMethod.choices,
        widget=Radios,
        error_messages={
            "required": _("Select how the candidate signed"),
            "invalid_choice": _("Select how the candidate signed"),
        },
    )
    scan = forms.FileField(
        label=_("Scan of the signed paper copy"),
        help_text=_(
            "Only for a signed paper copy. A PDF, JPEG or PNG file of at most 10 MB. "
            "If there is an error on the page, choose the file again."
        ),
        required=False,
        error_messages={"empty": _("The selected file is empty")},
    )
    identity_checked = forms.BooleanField(
        label=_("I checked the candidate's identity against their document"),
        required=False,
    )
    entry_into_force = DayField(
        label=_("Entry into force"),
        help_text=_("Usually today. For example, 27 3 2026"),
        error_messages={
            "required": _("Enter the date of entry into force"),
            "incomplete": _("The date of entry into force must include a day, a month and a year"),
            "invalid": _("The date of entry into force must be a real date, like 27 3 2026"),
        },
    )

    def __init__(
        self, *args, drafted_on: date, today: date, scan_too_large: bool = False, **kwargs
    ):
        kwargs.setdefault("initial", {"entry_into_force": today})
        super().__init__(*args, **kwargs)
        self.drafted_on, self.today = drafted_on, today
        # The scan was dropped as it arrived, at MAX_SCAN_BYTES: never written.
        self.scan_too_large = scan_too_large

    def clean_entry_into_force(self) -> date:
        start = self.cleaned_data["entry_into_force"]
        if start < self.drafted_on:
            raise ValidationError(_("The contract cannot enter into force before it was drafted"))
        if start > self.today + LATEST_ENTRY_INTO_FORCE:
            raise ValidationError(_("The date of entry into force must be within a year"))
        return start

    def clean_scan(self):
        scan = self.cleaned_data.get("scan")
        if self.scan_too_large or (scan and scan.size > MAX_SCAN_BYTES):
            raise ValidationError(_("The selected file must be smaller than 10 MB"))
        if not scan:
            return None
        head = scan.read(HEAD_BYTES)
        scan.seek(0)
        if detected_type(head) is None:
            raise ValidationError(_("The selected file must be a PDF, JPEG or PNG"))
        return scan

    def clean(self):
        data = cast("dict[str, Any]", super().clean())
        method = data.get("method")
        if method == SignatureMethod.PAPER and not data.get("scan") and "scan" not in self.errors:
            self.add_error("scan", _("Upload the scan of the signed paper copy"))
        if method == SignatureMethod.CONFIRMED and not data.get("identity_checked"):
            self.add_error(
                "identity_checked",
                _("Confirm that you checked the candidate's identity against their document"),
            )
        return data


class ContractWithdrawForm(GovukForm):
    reason = forms.CharField(
        label=_("Why is the contract withdrawn?"),
        help_text=_("This is kept in the contract's history"),
        widget=forms.Textarea,
        max_length=500,
        validators=[validate_multi_line],
        error_messages={
            "required": _("Enter the reason for withdrawing the contract"),
            "max_length": _("The reason must be 500 characters or fewer"),
        },
    )


class PaperCertificateForm(GovukForm):
    """A certificate the candidate brought on paper, recorded by an officer."""

    obligation = forms.ChoiceField(
        label=_("Which obligation does the certificate prove?"),
        choices=Obligation.choices,
        widget=Radios,
        error_messages={
            "required": _("Select the obligation the certificate proves"),
            "invalid_choice": _("Select the obligation the certificate proves"),
        },
    )
    issued_on = DayField(
        label=_("Date of the certificate"),
        help_text=_("For example, 27 3 2026"),
        error_messages={
            "required": _("Enter the date of the certificate"),
            "incomplete": _("The date of the certificate must include a day, a month and a year"),
            "invalid": _("The date of the certificate must be a real date, like 27 3 2026"),
        },
    )
    issuer = forms.CharField(
        label=_("Issued by"),
        help_text=_("The training organisation, department or ministry named on the certificate"),
        max_length=200,
        validators=[validate_one_line],
        error_messages={
            "required": _("Enter who issued the certificate"),
            "max_length": _("Who issued the certificate must be 200 characters or fewer"),
        },
    )
    hours = hours_attended_field(
        _("Hours attended (optional)"),
        _("For the citizenship course: the hours on the certificate"),
    )
    sessions = sessions_attended_field(_("Sessions attended (optional)"))
    literacy = yes_no(
        _("Is it a certificate of literacy classes?"),
        _("Select yes if the certificate is for literacy classes"),
    )


# The decision at the end of the term (issue 13, point 4).
FULFILLED = "fulfilled"
NOT_FULFILLED = "not_fulfilled"
LEGITIMATE = "legitimate"
DECISIONS = {
    FULFILLED: _("Fulfilled"),
    NOT_FULFILLED: _("Not fulfilled"),
    LEGITIMATE: _("Not fulfilled, for a reason the Integration Department considers legitimate"),
}
DECISION_HINTS = {
    FULFILLED: _("Every obligation is met within the term, according to the certificates."),
    NOT_FULFILLED: _("The candidate can sign no new contract for what is left."),
    LEGITIMATE: _(
        "The reason is recorded, and you can then open a follow-up contract covering only "
        "the obligations not fulfilled."
    ),
}


class ContractDecisionForm(GovukForm):
    """The officer's decision: "fulfilled" is offered only when rule cai.fulfilment,
    evaluated today, says so; otherwise "not fulfilled", possibly for a legitimate
    reason, each with its reasons (shown to the candidate)."""

    outcome = forms.ChoiceField(
        label=_("What is your decision?"),
        widget=Radios,
        error_messages={
            "required": _("Select your decision"),
            "invalid_choice": _("Select your decision"),
        },
    )
    reason = forms.CharField(
        label=_("Reasons for the decision"),
        help_text=_(
            "The candidate sees them, with the reason of each obligation not fulfilled. "
            "Required unless the contract is fulfilled."
        ),
        widget=forms.Textarea,
        required=False,
        max_length=2000,
        validators=[validate_multi_line],
        error_messages={"max_length": _("The reasons must be 2000 characters or fewer")},
    )

    def __init__(self, *args, fulfilled: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        offered = [FULFILLED] if fulfilled else [NOT_FULFILLED, LEGITIMATE]
        field = cast(forms.ChoiceField, self.fields["outcome"])
        field.choices = [(code, DECISIONS[code]) for code in offered]
        self.hints = {code: DECISION_HINTS[code] for code in offered}

    def clean(self):
        data = cast("dict[str, Any]", super().clean())
        outcome = data.get("outcome")
        reason = (data.get("reason") or "").replace("\r\n", "\n").strip()
        if outcome in (NOT_FULFILLED, LEGITIMATE) and not reason and "reason" not in self.errors:
            self.add_error("reason", _("Enter the reasons for the decision"))
        data["reason"] = reason
        return data
