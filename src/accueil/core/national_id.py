"""Luxembourg's 13-digit national identification number (matricule).

Format: YYYYMMDD (date of birth) + 3 digits + a Luhn check digit + a Verhoeff check
digit, both check digits computed over the first 11 digits.
"""

import re
from datetime import date

from stdnum import luhn, verhoeff


class InvalidNationalId(ValueError):
    """The number is not a valid national identification number; `code` says why."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def birth_date_of(number: str) -> date:
    """Check the number and return the date of birth it carries."""
    # ASCII digits only: str.isdigit() also accepts other scripts' digits.
    if re.fullmatch(r"[0-9]{13}", number) is None:
        raise InvalidNationalId("format")
    try:
        born = date(int(number[0:4]), int(number[4:6]), int(number[6:8]))
    except ValueError:
        raise InvalidNationalId("date") from None
    first11 = number[:11]
    if luhn.calc_check_digit(first11) != number[11]:
        raise InvalidNationalId("luhn")
    if verhoeff.calc_check_digit(first11) != number[12]:
        raise InvalidNationalId("verhoeff")
    return born


def make(born: date, serial: int) -> str:
    """A valid number for a date of birth and a 3-digit serial (demo data and tests)."""
    first11 = f"{born:%Y%m%d}{serial:03d}"
    return first11 + luhn.calc_check_digit(first11) + verhoeff.calc_check_digit(first11)
