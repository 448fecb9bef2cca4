"""The newcomer's guide as law as code: residence procedures for third-country nationals.

Source: the ASTI's guide "Bienvenue au Luxembourg" (August 2016), a summary of the
amended law of 29 August 2008 on free movement and immigration
(seed 004_788ffbea22f4a3d7.txt). Like the rest of `accueil.rules`, this package
is plain Python: facts in, reasons out, each reason quoting its passage.

The questionnaire's interface:

* `QUESTIONS`: every question in order; `questions_for(answers)` the ones to ask
  given the answers so far; `next_question(answers)` the first one not answered
  (None when the guide can answer);
* `parse_answer(question, raw)`: form input to an answer value, raising
  `AnswerError` (a `FactError` with `messages` in en/fr/de);
* `assess(answers, on)`: the `GuideResult` (procedures with their conditions,
  steps, documents, dates and contacts; the general advice; the directory).

See `accueil.rules.guide.questions` for the answer values of each kind.
`APPLICATION_KINDS` names the kinds of application of `guide.decision_due`.
"""

from accueil.rules.guide.assessment import assess
from accueil.rules.guide.calculators import APPLICATION_KINDS
from accueil.rules.guide.catalogue import (
    BY_FACT,
    QUESTIONS,
    next_question,
    questions_for,
    relevant_answers,
)
from accueil.rules.guide.questions import AnswerError, Choice, Question, parse_answer
from accueil.rules.guide.result import (
    Advice,
    ComputedDate,
    Contact,
    GuideResult,
    Procedure,
    Step,
)

__all__ = [
    "APPLICATION_KINDS",
    "BY_FACT",
    "QUESTIONS",
    "Advice",
    "AnswerError",
    "Choice",
    "ComputedDate",
    "Contact",
    "GuideResult",
    "Procedure",
    "Question",
    "Step",
    "assess",
    "next_question",
    "parse_answer",
    "questions_for",
    "relevant_answers",
]
