"""The one door from the web app to the guide's rules (`accueil.rules.guide`).

Views never import the rules package directly: they go through these functions, so a
test can point MODULE at a small fake question list, and so what is read from the
rules' registry (the calculators' facts and outputs) is named in one place.

Answers are kept as the rules define them: plain JSON values keyed by fact (true or
false, a choice's value, a list, an ISO date, a number, or null for "not known").
"""

import importlib
from collections.abc import Mapping
from datetime import date
from types import ModuleType
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accueil.core import clock
from accueil.rules import FactError, evaluate
from accueil.rules.base import to_json

MODULE = "accueil.rules.guide"


def rules() -> ModuleType:
    return importlib.import_module(MODULE)


def questions(answers: Mapping) -> tuple:
    """The questions to ask, in order, given the answers so far."""
    return tuple(rules().questions_for(answers))


def question(fact: str):
    """The question about `fact`, or None when there is no such question."""
    return next((q for q in rules().QUESTIONS if q.fact == fact), None)


def next_open(answers: Mapping):
    return rules().next_question(answers)


def parse(q, raw: str | list[str]) -> Any:
    """What a form sent, as the JSON answer; FactError (with `messages`) if refused."""
    return to_json(rules().parse_answer(q, raw))


def relevant_only(answers: Mapping) -> dict:
    """Drop the answers no longer asked for (after a change), until nothing changes
    (the rules' own `relevant_answers` when they have one)."""
    if own := getattr(rules(), "relevant_answers", None):
        return own(answers)
    kept = dict(answers)
    while True:
        asked = {q.fact for q in questions(kept)}
        pruned = {fact: value for fact, value in kept.items() if fact in asked}
        if pruned == kept:
            return kept
        kept = pruned


def assess(answers: Mapping, on: date):
    return rules().assess(answers, on)


# The calculators' rules in the registry (accueil.rules.RULES), their facts and outputs.
RENEWAL = "guide.renewal_date"
DECISION_DUE = "guide.decision_due"
ARRIVAL = "guide.arrival_declaration"
ADEM = "guide.adem_certificate"
SHORT_STAY_FIT = "guide.short_stay_fit"
GUARANTOR = "guide.guarantor_liability"
TRANSLATION = "guide.sworn_translation"
SCHOOL = "guide.school_obligation"
HOUSING = "guide.housing_costs"


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _today() -> str:
    return clock.today().isoformat()


def renewal_facts(expires_on: date) -> dict:
    return {"permit_expiry": _iso(expires_on), "on": _today()}


def renewal_dates(decision) -> list[tuple[Any, date]]:
    return [(LABELS["renewal"], decision.values["request_by"])]


def decision_facts(kind: str, complete_on: date) -> dict:
    return {"procedure": kind, "file_complete_on": _iso(complete_on), "on": _today()}


def decision_dates(decision) -> list[tuple[Any, date]]:
    return [(LABELS["decision"], decision.values["due"])]


def arrival_facts(entered_on: date) -> dict:
    return {"entry_date": _iso(entered_on), "on": _today()}


def arrival_dates(decision) -> list[tuple[Any, date]]:
    return [(LABELS["arrival"], decision.values["deadline"])]


def adem_facts(declared_on: date, requested_on: date | None) -> dict:
    facts = {"vacancy_declared_on": _iso(declared_on)}
    if requested_on:
        facts["certificate_requested_on"] = _iso(requested_on)
    return facts


def adem_dates(decision) -> list[tuple[Any, date]]:
    values = decision.values
    found = [(LABELS["adem_request"], values["earliest_request"])]
    if values.get("expected_by"):
        found.append((LABELS["adem_certificate"], values["expected_by"]))
    return found


def short_stay_facts(arrival_on: date, days: int) -> dict:
    return {"arrival_date": _iso(arrival_on), "days": days}


def guarantor_facts(signed_on: date) -> dict:
    return {"signed_on": _iso(signed_on), "on": _today()}


def translation_facts(language: str) -> dict:
    return {"language": language, "on": _today()}


def school_facts(born_on: date, on: date | None) -> dict:
    return {"birth_date": _iso(born_on), "on": _iso(on) if on else _today()}


def housing_facts(rent, through_agency: bool) -> dict:
    return {"monthly_rent": str(rent), "through_agency": through_agency, "on": _today()}


def decision_kinds(lang: str) -> list[tuple[str, str]]:
    """The kinds of application rule guide.decision_due knows, named in `lang` (the
    rules' own labels when they give them)."""
    labels = getattr(rules(), "APPLICATION_KINDS", None)
    if labels:
        return [(code, labels[code][lang]) for code in labels]
    kinds = importlib.import_module(MODULE + ".deadlines").PROCEDURE_KINDS
    return [(code, str(KIND_LABELS.get(code, code))) for code in kinds]


def refusal(refused, lang: str) -> str:
    """What to say next to the field when the rules refuse a fact (a FactError): the
    rule's own words in the page's language when it has them, else a general message."""
    messages = getattr(refused, "messages", None)
    if messages:
        return messages.get(lang) or messages["en"]
    return str(_("This date cannot be used here: check it"))


def refused_by_rules(run) -> str | None:
    """What the rules say against the facts `run` evaluates, in the page's language;
    None when they take them (the candidate's forms check before anything is kept)."""
    try:
        run()
    except FactError as refused:
        return refusal(refused, (get_language() or "en")[:2])
    return None


def renewal(expires_on: date):
    return evaluate(RENEWAL, renewal_facts(expires_on))


def decision_due(kind: str, complete_on: date):
    return evaluate(DECISION_DUE, decision_facts(kind, complete_on))


def renewal_day(decision) -> date:
    return renewal_dates(decision)[0][1]


def due_day(decision) -> date:
    return decision_dates(decision)[0][1]


LABELS = {
    "renewal": _("Ask for the renewal of your residence permit by"),
    "decision": _("The decision is due by"),
    "arrival": _("Last day to declare your arrival at the commune"),
    "adem_request": _("The certificate can be asked for from"),
    "adem_certificate": _("The certificate should arrive by"),
}

# Fallback names of the kinds of application (seed, "7. Les délais et les recours").
KIND_LABELS = {
    "general": _("Another residence application"),
    "salaried": _("Residence permit for a salaried worker"),
    "family_tcn": _("Family reunification with a sponsor from outside the European Union"),
    "family_eu": _("Family member of a European Union citizen"),
    "long_term": _("Long-term resident status"),
}
