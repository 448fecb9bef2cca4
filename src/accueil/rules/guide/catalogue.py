"""All the questions in order, and which of them to ask given the answers so far."""

from collections.abc import Mapping
from typing import Any

from accueil.rules.guide.question_list import QUESTIONS_YOU_AND_WORK
from accueil.rules.guide.question_list_closing import QUESTIONS_CLOSING
from accueil.rules.guide.question_list_family import QUESTIONS_FAMILY_AND_MORE
from accueil.rules.guide.questions import Question

QUESTIONS: tuple[Question, ...] = (
    QUESTIONS_YOU_AND_WORK + QUESTIONS_FAMILY_AND_MORE + QUESTIONS_CLOSING
)
BY_FACT: dict[str, Question] = {question.fact: question for question in QUESTIONS}


def questions_for(answers: Mapping[str, Any]) -> tuple[Question, ...]:
    """The questions to ask given the answers so far, in order (only what is needed)."""
    kept = relevant_answers(answers)
    return tuple(question for question in QUESTIONS if question.relevant(kept))


def next_question(answers: Mapping[str, Any]) -> Question | None:
    """The first relevant question not yet answered; None when the guide can answer."""
    return first_unanswered(relevant_answers(answers))


def first_unanswered(kept: Mapping[str, Any]) -> Question | None:
    """`next_question` for answers already pruned by `relevant_answers`."""
    for question in QUESTIONS:
        if question.fact not in kept and question.relevant(kept):
            return question
    return None


def relevant_answers(answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers to questions that are still relevant, in the order of the questions.

    A changed answer can make later questions irrelevant (a purpose changed from
    work to study); their old answers are then left out, so they never weigh on
    the result and are not asked again if the person comes back to them.
    """
    kept: dict[str, Any] = {}
    for question in QUESTIONS:
        if question.fact in answers and question.relevant(kept):
            kept[question.fact] = answers[question.fact]
    return kept
