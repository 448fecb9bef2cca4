"""The shape every decision takes in the API, the CLI and the documentation."""

import json

import pytest

from accueil.rules import LANGUAGES, RULES, evaluate


def test_languages_are_english_french_and_german():
    assert LANGUAGES == ("en", "fr", "de")


def test_to_dict_is_json_with_iso_dates_and_messages_in_the_chosen_language():
    decision = evaluate("cai.term", {"entry_into_force": "2024-02-29", "on": "2025-06-01"})
    data = decision.to_dict("fr")
    json.dumps(data)
    assert data["rule"] == "cai.term"
    assert data["outcome"] == "term"
    # 29 February's anniversary in a common year is 1 March (issue 9, point 12): the
    # last day is 28 February 2026, no longer 27 February.
    assert data["values"]["last_day"] == "2026-02-28"
    reason = data["reasons"][0]
    assert set(reason) == {"code", "rule", "met", "message", "messages", "source"}
    assert reason["message"] == reason["messages"]["fr"]
    assert set(reason["messages"]) == set(LANGUAGES)
    assert reason["source"] == {
        "seed": "000_cd4636ba422b50d1.txt",
        "section": "Introduction",
        "passage": "is concluded for a maximum term of 2 years",
    }


def test_to_dict_refuses_an_unknown_language():
    decision = evaluate("cai.term", {"entry_into_force": "2024-02-29"})
    with pytest.raises(ValueError):
        decision.to_dict("lb")


def test_every_rule_documents_its_facts_and_has_a_working_example():
    assert [name for name in RULES if name.startswith("cai.")] == [
        "cai.eligibility",
        "cai.term",
        "cai.obligations",
        "cai.fulfilment",
        "cai.follow_up",
    ]
    assert all(name.startswith(("cai.", "guide.")) for name in RULES)
    for name, spec in RULES.items():
        assert spec.name == name
        assert set(spec.summary) == set(LANGUAGES)
        assert set(spec.example) <= set(spec.facts_doc)
        json.dumps(spec.example)
        for lang in LANGUAGES:
            json.dumps(evaluate(name, spec.example).to_dict(lang))


def test_the_same_facts_give_the_same_decision():
    spec = RULES["cai.fulfilment"]
    assert evaluate(spec.name, spec.example) == evaluate(spec.name, spec.example)
