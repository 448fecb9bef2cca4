"""`cai.eligibility`: may this person sign a Welcome and Integration Contract?

Seed, "Who is concerned": the CAI is available to any foreigner (EU and
third-country nationals) who is at least 16 years old, is not a Luxembourg
national, legally resides in Luxembourg and wishes to settle here permanently.

Every condition is checked and reported, met or not, so that a refusal lists all
that is missing at once rather than the first obstacle only. Holding Luxembourg
nationality excludes the person even alongside another nationality: a dual
national is a Luxembourg national. How long the person has lived in Luxembourg
is accepted as a fact but never changes the result (the seed says so).
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from accueil.rules.base import Decision, FactError, cite
from accueil.rules.dates import add_years, age_on
from accueil.rules.facts import FactReader
from accueil.rules.messages import make_reason
from accueil.rules.parameters import parameter

RULE = "cai.eligibility"
SECTION = "Who is concerned"
AGE = cite(SECTION, "is at least 16 years old")
NATIONALITY = cite(SECTION, "is not a Luxembourg national")
RESIDENCE = cite(SECTION, "legally resides in Luxembourg")
SETTLEMENT = cite(SECTION, "wishes to settle here permanently")
FOREIGNERS = cite(SECTION, "available to any foreigner (EU and third-country nationals)")
NEWCOMERS = cite(
    SECTION,
    "The contract is made available to new arrivals but also to persons who have already "
    "been living in Luxembourg for several years.",
)
LUXEMBOURG = "LU"


@dataclass(frozen=True)
class EligibilityFacts:
    birth_date: date
    on: date
    nationalities: tuple[str, ...]
    legally_resident: bool
    wishes_to_settle: bool
    years_in_luxembourg: float | None = None


FACTS = (
    "birth_date",
    "on",
    "nationalities",
    "legally_resident",
    "wishes_to_settle",
    "years_in_luxembourg",
)


def from_dict(raw: dict[str, Any]) -> EligibilityFacts:
    """Validate raw facts; raise `FactError` naming the first bad one."""
    facts = FactReader(raw, FACTS)
    parsed = EligibilityFacts(
        birth_date=facts.day("birth_date"),
        on=facts.law_day("on"),
        nationalities=facts.countries("nationalities"),
        legally_resident=facts.boolean("legally_resident"),
        wishes_to_settle=facts.boolean("wishes_to_settle"),
        years_in_luxembourg=facts.number("years_in_luxembourg", None),
    )
    if parsed.birth_date > parsed.on:
        raise FactError("birth_date", "must not be after the day of assessment 'on'")
    return parsed


def eligibility(facts: EligibilityFacts) -> Decision:
    """Check the four conditions of "Who is concerned", reporting each of them."""
    minimum_age = parameter("cai.minimum_age", facts.on)
    age = age_on(facts.birth_date, facts.on)
    national = LUXEMBOURG in facts.nationalities
    conditions = (
        make_reason(
            "cai.eligibility.age",
            age >= minimum_age,
            AGE,
            on=facts.on,
            age=age,
            minimum_age=minimum_age,
            eligible_from=add_years(facts.birth_date, minimum_age),
        ),
        make_reason(
            "cai.eligibility.nationality",
            not national,
            NATIONALITY,
            nationalities=facts.nationalities,
        ),
        make_reason("cai.eligibility.legal_residence", facts.legally_resident, RESIDENCE),
        make_reason("cai.eligibility.settlement", facts.wishes_to_settle, SETTLEMENT),
    )
    # Informative only: these say who is NOT excluded, so they never decide.
    notes = (
        make_reason("cai.eligibility.foreigners", None, FOREIGNERS),
        make_reason("cai.eligibility.residence_duration", None, NEWCOMERS),
    )
    eligible = all(reason.met for reason in conditions)
    return Decision(
        rule=RULE,
        outcome="eligible" if eligible else "not_eligible",
        reasons=conditions + notes,
        values={"age": age, "eligible": eligible},
    )
