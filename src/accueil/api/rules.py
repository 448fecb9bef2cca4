"""The CAI rules over HTTP: the same answers as `accueil rules`."""

from typing import Annotated, Any, Literal

from django.http import HttpRequest
from ninja import Body, Router, Schema, Status

from accueil.rules import RULES, FactError, evaluate

router = Router(tags=["rules"])

Lang = Literal["en", "fr", "de"]


class SourceOut(Schema):
    seed: str
    section: str
    passage: str


class ReasonOut(Schema):
    code: str
    rule: str
    met: bool | None
    message: str
    messages: dict[str, str]
    source: SourceOut


class DecisionOut(Schema):
    rule: str
    outcome: str
    values: dict[str, Any]
    reasons: list[ReasonOut]


class RuleOut(Schema):
    name: str
    summary: str
    facts: dict[str, str]
    example: dict[str, Any]


class ErrorOut(Schema):
    error: str
    fact: str | None = None


class InvalidRequestOut(Schema):
    """What django-ninja answers when the request does not match the schema."""

    detail: list[dict[str, Any]]


@router.get("", response={200: list[RuleOut], 422: InvalidRequestOut}, summary="List the rules")
def rule_list(request: HttpRequest, lang: Lang = "en"):
    return [
        {
            "name": name,
            "summary": spec.summary[lang],
            "facts": spec.facts_doc,
            "example": spec.example,
        }
        for name, spec in RULES.items()
    ]


@router.post(
    "/{rule}",
    response={200: DecisionOut, 400: ErrorOut, 404: ErrorOut, 422: InvalidRequestOut},
    summary="Evaluate a rule on facts",
)
def rule_evaluate(
    request: HttpRequest,
    rule: str,
    facts: Annotated[dict[str, Any], Body()],
    lang: Lang = "en",
):
    """Send the facts as a JSON object; the decision comes back with its reasons,
    each message in `lang` and also in English, French and German."""
    if rule not in RULES:
        return Status(404, {"error": f"Unknown rule {rule!r}. Known rules: {', '.join(RULES)}"})
    try:
        decision = evaluate(rule, facts)
    except FactError as bad:
        # In `lang` when the rule wrote the message in every language (dates out of range,
        # the guide's answers); otherwise the rule's English text.
        messages = getattr(bad, "messages", None)
        message = f"{bad.fact}: {messages[lang]}" if messages else str(bad)
        return Status(400, {"error": message, "fact": bad.fact})
    return Status(200, decision.to_dict(lang))
