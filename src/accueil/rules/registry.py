"""Every rule by name, with what it needs and an example, and `evaluate` to run one.

The CAI rules are here; the newcomer's guide adds its `guide.*` rules from
`accueil.rules.guide.specs_table`. The web views, `POST /api/v1/rules/{rule}` and
`accueil rules <rule> facts.json` all go through `evaluate`, so a rule answers
the same everywhere. Each entry documents its facts and carries a worked
example, shown in docs/rules.md (a test checks the documented output against
this code).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from accueil.rules import (
    cai_eligibility,
    cai_follow_up,
    cai_fulfilment,
    cai_obligations,
    cai_term,
)
from accueil.rules.base import Decision, FactError
from accueil.rules.guide.specs_table import guide_rules


@dataclass(frozen=True)
class RuleSpec:
    name: str
    summary: dict[str, str]
    parse: Callable[[dict[str, Any]], Any]
    apply: Callable[[Any], Decision]
    facts_doc: dict[str, str]
    example: dict[str, Any]


_ELIGIBILITY = RuleSpec(
    name="cai.eligibility",
    summary={
        "en": "May this person sign a Welcome and Integration Contract?",
        "fr": "Cette personne peut-elle signer un contrat d’accueil et d’intégration ?",
        "de": "Darf diese Person einen Aufnahme- und Integrationsvertrag unterschreiben?",
    },
    parse=cai_eligibility.from_dict,
    apply=cai_eligibility.eligibility,
    facts_doc={
        "birth_date": "date, required: date of birth",
        "on": "date, required: day of the assessment",
        "nationalities": "list of strings, required: ISO 3166-1 alpha-2 codes in upper case, "
        "at least one; LU is Luxembourg (a dual national holding LU is a Luxembourg national)",
        "legally_resident": "boolean, required: resides legally in Luxembourg",
        "wishes_to_settle": "boolean, required: wishes to settle permanently in Luxembourg",
        "years_in_luxembourg": "number >= 0, optional: years lived in Luxembourg "
        "(never changes the result)",
    },
    example={
        "birth_date": "1990-05-14",
        "on": "2025-03-10",
        "nationalities": ["BR", "PT"],
        "legally_resident": True,
        "wishes_to_settle": True,
        "years_in_luxembourg": 3,
    },
)

_TERM = RuleSpec(
    name="cai.term",
    summary={
        "en": "When does the contract's term start and end?",
        "fr": "Quand la durée du contrat commence-t-elle et se termine-t-elle ?",
        "de": "Wann beginnt und endet die Laufzeit des Vertrags?",
    },
    parse=cai_term.from_dict,
    apply=cai_term.term,
    facts_doc={
        "entry_into_force": "date, required: day the contract enters into force",
        "on": "date, optional: a day to situate in the term (adds days_left and in_term)",
    },
    example={"entry_into_force": "2024-02-29", "on": "2025-06-01"},
)

_OBLIGATIONS = RuleSpec(
    name="cai.obligations",
    summary={
        "en": "What must the signatory do, and at what fee?",
        "fr": "Que doit faire le signataire, et à quel tarif ?",
        "de": "Was muss die unterzeichnende Person tun, und zu welchem Preis?",
    },
    parse=cai_obligations.from_dict,
    apply=cai_obligations.obligations,
    facts_doc={
        "language_levels": "object, required: language code (ISO 639-1, e.g. lb, fr, de, en) "
        "-> CEFR level (none, A1.1, A1, A2, B1, B2, C1, C2); a missing "
        "language counts as none",
        "needs_literacy": "boolean, optional (default false): literacy classes are needed",
        "on": "date, required: day whose parameters apply (usually the signature)",
    },
    example={
        "language_levels": {"fr": "A2", "pt": "C2"},
        "needs_literacy": False,
        "on": "2025-03-10",
    },
)

_FULFILMENT = RuleSpec(
    name="cai.fulfilment",
    summary={
        "en": "Has the signatory fulfilled the contract?",
        "fr": "Le signataire a-t-il rempli le contrat ?",
        "de": "Hat die unterzeichnende Person den Vertrag erfüllt?",
    },
    parse=cai_fulfilment.from_dict,
    apply=cai_fulfilment.fulfilment,
    facts_doc={
        "entry_into_force": "date, required: day the contract entered into force",
        "on": "date, required: day of the review",
        "covers": "list, optional: the obligations the contract applies to (a follow-up "
        "contract: only those unmet in the first); default all three",
        "language_training": "object, optional: completed_on (date or null, the attendance "
        "certificate), kind (language or literacy, default language)",
        "citizenship_course": "object, optional: hours (number >= 0), sessions (whole number "
        ">= 0), completed_on (date or null)",
        "orientation_day": "object, optional: attended_on (date or null)",
    },
    example={
        "entry_into_force": "2023-04-03",
        "on": "2025-04-07",
        "language_training": {"completed_on": "2024-06-28", "kind": "language"},
        "citizenship_course": {"hours": 4, "sessions": 2, "completed_on": "2023-11-20"},
        "orientation_day": {"attended_on": "2023-10-14"},
    },
)

_FOLLOW_UP = RuleSpec(
    name="cai.follow_up",
    summary={
        "en": "May the signatory conclude a new contract for what is left?",
        "fr": "Le signataire peut-il conclure un nouveau contrat pour ce qui reste à faire ?",
        "de": "Darf die unterzeichnende Person einen neuen Vertrag für das Offene schließen?",
    },
    parse=cai_follow_up.from_dict,
    apply=cai_follow_up.follow_up,
    facts_doc={
        "unmet_obligations": "list, required: codes among language_training, "
        "citizenship_course, orientation_day (may be empty)",
        "reason_accepted_as_legitimate": "boolean, required: the Integration Department "
        "accepts the reason as legitimate",
        "previous_term_last_day": "date, optional: last day of the first contract's term",
    },
    example={
        "unmet_obligations": ["citizenship_course"],
        "reason_accepted_as_legitimate": True,
        "previous_term_last_day": "2025-04-02",
    },
)

RULES: dict[str, RuleSpec] = {
    spec.name: spec for spec in (_ELIGIBILITY, _TERM, _OBLIGATIONS, _FULFILMENT, _FOLLOW_UP)
}
# The newcomer's guide (seed 004): `guide.*` rules, see accueil.rules.guide.specs_table.
RULES |= {kwargs["name"]: RuleSpec(**kwargs) for kwargs in guide_rules()}


def evaluate(rule_name: str, raw_facts: dict[str, Any]) -> Decision:
    """Parse the facts and apply the rule; KeyError for an unknown rule, FactError for bad facts."""
    spec = RULES[rule_name]
    if not isinstance(raw_facts, dict):
        raise FactError("(facts)", "expected an object of facts")
    return spec.apply(spec.parse(raw_facts))
