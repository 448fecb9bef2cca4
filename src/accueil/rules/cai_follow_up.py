"""`cai.follow_up`: may a signatory conclude a new contract for what is left?

Seed, "The end of the CAI contract": "If, for reasons the Integration Department
considers legitimate, the signatory has not fulfilled their obligations by the
end of the contract, they may conclude a new contract, which will only apply to
those obligations that were not fulfilled within the scope of the first contract."

Whether a reason is legitimate is the department's judgement, so it is a fact
here, never computed. The new contract covers exactly the unmet obligations, in
the canonical order language_training, citizenship_course, orientation_day.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from accueil.rules.base import Decision, cite
from accueil.rules.facts import FactReader
from accueil.rules.messages import make_reason

RULE = "cai.follow_up"
END = "The end of the CAI contract"
LEGITIMATE = cite(
    END,
    "If, for reasons the Integration Department considers legitimate, the "
    "signatory has not fulfilled their obligations by the end of the "
    "contract, they may conclude a new contract",
)
SCOPE = cite(
    END,
    "which will only apply to those obligations that were not fulfilled within "
    "the scope of the first contract.",
)


@dataclass(frozen=True)
class FollowUpFacts:
    unmet_obligations: tuple[str, ...]
    reason_accepted_as_legitimate: bool
    previous_term_last_day: date | None = None


def from_dict(raw: dict[str, Any]) -> FollowUpFacts:
    facts = FactReader(
        raw, ("unmet_obligations", "reason_accepted_as_legitimate", "previous_term_last_day")
    )
    return FollowUpFacts(
        unmet_obligations=facts.obligations("unmet_obligations"),
        reason_accepted_as_legitimate=facts.boolean("reason_accepted_as_legitimate"),
        previous_term_last_day=facts.day("previous_term_last_day", None),
    )


def follow_up(facts: FollowUpFacts) -> Decision:
    """Allow a new contract limited to the unmet obligations, if the reason is accepted."""
    values: dict[str, Any] = {"covers": []}
    if facts.previous_term_last_day is not None:
        values["previous_term_last_day"] = facts.previous_term_last_day
    if not facts.unmet_obligations:
        reason = make_reason("cai.follow_up.nothing_unmet", None, SCOPE)
        return Decision(rule=RULE, outcome="not_needed", reasons=(reason,), values=values)
    accepted = facts.reason_accepted_as_legitimate
    reasons = [make_reason("cai.follow_up.legitimate_reason", accepted, LEGITIMATE)]
    if not accepted:
        return Decision(
            rule=RULE, outcome="follow_up_refused", reasons=tuple(reasons), values=values
        )
    covers = facts.unmet_obligations
    reasons.append(make_reason("cai.follow_up.scope", None, SCOPE, covers=covers))
    values["covers"] = list(covers)
    return Decision(rule=RULE, outcome="follow_up_allowed", reasons=tuple(reasons), values=values)
