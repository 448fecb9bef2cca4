"""The guide's calculators on their own: a GOV.UK form each, an error summary, and a
result panel with the date in the page's language, the reason and its source."""

from datetime import date

import pytest
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
