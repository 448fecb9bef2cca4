"""The forms of vouchers and enrolment: the candidate's choice of fee, the provider's
enrol-a-person form and the officer's revocation."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accueil.core.govuk import GovukForm, Radios
from accueil.core.money import euros
from accueil.core.text import validate_one_line

NORMAL_FEE = "normal"


def voucher_choice(number: int, code: str, reduced_fee: Decimal) -> str:
    """The label of paying with voucher `number` (its `code` as shown), amount in the
    reader's format (`core.money`)."""
    if not reduced_fee:
        return gettext("Voucher %(number)s (%(code)s): free with the voucher") % {
            "number": number,
            "code": code,
        }
    return gettext("Voucher %(number)s (%(code)s): the reduced rate, %(fee)s") % {
        "number": number,
        "code": code,
        "fee": euros(reduced_fee),
    }


def normal_fee_choice(fee: Decimal) -> str:
    """The label of paying the normal fee, amount in the reader's format."""
    if not fee:
        return gettext("The normal fee: free")
    return gettext("The normal fee, %(fee)s") % {"fee": euros(fee)}


class FeeChoiceForm(GovukForm):
    """The candidate enrolling in a language course: one of their valid vouchers (the
    reduced rate) or the normal fee. `options`: (value, label) pairs, vouchers first."""

    fee = forms.ChoiceField(
        label=_("How will you pay for this course?"),
        widget=Radios,
        error_messages={
            "required": _("Select a voucher or the normal fee"),
            "invalid_choice": _("Select a voucher or the normal fee"),
        },
    )

    def __init__(self, *args, options: list[tuple[str, str]] | tuple = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["fee"].choices = list(options)  # type: ignore[attr-defined]


class EnrolPersonForm(GovukForm):
    """A provider's staff member enrolling a person who has a contract in force."""

    national_id = forms.CharField(
        label=_("National identification number"),
        help_text=_("13 digits, like 1990 0517 12345, as on the person's document."),
        max_length=20,
        error_messages={
            "required": _("Enter the national identification number"),
            "max_length": _("The national identification number must be 20 characters or fewer"),
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
    voucher_code = forms.CharField(
        label=_("Voucher code (optional)"),
        help_text=_(
            "16 letters and digits in four groups, like ABCD-EFGH-JKMN-PQRS. Leave empty "
            "if the person pays the normal fee."
        ),
        max_length=40,
        required=False,
        error_messages={"max_length": _("The voucher code must be 40 characters or fewer")},
    )


class RevokeForm(GovukForm):
    reason = forms.CharField(
        label=_("Why is this voucher revoked?"),
        help_text=_(
            "The candidate and the provider see that it is revoked; this reason is kept "
            "in the audit trail."
        ),
        max_length=500,
        validators=[validate_one_line],
        error_messages={
            "required": _("Enter why the voucher is revoked"),
            "max_length": _("The reason must be 500 characters or fewer"),
        },
    )
