"""The guide's rules for the registry: one entry per rule, as keyword arguments of `RuleSpec`.

`accueil.rules.registry` turns these into `RuleSpec`s and adds them to `RULES`,
so each answers through `evaluate()`, `accueil rules RULE` and
`POST /api/v1/rules/{rule}`. A procedure rule reads the answers its procedure
uses (the same facts and values as the questionnaire, see
`accueil.rules.guide.questions`) and the day `on`; it returns the conditions and
notes as reasons, and the steps, documents, dates and contacts as values.
"""

from collections.abc import Callable
from datetime import date
from typing import Any, Literal, overload

from accueil.rules.base import Decision, FactError, Reason
from accueil.rules.dates import check_range, parse_date
from accueil.rules.guide import sources as S
from accueil.rules.guide import status
from accueil.rules.guide.assessment import PROCEDURES, assess, check_on
from accueil.rules.guide.catalogue import BY_FACT
from accueil.rules.guide.contacts import DIRECTORY
from accueil.rules.guide.deadlines import PROCEDURE_KINDS
from accueil.rules.guide.questions import read_answers
from accueil.rules.guide.result import Advice, Procedure
from accueil.rules.guide.text import as_dict, t

Facts = dict[str, Any]
ON_DOC = "date, required: day of the assessment (the parameters in force that day apply)"
ON_OPTIONAL_DOC = "date, optional: a day to check against the computed date"
_ENTERING = ("residence", "entry_date", "permit_expiry", "application_date")


def fact_doc(fact: str) -> str:
    """The documentation of a questionnaire fact, from its question."""
    question = BY_FACT[fact]
    kind = {
        "yes_no": "boolean",
        "choice": "string",
        "multi_choice": "list of strings",
        "date": "date",
        "country_list": "list of ISO 3166-1 alpha-2 codes",
        "number": "number >= 0",
    }[question.kind]
    choices = (
        f" (one of {', '.join(question.choice_values())})" if question.kind == "choice" else ""
    )
    if question.kind == "multi_choice":
        choices = f" (any of {', '.join(question.choice_values())})"
    if question.kind == "yes_no":
        choices = ""
    return f"{kind}, optional: {question.label['en']}{choices}"


@overload
def _day(raw: Facts, key: str, required: Literal[True]) -> date: ...
@overload
def _day(raw: Facts, key: str, required: bool) -> date | None: ...
def _day(raw: Facts, key: str, required: bool) -> date | None:
    value = raw.get(key)
    if value is None:
        if required:
            raise FactError(key, "is required")
        return None
    day = parse_date(value, key)
    check_on(day, key)
    return check_range(day, key)  # no later than LATEST, said in every language


def _allowed(raw: object, allowed: tuple[str, ...]) -> Facts:
    if not isinstance(raw, dict):
        raise FactError("(facts)", "expected an object of facts")
    for key in raw:
        if key not in allowed:
            raise FactError(
                str(key), f"unknown fact; expected one of: {', '.join(sorted(allowed))}"
            )
    return raw


def _answers_parser(
    facts: tuple[str, ...], purpose: str | None
) -> Callable[[Facts], tuple[Facts, date]]:
    def parse(raw: Facts) -> tuple[Facts, date]:
        raw = _allowed(raw, (*facts, "on"))
        on = _day(raw, "on", True)
        answers = read_answers(BY_FACT, {key: value for key, value in raw.items() if key != "on"})
        if purpose is not None:
            answers["purpose"] = purpose
        answers["on"] = on
        return answers, on

    return parse


def _outcome(fits: bool | None) -> str:
    return {True: "fits", False: "does_not_fit", None: "not_known"}[fits]


def procedure_decision(rule: str, procedure: Procedure) -> Decision:
    values = procedure.to_dict(None)
    reasons = procedure.conditions + procedure.notes
    values = {key: values[key] for key in ("title", "steps", "documents", "dates", "contacts")}
    return Decision(rule, _outcome(procedure.fits), reasons, values)


