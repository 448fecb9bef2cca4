"""`cai.follow_up`: a new contract, only for what was left, only for a legitimate reason."""

from datetime import date

from accueil.rules import evaluate


def test_follow_up_covers_only_the_unmet_obligations_in_canonical_order():
    decision = evaluate(
        "cai.follow_up",
        {
            "unmet_obligations": ["orientation_day", "language_training", "orientation_day"],
            "reason_accepted_as_legitimate": True,
        },
    )
    assert decision.outcome == "follow_up_allowed"
    assert decision.values == {"covers": ["language_training", "orientation_day"]}
    assert (
        decision.reason("cai.follow_up.scope")
        .message["en"]
        .endswith("language training and orientation day.")
    )


def test_follow_up_is_refused_without_a_legitimate_reason():
    decision = evaluate(
        "cai.follow_up",
        {"unmet_obligations": ["citizenship_course"], "reason_accepted_as_legitimate": False},
    )
    assert decision.outcome == "follow_up_refused"
    assert decision.values == {"covers": []}
    assert decision.reason("cai.follow_up.legitimate_reason").met is False


def test_no_follow_up_is_needed_when_nothing_is_unmet():
    decision = evaluate(
        "cai.follow_up", {"unmet_obligations": [], "reason_accepted_as_legitimate": True}
    )
    assert decision.outcome == "not_needed"
    assert [reason.code for reason in decision.reasons] == ["cai.follow_up.nothing_unmet"]


def test_the_previous_term_last_day_is_carried_into_the_values():
    decision = evaluate(
        "cai.follow_up",
        {
            "unmet_obligations": ["orientation_day"],
            "reason_accepted_as_legitimate": True,
            "previous_term_last_day": "2025-04-02",
        },
    )
    assert decision.values["previous_term_last_day"] == date(2025, 4, 2)
    assert decision.to_dict()["values"]["previous_term_last_day"] == "2025-04-02"
