"""Bad facts are refused with a FactError that names the offending fact."""

import pytest

from accueil.rules import FactError, evaluate

ELIGIBILITY = {
    "birth_date": "2000-01-01",
    "on": "2025-03-10",
    "nationalities": ["PT"],
    "legally_resident": True,
    "wishes_to_settle": True,
}
TERM = {"entry_into_force": "2025-03-01"}
OBLIGATIONS = {"language_levels": {"fr": "A2"}, "on": "2025-03-10"}
FULFILMENT = {
    "entry_into_force": "2023-04-03",
    "on": "2025-04-03",
    "citizenship_course": {"hours": 6, "sessions": 2, "completed_on": "2024-01-01"},
}
FOLLOW_UP = {"unmet_obligations": ["orientation_day"], "reason_accepted_as_legitimate": True}


def without(facts, key):
    return {name: value for name, value in facts.items() if name != key}


CASES = [
    ("cai.eligibility", without(ELIGIBILITY, "birth_date"), "birth_date", "required"),
    ("cai.eligibility", ELIGIBILITY | {"birth_date": "2000-02-30"}, "birth_date", "valid"),
    ("cai.eligibility", ELIGIBILITY | {"birth_date": "2026-01-01"}, "birth_date", "after"),
    ("cai.eligibility", ELIGIBILITY | {"on": None}, "on", "required"),
    ("cai.eligibility", ELIGIBILITY | {"on": "2008-12-15"}, "on", "2008-12-16"),
    ("cai.eligibility", ELIGIBILITY | {"nationalities": []}, "nationalities", "at least one"),
    ("cai.eligibility", ELIGIBILITY | {"nationalities": ["pt"]}, "nationalities", "upper-case"),
    ("cai.eligibility", ELIGIBILITY | {"nationalities": "PT"}, "nationalities", "list"),
    ("cai.eligibility", ELIGIBILITY | {"legally_resident": "yes"}, "legally_resident", "true"),
    ("cai.eligibility", ELIGIBILITY | {"wishes_to_settle": 1}, "wishes_to_settle", "true"),
    (
        "cai.eligibility",
        ELIGIBILITY | {"years_in_luxembourg": -1},
        "years_in_luxembourg",
        "at least 0",
    ),
    ("cai.eligibility", ELIGIBILITY | {"age": 30}, "age", "unknown fact"),
    ("cai.term", {}, "entry_into_force", "required"),
    ("cai.term", TERM | {"on": "1 March 2025"}, "on", "YYYY-MM-DD"),
    ("cai.term", TERM | {"until": "2027-01-01"}, "until", "unknown fact"),
    ("cai.obligations", without(OBLIGATIONS, "on"), "on", "required"),
    ("cai.obligations", without(OBLIGATIONS, "language_levels"), "language_levels", "required"),
    ("cai.obligations", OBLIGATIONS | {"language_levels": ["fr"]}, "language_levels", "object"),
    (
        "cai.obligations",
        OBLIGATIONS | {"language_levels": {"french": "A2"}},
        "language_levels.french",
        "language code",
    ),
    (
        "cai.obligations",
        OBLIGATIONS | {"language_levels": {"fr": "A3"}},
        "language_levels.fr",
        "CEFR level",
    ),
    ("cai.obligations", OBLIGATIONS | {"needs_literacy": "no"}, "needs_literacy", "true"),
    ("cai.fulfilment", without(FULFILMENT, "entry_into_force"), "entry_into_force", "required"),
    (
        "cai.fulfilment",
        FULFILMENT | {"citizenship_course": {"hours": -1}},
        "citizenship_course.hours",
        "at least 0",
    ),
    (
        "cai.fulfilment",
        FULFILMENT | {"citizenship_course": {"hours": "6"}},
        "citizenship_course.hours",
        "number",
    ),
    (
        "cai.fulfilment",
        FULFILMENT | {"citizenship_course": {"hours": True}},
        "citizenship_course.hours",
        "number",
    ),
    (
        "cai.fulfilment",
        FULFILMENT | {"citizenship_course": {"sessions": 1.5}},
        "citizenship_course.sessions",
        "whole number",
    ),
    (
        "cai.fulfilment",
        FULFILMENT | {"citizenship_course": {"minutes": 360}},
        "citizenship_course.minutes",
        "unknown fact",
    ),
    ("cai.fulfilment", FULFILMENT | {"citizenship_course": 6}, "citizenship_course", "object"),
    (
        "cai.fulfilment",
        FULFILMENT | {"language_training": {"completed_on": "2024-13-01"}},
        "language_training.completed_on",
        "valid calendar date",
    ),
    (
        "cai.fulfilment",
        FULFILMENT | {"language_training": {"kind": "sport"}},
        "language_training.kind",
        "language, literacy",
    ),
    (
        "cai.fulfilment",
        FULFILMENT | {"orientation_day": {"attended_on": "2025-05-01"}},
        "orientation_day.attended_on",
        "after the day of review",
    ),
    (
        "cai.follow_up",
        without(FOLLOW_UP, "reason_accepted_as_legitimate"),
        "reason_accepted_as_legitimate",
        "required",
    ),
    (
        "cai.follow_up",
        FOLLOW_UP | {"unmet_obligations": ["homework"]},
        "unmet_obligations",
        "unknown obligation",
    ),
    (
        "cai.follow_up",
        FOLLOW_UP | {"previous_term_last_day": 20250402},
        "previous_term_last_day",
        "YYYY-MM-DD",
    ),
]


@pytest.mark.parametrize(
    ("rule", "facts", "fact", "says"),
    CASES,
    ids=[f"{case[0]}:{case[2]}:{case[3]}" for case in CASES],
)
def test_bad_fact_is_named_in_the_error(rule, facts, fact, says):
    with pytest.raises(FactError) as caught:
        evaluate(rule, facts)
    assert caught.value.fact == fact
    assert says in caught.value.message
    assert str(caught.value) == f"{fact}: {caught.value.message}"


@pytest.mark.parametrize("raw", [None, [], "facts", 3])
def test_facts_that_are_not_an_object_are_refused_as_a_whole(raw):
    with pytest.raises(FactError) as caught:
        evaluate("cai.term", raw)
    assert caught.value.fact == "(facts)"


def test_an_unknown_rule_raises_key_error():
    with pytest.raises(KeyError):
        evaluate("cai.nothing", {})
