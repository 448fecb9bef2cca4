"""The calculators of a newcomer's own situation over HTTP: exact amounts, and bad input
named in a 400, never a 500."""

import pytest

pytestmark = pytest.mark.django_db


RENT = {"through_agency": True, "on": "2026-12-01"}


def post(client, rule: str, facts):
    return client.post(f"/api/v1/rules/{rule}", facts, content_type="application/json")


def test_the_seeds_rent_example_over_http(client):
    facts = {"monthly_rent": 1000, "through_agency": True, "on": "2026-12-01"}
    values = post(client, "guide.housing_costs", facts).json()["values"]
    assert values["to_pay_at_once_min"] == "4000.00"
    assert values["to_pay_at_once_max"] == "5000.00"


@pytest.mark.parametrize(
    ("rule", "facts", "fact"),
    [
        ("guide.housing_costs", {**RENT, "monthly_rent": "abc"}, "monthly_rent"),
        ("guide.housing_costs", {**RENT, "monthly_rent": 1e12}, "monthly_rent"),
        ("guide.housing_costs", {**RENT, "monthly_rent": 9, "through_agency": 1}, "through_agency"),
        ("guide.short_stay_fit", {"arrival_date": "2027-03-01", "days": -1}, "days"),
        ("guide.short_stay_fit", {"arrival_date": "2027-03-01", "days": 100000}, "days"),
        ("guide.short_stay_fit", {"arrival_date": "9999-03-01", "days": 3}, "arrival_date"),
        ("guide.school_obligation", {"birth_date": "9999-01-01", "on": "2026-12-01"}, "birth_date"),
        ("guide.sworn_translation", {"language": "xx", "on": "2026-12-01"}, "language"),
    ],
)  # fmt: skip
def test_bad_facts_are_a_400_naming_the_fact(client, rule, facts, fact):
    response = post(client, rule, facts)
    assert response.status_code == 400
    assert response.json()["fact"] == fact


def test_facts_that_are_not_an_object_are_refused(client):
    response = post(client, "guide.guarantor_liability", ["not", "an", "object"])
    assert response.status_code == 422
