"""The 13-digit national identification number: date, Luhn and Verhoeff digits."""

from datetime import date

import pytest

from accueil.core.national_id import InvalidNationalId, birth_date_of, make


def test_a_made_number_is_valid_and_carries_the_birth_date():
    number = make(date(1996, 2, 29), 123)
    assert len(number) == 13
    assert birth_date_of(number) == date(1996, 2, 29)


@pytest.mark.parametrize(
    ("number", "why"),
    [("123", "format"), ("19900230123ab", "format"), ("1990023012345", "date")],
)
def test_malformed_numbers_are_refused_with_the_reason(number, why):
    with pytest.raises(InvalidNationalId) as refused:
        birth_date_of(number)
    assert refused.value.code == why


def test_a_wrong_luhn_or_verhoeff_digit_is_caught():
    good = make(date(1990, 5, 17), 42)
    wrong_luhn = good[:11] + str((int(good[11]) + 1) % 10) + good[12]
    wrong_verhoeff = good[:12] + str((int(good[12]) + 1) % 10)
    with pytest.raises(InvalidNationalId, match="luhn"):
        birth_date_of(wrong_luhn)
    with pytest.raises(InvalidNationalId, match="verhoeff"):
        birth_date_of(wrong_verhoeff)


def test_digits_of_other_scripts_are_refused_not_an_error():
    arabic_indic = "".join(chr(0x0660 + int(d)) for d in make(date(1990, 5, 17), 42))
    with pytest.raises(InvalidNationalId) as refused:
        birth_date_of(arabic_indic)
    assert refused.value.code == "format"
