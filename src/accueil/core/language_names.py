"""Languages (ISO 639-1) named in the reader's language and sorted as that language sorts.

The codes are the rules' (`accueil.rules.guide.language_codes`); their names come from
CLDR through babel, in the reader's language, with a capital first letter as in a list;
the list is sorted with the Unicode Collation Algorithm, as the countries are
(`accueil.core.countries`).
"""

from functools import lru_cache

from babel import Locale

from accueil.core.countries import collation_key, reader_language
from accueil.rules.guide.language_codes import ISO_639_1


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def language_name(code: str, lang: str | None = None) -> str:
    """The language `code` named in the reader's language (the code when CLDR has none)."""
    names = Locale.parse(reader_language(lang)).languages
    return _capital(names.get(code, code))


@lru_cache(maxsize=8)
def _choices(lang: str) -> tuple[tuple[str, str], ...]:
    rows = [(code, language_name(code, lang)) for code in ISO_639_1]
    return tuple(sorted(rows, key=lambda row: collation_key(row[1])))


def language_choices(lang: str | None = None) -> tuple[tuple[str, str], ...]:
    """ISO 639-1 languages (code, name) in the reader's language, sorted as it sorts."""
    return _choices(reader_language(lang))
