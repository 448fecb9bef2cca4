"""The rules' table of country names is CLDR's for the ISO 3166-1 codes (babel, pycountry)."""

import pycountry
from babel import Locale

from accueil.rules.countries import NAMES, CountryNames, country_name
from accueil.rules.messages import render


def test_the_table_is_cldrs_names_of_the_iso_countries():
    cldr = {lang: Locale.parse(lang).territories for lang in ("en", "fr", "de")}
    expected = {
        c.alpha_2: (cldr["en"][c.alpha_2], cldr["fr"][c.alpha_2], cldr["de"][c.alpha_2])
        for c in pycountry.countries
    }
    assert expected == NAMES


def test_a_code_is_named_and_an_unknown_one_kept():
    assert [country_name("AT", lang) for lang in ("en", "fr", "de")] == [
        "Austria",
        "Autriche",
        "Österreich",
    ]
    assert country_name("XX", "fr") == "XX"
    assert dict(CountryNames(["EG", "ET"])) == {
        "en": "Egypt, Ethiopia",
        "fr": "Égypte, Éthiopie",
        "de": "Ägypten, Äthiopien",
    }


def test_a_rules_message_names_the_nationalities():
    message = render("cai.eligibility.nationality", True, {"nationalities": ("MA", "IN")})
    assert "Morocco and India" in message["en"]
    assert "Maroc et Inde" in message["fr"]
    assert "Marokko und Indien" in message["de"]
