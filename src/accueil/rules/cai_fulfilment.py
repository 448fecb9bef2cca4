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
"""

from dataclasses import dataclass
from datetime import date
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


def _dated(obligation: str, day: date | None, term: Term) -> Reason | None:
    """The unmet reason for a missing or out-of-term certificate, or None if it is fine."""
    code = f"cai.fulfilment.{obligation}"
    if day is None:
        source = {
            "language_training": LANGUAGE,
            "citizenship_course": CITIZENSHIP,
            "orientation_day": ORIENTATION,
        }[obligation]
        return make_reason(f"{code}.missing", False, source)
    if day < term.start:
        return make_reason(f"{code}.before_term", False, WITHIN_TERM, date=day, start=term.start)
    if day >= term.end_exclusive:
        return make_reason(
            f"{code}.after_term", False, WITHIN_TERM, date=day, last_day=term.last_day
        )
    return None


def _language(facts: FulfilmentFacts, term: Term) -> list[Reason]:
    day = facts.language_completed_on
    if problem := _dated("language_training", day, term):
        return [problem]
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


def _length_problems(hours: float, sessions: int, on: date) -> list[Reason]:
    """The citizenship course's length checks that fail (none when it is long enough)."""
    min_hours = parameter("cai.citizenship_min_hours", on)
    min_sessions = parameter("cai.citizenship_min_sessions", on)
    problems = []
    if hours < min_hours:
        code = "cai.fulfilment.citizenship_course.hours"
        problems.append(make_reason(code, False, HOURS, hours=hours, min_hours=min_hours))
    if sessions < min_sessions:
        code = "cai.fulfilment.citizenship_course.sessions"
        problems.append(
            make_reason(code, False, SESSIONS, sessions=sessions, min_sessions=min_sessions)
        )
    return problems


def _citizenship(facts: FulfilmentFacts, term: Term) -> list[Reason]:
    day, hours = facts.citizenship_completed_on, facts.citizenship_hours
    date_problem = _dated("citizenship_course", day, term)
    if day is None:
        assert date_problem is not None  # `_dated` always has a reason for a missing day
        return [date_problem]
    # Report every failed check at once, so the signatory learns all that is missing.
    problems = [date_problem] if date_problem else []
    problems += _length_problems(hours, facts.citizenship_sessions, term.start)
    if problems:
        return problems
    params = {"date": day, "start": term.start, "last_day": term.last_day}
    return [
        make_reason(
            "cai.fulfilment.citizenship_course",
            True,
            CITIZENSHIP,
            **params,
            hours=hours,
            sessions=facts.citizenship_sessions,
        )
    ]


def _orientation(facts: FulfilmentFacts, term: Term) -> list[Reason]:
    day = facts.orientation_attended_on
    if problem := _dated("orientation_day", day, term):
        return [problem]
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


def _overall(unmet: tuple[str, ...], term: Term, on: date) -> tuple[str, Reason]:
    """The outcome, and the reason that sums it up."""
    if not unmet:
        return "fulfilled", make_reason(
            "cai.fulfilment.contract", True, FULFILLED, term_years=term.years
        )
    if on >= term.end_exclusive:
        return "not_fulfilled", make_reason(
            "cai.fulfilment.contract", False, FULFILLED, last_day=term.last_day, unmet=unmet
        )
    return "in_progress", make_reason(
        "cai.fulfilment.contract", None, FULFILLED, on=on, last_day=term.last_day, unmet=unmet
    )


def fulfilment(facts: FulfilmentFacts) -> Decision:
    """Check each obligation against the term, then decide for the contract."""
    term = contract_term(facts.entry_into_force)
    check = {"language_training": _language, "citizenship_course": _citizenship}
    check["orientation_day"] = _orientation
    checks = {code: check[code](facts, term) for code in facts.covers}
    met = tuple(code for code, reasons in checks.items() if all(r.met for r in reasons))
    unmet = tuple(code for code in facts.covers if code not in met)
    outcome, summary = _overall(unmet, term, facts.on)
    reasons = tuple(reason for found in checks.values() for reason in found)
    values: dict[str, Any] = {"met": list(met), "unmet": list(unmet)}
    values["term_last_day"] = term.last_day
    # The day the contract was fulfilled: that of the last certificate it needed.
    values["fulfilled_on"] = _fulfilled_on(facts) if outcome == "fulfilled" else None
    return Decision(rule=RULE, outcome=outcome, reasons=(*reasons, summary), values=values)


def _fulfilled_on(facts: FulfilmentFacts) -> date:
    days = {
        "language_training": facts.language_completed_on,
        "citizenship_course": facts.citizenship_completed_on,
        "orientation_day": facts.orientation_attended_on,
    }
    return max(day for code, day in days.items() if code in facts.covers and day is not None)
