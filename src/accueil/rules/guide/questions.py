"""The questionnaire's machinery: questions, their order, and reading answers.

A question asks for one fact. Answers are plain JSON values keyed by fact; a
key that is absent has not been asked yet, and a key whose value is `None` was
answered "I don't know" (or left empty where that is allowed). The rules treat
both as "not known" (met None).

Values by kind: "yes_no" -> true/false (None for "I don't know" where the
question offers it); "choice" -> one of the choice values; "multi_choice" -> a
list of choice values (may be empty); "date" -> an ISO date "YYYY-MM-DD" (or a
`date`); "country_list" -> a list of upper-case ISO 3166-1 alpha-2 codes;
"number" -> a number of at least 0.

`parse_answer` reads what a form sends (strings); `read_answers` checks a whole
mapping of JSON answers (the API, the CLI, a saved result) and returns typed
values. Both raise `AnswerError`, a `FactError` that also carries its message in
English, French and German.
"""

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Any

from accueil.rules.base import FactError
from accueil.rules.dates import EARLIEST, LATEST, parse_date  # the rules' range of dates
from accueil.rules.guide.text import Text, t

KINDS = ("yes_no", "choice", "multi_choice", "date", "country_list", "number")
UNKNOWN = "unknown"
_COUNTRY = re.compile(r"[A-Z]{2}")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _always(answers: Mapping[str, Any]) -> bool:
    return True


@dataclass(frozen=True)
class Choice:
    value: str
    label: dict[str, str]


@dataclass(frozen=True)
class Question:
    """One question of the guide, asking for the fact `fact`.

    A "yes_no" question has no choices (yes / no) or the three choices yes, no
    and "unknown" (I don't know) when a person may not know. `optional` means an
    empty answer is accepted as "not known" (dates and numbers).
    """

    fact: str
    kind: str
    label: dict[str, str]
    hint: dict[str, str]
    choices: tuple[Choice, ...] = ()
    section: str = ""
    relevant: Callable[[Mapping[str, Any]], bool] = _always
    optional: bool = False

    @cached_property
    def _values(self) -> tuple[str, ...]:
        return tuple(choice.value for choice in self.choices)

    def choice_values(self) -> tuple[str, ...]:
        return self._values


class AnswerError(FactError):
    """An answer that cannot be read; `messages` says why in en/fr/de."""

    def __init__(self, fact: str, messages: Text) -> None:
        super().__init__(fact, messages["en"])
        self.messages = dict(messages)


_ERRORS = {
    "required": t(
        "Answer this question to continue.",
        "Répondez à cette question pour continuer.",
        "Beantworten Sie diese Frage, um fortzufahren.",
    ),
    "choice": t(
        "Choose one of the options.",
        "Choisissez une des options.",
        "Wählen Sie eine der Möglichkeiten.",
    ),
    "date": t(
        "Enter a real date, for example 27 3 2026.",
        "Saisissez une date réelle, par exemple 27 3 2026.",
        "Geben Sie ein gültiges Datum ein, zum Beispiel 27 3 2026.",
    ),
    "date_range": t(
        "Enter a date between 1900 and 2199.",
        "Saisissez une date entre 1900 et 2199.",
        "Geben Sie ein Datum zwischen 1900 und 2199 ein.",
    ),
    "country": t(
        "Choose a country from the list.",
        "Choisissez un pays dans la liste.",
        "Wählen Sie ein Land aus der Liste.",
    ),
    "number": t(
        "Enter a number of at least 0, like 3 or 1922.96.",
        "Saisissez un nombre d’au moins 0, comme 3 ou 1922,96.",
        "Geben Sie eine Zahl von mindestens 0 ein, etwa 3 oder 1922,96.",
    ),
    "unknown": t(
        "This is not a question of the guide.",
        "Ce n’est pas une question du guide.",
        "Das ist keine Frage des Leitfadens.",
    ),
}


def error(fact: str, code: str) -> AnswerError:
    return AnswerError(fact, _ERRORS[code])


def _in_range(day: date, fact: str) -> date:
    if not EARLIEST <= day <= LATEST:
        raise error(fact, "date_range")
    return day


