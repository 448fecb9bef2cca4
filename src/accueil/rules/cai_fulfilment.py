"""`cai.fulfilment`: has the signatory fulfilled the contract?

Seed, "The end of the CAI contract": the contract "is considered fulfilled when
the signatory has participated in the different courses and events within 2
years of the entry into force of the contract".

An obligation is met when its attendance certificate is dated within the term
(start <= date < end_exclusive, see `cai_term`): a certificate dated on the last
day counts, one dated on the 2nd anniversary does not. The citizenship course
also needs at least 6 hours in at least 2 sessions ("divided into several
sessions"). Literacy classes count as the language training ("They may also
attend literacy classes").

A follow-up contract "will only apply to those obligations that were not fulfilled
within the scope of the first contract" (rule `cai.follow_up`): the fact `covers` lists
the obligations the contract applies to (all three when absent); the others are neither
checked nor reported, and the contract is fulfilled when those it covers are met.

Outcome: "fulfilled" as soon as all it covers are met (even before the end of the
term); otherwise "not_fulfilled" once the term is over on the review day `on`,
and "in_progress" while it runs. Each obligation gets one reason, except that a
citizenship course failing several checks gets one reason per failed check.
Parameters are those in force when the contract entered into force.

`assess` is the rule itself, without messages (the review at term runs it on every
contract reaching its term, up to a million at once); `fulfilment` explains what
`assess` found, with a reason per check in every language.
"""

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from accueil.rules.base import Decision, FactError, Reason, cite
from accueil.rules.cai_term import Term, contract_term
from accueil.rules.facts import OBLIGATIONS, FactReader
from accueil.rules.messages import make_reason
from accueil.rules.parameters import parameter

RULE = "cai.fulfilment"
END = "The end of the CAI contract"
FULFILLED = cite(
    END,
    "The contract is considered fulfilled when the signatory has "
    "participated in the different courses and events within 2 years of the "
    "entry into force of the contract.",
)
WITHIN_TERM = cite(END, "within 2 years of the entry into force of the contract")
LANGUAGE = cite(
    "Language training",
    "Attendance is compulsory and is documented in an "
    "attendance certificate issued by the training organization.",
)
LITERACY = cite("Language training", "They may also attend literacy classes.")
CITIZENSHIP = cite(
    "Citizenship education",
    "The Department of Adult Education (Service de la "
    "formation des adultes) certifies candidates' "
    "attendance in the course.",
)
HOURS = cite("Citizenship education", "The course is at least 6 hours long")
SESSIONS = cite("Citizenship education", "is divided into several sessions")
ORIENTATION = cite(
    "Orientation Days",
    "Signatories' attendance at these events is attested to "
    "by a certificate issued by the Ministry of Family "
    "Affairs, Integration and the Greater Region.",
)


@dataclass(frozen=True)
class FulfilmentFacts:
    entry_into_force: date
    on: date
    language_completed_on: date | None = None
    language_kind: str = "language"
    citizenship_hours: float = 0
    citizenship_sessions: int = 0
    citizenship_completed_on: date | None = None
    orientation_attended_on: date | None = None
    covers: tuple[str, ...] = OBLIGATIONS


def from_dict(raw: dict[str, Any]) -> FulfilmentFacts:
    """Validate raw facts; a missing obligation object means "no certificate yet"."""
    facts = FactReader(raw, ("entry_into_force", "on", "covers", *OBLIGATIONS))
    language = facts.child("language_training", ("completed_on", "kind"))
    citizenship = facts.child("citizenship_course", ("hours", "sessions", "completed_on"))
    orientation = facts.child("orientation_day", ("attended_on",))
    parsed = FulfilmentFacts(
        entry_into_force=facts.law_day("entry_into_force"),
        on=facts.day("on"),
        language_completed_on=language.day("completed_on", None),
        language_kind=language.choice("kind", ("language", "literacy"), "language"),
        citizenship_hours=citizenship.number("hours", 0),
        citizenship_sessions=citizenship.count("sessions", 0),
        citizenship_completed_on=citizenship.day("completed_on", None),
        orientation_attended_on=orientation.day("attended_on", None),
        covers=facts.obligations("covers", OBLIGATIONS),
    )
    if not parsed.covers:
        raise FactError("covers", "expected at least one obligation")
    _refuse_future_certificates(parsed)
    return parsed


