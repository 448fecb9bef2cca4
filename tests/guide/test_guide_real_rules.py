"""The questionnaire against the real rules (`accueil.rules.guide`): a salaried worker
with a job offer, entering on Tuesday 5 January 2027, gets the work procedure with its
steps and dates, on the page and in the PDF, in English, French and German."""

import re
import subprocess

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
ARRIVAL_DUE = {"en": "8 January 2027", "fr": "8 janvier 2027", "de": "8. Januar 2027"}
PREFERRED = ("work", "abroad")  # work from abroad, with a job offer; "no" otherwise
DATES = {  # the vacancy, the certificate 4 weeks later, the file, then the entry
    "vacancy_declared_on": ("2", "11", "2026"),
    "certificate_requested_on": ("30", "11", "2026"),
    "application_date": ("7", "12", "2026"),
}


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.RATE_LIMIT_PUBLIC = "0"
    settings.RATE_LIMIT_STEPS = "0"


def _answer_for(fact: str, page: str) -> dict:
    radios = re.findall(r'type="radio" value="([^"]+)"', page)
    if fact == "has_job_offer":
        return {"answer": "yes"}
    if radios:
        for value in (*PREFERRED, "no"):
            if value in radios:
                return {"answer": value}
        return {"answer": radios[0]}
    if 'type="checkbox"' in page:
        return {"answer": []}
    if "answer_year" in page:
        day, month, year = DATES.get(fact, ("5", "1", "2027"))
        return {"answer_day": day, "answer_month": month, "answer_year": year}
    if "country_1" in page:
        return {"country_1": "IN"}
    return {"answer": "1"}


def answer_everything(client) -> list[str]:
    asked, url = [], client.get(reverse("guide:resume")).url
    while "/questions/" in url:
        page = client.get(url).content.decode()
        asked.append(url)
        response = client.post(url, _answer_for(url.rstrip("/").split("/")[-1], page))
        assert response.status_code == 302, url
        url = client.get(response.url).url if response.url.endswith("/questions/") else response.url
        assert len(asked) < 40
    return asked


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_a_salaried_worker_gets_steps_and_dates_in_their_language(client, tmp_path, lang):
    client.cookies["accueil_language"] = lang
    asked = answer_everything(client)
    assert any("has_job_offer" in url for url in asked)
    client.post(reverse("guide:check"))
    page = client.get(reverse("guide:result")).content.decode()
    assert ARRIVAL_DUE[lang] in page
    assert f'<html lang="{lang}"' in page
    assert page.count('<details class="govuk-details') >= 3  # each reason with its passage
    assert "govuk-list--number" in page  # the work procedure's steps, in order
    pdf = tmp_path / "result.pdf"
    pdf.write_bytes(client.get(reverse("guide:pdf")).content)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert ARRIVAL_DUE[lang] in " ".join(text.split())


def test_a_european_citizen_learns_the_guide_is_not_for_them(client):
    response = client.post(reverse("guide:question", args=["nationalities"]), {"country_1": "FR"})
    assert client.get(response.url).url == reverse("guide:check")
    client.post(reverse("guide:check"))
    page = client.get(reverse("guide:result")).content.decode()
    assert "govuk-tag--red" in page  # the third-country condition, not met
    assert "Procedures that fit you" not in page
