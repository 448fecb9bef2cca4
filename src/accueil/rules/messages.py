"""The catalogue of reason messages, in English, French and German, and how it is filled.

The templates themselves live in `messages_intake` (eligibility, term, obligations)
and `messages_review` (fulfilment, follow-up); `CATALOGUE` joins them.

Each reason code has one template per variant: "met" (the condition holds),
"unmet" (it does not) and "info" (the reason only informs). Templates are filled
with `str.format(**params)` after the parameters are put in the reader's language:
dates written out as people read them (23 November 2026, 1er mars 2026,
23. November 2026), decimals with a comma in French and German, and tuples of
codes (obligations, languages, countries) as a list of names joined with "and"/"et"/"und".
"""

from dataclasses import replace
from datetime import date
from typing import Any

from accueil.rules.base import LANGUAGES, Decision, Reason, Source
from accueil.rules.countries import country_name
from accueil.rules.messages_intake import INTAKE, INTAKE_YOU
from accueil.rules.messages_review import REVIEW

VARIANTS = {True: "met", False: "unmet", None: "info"}

# Names of the codes that appear in messages as lists.
TERMS: dict[str, dict[str, str]] = {
    "language_training": {
        "en": "language training",
        "fr": "formation linguistique",
        "de": "Sprachkurse",
    },
    "citizenship_course": {
        "en": "citizenship course",
        "fr": "cours d’instruction civique",
        "de": "Staatsbürgerkundekurs",
    },
    "orientation_day": {
        "en": "orientation day",
        "fr": "journée d’orientation",
        "de": "Orientierungstag",
    },
    "lb": {"en": "Luxembourgish", "fr": "luxembourgeois", "de": "Luxemburgisch"},
    "fr": {"en": "French", "fr": "français", "de": "Französisch"},
    "de": {"en": "German", "fr": "allemand", "de": "Deutsch"},
    "en": {"en": "English", "fr": "anglais", "de": "Englisch"},
    "pt": {"en": "Portuguese", "fr": "portugais", "de": "Portugiesisch"},
}
_AND = {"en": "and", "fr": "et", "de": "und"}
MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
}


CATALOGUE: dict[str, dict[str, dict[str, str]]] = {**INTAKE, **REVIEW}


def _join(names: list[str], lang: str) -> str:
    """Join names as in "a", "a and b", "a, b and c", in the reader's language."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {_AND[lang]} {names[-1]}"


def long_date(day: date, lang: str) -> str:
    """A date as written in running text: no library, so the rules stay pure Python."""
    month = MONTHS[lang][day.month - 1]
    if lang == "de":
        return f"{day.day}. {month} {day.year}"
    if lang == "fr" and day.day == 1:
        return f"1er {month} {day.year}"
    return f"{day.day} {month} {day.year}"


def _term(code: str, lang: str) -> str:
    """A code's name: one of `TERMS`, else a country (ISO 3166-1 alpha-2), else the code."""
    term = TERMS.get(code)
    return term[lang] if term else country_name(code, lang)


def _localise(value: Any, lang: str) -> Any:
    if isinstance(value, date):
        return long_date(value, lang)
    if isinstance(value, float):
        text = f"{value:g}"
        return text if lang == "en" else text.replace(".", ",")
    if isinstance(value, (tuple, list)):
        return _join([_term(code, lang) for code in value], lang)
    return value


def render(
    code: str,
    met: bool | None,
    params: dict[str, Any],
    catalogue: dict[str, dict[str, dict[str, str]]] = CATALOGUE,
) -> dict[str, str]:
    """The message of `code` for this outcome, in every language."""
    templates = catalogue[code][VARIANTS[met]]
    return {
        lang: templates[lang].format(
            **{key: _localise(value, lang) for key, value in params.items()}
        )
        for lang in LANGUAGES
    }


# Messages of fact errors that a person may read (the API answers them in `lang`).
FACT_ERRORS: dict[str, dict[str, str]] = {
    "date_range": {
        "en": "expected a date from {earliest} to {latest}, got {value}",
        "fr": "une date du {earliest} au {latest} est attendue, reçu {value}",
        "de": "erwartet wird ein Datum vom {earliest} bis zum {latest}, erhalten: {value}",
    },
}


def fact_error_messages(code: str, **params: Any) -> dict[str, str]:
    """The message of a fact error in every language, its dates written out."""
    return {
        lang: FACT_ERRORS[code][lang].format(
            **{key: _localise(value, lang) for key, value in params.items()}
        )
        for lang in LANGUAGES
    }


def addressed_to_reader(decision: Decision) -> Decision:
    """`decision` with its reasons spoken to the person they are about ("you are 36 years
    old"), for the pages where a person checks their own case; reasons without such a
    message keep theirs."""
    reasons = tuple(
        replace(reason, message=render(reason.code, reason.met, reason.params, INTAKE_YOU))
        if VARIANTS[reason.met] in INTAKE_YOU.get(reason.code, {})
        else reason
        for reason in decision.reasons
    )
    return replace(decision, reasons=reasons)


def make_reason(code: str, met: bool | None, source: Source, **params: Any) -> Reason:
    """A reason of the rule its code starts with ("cai.eligibility.age" -> "cai.eligibility")."""
    rule = ".".join(code.split(".")[:2])
    return Reason(code, rule, met, source, render(code, met, params), params)