def _refuse_future_certificates(facts: FulfilmentFacts) -> None:
    """A certificate dated after the review day cannot exist yet: the facts are wrong."""
    dated = {
        "language_training.completed_on": facts.language_completed_on,
        "citizenship_course.completed_on": facts.citizenship_completed_on,
        "orientation_day.attended_on": facts.orientation_attended_on,
    }
    for fact, day in dated.items():
        if day is not None and day > facts.on:
            raise FactError(fact, "must not be after the day of review 'on'")


# What can fail, per obligation: the checks `assess` runs, cheap (no messages), and
# the reasons `fulfilment` writes from them.
MISSING, BEFORE_TERM, AFTER_TERM = "missing", "before_term", "after_term"
TOO_FEW_HOURS, TOO_FEW_SESSIONS = "hours", "sessions"


@dataclass(frozen=True, slots=True)
class Assessment:
    """The outcome without its messages: what the review at term needs for each of many
    contracts (`accueil.contracts.review`), and what `fulfilment` explains.

    `problems` gives, for each obligation covered, the checks that failed (none: met).
    """

    outcome: str
    met: tuple[str, ...]
    unmet: tuple[str, ...]
    fulfilled_on: date | None
    term: Term
    min_hours: float
    min_sessions: int
    problems: dict[str, tuple[str, ...]]


@lru_cache(maxsize=4096)
def _term_and_minimums(entry_into_force: date) -> tuple[Term, Any, Any]:
    """The term and the citizenship course's minimum length, as in force on the day the
    contract entered into force (parameters are pure data: safe to remember)."""
    term = contract_term(entry_into_force)
    return (
        term,
        parameter("cai.citizenship_min_hours", term.start),
        parameter("cai.citizenship_min_sessions", term.start),
    )


def _date_problem(day: date | None, term: Term) -> str | None:
    if day is None:
        return MISSING
    if day < term.start:
        return BEFORE_TERM
    if day >= term.end_exclusive:
        return AFTER_TERM
    return None


def assess(facts: FulfilmentFacts) -> Assessment:
    """Check each obligation covered against the term, then decide for the contract: the
    one implementation of the rule (`fulfilment` adds the messages)."""
    term, min_hours, min_sessions = _term_and_minimums(facts.entry_into_force)
    problems: dict[str, tuple[str, ...]] = {}
    met: list[str] = []
    unmet: list[str] = []
    for code in facts.covers:
        if code == "language_training":
            found = _date_problem(facts.language_completed_on, term)
            failed: tuple[str, ...] = (found,) if found else ()
        elif code == "citizenship_course":
            failed = _citizenship_problems(facts, term, min_hours, min_sessions)
        else:
            found = _date_problem(facts.orientation_attended_on, term)
            failed = (found,) if found else ()
        problems[code] = failed
        (unmet if failed else met).append(code)
    if not unmet:
        outcome = "fulfilled"
    elif facts.on >= term.end_exclusive:
        outcome = "not_fulfilled"
    else:
        outcome = "in_progress"
    fulfilled_on = _fulfilled_on(facts) if outcome == "fulfilled" else None
    return Assessment(
        outcome, tuple(met), tuple(unmet), fulfilled_on, term, min_hours, min_sessions, problems
    )


def _citizenship_problems(
    facts: FulfilmentFacts, term: Term, min_hours: Any, min_sessions: Any
) -> tuple[str, ...]:
    """Every failed check at once, so the signatory learns all that is missing."""
    day = facts.citizenship_completed_on
    found = _date_problem(day, term)
    if found == MISSING:
        return (MISSING,)
    failed = [found] if found else []
    if facts.citizenship_hours < min_hours:
        failed.append(TOO_FEW_HOURS)
    if facts.citizenship_sessions < min_sessions:
        failed.append(TOO_FEW_SESSIONS)
    return tuple(failed)


SOURCES = {
    "language_training": LANGUAGE,
    "citizenship_course": CITIZENSHIP,
    "orientation_day": ORIENTATION,
}


