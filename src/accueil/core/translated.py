"""Reference data in three languages: the names of organisations and of the places
where sessions and events are held.

A translated value is three columns: the field itself, in English (what staff type
first and what every other language falls back to), and `<field>_fr`, `<field>_de`
beside it. We chose columns over a translation table: the data is small, the three
languages are fixed (`settings.LANGUAGES`), a form edits the three side by side, and a
page reads the value in the reader's language without a join.
"""

from django.utils.translation import get_language

OTHER_LANGUAGES = ("fr", "de")


def in_language(obj: object, field: str, language: str | None = None) -> str:
    """`obj.<field>` in `language` (default: the active one); the English value when
    no translation was typed."""
    code = (language or get_language() or "en").split("-")[0]
    if code in OTHER_LANGUAGES:
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return str(value)
    return str(getattr(obj, field))
