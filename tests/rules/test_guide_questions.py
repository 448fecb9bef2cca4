"""The questionnaire: which questions come, in what order, and how answers are read."""

import random
import sys
from datetime import date
from pathlib import Path

import pytest

from accueil.rules import LANGUAGES
from accueil.rules.guide import (
    BY_FACT,
    QUESTIONS,
    AnswerError,
    assess,
    next_question,
    parse_answer,
    questions_for,
    relevant_answers,
)
from accueil.rules.guide.questions import KINDS

ROOT = Path(__file__).resolve().parents[2]
ON = date(2026, 12, 1)
TCN = {"nationalities": ["BR"], "asylum_procedure": False}


def walk(seed: int) -> dict:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import guide_rules

    return guide_rules.situation(random.Random(seed))


def asked(answers: dict) -> list[str]:
    return [question.fact for question in questions_for(answers)]


def test_the_first_question_is_the_nationality():
    assert next_question({}).fact == "nationalities"
    assert asked({}) == ["nationalities"]


def test_an_eu_national_is_asked_nothing_more_and_told_why():
    answers = {"nationalities": ["BR", "PT"]}
    assert next_question(answers) is None
    result = assess(answers, ON)
    assert result.concerned is False and result.complete
    assert result.procedures == ()
    reason = result.status[0]
    assert reason.met is False and "Portugal" in reason.message["en"]
    assert "Portugal" in reason.message["fr"] and "Portugal" in reason.message["de"]
    assert "ne vous concerne pas" in reason.message["fr"]


def test_someone_in_the_asylum_procedure_is_asked_nothing_more():
    answers = {"nationalities": ["SY"], "asylum_procedure": True}
    assert next_question(answers) is None
    assert assess(answers, ON).concerned is False


def test_then_come_residence_and_purpose_in_that_order():
    assert next_question({"nationalities": ["BR"]}).fact == "asylum_procedure"
    assert next_question(TCN).fact == "residence"
    assert next_question({**TCN, "residence": "abroad"}).fact == "purpose"


def test_the_entry_date_is_asked_only_of_those_entering():
    abroad = asked({**TCN, "residence": "abroad", "purpose": "work"})
    resident = asked({**TCN, "residence": "resident", "purpose": "work"})
    assert "entry_date" in abroad and "permit_expiry" not in abroad
    assert "permit_expiry" in resident and "entry_date" not in resident
    visit = asked({**TCN, "residence": "abroad", "purpose": "visit"})
    assert "entry_date" not in visit and "application_date" not in visit


def test_the_sponsor_is_asked_about_only_for_family_reunification_with_a_third_country_national():
    sponsor = {fact for fact in BY_FACT if fact.startswith("sponsor_")}
    for purpose in ("work", "family_eu", "study", "long_term"):
        assert not sponsor & set(asked({**TCN, "residence": "abroad", "purpose": purpose}))
    assert sponsor <= set(asked({**TCN, "residence": "abroad", "purpose": "family_tcn"}))


def test_the_birth_date_is_asked_only_where_an_age_matters():
    base = {**TCN, "residence": "abroad", "purpose": "family_eu"}
    assert "birth_date" not in asked({**base, "family_link_eu": "spouse"})
    assert "birth_date" in asked({**base, "family_link_eu": "child"})
    pupil = {**TCN, "residence": "no_papers", "purpose": "regularisation"}
    assert "birth_date" in asked({**pupil, "art89_basis": "adult_pupil"})
    assert "birth_date" not in asked({**pupil, "art89_basis": "parent"})


def test_an_answer_made_irrelevant_by_a_change_is_left_out():
    answers = {**TCN, "residence": "abroad", "purpose": "work", "has_job_offer": True}
    changed = {**answers, "purpose": "study"}
    assert "has_job_offer" not in relevant_answers(changed)
    assert "has_job_offer" in relevant_answers(answers)
    assert [p.code for p in assess(changed, ON).procedures] == ["student"]


def test_every_question_is_asked_in_some_situation():
    seen = set()
    for seed in range(600):
        seen |= set(walk(seed))
    assert seen == set(BY_FACT)


def test_a_walk_ends_when_the_guide_can_answer():
    answers = walk(7)
    while (question := next_question(answers)) is not None:
        answers[question.fact] = None if question.optional else parse_answer(question, "no")
    assert assess(answers, ON).complete


