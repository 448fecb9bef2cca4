"""The candidate's online registration: the start page, the eligibility check, the
question pages with their errors, check your answers, sending, and the private link
sent again."""

import uuid
from datetime import date

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from accueil.audit.models import Action, AuditEvent
from accueil.core import national_id
from accueil.registration import selectors as links
from accueil.registration.models import Candidate, Channel
from tests import factories

pytestmark = pytest.mark.django_db

VALID_ID = national_id.make(date(1990, 5, 17), 123)  # 1990051712366
ANSWERS = {
    "name": {"surname": "Silva", "first_name": "Ana"},
    "national-id": {"national_id": "1990 0517 12366"},
    "telephone": {"phone": "621 123 456"},
    "contact": {"email": "Ana.Silva@example.test", "postal_address": ""},
    "nationality": {"nationality_1": "PT", "nationality_2": "BR", "nationality_3": ""},
    "residence": {"legally_resident": "yes"},
    "settle": {"wishes_to_settle": "yes"},
    "language": {"information_language": "fr"},
    "interpreter": {"interpreter_needed": "yes"},
    "interpreter-language": {"interpreter_language": "Portuguese"},
    "privacy": {"consent": "yes"},
}


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.RATE_LIMIT_PUBLIC = "0"


def step(slug: str) -> str:
    return reverse("register:question", args=[slug])


def check(slug: str) -> str:
    return reverse("register:check", args=[slug])


def answer_all(client, **changes) -> None:
    for slug, data in ANSWERS.items():
        response = client.post(step(slug), {**data, **changes.get(slug, {})})
        assert response.status_code == 302, (slug, response.content.decode()[:2000])


def send(client):
    page = client.get(reverse("register:check_answers"))
    return client.post(
        reverse("register:check_answers"), {"submission_id": page.context["submission_id"]}
    )


def test_the_start_page_explains_the_contract_and_leads_to_the_check(client):
    page = client.get(reverse("register:start")).content.decode()
    for words in ("What the contract offers", "What it asks of you", "Who can sign"):
        assert words in page
    assert check("date-of-birth") in page
    assert reverse("register:link_request") in page


def test_the_home_page_links_to_the_online_registration(client):
    assert reverse("register:start") in client.get("/").content.decode()


def test_a_person_who_may_sign_is_told_so_with_each_reason_and_its_source(client):
    client.post(check("date-of-birth"), {"day": "17", "month": "5", "year": "1990"})
    client.post(check("nationality"), {"nationality_1": "PT"})
    client.post(check("residence"), {"legally_resident": "yes"})
    response = client.post(check("settle"), {"wishes_to_settle": "yes"})
    assert response["Location"] == reverse("register:check_result")
    page = client.get(response["Location"]).content.decode()
    assert "You can sign a Welcome and Integration Contract" in page
    assert "is at least 16 years old" in page and "Who is concerned" in page
    assert step("name") in page


def fill_check(client, born: str, nationalities: list[str], resident="yes", settle="yes"):
    day, month, year = born.split(".")
    client.post(check("date-of-birth"), {"day": day, "month": month, "year": year})
    codes = {f"nationality_{n + 1}": code for n, code in enumerate(nationalities)}
    client.post(check("nationality"), codes)
    client.post(check("residence"), {"legally_resident": resident})
    client.post(check("settle"), {"wishes_to_settle": settle})
    return client.get(reverse("register:check_result")).content.decode()


def test_someone_under_16_is_told_from_which_day_they_may_register(client):
    today = date.today()
    page = fill_check(client, f"1.1.{today.year - 15}", ["PT"])
    assert "You cannot sign a Welcome and Integration Contract yet" in page
    assert f"You can register from 1 January {today.year + 1}, when you turn 16." in page


def test_a_luxembourg_national_is_told_the_contract_is_for_foreigners(client):
    page = fill_check(client, "17.5.1990", ["FR", "LU"])
    assert "The contract is for foreigners" in page
    assert "a Luxembourg national who also holds another nationality" in page


def test_someone_not_legally_resident_is_sent_to_the_immigration_directorate(client):
    page = fill_check(client, "17.5.1990", ["US"], resident="no")
    assert "Immigration Directorate" in page and "+352 2478-4040" in page
    assert "You can sign" not in page


