"""A signed-in candidate carries the dates of the guide's result to their integration
path: the renewal of their residence permit and the decision due on their application
then show on the path and in the calendar feed, with reminders."""

from datetime import date

import pytest
from django.urls import reverse

from accueil.audit.models import AuditEvent
from accueil.guide import services
from accueil.guide.models import Procedure, ResidencePermit
from accueil.rules.guide import next_question, relevant_answers

pytestmark = pytest.mark.django_db
# A salaried worker living in Luxembourg, permit expiring 30 June 2027, who handed in a
# complete file on 20 November 2026: the renewal is asked by 30 April 2027 and the
# decision is due by 20 March 2027 (4 months).
START = {
    "nationalities": ["IN"],
    "asylum_procedure": False,
    "residence": "resident",
    "purpose": "work",
    "permit_expiry": "2027-06-30",
    "application_date": "2026-11-20",
}


def completed(answers: dict) -> dict:
    """`answers`, with every question still open answered (yes, or the first choice)."""
    answers = dict(answers)
    while (question := next_question(answers)) is not None:
        first = question.choices[0].value if question.choices else None
        answers[question.fact] = True if question.kind == "yes_no" else first
    return relevant_answers(answers)


@pytest.fixture
def with_result(client):
    """This browser has answered the questionnaire and seen its result (signing in
    later keeps the session's data)."""
    return answered(client, completed(START))


def answered(client, answers: dict) -> dict:
    token = services.answers_save(answers=answers, language="en", token=None)
    session = client.session
    session["guide.answers"], session["guide.token"] = answers, token
    session.save()
    return answers


def test_the_result_offers_a_signed_in_candidate_to_add_its_dates(
    client, candidate_user, with_result
):
    client.force_login(candidate_user)
    html = client.get(reverse("guide:result")).content.decode()
    assert reverse("guide:add_to_path") in html


def test_adding_records_the_permit_and_the_application_and_shows_them_on_the_path(
    client, candidate_user, with_result
):
    client.force_login(candidate_user)
    response = client.post(reverse("guide:add_to_path"))
    assert response["Location"] == reverse("portal:home")
    person = candidate_user.candidate
    assert ResidencePermit.objects.get(candidate=person).expires_on == date(2027, 6, 30)
    [procedure] = Procedure.objects.filter(candidate=person)
    assert (procedure.kind, procedure.complete_on) == ("salaried", date(2026, 11, 20))
    path = client.get(reverse("portal:home")).content.decode()
    assert "30 April 2027" in path and "20 March 2027" in path
    assert AuditEvent.objects.filter(actor=candidate_user, target_id=str(procedure.pk)).exists()


def test_adding_twice_records_the_application_once(client, candidate_user, with_result):
    client.force_login(candidate_user)
    client.post(reverse("guide:add_to_path"))
    client.post(reverse("guide:add_to_path"))
    assert Procedure.objects.filter(candidate=candidate_user.candidate).count() == 1


def test_someone_not_signed_in_is_asked_to_sign_in_and_comes_back(client, with_result):
    html = client.get(reverse("guide:result")).content.decode()
    assert f"{reverse('accounts:login')}?next=/guide/result/" in html
    response = client.post(reverse("guide:add_to_path"))
    assert response["Location"].startswith(reverse("accounts:login"))
    assert "next=/guide/result/" in response["Location"]


def test_staff_cannot_add_dates_to_a_path(client, officer, with_result):
    client.force_login(officer)
    assert client.post(reverse("guide:add_to_path")).status_code == 403
    assert not Procedure.objects.exists()


def test_without_a_result_nothing_is_added(client, candidate_user):
    client.force_login(candidate_user)
    assert client.post(reverse("guide:add_to_path"))["Location"] == reverse("guide:resume")
    assert not Procedure.objects.exists() and not ResidencePermit.objects.exists()


def test_a_result_without_residence_dates_offers_nothing_to_add(client, candidate_user):
    answers = completed({**START, "residence": "abroad", "purpose": "visit"})
    answers.pop("application_date", None)
    answered(client, answers)
    client.force_login(candidate_user)
    assert reverse("guide:add_to_path") not in client.get(reverse("guide:result")).content.decode()
