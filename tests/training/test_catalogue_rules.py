"""The publication rules (accueil.rules.course_publication), without Django."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from accueil.rules import parameter
from accueil.rules.course_publication import (
    CourseFacts,
    change_problems,
    orientation_days_missing,
    publication_problems,
)

ON = date(2027, 3, 1)
NOW = datetime(2027, 3, 1, 10, tzinfo=UTC)


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
        "now": NOW,
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


# A session still to come.


def test_a_course_whose_sessions_have_all_started_cannot_be_published():
    held = sessions(3, 3)
    after_the_last_start = held[-1][0] + timedelta(minutes=1)
    problems = publication_problems(facts(sessions=held, now=after_the_last_start))
    assert [p.code for p in problems] == ["training.publication.no_coming_session"]
    assert problems[0].field == "sessions"
    assert problems[0].source.section == "The information session"
    assert "has started already" in problems[0].message["en"]
    assert "ont déjà commencé" in problems[0].message["fr"]
    assert "bereits begonnen" in problems[0].message["de"]


def test_one_session_still_to_come_is_enough_and_a_started_one_does_not_count():
    held = sessions(3, 3)
    assert codes(facts(sessions=held, now=held[-1][0] - timedelta(seconds=1))) == set()
    assert codes(facts(sessions=held, now=held[-1][0])) == {"no_coming_session"}
    # No session at all is the other problem, said once.
    assert codes(facts(sessions=(), now=NOW)) == {"no_session"}


@pytest.mark.parametrize("kind", ["language", "literacy", "citizenship", "orientation"])
def test_every_kind_needs_a_session_to_come(kind):
    past = tuple(
        (start - timedelta(days=400), end - timedelta(days=400)) for start, end in sessions(3, 3)
    )
    fields = {"sessions": past[:1] if kind == "orientation" else past}
    if kind in ("language", "literacy"):
        fields.update(languages=("lb",), taught_language="lb", cefr_level="A1")
    assert "no_coming_session" in codes(facts(kind, **fields))


# A change to a published course.


def test_cutting_a_published_citizenship_course_to_2_hours_is_refused():
    before = facts(sessions=sessions(3, 3))
    after = facts(sessions=sessions(2))
    assert [p.code for p in change_problems(before, after)] == [
        "training.publication.citizenship_length"
    ]
    shorter = facts(sessions=sessions(3, 2))
    assert [p.code for p in change_problems(before, shorter)] == [
        "training.publication.citizenship_length"
    ]
    assert change_problems(before, facts(sessions=sessions(3, 3, 1))) == ()


def test_a_second_session_for_an_orientation_day_is_refused():
    before = facts("orientation", sessions=sessions(4))
    assert [
        p.code for p in change_problems(before, facts("orientation", sessions=sessions(4, 2)))
    ] == ["training.publication.half_day"]


def test_removing_the_only_session_is_refused():
    before = facts("orientation", sessions=sessions(4))
    assert [p.code for p in change_problems(before, facts("orientation", sessions=()))] == [
        "training.publication.no_session"
    ]


def test_a_change_is_not_refused_for_a_problem_the_course_had_already():
    # The provider's approval withdrawn since publication: a session can still move.
    before = facts(provider_approved=False)
    assert change_problems(before, facts(provider_approved=False, sessions=sessions(4, 2))) == ()
    # But a change that causes a new problem is refused, with that problem only.
    after = facts(provider_approved=False, sessions=sessions(1, 1))
    assert [p.code for p in change_problems(before, after)] == [
        "training.publication.citizenship_length"
    ]


def test_a_held_session_can_be_corrected_once_every_session_has_started():
    held = sessions(3, 3)
    later = held[-1][1] + timedelta(days=1)
    corrected = ((held[0][0] - timedelta(hours=1), held[0][1]), held[1])
    before = facts(sessions=held, now=later)
    assert change_problems(before, facts(sessions=corrected, now=later)) == ()
