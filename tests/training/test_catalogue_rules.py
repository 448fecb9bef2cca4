"""The publication rules (accueil.rules.course_publication), without Django."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from accueil.rules import parameter
from accueil.rules.course_publication import (
    CourseFacts,
    orientation_days_missing,
    publication_problems,
)

ON = date(2027, 3, 1)


def sessions(*hours: float) -> tuple[tuple[datetime, datetime], ...]:
    start = datetime(2027, 4, 1, 18, tzinfo=UTC)
    return tuple(
        (start + timedelta(days=7 * n), start + timedelta(days=7 * n, hours=h))
        for n, h in enumerate(hours)
    )


def facts(kind="citizenship", **fields) -> CourseFacts:
    values = {
        "kind": kind,
        "provider_approved": True,
        "languages": ("fr", "pt"),
        "taught_language": "",
        "cefr_level": "",
        "fee": Decimal(0),
        "reduced_fee": Decimal(0),
        "sessions": sessions(3, 3),
        "on": ON,
    }
    values.update(fields)
    return CourseFacts(**values)


def codes(course: CourseFacts) -> set[str]:
    return {problem.code.rsplit(".", 1)[1] for problem in publication_problems(course)}


def test_a_citizenship_course_of_6_hours_over_2_sessions_can_be_published():
    assert publication_problems(facts()) == ()


@pytest.mark.parametrize("hours", [(6,), (2.5, 3), (1, 1, 1, 1, 1)])
def test_a_citizenship_course_under_6_hours_or_in_one_session_cannot(hours):
    problems = publication_problems(facts(sessions=sessions(*hours)))
    assert [p.code for p in problems] == ["training.publication.citizenship_length"]
    assert problems[0].field == "sessions"
    assert "at least 6 hours" in problems[0].message["en"]
    assert "au moins 6 heures" in problems[0].message["fr"]
    assert "mindestens 6 Stunden" in problems[0].message["de"]


def test_the_citizenship_minimum_comes_from_the_parameters():
    assert parameter("cai.citizenship_min_hours", ON) == 6
    assert parameter("cai.citizenship_min_sessions", ON) == 2


def test_citizenship_languages_are_the_parameters_list():
    assert set(parameter("cai.citizenship_languages", ON)) == {"de", "en", "fr", "lb", "pt"}
    assert codes(facts(languages=("pt", "lb", "de", "en", "fr"))) == set()
    assert codes(facts(languages=("it",))) == {"citizenship_language"}
    assert codes(facts(languages=())) == {"no_language"}


def test_free_courses_must_be_free():
    assert codes(facts(fee=Decimal(10))) == {"not_free"}


def test_an_orientation_day_is_one_session_of_at_most_5_hours():
    assert parameter("cai.orientation_day_max_hours", ON) == 5
    assert codes(facts("orientation", sessions=sessions(5))) == set()
    assert codes(facts("orientation", sessions=sessions(5.5))) == {"half_day"}
    assert codes(facts("orientation", sessions=sessions(2, 2))) == {"half_day"}


def test_a_language_course_teaches_lb_fr_or_de_at_a_target_level():
    language = facts("language", languages=("lb",), taught_language="lb", cefr_level="A1.1")
    assert codes(language) == set()
    assert codes(facts("language", taught_language="pt", cefr_level="A1")) == {"taught_language"}
    assert codes(facts("language", taught_language="fr", cefr_level="")) == {"target_level"}
    # A literacy class needs the language, not a level.
    assert codes(facts("literacy", taught_language="fr")) == set()


def test_no_session_and_no_approval_are_refused():
    assert codes(facts(sessions=(), provider_approved=False)) == {
        "no_session",
        "provider_not_approved",
    }


def test_officers_are_warned_below_two_orientation_days_a_year():
    assert orientation_days_missing(0, ON) == 2
    assert orientation_days_missing(1, ON) == 1
    assert orientation_days_missing(2, ON) == 0
    assert orientation_days_missing(5, ON) == 0


def test_french_messages_use_a_no_break_space_before_the_colon():
    for problem in publication_problems(facts(sessions=(), provider_approved=False, fee=1)):
        assert " :" not in problem.message["fr"], problem.message["fr"]
