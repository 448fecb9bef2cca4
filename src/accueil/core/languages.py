"""Languages named in the reader's language ("Luxembourgish", "luxembourgeois",
"Luxemburgisch"), from the CLDR data that babel carries."""

from functools import lru_cache

from babel import Locale
from django.utils.translation import get_language


@lru_cache(maxsize=16)
def _names(reader: str) -> dict[str, str]:
    names = Locale.parse(reader, sep="-").languages
    return {code: name[:1].upper() + name[1:] for code, name in names.items()}


def language_name(code: str) -> str:
    """`code` (ISO 639-1, e.g. "lb") named in the active language; the code if unknown."""
    return _names(get_language() or "en").get(code, code)
