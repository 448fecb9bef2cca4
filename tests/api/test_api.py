"""The rules over HTTP, and the OpenAPI document."""

import pytest

from accueil.rules import RULES, evaluate

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", list(RULES))
def test_the_api_gives_the_same_decision_as_the_rules(client, name):
    facts = RULES[name].example
    response = client.post(f"/api/v1/rules/{name}", facts, content_type="application/json")
    assert response.status_code == 200
    assert response.json() == evaluate(name, facts).to_dict("en")


def test_reasons_come_in_the_asked_language_and_in_all_three(client):
    facts = {
        "birth_date": "2012-01-01",
        "on": "2026-11-23",
        "nationalities": ["LU"],
        "legally_resident": False,
        "wishes_to_settle": False,
    }
    decision = client.post(
        "/api/v1/rules/cai.eligibility?lang=de", facts, content_type="application/json"
    ).json()
    assert decision["outcome"] == "not_eligible"
    unmet = [reason for reason in decision["reasons"] if reason["met"] is False]
    assert len(unmet) == 4
    for reason in unmet:
        assert reason["message"] == reason["messages"]["de"]
        assert set(reason["messages"]) == {"en", "fr", "de"}
        assert reason["source"]["seed"] == "000_cd4636ba422b50d1.txt"


def test_a_bad_fact_is_a_400_naming_it(client):
    response = client.post(
        "/api/v1/rules/cai.eligibility",
        {"birth_date": "yesterday"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["fact"] == "birth_date"


def test_an_unknown_rule_is_a_404(client):
    response = client.post("/api/v1/rules/cai.nothing", {}, content_type="application/json")
    assert response.status_code == 404


def test_an_unknown_language_is_refused(client):
    facts = RULES["cai.term"].example
    response = client.post("/api/v1/rules/cai.term?lang=xx", facts, content_type="application/json")
    assert response.status_code == 422


def test_the_rules_are_listed_with_their_facts_and_an_example(client):
    rules = client.get("/api/v1/rules?lang=fr").json()
    assert [rule["name"] for rule in rules] == list(RULES)
    assert all(rule["facts"] and rule["example"] for rule in rules)


def test_the_openapi_document_declares_every_error_response(client):
    spec = client.get("/api/v1/openapi.json").json()
    operation = spec["paths"]["/api/v1/rules/{rule}"]["post"]
    assert {"200", "400", "404", "422"} <= set(operation["responses"])
    assert client.get("/api/v1/docs").status_code == 200


def test_a_body_that_is_not_json_is_a_400_in_the_documented_shape(client):
    response = client.post("/api/v1/rules/cai.term", b"\x00", content_type="application/json")
    assert response.status_code == 400
    assert "error" in response.json()


def test_the_whole_guide_answers_over_http_in_french(client):
    facts = {
        "nationalities": ["IN"],
        "asylum_procedure": False,
        "residence": "abroad",
        "purpose": "work",
        "entry_date": "2026-06-19",
        "on": "2026-06-01",
    }
    response = client.post(
        "/api/v1/rules/guide.assessment?lang=fr", facts, content_type="application/json"
    )
    assert response.status_code == 200
    decision = response.json()
    assert decision["outcome"] == "concerned"
    assert decision["values"]["dates"][0]["date"] == "2026-06-25"
    assert decision["reasons"][0]["message"] == decision["reasons"][0]["messages"]["fr"]
    assert decision["reasons"][0]["source"]["seed"] == "004_788ffbea22f4a3d7.txt"


def test_a_bad_guide_answer_is_a_400_naming_it(client):
    response = client.post(
        "/api/v1/rules/guide.assessment",
        {"nationalities": "India", "on": "2026-06-01"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["fact"] == "nationalities"