def _form_date(question: Question, raw: str | list[str]) -> date | None:
    """ISO "YYYY-MM-DD", or [day, month, year] as the GOV.UK date input sends it."""
    if isinstance(raw, list):
        parts = [part.strip() for part in raw]
        if not any(parts) and question.optional:
            return None
        if len(parts) != 3 or not all(part.isdigit() for part in parts):
            raise error(question.fact, "date" if any(parts) else "required")
        try:
            day = date(int(parts[2]), int(parts[1]), int(parts[0]))
        except (ValueError, OverflowError):  # a month of 20 digits overflows date()
            raise error(question.fact, "date") from None
        return _in_range(day, question.fact)
    if not raw.strip():
        if question.optional:
            return None
        raise error(question.fact, "required")
    try:
        return _in_range(parse_date(raw.strip(), question.fact), question.fact)
    except FactError:
        raise error(question.fact, "date") from None


def _form_yes_no(question: Question, raw: str) -> bool | None:
    if raw == "yes":
        return True
    if raw == "no":
        return False
    if raw == UNKNOWN and UNKNOWN in question.choice_values():
        return None
    raise error(question.fact, "required" if not raw else "choice")


def _form_number(question: Question, raw: str) -> float | int | None:
    """A number of at least 0; the decimal mark is the last "," or "." when both appear
    ("1,922.96" and "1.922,96"), and a lone "," is a decimal comma ("1922,96")."""
    text = raw.strip().replace(" ", "").replace("\u202f", "").replace("\xa0", "")
    if not text:
        if question.optional:
            return None
        raise error(question.fact, "required")
    if "," in text and "." in text:
        grouping = "." if text.rfind(",") > text.rfind(".") else ","
        text = text.replace(grouping, "")
    text = text.replace(",", ".")
    if not _NUMBER.fullmatch(text):
        raise error(question.fact, "number")
    value = float(text)
    return int(value) if value.is_integer() else value


def _form_countries(question: Question, raw: str | list[str]) -> list[str]:
    items = raw if isinstance(raw, list) else re.split(r"[\s,;]+", raw)
    codes = [item.strip().upper() for item in items if item.strip()]
    if not codes:
        raise error(question.fact, "required")
    if not all(_COUNTRY.fullmatch(code) for code in codes):
        raise error(question.fact, "country")
    return list(dict.fromkeys(codes))


def parse_answer(question: Question, raw: str | list[str]) -> Any:
    """Turn form input into the answer's value; `AnswerError` when it cannot be read."""
    kind = question.kind
    if kind == "date":
        return _form_date(question, raw)
    if kind == "country_list":
        return _form_countries(question, raw)
    if kind == "multi_choice":
        values = [raw] if isinstance(raw, str) else list(raw)
        values = [value for value in values if value]
        if any(value not in question.choice_values() for value in values):
            raise error(question.fact, "choice")
        return [value for value in question.choice_values() if value in values]
    text = raw[0] if isinstance(raw, list) and raw else raw if isinstance(raw, str) else ""
    if kind == "yes_no":
        return _form_yes_no(question, text)
    if kind == "number":
        return _form_number(question, text)
    if text not in question.choice_values():
        raise error(question.fact, "required" if not text else "choice")
    return text


def _json_value(question: Question, value: Any) -> Any:
    """Check one JSON answer and return its typed value (dates become `date`)."""
    fact, kind = question.fact, question.kind
    if value is None:
        return None
    if kind == "yes_no":
        if not isinstance(value, bool):
            raise error(fact, "choice")
        return value
    if kind == "choice":
        if not isinstance(value, str) or value not in question.choice_values():
            raise error(fact, "choice")
        return value
    if kind == "multi_choice":
        if not isinstance(value, list) or any(
            not isinstance(item, str) or item not in question.choice_values() for item in value
        ):
            raise error(fact, "choice")
        return tuple(item for item in question.choice_values() if item in value)
    if kind == "date":
        if isinstance(value, datetime) or not isinstance(value, (str, date)):
            raise error(fact, "date")
        try:
            return _in_range(parse_date(value, fact), fact)
        except AnswerError:
            raise
        except FactError:
            raise error(fact, "date") from None
    if kind == "country_list":
        if (
            not isinstance(value, list)
            or not value
            or any(not isinstance(code, str) or not _COUNTRY.fullmatch(code) for code in value)
        ):
            raise error(fact, "country")
        return tuple(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise error(fact, "number")
    if not math.isfinite(value) or value < 0:
        raise error(fact, "number")
    return value


def read_answers(questions: Mapping[str, Question], answers: Mapping[str, Any]) -> dict[str, Any]:
    """Check every answer against its question; unknown keys are refused."""
    typed = {}
    for fact, value in answers.items():
        question = questions.get(fact)
        if question is None:
            raise error(str(fact), "unknown")
        typed[fact] = _json_value(question, value)
    return typed
