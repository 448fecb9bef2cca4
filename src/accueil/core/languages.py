"""Languages named in the reader's language ("Luxembourgish", "luxembourgeois",
"Luxemburgisch"), from the CLDR data that babel carries; the language of a page
reached from an email."""

from functools import lru_cache
from typing import Any

from babel import Locale
from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import get_language


@lru_cache(maxsize=16)
def _names(reader: str) -> dict[str, str]:
    names = Locale.parse(reader, sep="-").languages
    return {code: name[:1].upper() + name[1:] for code, name in names.items()}


def language_name(code: str) -> str:
    """`code` (ISO 639-1, e.g. "lb") named in the active language; the code if unknown."""
    return _names(get_language() or "en").get(code, code)


def use_their_language(request: HttpRequest, *choices: str) -> None:
    """On a page reached from an email (a private link), speak the language the person
    chose on the site, the same on every page of the journey: the one picked in this
    browser (the language switch's cookie) or saved on the signed-in account wins (the
    middlewares applied it); else the first of `choices` that the site speaks (callers
    pass the language saved on the person's account, then the one chosen at
    registration)."""
    codes = {c for c, _name in settings.LANGUAGES}
    if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) in codes:
        return
    user: Any = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.language in codes:
        return
    for code in choices:
        if code in codes:
            translation.activate(code)
            request.LANGUAGE_CODE = code
            return
