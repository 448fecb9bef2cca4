"""Checks of what a person types when registering, shared by the web forms, the
officers' forms and the API. Each raises ValidationError with a message in the
reader's language."""

from datetime import date

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accueil.core import countries, national_id

NATIONAL_ID_ERRORS = {
    "format": _("Enter your national identification number as 13 digits, like 1990051712345"),
    "date": _("The first 8 digits of the national identification number must be a real date"),
    "luhn": _("This national identification number is not valid: check the last two digits"),
    "verhoeff": _("This national identification number is not valid: check the last two digits"),
}


def clean_national_id(value: str, today: date) -> tuple[str, date]:
    """The 13 digits without spaces, and the date of birth they carry."""
    digits = "".join(value.split())
    try:
        born = national_id.birth_date_of(digits)
    except national_id.InvalidNationalId as bad:
        raise ValidationError(NATIONAL_ID_ERRORS[bad.code], code=bad.code) from None
    if born > today:
        raise ValidationError(NATIONAL_ID_ERRORS["date"], code="date")
    return digits, born


def clean_phone(value: str) -> str:
    """A telephone number in international form (+352 ...); Luxembourg by default."""
    try:
        number = phonenumbers.parse(value, "LU")
    except phonenumbers.NumberParseException:
        number = None
    formatted = (
        phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        if number is not None
        else ""
    )
    # An extension can make the number longer than the field keeps (40 characters).
    if number is None or len(formatted) > 40 or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("Enter a telephone number, like 621 123 456 or +33 6 12 34 56 78"), code="phone"
        )
    return formatted


def clean_nationalities(codes: list[str]) -> list[str]:
    known = countries.country_codes()
    chosen = list(dict.fromkeys(code.upper() for code in codes if code))
    if not chosen:
        raise ValidationError(_("Select at least one nationality"), code="required")
    if any(code not in known for code in chosen):
        raise ValidationError(_("Select a nationality from the list"), code="invalid")
    return chosen