def test_every_question_speaks_three_languages():
    assert len({question.fact for question in QUESTIONS}) == len(QUESTIONS)
    for question in QUESTIONS:
        assert question.kind in KINDS, question.fact
        assert set(question.label) == set(LANGUAGES) and all(question.label.values())
        assert set(question.hint) == set(LANGUAGES)
        assert question.section, question.fact
        for choice in question.choices:
            assert set(choice.label) == set(LANGUAGES) and all(choice.label.values())
        if question.kind in ("choice", "multi_choice"):
            assert question.choices, question.fact
        assert question.label["fr"] != question.label["en"], question.fact


def test_yes_no_answers_and_i_dont_know_where_offered():
    offered = BY_FACT["visa_required"]
    plain = BY_FACT["has_job_offer"]
    assert parse_answer(plain, "yes") is True
    assert parse_answer(plain, "no") is False
    assert parse_answer(offered, "unknown") is None
    with pytest.raises(AnswerError):
        parse_answer(plain, "unknown")
    with pytest.raises(AnswerError) as error:
        parse_answer(plain, "")
    assert error.value.fact == "has_job_offer"
    assert set(error.value.messages) == set(LANGUAGES)


def test_dates_come_as_day_month_year_or_iso():
    question = BY_FACT["entry_date"]
    assert parse_answer(question, ["19", "6", "2026"]) == date(2026, 6, 19)
    assert parse_answer(question, "2026-06-19") == date(2026, 6, 19)
    assert parse_answer(question, ["", "", ""]) is None  # optional: not known yet
    for bad in (["29", "2", "2026"], ["31", "4", "2026"], ["1", "1", "1899"], ["x", "1", "2026"]):
        with pytest.raises(AnswerError):
            parse_answer(question, bad)
    assert parse_answer(question, ["29", "2", "2028"]) == date(2028, 2, 29)
    with pytest.raises(AnswerError) as error:
        parse_answer(BY_FACT["birth_date"], ["", "", ""])
    assert error.value.messages["de"] == "Beantworten Sie diese Frage, um fortzufahren."


def test_numbers_accept_a_decimal_comma_and_spaces():
    question = BY_FACT["monthly_resources"]
    assert parse_answer(question, "1 922,96") == 1922.96
    assert parse_answer(question, "1,922.96") == 1922.96
    assert parse_answer(question, "1.922,96") == 1922.96
    assert parse_answer(question, "1922.96") == 1922.96
    assert parse_answer(question, "2000") == 2000
    assert parse_answer(question, "") is None
    for bad in ("-3", "abc", "1e5", "1,2,3", "12."):
        with pytest.raises(AnswerError):
            parse_answer(question, bad)
    with pytest.raises(AnswerError):
        parse_answer(BY_FACT["sponsor_months"], "")


def test_countries_choices_and_multiple_choices():
    assert parse_answer(BY_FACT["nationalities"], "br, pt") == ["BR", "PT"]
    assert parse_answer(BY_FACT["nationalities"], ["BR", "BR"]) == ["BR"]
    with pytest.raises(AnswerError):
        parse_answer(BY_FACT["nationalities"], "Brazil")
    assert parse_answer(BY_FACT["purpose"], "work") == "work"
    with pytest.raises(AnswerError):
        parse_answer(BY_FACT["purpose"], "holiday")
    grounds = BY_FACT["divorce_grounds"]
    assert parse_answer(grounds, []) == []
    assert parse_answer(grounds, ["custody", "marriage_3_years"]) == ["marriage_3_years", "custody"]
    with pytest.raises(AnswerError):
        parse_answer(grounds, ["money"])


@pytest.mark.parametrize(
    ("answers", "fact"),
    [
        ({"nationality": ["BR"]}, "nationality"),
        ({"nationalities": "BR"}, "nationalities"),
        ({"nationalities": []}, "nationalities"),
        ({"asylum_procedure": "no"}, "asylum_procedure"),
        ({"purpose": "holiday"}, "purpose"),
        ({"entry_date": "19/06/2026"}, "entry_date"),
        ({"sponsor_months": -1}, "sponsor_months"),
        ({"sponsor_months": True}, "sponsor_months"),
        ({"divorce_grounds": "custody"}, "divorce_grounds"),
    ],
)
def test_assess_names_a_bad_answer(answers, fact):
    with pytest.raises(AnswerError) as error:
        assess(answers, ON)
    assert error.value.fact == fact


def test_assess_wants_a_calendar_day():
    from datetime import datetime

    from accueil.rules import FactError

    with pytest.raises(FactError):
        assess(TCN, datetime(2026, 12, 1, 9, 0))
    with pytest.raises(FactError):
        assess(TCN, date(2008, 8, 28))