def test_the_reasons_speak_the_readers_language(client):
    client.cookies["accueil_language"] = "fr"
    page = fill_check(client, "17.5.1990", ["PT"], settle="no")
    assert '<html lang="fr"' in page
    assert "Vous ne souhaitez pas vous installer durablement au Luxembourg." in page


def test_the_result_of_an_unfinished_check_sends_back_to_the_first_open_question(client):
    client.post(check("date-of-birth"), {"day": "17", "month": "5", "year": "1990"})
    response = client.get(reverse("register:check_result"))
    assert response["Location"] == check("nationality")


@pytest.mark.parametrize(
    ("data", "message", "first_part"),
    [
        ({}, "Enter your date of birth", "day"),
        ({"day": "17", "year": "1990"}, "Date of birth must include a month", "month"),
        ({"day": "31", "month": "2", "year": "1990"}, "Date of birth must be a real date", "day"),
        ({"day": "1", "month": "1", "year": "2999"}, "Date of birth must be in the past", "day"),
    ],
)
def test_a_wrong_date_of_birth_is_explained_above_the_field_and_in_the_summary(
    client, data, message, first_part
):
    response = client.post(check("date-of-birth"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in page
    assert f'<a href="#id_{first_part}">{message}</a>' in page
    assert 'id="dob-error"' in page and page.count(message) == 2


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("12345", "Enter your national identification number as 13 digits"),
        ("1990133112345", "The first 8 digits of the national identification number must be"),
        ("1990051712376", "This national identification number is not valid"),
        ("1990051712367", "This national identification number is not valid"),
        ("", "Enter your national identification number"),
    ],
)
def test_a_wrong_national_identification_number_says_why(client, number, message):
    response = client.post(step("national-id"), {"national_id": number})
    page = response.content.decode()
    assert "<title>Error:" in page
    assert 'href="#id_national_id"' in page and 'id="id_national_id-error"' in page
    assert message in page
    assert "national_id" not in client.session.get("register.answers", {})


def test_the_date_of_birth_is_read_from_the_national_identification_number(client):
    client.post(step("national-id"), {"national_id": "1990 0517 12366"})
    answers = client.session["register.answers"]
    assert (answers["national_id"], answers["birth_date"]) == (VALID_ID, "1990-05-17")


def test_a_wrong_telephone_number_is_refused_and_a_local_one_gets_the_country_code(client):
    page = client.post(step("telephone"), {"phone": "12"}).content.decode()
    assert "Enter a telephone number, like 621 123 456" in page
    client.post(step("telephone"), {"phone": "621123456"})
    assert client.session["register.answers"]["phone"] == "+352 621 123 456"


def test_an_email_or_a_postal_address_is_needed(client):
    page = client.post(step("contact"), {"email": "", "postal_address": ""}).content.decode()
    assert '<a href="#id_email">Enter an email address or a postal address, or both</a>' in page
    response = client.post(step("contact"), {"postal_address": "1, rue de la Gare\nL-1611"})
    assert response.status_code == 302


def test_a_nationality_must_be_chosen_from_the_list(client):
    page = client.post(step("nationality"), {}).content.decode()
    assert "Select at least one nationality" in page
    page = client.post(step("nationality"), {"nationality_1": "XX"}).content.decode()
    assert "Select a nationality from the list" in page


def test_the_interpreters_language_is_asked_only_after_a_yes(client):
    page = client.post(step("interpreter"), {}).content.decode()
    assert '<a href="#id_interpreter_needed">Select yes if you need an interpreter' in page
    response = client.post(step("interpreter"), {"interpreter_needed": "no"})
    assert response["Location"] == step("privacy")
    assert client.get(step("interpreter-language"))["Location"] == step("privacy")
    response = client.post(step("interpreter"), {"interpreter_needed": "yes"})
    assert response["Location"] == step("interpreter-language")
    page = client.post(step("interpreter-language"), {}).content.decode()
    assert '<a href="#id_interpreter_language">Enter the language you need' in page


def test_changing_to_needing_an_interpreter_asks_for_the_language_first(client):
    answer_all(client, interpreter={"interpreter_needed": "no"})
    assert "Not needed" in client.get(reverse("register:check_answers")).content.decode()
    response = client.post(f"{step('interpreter')}?change=1", {"interpreter_needed": "yes"})
    response = client.get(response["Location"])
    assert response["Location"] == step("interpreter-language")
    response = client.post(response["Location"], {"interpreter_language": "Arabic"})
    assert response["Location"] == reverse("register:check_answers")


