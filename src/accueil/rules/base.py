"""The vocabulary every rule speaks: sources, reasons, decisions and fact errors.

A rule reads facts and returns a `Decision`: an outcome, the values it computed,
and the `Reason`s that led there. Each reason names the rule, says whether its
condition was met (`True`/`False`, or `None` when it only informs), cites the
passage of the seed it implements, and carries its message already written in
every supported language, so the web, the API and the CLI explain a decision
the same way.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any

SEED = "000_cd4636ba422b50d1.txt"
LANGUAGES = ("en", "fr", "de")


@dataclass(frozen=True)
class Source:
    """Where a rule or a parameter comes from: a verbatim passage of a seed.

    `lang` is the language the passage is written in (the CAI seed is in English,
    the newcomer's guide in French), for pages that quote it.
    """

    seed: str
    section: str
    passage: str
    lang: str = "en"


def cite(section: str, passage: str) -> Source:
    """Cite a passage of the CAI seed (all rules here come from that one text)."""
    return Source(seed=SEED, section=section, passage=passage)


class FactError(Exception):
    """A fact is missing or malformed; `fact` is its dotted name, e.g. "birth_date".

    `message` is in English; `messages`, when given, is the same in every language
    (en, fr, de), for the API and the forms to answer in the reader's language.
    """

    def __init__(self, fact: str, message: str, messages: dict[str, str] | None = None) -> None:
        super().__init__(f"{fact}: {message}")
        self.fact = fact
        self.message = message
        if messages is not None:
            self.messages = dict(messages)


def to_json(value: Any) -> Any:
    """Turn rule values into plain JSON types (dates become ISO strings)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):  # amounts of money: exact, as a string ("4000.00")
        return str(value)
    if isinstance(value, (dict, MappingProxyType)):
        return {str(key): to_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(item) for item in value]
    return value


def check_language(lang: str) -> str:
    """Refuse a language we have no messages for, rather than fall back silently."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    return lang


@dataclass(frozen=True)
class Reason:
    """One step of a decision, with its source and its message in every language."""

    code: str
    rule: str
    met: bool | None
    source: Source
    message: Mapping[str, str]
    params: dict[str, Any] = field(default_factory=dict)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        check_language(lang)
        return {
            "code": self.code,
            "rule": self.rule,
            "met": self.met,
            "message": self.message[lang],
            "messages": {code: self.message[code] for code in LANGUAGES},
            "source": {
                "seed": self.source.seed,
                "section": self.source.section,
                "passage": self.source.passage,
            },
        }


@dataclass(frozen=True)
class Decision:
    """What a rule decided (`outcome`), what it computed (`values`) and why (`reasons`)."""

    rule: str
    outcome: str
    reasons: tuple[Reason, ...]
    values: dict[str, Any]

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The JSON shape shared by the API, the CLI and the documentation."""
        check_language(lang)
        return {
            "rule": self.rule,
            "outcome": self.outcome,
            "values": to_json(self.values),
            "reasons": [reason.to_dict(lang) for reason in self.reasons],
        }

    def reason(self, code: str) -> Reason:
        """The reason with this code (handy in tests and templates)."""
        for reason in self.reasons:
            if reason.code == code:
                return reason
        raise KeyError(code)
