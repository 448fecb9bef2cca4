"""The guide's questionnaire on the web (against the fake rules of test_guide_fake):
one question a page, progress and back links, only relevant questions, errors next
to the field, check your answers with changes, the result, and the private link."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accueil.guide import services
from accueil.guide.models import GuideAnswers
from tests.guide.test_guide_fake import use_fake_guide  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("use_fake_guide")]


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.RATE_LIMIT_PUBLIC = "0"
    settings.RATE_LIMIT_STEPS = "0"


def q(fact: str) -> str:
    return reverse("guide:question", args=[fact])


def answer_all(client, *, purpose="work", children="no") -> None:
    client.post(q("nationalities"), {"country_1": "BR"})
    client.post(q("purpose"), {"answer": purpose})
    if purpose == "work":
        client.post(
            q("entry_date"), {"answer_day": "5", "answer_month": "1", "answer_year": "2027"}
        )
    client.post(q("children"), {"answer": children})
    client.post(q("languages"), {"answer": ["fr"]})


def test_it_starts_at_the_first_question(client):
    response = client.get(reverse("guide:resume"))
    assert response.url == q("nationalities")


def test_it_shows_progress_a_heading_and_a_back_link(client):
    client.post(q("nationalities"), {"country_1": "BR"})
    page = client.get(q("purpose")).content.decode()
    assert "Question 2 of about 4" in page
    assert '<h1 class="govuk-fieldset__heading">Why are you coming to Luxembourg?</h1>' in page
    assert f'href="{q("nationalities")}" class="govuk-back-link' in page


def test_it_goes_on_to_the_next_relevant_question(client):
    client.post(q("nationalities"), {"country_1": "BR"})
    response = client.post(q("purpose"), {"answer": "study"})
    assert client.get(response.url).url == q("children")


def test_it_shows_an_error_next_to_the_field_and_keeps_what_was_typed(client):
    client.post(q("nationalities"), {"country_1": "BR"})
    client.post(q("purpose"), {"answer": "work"})
    response = client.post(
        q("entry_date"), {"answer_day": "31", "answer_month": "2", "answer_year": "2027"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page and 'href="#id_answer"' in page
    assert 'id="id_answer-error"' in page
    assert 'name="answer_day" type="text" inputmode="numeric" value="31"' in page


def test_it_shows_the_rules_message_in_the_page_language(client):
    client.cookies["accueil_language"] = "fr"
    client.post(q("nationalities"), {"country_1": "BR"})
    client.post(q("purpose"), {"answer": "work"})
    client.post(q("entry_date"), {"answer_day": "5", "answer_month": "1", "answer_year": "2027"})
    client.post(q("children"), {"answer": "yes"})
    page = client.post(q("children_count"), {"answer": "two"}).content.decode()
    assert "Enter a whole number (fr)" in page


def test_it_refuses_a_question_that_is_not_asked_yet(client):
    assert client.get(q("children_count")).url == reverse("guide:resume")


def test_it_lists_the_answers_with_change_links(client):
    answer_all(client)
    page = client.get(reverse("guide:check")).content.decode()
    assert "5 January 2027" in page and "Brazil" in page
    assert f'href="{q("purpose")}?change=1"' in page


def test_a_change_drops_the_answers_no_longer_relevant_and_returns_to_the_check(client):
    answer_all(client)
    response = client.post(q("purpose") + "?change=1", {"answer": "study"})
    assert response.url == reverse("guide:check")
    assert "entry_date" not in client.session["guide.answers"]


def test_a_change_that_opens_a_question_asks_it(client):
    answer_all(client)
    client.post(q("children") + "?change=1", {"answer": "yes"})
    assert client.get(reverse("guide:check")).url == q("children_count")


def test_it_saves_the_answers_behind_a_hashed_token(client):
    answer_all(client)
    response = client.post(reverse("guide:check"))
    assert response.url == reverse("guide:result")
    token = client.session["guide.token"]
    saved = GuideAnswers.objects.get()
    assert saved.token_hash == services.token_hash(token) != token
    assert saved.answers["purpose"] == "work"
    assert saved.expires_at > timezone.now() + timedelta(days=360)


def test_the_result_shows_procedures_conditions_sources_dates_and_the_link(client):
    answer_all(client)
    client.post(reverse("guide:check"))
    page = client.get(reverse("guide:result")).content.decode()
    assert "Residence permit for a salaried worker" in page
    assert "Procedures that do not fit you, and why" in page
    assert "8 January 2027" in page  # entry + 3 in the fake
    # The section named in the reader's language, the passage quoted as the seed has it.
    assert "7. Time limits and appeals" in page and "Le délai légal est de 3 mois." in page
    assert "Immigration Directorate" in page
    assert reverse("guide:saved", args=[client.session["guide.token"]]) in page


def test_the_result_waits_for_every_answer(client):
    client.post(q("nationalities"), {"country_1": "BR"})
    assert client.get(reverse("guide:result")).url == reverse("guide:resume")


def test_the_private_link_reopens_the_answers_in_another_browser(client, django_user_model):
    from django.test import Client

    answer_all(client)
    client.post(reverse("guide:check"))
    link = reverse("guide:saved", args=[client.session["guide.token"]])
    other = Client()
    assert other.get(link).url == reverse("guide:result")
    assert (
        "Residence permit for a salaried worker"
        in other.get(reverse("guide:result")).content.decode()
    )


def test_a_change_after_saving_follows_to_the_saved_copy(client):
    answer_all(client)
    client.post(reverse("guide:check"))
    client.post(q("purpose") + "?change=1", {"answer": "study"})
    assert GuideAnswers.objects.get().answers["purpose"] == "study"


def test_an_unknown_private_link_says_it_does_not_work(client):
    response = client.get(reverse("guide:saved", args=["not-a-token"]))
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_the_result_page_is_in_french_when_french_is_chosen(client):
    client.cookies["accueil_language"] = "fr"
    answer_all(client)
    client.post(reverse("guide:check"))
    page = client.get(reverse("guide:result")).content.decode()
    assert "Residence permit for a salaried worker (fr)" in page
    assert "8 janvier 2027" in page


def test_start_again_forgets_this_browsers_answers(client):
    answer_all(client)
    client.post(reverse("guide:start_again"))
    assert "guide.answers" not in client.session


def test_the_link_can_be_emailed_without_keeping_the_address(client):
    from django.core import mail

    answer_all(client)
    client.post(reverse("guide:check"))
    response = client.post(reverse("guide:result"), {"email": "ana@example.test"})
    assert response.url == reverse("guide:result")
    [email] = mail.outbox
    assert email.to == ["ana@example.test"]
    assert reverse("guide:saved", args=[client.session["guide.token"]]) in email.body
    assert "ana@example.test" not in str(GuideAnswers.objects.get().answers)
    assert "We sent the link" in client.get(response.url).content.decode()


def test_a_wrong_email_address_shows_the_error_on_the_result_page(client):
    answer_all(client)
    client.post(reverse("guide:check"))
    page = client.post(reverse("guide:result"), {"email": "not-an-address"}).content.decode()
    assert "govuk-error-summary" in page and 'href="#id_email"' in page
    assert 'value="not-an-address"' in page


def test_an_email_that_cannot_be_sent_says_so_and_keeps_the_address(client, monkeypatch):
    from accueil.guide import services as guide_services

    def broken(**kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr(guide_services, "link_send", broken)
    answer_all(client)
    client.post(reverse("guide:check"))
    page = client.post(reverse("guide:result"), {"email": "ana@example.test"}).content.decode()
    assert "The email could not be sent now" in page
    assert 'value="ana@example.test"' in page
