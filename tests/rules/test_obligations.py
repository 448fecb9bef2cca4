"""`cai.obligations`: the three obligations, their fees, and the language options."""

from accueil.rules import evaluate

ON = "2025-03-10"


def obligations(levels, **extra):
    decision = evaluate("cai.obligations", {"language_levels": levels, "on": ON, **extra})
    return {item["code"]: item for item in decision.values["obligations"]}, decision


def test_a_beginner_aims_at_a1_1_in_each_administrative_language():
    found, _ = obligations({})
    assert found["language_training"]["options"] == [
        {"language": "lb", "aim": "reach_A1.1"},
        {"language": "fr", "aim": "reach_A1.1"},
        {"language": "de", "aim": "reach_A1.1"},
    ]


def test_a1_1_already_reached_offers_to_go_further_in_that_language():
    found, decision = obligations({"fr": "A1.1", "de": "A1"})
    assert found["language_training"]["options"] == [
        {"language": "lb", "aim": "reach_A1.1"},
        {"language": "fr", "aim": "further"},
        {"language": "de", "aim": "further"},
    ]
    assert decision.reason("cai.obligations.language_training.further").params["languages"] == (
        "fr",
        "de",
    )


def test_a_level_below_a1_1_still_aims_at_a1_1():
    found, _ = obligations({"lb": "none"})
    assert found["language_training"]["options"][0] == {"language": "lb", "aim": "reach_A1.1"}


def test_other_languages_do_not_change_the_options():
    assert obligations({"en": "C2", "pt": "C2"})[0] == obligations({})[0]


def test_fees_are_reduced_for_languages_and_free_otherwise():
    found, _ = obligations({})
    assert [found[code]["fee"] for code in found] == ["reduced", "free", "free"]


def test_citizenship_course_is_six_hours_in_two_sessions_in_five_languages():
    found, _ = obligations({})
    assert found["citizenship_course"] == {
        "code": "citizenship_course",
        "fee": "free",
        "min_hours": 6,
        "min_sessions": 2,
        "languages": ["de", "en", "fr", "lb", "pt"],
    }


def test_one_orientation_day():
    found, _ = obligations({})
    assert found["orientation_day"] == {"code": "orientation_day", "fee": "free", "count": 1}


def test_literacy_classes_are_recommended_only_when_needed():
    without, decision = obligations({})
    assert without["language_training"]["literacy_classes_recommended"] is False
    assert "cai.obligations.literacy" not in [reason.code for reason in decision.reasons]
    with_literacy, decision = obligations({}, needs_literacy=True)
    assert with_literacy["language_training"]["literacy_classes_recommended"] is True
    assert decision.reason("cai.obligations.literacy").met is None