def test_consent_to_the_data_protection_notice_is_required(client):
    page = client.post(step("privacy"), {}).content.decode()
    assert "<title>Error:" in page
    assert "Confirm that you agree to the processing of your personal data" in page
    assert reverse("core:privacy") in page


def test_answers_are_kept_when_going_back(client):
    client.post(step("name"), ANSWERS["name"])
    page = client.get(step("name")).content.decode()
    assert 'value="Silva"' in page and 'value="Ana"' in page
    assert reverse("register:start") in page  # the back link


def test_questions_answered_in_the_check_are_not_asked_again(client):
    fill_check(client, "17.5.1990", ["PT"])
    for slug in ("name", "national-id", "telephone"):
        client.post(step(slug), ANSWERS[slug])
    response = client.post(step("contact"), ANSWERS["contact"])
    assert response["Location"] == step("language")


def test_check_your_answers_shows_every_answer_with_a_change_link(client):
    answer_all(client)
    page = client.get(reverse("register:check_answers")).content.decode()
    for shown in ("Ana Silva", VALID_ID, "17 May 1990", "+352 621 123 456", "Portugal", "Brazil"):
        assert shown in page
    assert "ana.silva@example.test" in page and "French" in page and "Portuguese" in page
    assert f"{step('telephone')}?change=1" in page


def test_a_change_returns_to_check_your_answers(client):
    answer_all(client)
    page = client.get(f"{step('telephone')}?change=1").content.decode()
    assert f'href="{reverse("register:check_answers")}" class="govuk-back-link' in page
    response = client.post(f"{step('telephone')}?change=1", {"phone": "+33 6 12 34 56 78"})
    assert response["Location"] == reverse("register:check_answers")
    assert "+33 6 12 34 56 78" in client.get(response["Location"]).content.decode()


def test_check_your_answers_sends_back_to_the_first_unanswered_question(client):
    client.post(step("name"), ANSWERS["name"])
    response = client.get(reverse("register:check_answers"))
    assert response["Location"] == step("national-id")


def test_sending_registers_the_candidate_online_and_emails_the_link_to_the_session_chooser(
    client, run_tasks, django_capture_on_commit_callbacks
):
    answer_all(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client)
    assert response["Location"] == reverse("register:complete")
    person = Candidate.objects.get()
    assert (person.national_id, person.birth_date) == (VALID_ID, date(1990, 5, 17))
    assert person.nationalities == ["PT", "BR"] and person.channel == Channel.ONLINE
    assert (person.interpreter_needed, person.interpreter_language) == (True, "Portuguese")
    assert person.consent_at is not None and person.email == "ana.silva@example.test"
    assert AuditEvent.objects.filter(action=Action.CREATE, target_id=str(person.pk)).exists()
    page = client.get(response["Location"]).content.decode()
    assert "We have received your registration" in page and "govuk-panel--confirmation" in page
    assert "Check your email" in page and reverse("register:link_request") in page
    # The private link, which leads to the session chooser, goes only by email.
    assert "/my-booking/" not in page
    run_tasks()
    [email] = mail.outbox
    assert email.to == ["ana.silva@example.test"]
    assert links.access_url(person) in email.body
    token = links.access_token(person)
    assert (
        reverse("booking:choose", args=[token])
        in client.get(links.access_url(person)).content.decode()
    )


def test_a_second_submit_of_the_same_answers_creates_one_registration(client):
    answer_all(client)
    submission_id = client.get(reverse("register:check_answers")).context["submission_id"]
    data = {"submission_id": submission_id}
    first = client.post(reverse("register:check_answers"), data)
    second = client.post(reverse("register:check_answers"), data)
    assert first["Location"] == second["Location"] == reverse("register:complete")
    assert Candidate.objects.count() == 1


def test_a_submit_racing_the_first_one_finds_the_same_registration(client):
    answer_all(client)
    submission_id = client.get(reverse("register:check_answers")).context["submission_id"]
    answers = client.session["register.answers"]
    client.post(reverse("register:check_answers"), {"submission_id": submission_id})
    session = client.session  # as if the second request had read the session first
    session["register.answers"] = answers
    session.pop("register.done")
    session.save()
    again = client.post(reverse("register:check_answers"), {"submission_id": submission_id})
    assert again["Location"] == reverse("register:complete")
    assert Candidate.objects.count() == 1