def procedure_rule(
    name: str, purpose: str, summary: dict[str, Any], facts: tuple[str, ...], example: Facts
) -> dict[str, Any]:
    (builder,) = PROCEDURES[purpose]

    def apply(parsed: tuple[Facts, date]) -> Decision:
        answers, on = parsed
        try:
            return procedure_decision(name, builder(answers, on))
        except LookupError as missing:
            raise FactError("on", f"the guide has no figure for that day ({missing})") from None

    docs = {fact: fact_doc(fact) for fact in facts} | {"on": ON_DOC}
    return {
        "name": name,
        "summary": summary,
        "parse": _answers_parser(facts, purpose),
        "apply": apply,
        "facts_doc": docs,
        "example": example,
    }


def _advice_decision(rule: str, tip: Advice) -> Decision:
    values = {"title": as_dict(tip.title), "contacts": list(tip.contacts)}
    return Decision(rule, "advice", tip.items, values)


def status_rule() -> dict[str, Any]:
    def parse(raw: Facts) -> tuple[Facts, date]:
        return _answers_parser(("nationalities", "asylum_procedure"), None)(raw)

    def apply(parsed: tuple[Facts, date]) -> Decision:
        answers, on = parsed
        concerned, reasons = status.status(
            answers.get("nationalities"), answers.get("asylum_procedure"), on
        )
        outcome = {True: "concerned", False: "not_concerned", None: "not_known"}[concerned]
        return Decision("guide.third_country_national", outcome, reasons, {"concerned": concerned})

    return {
        "name": "guide.third_country_national",
        "summary": t(
            "Is this person a third-country national whom the guide concerns?",
            "Cette personne est-elle un ressortissant de pays tiers que le guide concerne ?",
            "Ist diese Person Drittstaatsangehörige(r), die der Leitfaden betrifft?",
        ),
        "parse": parse,
        "apply": apply,
        "facts_doc": {
            "nationalities": "list of ISO 3166-1 alpha-2 codes, optional: every nationality held",
            "asylum_procedure": fact_doc("asylum_procedure"),
            "on": ON_DOC,
        },
        "example": {"nationalities": ["BR", "PT"], "asylum_procedure": False, "on": "2026-12-01"},
    }


def advice_rule(
    name: str,
    summary: dict[str, Any],
    build: Callable[[Facts, date | None], Advice],
    facts: dict[str, str],
    example: Facts,
) -> dict[str, Any]:
    answer_facts = tuple(key for key in facts if key != "on")

    def parse(raw: Facts) -> tuple[Facts, date | None]:
        raw = _allowed(raw, tuple(facts))
        on = _day(raw, "on", "on" in facts)
        return read_answers(BY_FACT, {key: raw[key] for key in answer_facts if key in raw}), on

    def apply(parsed: tuple[Facts, date | None]) -> Decision:
        answers, on = parsed
        return _advice_decision(name, build(answers, on))

    return {
        "name": name,
        "summary": summary,
        "parse": parse,
        "apply": apply,
        "facts_doc": facts,
        "example": example,
    }


def calculator(
    name: str,
    summary: dict[str, Any],
    parse: Callable[[Facts], Any],
    apply: Callable[[Any], Decision],
    facts: dict[str, str],
    example: Facts,
) -> dict[str, Any]:
    return {
        "name": name,
        "summary": summary,
        "parse": parse,
        "apply": apply,
        "facts_doc": facts,
        "example": example,
    }


def parse_days(required: tuple[str, ...], optional: tuple[str, ...]) -> Callable[[Facts], Facts]:
    def parse(raw: Facts) -> Facts:
        raw = _allowed(raw, (*required, *optional))
        values = {key: _day(raw, key, True) for key in required}
        return values | {key: _day(raw, key, False) for key in optional}

    return parse


def parse_life(
    dates: tuple[str, ...],
    optional: tuple[str, ...],
    read: Callable[[Facts], Facts],
    any_day: tuple[str, ...] = (),
) -> Callable[[Facts], Facts]:
    """Facts of a life calculator: required `dates` (from the immigration law's day),
    optional dates, required `any_day` dates (a date of birth: any day of the calendar the
    rules know), and what `read` takes from the other facts (their own checks)."""

    def parse(raw: Facts) -> Facts:
        extra = read(_allowed(raw, tuple(raw) if isinstance(raw, dict) else ()))
        values = {key: _day(raw, key, True) for key in dates}
        for key in any_day:
            if raw.get(key) is None:
                raise FactError(key, "is required")
            values[key] = check_range(parse_date(raw[key], key), key)
        return values | {key: _day(raw, key, False) for key in optional} | extra

    return parse


