"""`cai.fulfilment`: every obligation proven by a certificate dated within the term."""

from datetime import date

import pytest

from accueil.rules import evaluate
from accueil.rules.base import FactError

START = "2023-04-03"  # term: 2023-04-03 .. 2025-04-02, end_exclusive 2025-04-03
LAST_DAY = "2025-04-02"
END_EXCLUSIVE = "2025-04-03"


def review(
    on="2025-06-01",
    language=LAST_DAY,
    hours=6,
    sessions=2,
    citizenship=LAST_DAY,
    orientation=LAST_DAY,
    kind="language",
):
    return evaluate(
        "cai.fulfilment",
        {
            "entry_into_force": START,
            "on": on,
            "language_training": {"completed_on": language, "kind": kind},
            "citizenship_course": {
                "hours": hours,
                "sessions": sessions,
                "completed_on": citizenship,
            },
            "orientation_day": {"attended_on": orientation},
        },
    )


def codes(decision, met):
    return [reason.code for reason in decision.reasons if reason.met is met]


def test_certificates_dated_on_the_last_day_of_the_term_count():
    decision = review()
    assert decision.outcome == "fulfilled"
    assert decision.values == {
        "met": ["language_training", "citizenship_course", "orientation_day"],
        "unmet": [],
        "term_last_day": date(2025, 4, 2),
        "fulfilled_on": date(2025, 4, 2),
    }


def test_the_contract_is_fulfilled_on_the_day_of_its_last_certificate():
    decision = review(language="2024-01-10", citizenship="2024-06-03", orientation="2023-09-01")
    assert decision.values["fulfilled_on"] == date(2024, 6, 3)
    assert review(orientation=END_EXCLUSIVE).values["fulfilled_on"] is None


def follow_up_review(covers, **certificates):
    facts = {"entry_into_force": START, "on": "2025-06-01", "covers": covers, **certificates}
    return evaluate("cai.fulfilment", facts)


def test_a_follow_up_contract_checks_only_the_obligations_it_covers():
    # The first contract met the language training and the orientation day: the
    # follow-up applies only to the citizenship course (seed: "only ... those obligations
    # that were not fulfilled"), so nothing else is asked of it.
    course = {"hours": 6, "sessions": 2, "completed_on": "2024-05-06"}
    decision = follow_up_review(["citizenship_course"], citizenship_course=course)
    assert decision.outcome == "fulfilled"
    assert decision.values["met"] == ["citizenship_course"]
    assert decision.values["unmet"] == []
    assert decision.values["fulfilled_on"] == date(2024, 5, 6)
    assert not [r for r in decision.reasons if r.code.startswith("cai.fulfilment.language")]


def test_a_follow_up_contract_is_not_fulfilled_when_what_it_covers_is_missing():
    decision = follow_up_review(["orientation_day", "language_training"])
    assert decision.outcome == "not_fulfilled"
    assert decision.values["unmet"] == ["language_training", "orientation_day"]


def test_a_contract_covering_nothing_is_refused():
    with pytest.raises(FactError, match="covers"):
        follow_up_review([])
    with pytest.raises(FactError, match="unknown obligation"):
        follow_up_review(["driving_lessons"])


def test_a_certificate_dated_on_the_second_anniversary_does_not_count():
    decision = review(orientation=END_EXCLUSIVE)
    assert decision.outcome == "not_fulfilled"
    assert decision.values["unmet"] == ["orientation_day"]
    reason = decision.reason("cai.fulfilment.orientation_day.after_term")
    assert "after the end of the term" in reason.message["en"]


def test_a_certificate_dated_before_entry_into_force_does_not_count():
    decision = review(language="2023-04-02")
    assert codes(decision, False) == [
        "cai.fulfilment.language_training.before_term",
        "cai.fulfilment.contract",
    ]


def test_a_certificate_dated_on_entry_into_force_counts():
    assert review(language=START, citizenship=START, orientation=START).outcome == "fulfilled"


def test_six_hours_in_one_session_fails():
    decision = review(hours=6, sessions=1)
    assert decision.values["unmet"] == ["citizenship_course"]
    assert codes(decision, False)[0] == "cai.fulfilment.citizenship_course.sessions"


def test_five_and_a_half_hours_fails():
    decision = review(hours=5.5, sessions=3)
    reason = decision.reason("cai.fulfilment.citizenship_course.hours")
    assert reason.met is False
    assert reason.message["en"] == (
        "Only 5.5 of the required 6 hours of the citizenship course were attended."
    )
    assert reason.message["fr"].startswith("Seulement 5,5 des 6 heures")


def test_six_hours_in_two_sessions_passes():
    decision = review(hours=6, sessions=2)
    assert decision.reason("cai.fulfilment.citizenship_course").met is True


def test_a_citizenship_course_failing_several_checks_lists_each_of_them():
    decision = review(hours=4, sessions=1, citizenship=END_EXCLUSIVE)
    assert codes(decision, False) == [
        "cai.fulfilment.citizenship_course.after_term",
        "cai.fulfilment.citizenship_course.hours",
        "cai.fulfilment.citizenship_course.sessions",
        "cai.fulfilment.contract",
    ]


def test_literacy_classes_count_as_language_training():
    decision = review(kind="literacy")
    assert decision.outcome == "fulfilled"
    assert decision.reason("cai.fulfilment.language_training.literacy").met is True


def test_missing_certificates_are_reported_one_by_one():
    decision = review(language=None, citizenship=None, orientation=None)
    assert codes(decision, False) == [
        "cai.fulfilment.language_training.missing",
        "cai.fulfilment.citizenship_course.missing",
        "cai.fulfilment.orientation_day.missing",
        "cai.fulfilment.contract",
    ]


def test_missing_obligation_objects_mean_no_certificate():
    decision = evaluate("cai.fulfilment", {"entry_into_force": START, "on": "2023-05-01"})
    assert decision.outcome == "in_progress"
    assert decision.values["unmet"] == [
        "language_training",
        "citizenship_course",
        "orientation_day",
    ]


def test_unfinished_obligations_are_in_progress_on_the_last_day():
    decision = review(on=LAST_DAY, orientation=None)
    assert decision.outcome == "in_progress"
    assert decision.reason("cai.fulfilment.contract").met is None


def test_unfinished_obligations_are_not_fulfilled_once_the_term_is_over():
    decision = review(on=END_EXCLUSIVE, orientation=None)
    assert decision.outcome == "not_fulfilled"
    assert decision.reason("cai.fulfilment.contract").met is False


def test_fulfilment_can_be_decided_before_the_end_of_the_term():
    decision = review(
        on="2024-01-10", language="2023-09-01", citizenship="2023-11-01", orientation="2023-10-07"
    )
    assert decision.outcome == "fulfilled"


def test_term_from_29_february_counts_28_february_but_not_1_march():
    # Issue 9, point 12: the last day of a term from 29 February 2024 is now
    # 28 February 2026 (it was 27 February, a day shorter than a term from
    # 28 February 2024); 1 March 2026, the 2nd anniversary, is outside.
    facts = {
        "entry_into_force": "2024-02-29",
        "on": "2026-03-02",
        "language_training": {"completed_on": "2026-02-28"},
        "citizenship_course": {"hours": 6, "sessions": 2, "completed_on": "2026-02-28"},
        "orientation_day": {"attended_on": "2026-02-28"},
    }
    assert evaluate("cai.fulfilment", facts).outcome == "fulfilled"
    facts["orientation_day"] = {"attended_on": "2026-03-01"}
    assert evaluate("cai.fulfilment", facts).outcome == "not_fulfilled"
