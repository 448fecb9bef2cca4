"""The guide's result as a PDF: the person's dates and answers, in the page's language
(text extracted with pdftotext); and the purge of answers unused for 12 months."""

import subprocess
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accueil.guide import services
from accueil.guide.models import GuideAnswers
from tests.guide.test_guide_fake import use_fake_guide  # noqa: F401 (a fixture)
from tests.guide.test_guide_questionnaire import answer_all

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("use_fake_guide")]


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.RATE_LIMIT_PUBLIC = "0"
    settings.RATE_LIMIT_STEPS = "0"


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "result.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize(
    ("lang", "heading", "day"),
    [
        ("en", "Your dates", "8 January 2027"),
        ("fr", "Vos dates", "8 janvier 2027"),
        ("de", "Ihre Termine", "8. Januar 2027"),
    ],
)
def test_the_pdf_carries_the_persons_dates_in_the_page_language(
    client, tmp_path, lang, heading, day
):
    client.cookies["accueil_language"] = lang
    answer_all(client)
    client.post(reverse("guide:check"))
    response = client.get(reverse("guide:pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content, tmp_path).split())
    assert day in text
    assert heading in text
    suffix = "" if lang == "en" else f" ({lang})"
    assert f"Residence permit for a salaried worker{suffix}" in text


def test_the_pdf_needs_a_finished_questionnaire(client):
    assert client.get(reverse("guide:pdf")).url == reverse("guide:resume")


def test_the_purge_deletes_only_answers_unused_for_12_months(db):
    kept = services.answers_save(answers={"a": 1}, language="en", token=None)
    old = services.answers_save(answers={"b": 2}, language="fr", token=None)
    GuideAnswers.objects.filter(token_hash=services.token_hash(old)).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    call_command("guide_purge")
    assert list(GuideAnswers.objects.values_list("token_hash", flat=True)) == [
        services.token_hash(kept)
    ]


def test_an_expired_link_no_longer_opens(db):
    token = services.answers_save(answers={"a": 1}, language="en", token=None)
    GuideAnswers.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert services.answers_open(token=token) is None


def test_opening_a_link_extends_its_retention(db):
    token = services.answers_save(answers={"a": 1}, language="en", token=None)
    GuideAnswers.objects.update(expires_at=timezone.now() + timedelta(days=1))
    services.answers_open(token=token)
    assert GuideAnswers.objects.get().expires_at > timezone.now() + timedelta(days=360)
