"""Conditions and notes of the guide, with their reasons built once.

A `Check` is one condition of a procedure: its code (whose first two parts name
the rule, e.g. "guide.salaried_worker.job_offer"), the passage it implements and
its message when met, not met and not known. The three reasons are built at
import and shared, so assessing a situation allocates nothing for them; a
message with placeholders is filled lazily (`accueil.rules.guide.text.Filled`).
"""

from dataclasses import dataclass, field
from typing import Any

from accueil.rules.base import Reason, Source
from accueil.rules.guide.result import ComputedDate, Procedure, Step
from accueil.rules.guide.text import Text, fill, static


def rule_of(code: str) -> str:
    return ".".join(code.split(".")[:2])


@dataclass(frozen=True)
class Check:
    """One condition: `reason(met)` is its shared reason; with params, a filled one."""

    code: str
    source: Source
    met: Text
    unmet: Text
    unknown: Text
    _reasons: dict[Any, Reason] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        rule = rule_of(self.code)
        for value, text in ((True, self.met), (False, self.unmet), (None, self.unknown)):
            self._reasons[value] = Reason(self.code, rule, value, self.source, text)

    def reason(self, met: bool | None, **params: Any) -> Reason:
        if not params:
            return self._reasons[met]
        text = {True: self.met, False: self.unmet, None: self.unknown}[met]
        return Reason(self.code, rule_of(self.code), met, self.source, fill(text, **params), params)

    def fixed(self, met: bool | None, **params: Any) -> Reason:
        """The reason filled with values of the parameter table (kept and shared)."""
        key = (met, tuple(params.items()))
        reason = self._reasons.get(key)
        if reason is None:
            text = {True: self.met, False: self.unmet, None: self.unknown}[met]
            message = static(text, **params)
            reason = Reason(self.code, rule_of(self.code), met, self.source, message, params)
            self._reasons[key] = reason
        return reason


NOT_KNOWN_YET = {
    "en": "Not known yet: the Immigration Directorate will check it.",
    "fr": "Pas encore connu : la Direction de l’Immigration le vérifiera.",
    "de": "Noch nicht bekannt: die Direktion der Immigration wird es prüfen.",
}


def requirement(code: str, source: Source, met: Text, unmet: Text) -> Check:
    """A condition whose "not known" message is its requirement followed by "not known yet"."""
    unknown = {lang: f"{unmet[lang]} {NOT_KNOWN_YET[lang]}" for lang in NOT_KNOWN_YET}
    return Check(code, source, met, unmet, unknown)


def note(code: str, source: Source, text: Text, **params: Any) -> Reason:
    """A reason that only informs (met None)."""
    return Reason(code, rule_of(code), None, source, fill(text, **params), params)


def fixed_note(code: str, source: Source, text: Text, **params: Any) -> Reason:
    """An informative reason filled with values of the parameter table (kept and shared)."""
    key = (code, id(text), tuple(params.items()))
    reason = _NOTES.get(key)
    if reason is None:
        reason = Reason(code, rule_of(code), None, source, static(text, **params), params)
        _NOTES[key] = reason
    return reason


_NOTES: dict[tuple[Any, ...], Reason] = {}


def step(code: str, source: Source, text: Text, day: Any = None, **params: Any) -> Step:
    """A step; `params` are values of the parameter table (the sentence is kept and shared)."""
    return Step(code, static(text, **params) if params else text, source, day)


def fits(conditions: tuple[Reason, ...]) -> bool | None:
    """False if a condition is not met, None if one is not known (or there is none), True if
    all are met."""
    if not conditions:
        return None
    result: bool | None = True
    for reason in conditions:
        if reason.met is False:
            return False
        if reason.met is None:
            result = None
    return result


def procedure(
    code: str,
    title: Text,
    conditions: tuple[Reason, ...] | list[Reason],
    steps: tuple[Step, ...] | list[Step] = (),
    documents: tuple[Step, ...] = (),
    contacts: tuple[str, ...] = (),
    notes: tuple[Reason, ...] | list[Reason] = (),
    dates: tuple[ComputedDate, ...] | list[ComputedDate] = (),
) -> Procedure:
    conditions = tuple(conditions)
    return Procedure(
        code,
        title,
        fits(conditions),
        conditions,
        tuple(steps),
        documents,
        contacts,
        tuple(notes),
        tuple(dates),
    )
