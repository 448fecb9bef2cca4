"""A tiny stand-in for `accueil.rules.guide`, with the same interface, so the guide's
pages are tested against questions whose order and dates the tests control.

`use_fake_guide` points `accueil.guide.engine` at this module. Its own tests below
check that it follows the interface the web app relies on.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from accueil.guide import engine
from accueil.rules import FactError, Source

SEED = "004_788ffbea22f4a3d7.txt"


def t(en: str) -> dict[str, str]:
    return {"en": en, "fr": f"{en} (fr)", "de": f"{en} (de)"}


@dataclass(frozen=True)
class Choice:
    value: str
    label: dict[str, str]


def _always(answers: Mapping) -> bool:
    return True


@dataclass(frozen=True)
class Question:
    fact: str
    kind: str
    label: dict[str, str]
    hint: dict[str, str] = field(default_factory=lambda: t(""))
    choices: tuple[Choice, ...] = ()
    section: str = ""
    relevant: Callable[[Mapping], bool] = _always
    optional: bool = False


class AnswerError(FactError):
    def __init__(self, fact: str, messages: dict[str, str]) -> None:
        super().__init__(fact, messages["en"])
        self.messages = messages


QUESTIONS = (
    Question("nationalities", "country_list", t("What is your nationality?")),
    Question(
        "purpose",
        "choice",
        t("Why are you coming to Luxembourg?"),
        t("Choose the main reason."),
        choices=(Choice("work", t("To work")), Choice("study", t("To study"))),
    ),
    Question(
        "entry_date",
        "date",
        t("When did you enter Luxembourg?"),
        relevant=lambda answers: answers.get("purpose") == "work",
    ),
    Question("children", "yes_no", t("Do you have children?")),
    Question(
        "children_count",
        "number",
        t("How many children do you have?"),
        relevant=lambda answers: answers.get("children") is True,
    ),
    Question(
        "languages",
        "multi_choice",
        t("Which languages do you speak?"),
        choices=(Choice("fr", t("French")), Choice("de", t("German"))),
    ),
)

APPLICATION_KINDS = {"general": t("Any other application"), "salaried": t("Salaried worker")}
SOURCE = Source(SEED, "7. Les délais et les recours", "Le délai légal est de 3 mois.")
ARRIVAL = Source(
    SEED, "L’autorisation de séjour pour le travailleur salarié", "dans les trois jours ouvrables"
)


def questions_for(answers: Mapping) -> tuple[Question, ...]:
    return tuple(q for q in QUESTIONS if q.relevant(answers))


def next_question(answers: Mapping) -> Question | None:
    return next((q for q in questions_for(answers) if q.fact not in answers), None)


def parse_answer(question: Question, raw):
    if question.kind == "date":
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise AnswerError(question.fact, t("Enter a real date")) from None
    if question.kind == "yes_no":
        return raw == "yes"
    if question.kind == "number":
        if not str(raw).isdigit():
            raise AnswerError(question.fact, t("Enter a whole number"))
        return int(raw)
    if question.kind == "choice" and raw not in {c.value for c in question.choices}:
        raise AnswerError(question.fact, t("Choose one of the options"))
    return raw


def _reason(met, message: str, source: Source = SOURCE):
    return SimpleNamespace(met=met, message=t(message), source=source, code="x", rule="x")


def assess(answers: Mapping, on: date):
    working = answers.get("purpose") == "work"
    dates = []
    if working:
        last = date.fromisoformat(answers["entry_date"]) + timedelta(days=3)
        dates.append(SimpleNamespace(label=t("Declare your arrival by"), date=last, source=ARRIVAL))
    procedure = SimpleNamespace(
        code="work",
        title=t("Residence permit for a salaried worker"),
        fits=working,
        conditions=(_reason(working, "You come to work as an employee."),),
        notes=(),
        steps=(
            SimpleNamespace(
                message=t("Declare your arrival at the commune."), date=None, source=ARRIVAL
            ),
        ),
        documents=(SimpleNamespace(message=t("Your passport."), source=SOURCE),),
        dates=tuple(dates),
    )
    study = SimpleNamespace(
        code="study",
        title=t("Residence permit for a student"),
        fits=None if answers.get("purpose") == "study" else False,
        conditions=(_reason(None, "Resources of 80% of the guaranteed minimum income."),),
        notes=(),
        steps=(),
        documents=(),
        dates=(),
    )
    contact = SimpleNamespace(
        name=t("Immigration Directorate"),
        address="26, route d’Arlon L-1140 Luxembourg",
        phone="+352 2478-4040",
        email="",
        web="www.mae.lu",
        source=SOURCE,
    )
    return SimpleNamespace(
        on=on,
        concerned=True,
        status=(_reason(True, "You are a third-country national."),),
        procedures=(procedure, study),
        dates=tuple(dates),
        advice=(
            SimpleNamespace(title=t("Housing"), items=(_reason(None, "A deposit of 2-3 months."),)),
        ),
        contacts=(contact,),
    )


@pytest.fixture
def use_fake_guide(monkeypatch):
    monkeypatch.setattr(engine, "MODULE", __name__)


def test_it_asks_the_children_count_only_after_yes(use_fake_guide):
    assert "children_count" not in {q.fact for q in engine.questions({"children": False})}
    assert "children_count" in {q.fact for q in engine.questions({"children": True})}


def test_it_drops_an_answer_that_a_change_makes_irrelevant(use_fake_guide):
    answers = {"purpose": "study", "entry_date": "2026-01-05", "children": False}
    assert engine.relevant_only(answers) == {"purpose": "study", "children": False}
