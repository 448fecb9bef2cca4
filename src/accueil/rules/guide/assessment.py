"""`assess`: the whole guide for one person on one day, from the answers given so far.

The answers are checked (`questions.read_answers`), then: the person's status
(third-country national, not in the asylum procedure), the procedures the
purpose of stay brings up, each with its conditions, steps, documents and
dates, the general advice that applies, and the contacts those name. Partial
answers are fine: what is not known is reported as not known (met None).
"""

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from accueil.rules.base import FactError
from accueil.rules.guide import advice, status
from accueil.rules.guide.catalogue import BY_FACT, first_unanswered, relevant_answers
from accueil.rules.guide.contacts import DIRECTORY
from accueil.rules.guide.family import eu_family
from accueil.rules.guide.family_tcn import family_reunification
from accueil.rules.guide.questions import read_answers
from accueil.rules.guide.residence import article_89, long_term_resident, special_statuses
from accueil.rules.guide.result import ComputedDate, GuideResult, Procedure
from accueil.rules.guide.study import student, trainee
from accueil.rules.guide.text import t
from accueil.rules.guide.visit import short_stay
from accueil.rules.guide.work import salaried_worker
from accueil.rules.guide.work_other import blue_card, cross_border, self_employed
from accueil.rules.parameters_guide import IMMIGRATION_LAW

Builder = Callable[[dict[str, Any], date], Procedure]

PROCEDURES: dict[str, tuple[Builder, ...]] = {
    "visit": (short_stay,),
    "work": (salaried_worker,),
    "blue_card": (blue_card,),
    "self_employed": (self_employed,),
    "study": (student,),
    "traineeship": (trainee,),
    "family_eu": (eu_family,),
    "family_tcn": (family_reunification,),
    "cross_border": (cross_border,),
    "long_term": (long_term_resident,),
    "regularisation": (article_89,),
    "special": (special_statuses,),
}
_ALWAYS = ("immigration", "asti", "guichet")


def _by_date(day: ComputedDate) -> date:
    return day.date


# Said to a person (a calculator's date, the API's `error` in `lang`).
BEFORE_LAW = t(
    "The date must be on or after 29 August 2008, when the guide's rules start to apply.",
    "La date doit être le 29 août 2008 ou après : les règles du guide s’appliquent depuis.",
    "Das Datum muss am oder nach dem 29. August 2008 liegen: Ab dann gelten die Regeln "
    "des Leitfadens.",
)


def check_on(on: object, fact: str = "on") -> date:
    if isinstance(on, datetime) or not isinstance(on, date):
        raise FactError(fact, "expected a calendar date")
    if on < IMMIGRATION_LAW:
        message = f"the guide's rules apply from {IMMIGRATION_LAW.isoformat()}"
        raise FactError(fact, message, dict(BEFORE_LAW))
    return on


def assess(answers: Mapping[str, Any], on: date) -> GuideResult:
    """The guide's answer for these answers on `on` (a `FactError` names a bad answer)."""
    typed = relevant_answers(read_answers(BY_FACT, answers))
    typed["on"] = check_on(on)
    concerned, reasons = status.status(
        typed.get("nationalities"), typed.get("asylum_procedure"), on
    )
    complete = first_unanswered(typed) is None
    if concerned is False:
        contacts = tuple(DIRECTORY[code] for code in ("guichet", "asti"))
        return GuideResult(on, False, reasons, (), (), (), contacts, complete)
    builders = PROCEDURES.get(typed.get("purpose") or "", ())
    procedures = tuple(build(typed, on) for build in builders)
    dates = tuple(
        sorted((day for procedure in procedures for day in procedure.dates), key=_by_date)
    )
    tips = advice.advice(typed, on, procedures)
    wanted = {code for procedure in procedures for code in procedure.contacts}
    wanted |= {code for tip in tips for code in tip.contacts}
    wanted.update(_ALWAYS)
    contacts = tuple(contact for code, contact in DIRECTORY.items() if code in wanted)
    return GuideResult(on, concerned, reasons, procedures, dates, tips, contacts, complete)
