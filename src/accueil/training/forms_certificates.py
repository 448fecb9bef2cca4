"""The forms of certificates: issuing one, revoking one, and typing a code to verify."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accueil.core.govuk import DayField, GovukForm
from accueil.core.text import validate_multi_line


class CertificateIssueForm(GovukForm):
    """Only the date is typed: the hours and sessions attended come from the attendance
    recorded (training.certificates.attendance_summary), shown on the page."""

    issued_on = DayField(
        label=_("Date of the certificate"),
        help_text=_("For example, 27 3 2026"),
        error_messages={
            "required": _("Enter the date of the certificate"),
            "incomplete": _("The date of the certificate must include a day, a month and a year"),
            "invalid": _("The date of the certificate must be a real date, like 27 3 2026"),
        },
    )


class CertificateRevokeForm(GovukForm):
    reason = forms.CharField(
        label=_("Why is the certificate revoked?"),
        help_text=_("This is kept in the audit trail"),
        widget=forms.Textarea,
        max_length=500,
        validators=[validate_multi_line],
        error_messages={
            "required": _("Enter the reason for revoking the certificate"),
            "max_length": _("The reason must be 500 characters or fewer"),
        },
    )


class VerifyForm(GovukForm):
    code = forms.CharField(
        label=_("Verification code"),
        help_text=_(
            "The 16 letters and digits printed on the certificate, like 7KQ2-M9XD-4T1B-8RWE"
        ),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
        error_messages={
            "required": _("Enter the verification code"),
            "max_length": _("The verification code must be 40 characters or fewer"),
        },
    )