def _dated_reason(obligation: str, problem: str, day: date | None, term: Term) -> Reason:
    """The unmet reason for a missing or out-of-term certificate."""
    code = f"cai.fulfilment.{obligation}"
    if problem == MISSING:
        return make_reason(f"{code}.missing", False, SOURCES[obligation])
    if problem == BEFORE_TERM:
        return make_reason(f"{code}.before_term", False, WITHIN_TERM, date=day, start=term.start)
    return make_reason(f"{code}.after_term", False, WITHIN_TERM, date=day, last_day=term.last_day)


def _language(facts: FulfilmentFacts, found: Assessment) -> list[Reason]:
    day, term = facts.language_completed_on, found.term
    if problems := found.problems["language_training"]:
        return [_dated_reason("language_training", problems[0], day, term)]
    literacy = facts.language_kind == "literacy"
    code = "cai.fulfilment.language_training" + (".literacy" if literacy else "")
    return [
        make_reason(
            code,
            True,
            LITERACY if literacy else LANGUAGE,
            date=day,
            start=term.start,
            last_day=term.last_day,
        )
    ]


def _citizenship(facts: FulfilmentFacts, found: Assessment) -> list[Reason]:
    day, hours, term = facts.citizenship_completed_on, facts.citizenship_hours, found.term
    sessions = facts.citizenship_sessions
    reasons = []
    for problem in found.problems["citizenship_course"]:
        code = "cai.fulfilment.citizenship_course"
        if problem == TOO_FEW_HOURS:
            reasons.append(
                make_reason(f"{code}.hours", False, HOURS, hours=hours, min_hours=found.min_hours)
            )
        elif problem == TOO_FEW_SESSIONS:
            reasons.append(
                make_reason(
                    f"{code}.sessions",
                    False,
                    SESSIONS,
                    sessions=sessions,
                    min_sessions=found.min_sessions,
                )
            )
        else:
            reasons.append(_dated_reason("citizenship_course", problem, day, term))
    if reasons:
        return reasons
    params = {"date": day, "start": term.start, "last_day": term.last_day}
    return [
        make_reason(
            "cai.fulfilment.citizenship_course",
            True,
            CITIZENSHIP,
            **params,
            hours=hours,
            sessions=sessions,
        )
    ]


def _orientation(facts: FulfilmentFacts, found: Assessment) -> list[Reason]:
    day, term = facts.orientation_attended_on, found.term
    if problems := found.problems["orientation_day"]:
        return [_dated_reason("orientation_day", problems[0], day, term)]
    return [
        make_reason(
            "cai.fulfilment.orientation_day",
            True,
            ORIENTATION,
            date=day,
            start=term.start,
            last_day=term.last_day,
        )
    ]


def _summary(found: Assessment, on: date) -> Reason:
    """The reason that sums up the outcome."""
    term, unmet = found.term, found.unmet
    if found.outcome == "fulfilled":
        return make_reason("cai.fulfilment.contract", True, FULFILLED, term_years=term.years)
    if found.outcome == "not_fulfilled":
        return make_reason(
            "cai.fulfilment.contract", False, FULFILLED, last_day=term.last_day, unmet=unmet
        )
    return make_reason(
        "cai.fulfilment.contract", None, FULFILLED, on=on, last_day=term.last_day, unmet=unmet
    )


def fulfilment(facts: FulfilmentFacts) -> Decision:
    """`assess`, explained: each obligation's reasons, then the one that sums it up."""
    found = assess(facts)
    explain = {"language_training": _language, "citizenship_course": _citizenship}
    explain["orientation_day"] = _orientation
    reasons = tuple(reason for code in facts.covers for reason in explain[code](facts, found))
    values: dict[str, Any] = {"met": list(found.met), "unmet": list(found.unmet)}
    values["term_last_day"] = found.term.last_day
    # The day the contract was fulfilled: that of the last certificate it needed.
    values["fulfilled_on"] = found.fulfilled_on
    return Decision(
        rule=RULE,
        outcome=found.outcome,
        reasons=(*reasons, _summary(found, facts.on)),
        values=values,
    )


def _fulfilled_on(facts: FulfilmentFacts) -> date:
    days = {
        "language_training": facts.language_completed_on,
        "citizenship_course": facts.citizenship_completed_on,
        "orientation_day": facts.orientation_attended_on,
    }
    return max(day for code, day in days.items() if code in facts.covers and day is not None)
