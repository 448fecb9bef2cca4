"""The guide's calculators on their own: a GOV.UK form each, an error summary, and a
result panel with the date in the page's language, the reason and its source."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.RATE_LIMIT_PUBLIC = "0"
    settings.RATE_LIMIT_STEPS = "0"


def url(slug: str) -> str:
    return reverse("guide:calculator", args=[slug])


def parts(prefix: str, day: date) -> dict:
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


def panel(response) -> str:
    page = response.content.decode()
    assert response.status_code == 200
    start = page.index("govuk-panel--confirmation")
    return page[start : page.index("</div>", page.index("govuk-panel__body", start))]


def test_the_index_lists_every_calculator(client):
    page = client.get(reverse("guide:calculators")).content.decode()
    for slug in ("renewal", "decision", "arrival", "adem"):
        assert f'href="{url(slug)}"' in page


def test_the_renewal_is_asked_two_months_before_expiry(client):
    response = client.post(url("renewal"), parts("expires_on", date(2027, 5, 31)))
    assert "31 March 2027" in panel(response)
    assert "Where this comes from" in response.content.decode()


def test_the_decision_due_date_depends_on_the_kind_of_application(client):
    data = {"kind": "salaried", **parts("complete_on", date(2025, 10, 31))}
    assert "28 February 2026" in panel(client.post(url("decision"), data))


def test_the_arrival_declaration_skips_public_holidays(client):
    # Wednesday 23 December 2026: the 24th, then Christmas and St Stephen's Day are skipped.
    response = client.post(url("arrival"), parts("entered_on", date(2026, 12, 23)))
    assert "29 December 2026" in panel(response)


def test_the_adem_certificate_dates(client):
    data = {**parts("declared_on", date(2027, 2, 1)), **parts("requested_on", date(2027, 2, 22))}
    shown = panel(client.post(url("adem"), data))
    assert "22 February 2027" in shown  # 3 weeks after the declaration
    assert "1 March 2027" in shown  # 5 working days after the request


def test_the_result_is_in_the_page_language(client):
    client.cookies["accueil_language"] = "de"
    response = client.post(url("renewal"), parts("expires_on", date(2027, 5, 31)))
    assert "31. März 2027" in panel(response)


def test_a_missing_date_shows_the_error_summary_and_no_result(client):
    page = client.post(url("renewal"), {}).content.decode()
    assert "govuk-error-summary" in page and 'href="#id_expires_on"' in page
    assert "Enter the date your residence permit expires" in page
    assert "govuk-panel" not in page


def test_a_request_before_the_declaration_is_refused(client):
    data = {**parts("declared_on", date(2027, 2, 1)), **parts("requested_on", date(2027, 1, 2))}
    page = client.post(url("adem"), data).content.decode()
    assert "cannot be asked for before the vacancy is declared" in page
    assert 'value="2"' in page  # what was typed stays


def test_an_unknown_calculator_is_a_404(client):
    assert client.get(url("nothing")).status_code == 404


def test_a_calculators_summary_follows_the_parameters_in_force(monkeypatch):
    from accueil.guide import calculators

    assert "2 months before" in calculators.CALCULATORS["renewal"].summary
    monkeypatch.setattr(calculators, "parameter", lambda name, day: 3)
    assert "3 months before" in calculators.CALCULATORS["renewal"].summary
    assert "3 weeks after" in calculators.CALCULATORS["adem"].summary


# The calculators of a newcomer's own situation (issue 11, point 17).


def test_the_index_lists_the_calculators_of_ones_own_situation(client):
    page = client.get(reverse("guide:calculators")).content.decode()
    for slug in ("short-stay", "guarantor", "translation", "school", "housing"):
        assert f'href="{url(slug)}"' in page


def test_a_stay_of_exactly_three_months_fits(client):
    data = {**parts("arrival_on", date(2027, 3, 1)), "days": "92"}
    response = client.post(url("short-stay"), data)
    shown = panel(response)
    assert "Your stay fits within the 3 months" in shown and "31 May 2027" in shown
    assert "pour une durée qui ne dépasse pas 3 mois maximum" in response.content.decode()


def test_a_stay_one_day_longer_does_not_fit(client):
    data = {**parts("arrival_on", date(2027, 3, 1)), "days": "93"}
    assert "longer than the 3 months" in panel(client.post(url("short-stay"), data))


@pytest.mark.parametrize(
    ("days", "message"),
    [
        ("-3", "The stay must be at least 1 day long"),
        ("100000", "Enter a stay of at most 3650 days"),
        ("ten", "Enter the number of days as a whole number, like 92"),
    ],
)
def test_a_bad_number_of_days_is_explained_next_to_the_field(client, days, message):
    data = {**parts("arrival_on", date(2027, 3, 1)), "days": days}
    response = client.post(url("short-stay"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page and 'href="#id_days"' in page
    assert "govuk-panel" not in page


def test_a_year_9999_is_explained_not_a_500(client):
    data = {**parts("arrival_on", date(2027, 3, 1)), "arrival_on_year": "9999", "days": "10"}
    response = client.post(url("short-stay"), data)
    assert response.status_code == 200
    assert "The year must be between 1900 and 2199" in response.content.decode()


def test_an_arrival_before_the_2008_law_is_refused_by_the_rules_next_to_the_field(client):
    data = {**parts("arrival_on", date(2001, 3, 1)), "days": "10"}
    page = client.post(url("short-stay"), data).content.decode()
    assert 'href="#id_arrival_on"' in page and "govuk-panel" not in page


@time_machine.travel(date(2027, 1, 10), tick=False)
def test_the_guarantors_liability_ends_two_years_after_the_signature(client):
    response = client.post(url("guarantor"), parts("signed_on", date(2026, 3, 15)))
    shown = panel(response)
    assert "14 March 2028" in shown and "Still liable today" in shown
    assert "counted here from the day the guarantee was signed" in response.content.decode()


def test_the_languages_are_named_and_sorted_in_the_pages_language(client):
    client.cookies["accueil_language"] = "fr"
    page = client.get(url("translation")).content.decode()
    assert '<option value="lb">Luxembourgeois</option>' in page
    assert page.index(">Espagnol<") < page.index(">Éwé<") < page.index(">Féroïen<")


def test_a_document_in_luxembourgish_needs_a_sworn_translation(client):
    response = client.post(url("translation"), {"language": "lb"})
    shown = panel(response)
    assert "Luxembourgish" in shown and "A sworn translation is needed" in shown
    page = response.content.decode()
    assert "a document in Luxembourgish needs a sworn translation too" in page
    assert "apostilled" in page


def test_a_document_in_english_needs_no_translation(client):
    assert "No translation is needed" in panel(client.post(url("translation"), {"language": "en"}))


def test_an_unknown_language_is_refused(client):
    page = client.post(url("translation"), {"language": "xx"}).content.decode()
    assert "Select the language of the document from the list" in page


@time_machine.travel(date(2026, 12, 1), tick=False)
def test_school_is_compulsory_from_the_4th_birthday(client):
    shown = panel(client.post(url("school"), parts("born_on", date(2022, 12, 1))))
    assert "School is compulsory on that day" in shown
    assert "1 December 2026" in shown and "1 December 2038" in shown


def test_school_is_not_compulsory_on_the_16th_birthday(client):
    data = {**parts("born_on", date(2010, 12, 1)), **parts("on", date(2026, 12, 1))}
    response = client.post(url("school"), data)
    assert "School is not compulsory on that day" in panel(response)
    assert "the commune tells you in which school year" in response.content.decode()


def test_a_birth_after_the_day_is_refused(client):
    data = {**parts("born_on", date(2026, 12, 2)), **parts("on", date(2026, 12, 1))}
    page = client.post(url("school"), data).content.decode()
    assert "The date of birth must be on or before the day" in page


def test_the_seeds_example_rent_of_1000_through_an_agency(client):
    response = client.post(url("housing"), {"rent": "1000", "through_agency": "yes"})
    shown = panel(response)
    assert "€1,000.00" in shown and "€4,000.00 to €5,000.00" in shown


def test_the_housing_amounts_are_in_the_pages_language(client):
    client.cookies["accueil_language"] = "fr"
    response = client.post(url("housing"), {"rent": "1250,50", "through_agency": "no"})
    shown = panel(response)
    assert "3\u202f751,50\xa0€" in shown and "5\u202f002,00\xa0€" in shown
    assert "Frais d’agence\xa0:" in shown  # French spacing before the colon


@pytest.mark.parametrize(
    ("rent", "message"),
    [
        ("abc", "Enter the monthly rent as an amount in euros, like 1000 or 1250.50"),
        ("1e12", "Enter a monthly rent of at most"),
        ("0", "The monthly rent must be more than 0"),
        ("10.005", "Enter the monthly rent with at most 2 decimals"),
        ("", "Enter the monthly rent"),
    ],
)
def test_a_bad_rent_is_explained_next_to_the_field(client, rent, message):
    response = client.post(url("housing"), {"rent": rent, "through_agency": "yes"})
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page and 'href="#id_rent"' in page
