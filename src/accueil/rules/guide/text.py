"""Messages of the guide in English, French and German, written once and filled lazily.

Most of the guide's sentences do not depend on the person's answers: they are
plain `{"en", "fr", "de"}` dicts built once at import. A sentence with a date or
a number is a `Filled` mapping: it keeps its templates and parameters and writes
a language only when that language is read, so assessing many situations (the
benchmark) does not format sentences nobody reads. Dates are written as in
running text (`accueil.rules.messages.long_date`), decimals with a comma in
French and German.
"""

from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from accueil.rules.base import LANGUAGES
from accueil.rules.messages import long_date

Text = Mapping[str, str]


def t(en: str, fr: str, de: str) -> dict[str, str]:
    """One sentence in the three languages."""
    return {"en": en, "fr": fr, "de": de}


def _localise(value: Any, lang: str) -> Any:
    if isinstance(value, date):
        return long_date(value, lang)
    if isinstance(value, (float, Decimal)):
        text = f"{value:,.2f}" if value != int(value) else f"{value:,.0f}"
        if lang == "en":
            return text
        grouping = "\u202f" if lang == "fr" else "."
        return text.replace(",", "\0").replace(".", ",").replace("\0", grouping)
    if isinstance(value, Mapping):
        return value[lang]
    return value


class Filled(Mapping[str, str]):
    """A message whose placeholders are filled on first read of each language."""

    __slots__ = ("_cache", "_params", "_templates")

    def __init__(self, templates: Text, params: dict[str, Any]) -> None:
        self._templates = templates
        self._params = params
        self._cache: dict[str, str] = {}

    def __getitem__(self, lang: str) -> str:
        text = self._cache.get(lang)
        if text is None:
            params = {key: _localise(value, lang) for key, value in self._params.items()}
            text = self._templates[lang].format(**params)
            self._cache[lang] = text
        return text

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)

    def __repr__(self) -> str:
        return f"Filled({self['en']!r})"


def fill(templates: Text, **params: Any) -> Text:
    """`templates` with `params`, or `templates` itself when there is nothing to fill."""
    return Filled(templates, params) if params else templates


_STATIC: dict[tuple[int, tuple[tuple[str, Any], ...]], dict[str, str]] = {}


def static(templates: Text, **params: Any) -> dict[str, str]:
    """`templates` filled with hashable `params` (values of the parameter table), kept once.

    The guide's numbers come from the parameter table, so its sentences are
    written with them; since those values are few, each filled sentence is
    kept and shared (keyed by the template's identity: templates are constants).
    """
    key = (id(templates), tuple(params.items()))
    text = _STATIC.get(key)
    if text is None:
        text = {
            lang: templates[lang].format(
                **{name: _localise(value, lang) for name, value in params.items()}
            )
            for lang in LANGUAGES
        }
        if len(_STATIC) > 10_000:
            _STATIC.clear()
        _STATIC[key] = text
    return text


def as_dict(text: Text) -> dict[str, str]:
    """A plain dict of the three languages (for JSON)."""
    return {lang: text[lang] for lang in LANGUAGES}