def parse_kind(dated: str) -> Callable[[Facts], Facts]:
    """Facts "procedure" (a kind of application) and the date `dated`, plus "on" if distinct."""
    allowed = tuple(dict.fromkeys(("procedure", dated, "on")))

    def parse(raw: Facts) -> Facts:
        raw = _allowed(raw, allowed)
        kind = raw.get("procedure")
        if kind not in PROCEDURE_KINDS:
            raise FactError("procedure", f"expected one of {', '.join(PROCEDURE_KINDS)}")
        values = {"procedure": kind, dated: _day(raw, dated, True)}
        if dated != "on":
            values["on"] = _day(raw, "on", False)
        return values

    return parse


def assessment_rule() -> dict[str, Any]:
    facts = tuple(BY_FACT)

    def parse(raw: Facts) -> tuple[Facts, date]:
        raw = _allowed(raw, (*facts, "on"))
        on = _day(raw, "on", True)
        return {key: value for key, value in raw.items() if key != "on"}, on

    def apply(parsed: tuple[Facts, date]) -> Decision:
        answers, on = parsed
        try:
            result = assess(answers, on)
        except LookupError as missing:
            raise FactError("on", f"the guide has no figure for that day ({missing})") from None
        reasons = result.status + tuple(
            reason for procedure in result.procedures for reason in procedure.conditions
        )
        outcome = {True: "concerned", False: "not_concerned", None: "not_known"}[result.concerned]
        values = result.to_dict(None)
        del values["status"]
        return Decision("guide.assessment", outcome, reasons, values)

    return {
        "name": "guide.assessment",
        "summary": t(
            "The whole guide: which procedures fit, their conditions, steps, dates and contacts.",
            "Tout le guide : les démarches qui conviennent, leurs conditions, étapes, dates et "
            "contacts.",
            "Der ganze Leitfaden: passende Verfahren, ihre Bedingungen, Schritte, Fristen und "
            "Kontakte.",
        ),
        "parse": parse,
        "apply": apply,
        "facts_doc": {fact: fact_doc(fact) for fact in facts} | {"on": ON_DOC},
        "example": {
            "nationalities": ["IN"],
            "asylum_procedure": False,
            "residence": "abroad",
            "purpose": "work",
            "has_job_offer": True,
            "vacancy_declared_on": "2026-05-18",
            "certificate_requested_on": "2026-06-08",
            "entry_date": "2026-06-19",
            "application_date": "2026-06-16",
            "children_school_age": False,
            "looking_for_housing": False,
            "on": "2026-06-01",
        },
    }


def parse_contacts(raw: Facts) -> Facts:
    raw = _allowed(raw, ("codes",))
    codes = raw.get("codes")
    if codes is None:
        return {"codes": list(DIRECTORY)}
    # A code is a string: a list or an object in the list is not a code (and not hashable).
    if not isinstance(codes, list) or any(
        not isinstance(code, str) or code not in DIRECTORY for code in codes
    ):
        raise FactError("codes", f"expected a list of codes among {', '.join(DIRECTORY)}")
    return {"codes": [code for code in DIRECTORY if code in codes]}


def contacts_decision(facts: Facts) -> Decision:
    entries = [DIRECTORY[code].to_dict(None) for code in facts["codes"]]
    return Decision("guide.contacts", "directory", (DIRECTORY_REASON,), {"contacts": entries})


DIRECTORY_REASON = Reason(
    "guide.contacts.directory",
    "guide.contacts",
    None,
    S.DIRECTORY,
    t(
        "Addresses, telephone numbers and e-mails as the guide gives them (August 2016); check "
        "them on the organisations' web sites.",
        "Adresses, téléphones et courriels tels que le guide les donne (août 2016) ; "
        "vérifiez-les sur les sites des organismes.",
        "Adressen, Telefonnummern und E-Mails wie im Leitfaden (August 2016); prüfen Sie sie "
        "auf den Websites der Stellen.",
    ),
)
