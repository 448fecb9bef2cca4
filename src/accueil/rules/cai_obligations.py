"""`cai.obligations`: what a signatory must do, at what fee, given their languages.

Seed: language training "at a reduced rate" to reach at least A1.1 in
Luxembourgish, French or German (or literacy classes); a "free" citizenship
course of "at least 6 hours", "divided into several sessions"; an orientation
day, "free". Someone who already has A1.1 in one of those languages "may attend
classes to further develop their proficiency in the language in question, or
choose a language in which they have not yet attained basic-level proficiency".

CEFR levels are ordered none < A1.1 < A1 < A2 < B1 < B2 < C1 < C2; "A1.1
reached" means a level at or above A1.1. A training language missing from
`language_levels` counts as "none". Other languages (en, pt...) may be given,
for the linguistic profile, but do not change the options. `on` is required
(the parameters in force that day apply): pure rules never read the clock.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from accueil.rules.base import Decision, Reason, cite
from accueil.rules.facts import CEFR_LEVELS, FactReader
from accueil.rules.messages import make_reason
from accueil.rules.parameters import parameter

RULE = "cai.obligations"
LANGUAGE_TRAINING = cite(
    "Language training",
    "are offered language training at a reduced rate so that they can attain at least Basic "
    "User Level proficiency",
)
FURTHER = cite(
    "Language training",
    "they may attend classes to further develop their proficiency in the language in "
    "question, or choose a language in which they have not yet attained basic-level "
    "proficiency",
)
LITERACY = cite("Language training", "They may also attend literacy classes.")
CITIZENSHIP = cite(
    "Citizenship education",
    "The course is at least 6 hours long, and is divided into several sessions. It is "
    "delivered in German, English, French, Luxembourgish and Portuguese.",
)
ORIENTATION = cite("Orientation Days", "They are half-day events and are free.")


@dataclass(frozen=True)
class ObligationsFacts:
    language_levels: dict[str, str]
    on: date
    needs_literacy: bool = False


def from_dict(raw: dict[str, Any]) -> ObligationsFacts:
    facts = FactReader(raw, ("language_levels", "needs_literacy", "on"))
    return ObligationsFacts(
        language_levels=facts.levels("language_levels"),
        on=facts.law_day("on"),
        needs_literacy=facts.boolean("needs_literacy", False),
    )


def reached(level: str, target: str) -> bool:
    """Whether a CEFR `level` is at or above `target`."""
    return CEFR_LEVELS.index(level) >= CEFR_LEVELS.index(target)


def _language_training(facts: ObligationsFacts, fee: str) -> tuple[dict[str, Any], list[Reason]]:
    target = parameter("cai.language_target_level", facts.on)
    languages = parameter("cai.language_training_languages", facts.on)
    already = tuple(
        code for code in languages if reached(facts.language_levels.get(code, "none"), target)
    )
    options = [
        {"language": code, "aim": "further" if code in already else f"reach_{target}"}
        for code in languages
    ]
    obligation = {
        "code": "language_training",
        "fee": fee,
        "target_level": target,
        "options": options,
        "literacy_classes_recommended": facts.needs_literacy,
    }
    reasons = [
        make_reason(
            "cai.obligations.language_training",
            None,
            LANGUAGE_TRAINING,
            target_level=target,
            languages=languages,
        )
    ]
    if already:
        reasons.append(
            make_reason(
                "cai.obligations.language_training.further",
                None,
                FURTHER,
                target_level=target,
                languages=already,
            )
        )
    if facts.needs_literacy:
        reasons.append(make_reason("cai.obligations.literacy", None, LITERACY))
    return obligation, reasons


def _citizenship_course(on: date, fee: str) -> tuple[dict[str, Any], Reason]:
    hours = parameter("cai.citizenship_min_hours", on)
    sessions = parameter("cai.citizenship_min_sessions", on)
    languages = parameter("cai.citizenship_languages", on)
    obligation = {
        "code": "citizenship_course",
        "fee": fee,
        "min_hours": hours,
        "min_sessions": sessions,
        "languages": list(languages),
    }
    return obligation, make_reason(
        "cai.obligations.citizenship_course",
        None,
        CITIZENSHIP,
        min_hours=hours,
        min_sessions=sessions,
        languages=languages,
    )


def _orientation_day(on: date, fee: str) -> tuple[dict[str, Any], Reason]:
    count = parameter("cai.orientation_days_required", on)
    obligation = {"code": "orientation_day", "fee": fee, "count": count}
    return obligation, make_reason(
        "cai.obligations.orientation_day", None, ORIENTATION, count=count
    )


def obligations(facts: ObligationsFacts) -> Decision:
    """The three obligations of the contract, with fees and the language options."""
    fees: dict[str, Any] = parameter("cai.fees", facts.on)
    language, reasons = _language_training(facts, fees["language_training"])
    citizenship, citizenship_reason = _citizenship_course(facts.on, fees["citizenship_course"])
    orientation, orientation_reason = _orientation_day(facts.on, fees["orientation_day"])
    return Decision(
        rule=RULE,
        outcome="obligations",
        reasons=(*reasons, citizenship_reason, orientation_reason),
        values={"obligations": [language, citizenship, orientation]},
    )