def test_a_form_from_an_older_visit_is_not_sent(client):
    answer_all(client)
    client.get(reverse("register:check_answers"))
    response = client.post(reverse("register:check_answers"), {"submission_id": str(uuid.uuid4())})
    assert response["Location"] == reverse("register:check_answers")
    assert not Candidate.objects.exists()


def test_someone_who_may_not_sign_sees_why_and_is_not_registered(client):
    young = national_id.make(date(date.today().year - 10, 1, 1), 5)
    answer_all(client, **{"national-id": {"national_id": young}})
    page = send(client).content.decode()
    assert "You cannot sign a Welcome and Integration Contract" in page
    assert "under the minimum age of 16" in page and "You can register from" in page
    assert not Candidate.objects.exists()


def test_an_identification_number_registered_already_gets_the_same_answer_and_its_owner_an_email(
    client, run_tasks, django_capture_on_commit_callbacks
):
    owner = factories.candidate(
        national_id=VALID_ID, birth_date=date(1990, 5, 17), email="owner@example.test"
    )
    answer_all(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client)
    assert response["Location"] == reverse("register:complete")
    page = client.get(response["Location"]).content.decode()
    assert "We have received your registration" in page and "Check your email" in page
    # The owner, not the sender, is told, with how to reach the registration again.
    run_tasks()
    [email] = mail.outbox
    assert email.to == ["owner@example.test"]
    assert links.access_url(owner) in email.body
    assert reverse("register:link_request") in email.body
    assert Candidate.objects.count() == 1


def test_the_confirmation_without_a_registration_goes_back_to_the_start(client):
    assert client.get(reverse("register:complete"))["Location"] == reverse("register:start")


def test_an_unknown_question_is_not_found(client):
    assert client.get(step("favourite-colour")).status_code == 404


def test_the_private_link_is_sent_again_when_the_number_and_email_match(
    client, django_capture_on_commit_callbacks, run_tasks
):
    person = factories.candidate(email="ana@example.test", information_language="de")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("register:link_request"),
            {"national_id": person.national_id, "email": "ANA@example.test"},
        )
    assert response["Location"] == reverse("register:link_sent")
    run_tasks()
    [email] = mail.outbox
    assert email.to == ["ana@example.test"] and "/my-booking/" in email.body


def test_asking_for_a_link_tells_a_stranger_nothing(
    client, django_capture_on_commit_callbacks, run_tasks
):
    person = factories.candidate(email="ana@example.test")
    answers = []
    for email in ("ana@example.test", "someone@example.test"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("register:link_request"),
                {"national_id": person.national_id, "email": email},
                follow=True,
            )
        answers.append(response.content.decode())
    assert answers[0] == answers[1]
    assert "If the national identification number and the email address match" in answers[0]
    assert run_tasks() == 1


def test_asking_for_a_link_checks_the_number_is_well_formed(client):
    page = client.post(
        reverse("register:link_request"), {"national_id": "123", "email": "a@example.test"}
    ).content.decode()
    assert "<title>Error:" in page and "as 13 digits" in page


def test_too_many_submissions_from_one_address_get_a_clear_429(client, settings):
    settings.RATE_LIMIT_STEPS = "2/600"
    cache.clear()
    for _ in range(2):
        assert client.post(step("name"), ANSWERS["name"]).status_code == 302
    response = client.post(step("name"), ANSWERS["name"])
    assert response.status_code == 429
    assert "You have sent too many forms from this connection" in response.content.decode()
    cache.clear()


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
@pytest.mark.parametrize(
    "url",
    [
        reverse("register:start"),
        reverse("register:check", args=["date-of-birth"]),
        reverse("register:question", args=["interpreter"]),
        reverse("register:question", args=["nationality"]),
        reverse("register:link_request"),
    ],
)
def test_the_pages_speak_the_readers_language(client, lang, url):
    client.cookies["accueil_language"] = lang
    page = client.get(url).content.decode()
    assert f'<html lang="{lang}"' in page


@pytest.mark.parametrize(
    ("language", "you", "third_person"),
    [
        ("en", "you are 36 years old", "the person is"),
        ("fr", "vous avez 36 ans", "la personne a"),
        ("de", "sind Sie 36 Jahre alt", "ist die Person"),
    ],
)
def test_the_check_speaks_to_the_person_about_themselves(client, language, you, third_person):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = fill_check(client, f"1.1.{date.today().year - 36}", ["PT"])
    assert you in page
    assert third_person not in page.lower()
