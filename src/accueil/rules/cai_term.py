"""`cai.term`: when does a contract's term start and end?

Seed: the CAI "is concluded for a maximum term of 2 years", and it is fulfilled
when the signatory took part "within 2 years of the entry into force".

Convention (the same as the Dutch civic-integration API): the term starts on
the day of entry into force, inclusive, and ends before its 2nd anniversary,
exclusive. `end_exclusive = anniversary(start, 2)`; `last_day = end_exclusive - 1 day`.
The anniversary of 29 February in a common year is 1 March, so a contract
entering into force on 29 February is never a day shorter than one entering
into force on 28 February: 29 February 2024 gives end_exclusive 2026-03-01 and
last_day 2026-02-28 (28 February 2024 gives 2026-02-28 and 2026-02-27). The term
never exceeds 2 years either: it ends the day a term starting on 1 March would.
The length of the term is the one in force on the day of entry into force.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from accueil.rules.base import Decision, Reason, cite
from accueil.rules.dates import anniversary
from accueil.rules.facts import FactReader
from accueil.rules.messages import make_reason
from accueil.rules.parameters import parameter

RULE = "cai.term"
MAXIMUM_TERM = cite("Introduction", "is concluded for a maximum term of 2 years")
WITHIN_TERM = cite(
    "The end of the CAI contract", "within 2 years of the entry into force of the contract"
)


@dataclass(frozen=True)
class Term:
    """A half-open period [start, end_exclusive)."""

    start: date
    end_exclusive: date
    years: int

    @property
    def last_day(self) -> date:
        return self.end_exclusive - timedelta(days=1)

    def contains(self, day: date) -> bool:
        return self.start <= day < self.end_exclusive

    def days_left(self, on: date) -> int:
        """Days of the term from `on` (counted) to the end; 0 once it is over."""
        return max(0, (self.end_exclusive - max(on, self.start)).days)


def contract_term(entry_into_force: date) -> Term:
    """The term of a contract entering into force on `entry_into_force`."""
    years = parameter("cai.term_years", entry_into_force)
    return Term(entry_into_force, anniversary(entry_into_force, years), years)


@dataclass(frozen=True)
class TermFacts:
    entry_into_force: date
    on: date | None = None


def from_dict(raw: dict[str, Any]) -> TermFacts:
    facts = FactReader(raw, ("entry_into_force", "on"))
    return TermFacts(entry_into_force=facts.law_day("entry_into_force"), on=facts.day("on", None))


def _position(term: Term, on: date) -> Reason:
    """Where `on` falls relative to the term."""
    if on < term.start:
        return make_reason("cai.term.not_started", False, MAXIMUM_TERM, on=on)
    if on >= term.end_exclusive:
        return make_reason("cai.term.ended", False, WITHIN_TERM, on=on, last_day=term.last_day)
    return make_reason("cai.term.in_term", True, MAXIMUM_TERM, on=on, days_left=term.days_left(on))


def term(facts: TermFacts) -> Decision:
    """The term's bounds and, given a day `on`, whether it is running and for how long."""
    bounds = contract_term(facts.entry_into_force)
    values: dict[str, Any] = {
        "start": bounds.start,
        "end_exclusive": bounds.end_exclusive,
        "last_day": bounds.last_day,
    }
    reasons = [
        make_reason(
            "cai.term.duration",
            None,
            MAXIMUM_TERM,
            start=bounds.start,
            term_years=bounds.years,
            last_day=bounds.last_day,
            end_exclusive=bounds.end_exclusive,
        )
    ]
    if facts.on is not None:
        values |= {"days_left": bounds.days_left(facts.on), "in_term": bounds.contains(facts.on)}
        reasons.append(_position(bounds, facts.on))
    return Decision(rule=RULE, outcome="term", reasons=tuple(reasons), values=values)
