"""Countries by name, sorted as each language sorts (issue 11, point 5).

The order is the Unicode Collation Algorithm's (pyuca), not the code points':
French lists Égypte and Éthiopie among the E's, German Ägypten among the A's
and Österreich among the O's; pages, emails and the contract PDF name
countries, never their codes.
"""

import html
import re

import pytest
import pyuca
from django.urls import reverse
from django.utils import translation

from accueil.contracts import services as contract_services
from accueil.contracts.documents import contract_pdf
from accueil.core import countries
from tests import factories
from tests.contracts.test_contract_signing import pdf_text

COLLATOR = pyuca.Collator()


def names_in(lang: str) -> list[str]:
    with translation.override(lang):
        return [name for _code, name in countries.country_choices()]


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_list_is_in_the_order_of_the_unicode_collation_algorithm(lang):
    names = names_in(lang)
    assert names == sorted(names, key=COLLATOR.sort_key)
    assert len(names) == len(set(names)) == 249


def first_letter(name: str) -> str:
    """The base letter a reader files a name under (É -> E, Ä -> A, Ö -> O)."""
    return {"É": "E", "Ä": "A", "Å": "A", "Ö": "O", "Î": "I"}.get(name[0], name[0])


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_names_with_an_accent_are_filed_under_their_letter(lang):
    letters = [first_letter(name) for name in names_in(lang)]
    # Each letter's names come together: no accented name after Zimbabwe.
    assert letters == sorted(letters)


def test_french_lists_egypt_and_ethiopia_among_the_e():
    names = names_in("fr")
    es = [name for name in names if first_letter(name) == "E"]
    assert "Égypte" in es and "Éthiopie" in es
    assert names.index("Égypte") < names.index("Espagne") < names.index("Éthiopie")
    assert names.index("Éthiopie") < names.index("Fidji") < names.index("Zimbabwe")


def test_german_puts_egypt_among_the_a_and_austria_among_the_o():
    names = names_in("de")
    assert names.index("Afghanistan") < names.index("Ägypten") < names.index("Albanien")
    assert names.index("Oman") < names.index("Österreich") < names.index("Pakistan")


OPTION = re.compile(r'<option value="([A-Z]{2})"[^>]*>([^<]+)</option>')


def options(page: str) -> list[str]:
    """The countries of the page's first select, in the page's order."""
    first = page[page.index("<select") : page.index("</select>")]
    return [html.unescape(name) for _code, name in OPTION.findall(first)]


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
@pytest.mark.parametrize("page", ["registration", "guide", "officer"])
def test_every_list_of_countries_is_sorted_in_the_page_language(client, officer, page, lang):
    if page == "officer":
        client.force_login(officer)
    url = {
        "registration": reverse("register:question", args=["nationality"]),
        "guide": reverse("guide:question", args=["nationalities"]),
        "officer": reverse("registration:candidate_register"),
    }[page]
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200
    names = options(response.content.decode())
    assert names == names_in(lang) == sorted(names, key=COLLATOR.sort_key)


@pytest.mark.parametrize(("lang", "name"), [("en", "Morocco"), ("fr", "Maroc"), ("de", "Marokko")])
def test_a_code_is_named_in_the_readers_language(lang, name):
    with translation.override(lang):
        assert (
            countries.names(["MA", "IN"])
            == f"{name}, "
            + {
                "en": "India",
                "fr": "Inde",
                "de": "Indien",
            }[lang]
        )


MOROCCO = {"en": "Morocco", "fr": "Maroc", "de": "Marokko"}


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_officers_pages_name_the_nationalities(client, officer, lang):
    person = factories.candidate(surname="Haddad", nationalities=["MA", "IN"])
    client.force_login(officer)
    india = {"en": "India", "fr": "Inde", "de": "Indien"}[lang]
    for url in (
        reverse("portal:candidate_detail", args=[person.pk]),
        reverse("portal:candidate_list") + "?q=Haddad",
    ):
        page = client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
        assert f"{MOROCCO[lang]}, {india}" in page, url
        assert "MA, IN" not in page, url


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_contract_pdf_names_the_nationality_in_its_language(db, officer, lang):
    person = factories.candidate(information_language=lang, nationalities=["MA"])
    factories.residence_document(person, checked_by=officer)
    contract = contract_services.contract_draft(candidate=person, actor=officer)
    text = " ".join(pdf_text(contract_pdf(contract)).split())
    assert MOROCCO[lang] in text
    assert ": MA" not in text
