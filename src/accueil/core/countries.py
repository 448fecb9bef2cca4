"""Countries named in the reader's language and sorted as that language sorts.

The names come from one table, `accueil.rules.countries` (CLDR's names of the
ISO 3166-1 countries in English, French and German), so a list, a page, an email,
a PDF and a rule's message name a country alike. Lists are sorted with the Unicode
Collation Algorithm (`pyuca`), not by code point: French lists Égypte and
Éthiopie among the E's, German Ägypten among the A's and Österreich among the O's.
"""

from collections.abc import Iterable
from functools import lru_cache

import pyuca
from django.utils.translation import get_language

from accueil.rules.base import LANGUAGES
from accueil.rules.countries import NAMES, country_name


@lru_cache(maxsize=1)
def collator() -> pyuca.Collator:
    """The Unicode Collation Algorithm with its default table (loaded once)."""
    return pyuca.Collator()


def collation_key(text: str) -> tuple[int, ...]:
    return tuple(collator().sort_key(text))


def reader_language(lang: str | None = None) -> str:
    """`lang` (or the active language) as one of "en", "fr", "de"."""
    code = (lang or get_language() or "en").split("-")[0].lower()
    return code if code in LANGUAGES else "en"


@lru_cache(maxsize=8)
def _choices(lang: str) -> tuple[tuple[str, str], ...]:
    rows = [(code, country_name(code, lang)) for code in NAMES]
    return tuple(sorted(rows, key=lambda row: collation_key(row[1])))


def country_choices(lang: str | None = None) -> tuple[tuple[str, str], ...]:
    """ISO 3166-1 countries (code, name), named in the reader's language and sorted as that
    language sorts."""
    return _choices(reader_language(lang))


def country_codes() -> frozenset[str]:
    return frozenset(NAMES)


def name(code: str, lang: str | None = None) -> str:
    """The country `code` named in the reader's language (the code if it is none)."""
    return country_name(code.upper(), reader_language(lang))


def names(codes: Iterable[str] | None, lang: str | None = None) -> str:
    """Countries named in the reader's language, in their order, joined by commas."""
    return ", ".join(name(code, lang) for code in codes or ())
