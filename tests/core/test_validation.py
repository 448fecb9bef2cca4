"""Checks shared by every registration form and the API."""

import pytest
from django.core.exceptions import ValidationError

from accueil.core.validation import clean_phone


def test_a_luxembourg_number_is_written_in_international_form():
    assert clean_phone("621 123 456") == "+352 621 123 456"


def test_a_number_too_long_to_keep_is_refused_with_a_message():
    with pytest.raises(ValidationError):
        clean_phone("+352 621 123 456 ext. 1234567890123456789")
