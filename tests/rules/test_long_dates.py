"""Dates in reason messages are written as people read them, in their language."""

from datetime import date

import pytest

from accueil.rules import evaluate
from accueil.rules.messages import long_date


@pytest.mark.parametrize(
    ("day", "lang", "text"),
    [
        (date(2026, 3, 1), "en", "1 March 2026"),
        (date(2026, 3, 1), "fr", "1er mars 2026"),
        (date(2026, 3, 1), "de", "1. März 2026"),
        (date(2024, 2, 29), "fr", "29 février 2024"),
        (date(2026, 12, 31), "de", "31. Dezember 2026"),
    ],
)
def test_a_date_is_written_out_in_the_readers_language(day, lang, text):
    assert long_date(day, lang) == text


def test_the_age_reason_says_the_day_in_words_in_each_language():
    facts = {
        "birth_date": "2010-08-01",
        "on": "2026-08-01",
        "nationalities": ["PT"],
        "legally_resident": True,
        "wishes_to_settle": True,
    }
    messages = evaluate("cai.eligibility", facts).reason("cai.eligibility.age").message
    assert "1 August 2026" in messages["en"]
    assert "1er août 2026" in messages["fr"]
    assert "1. August 2026" in messages["de"]
