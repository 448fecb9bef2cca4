"""Names and free text refuse line breaks, control characters and invisible or
bidirectional formatting characters (issue 9, point 10), on every form and in the API,
with a clear message in the reader's language next to the field; names in any script
pass. A name with a line break can no longer put a paragraph into an email."""

from datetime import date

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from accueil.booking.forms import SessionCancelForm
from accueil.core.text import validate_multi_line, validate_one_line
from accueil.intake.forms import InterviewRequestForm
from accueil.registration.forms import (
    CandidateRegisterForm,
    ContactForm,
    InterpreterLanguageForm,
    NameForm,
)
from accueil.registration.models import Candidate
from accueil.social.forms import InterviewOutcomeForm
from accueil.training.forms_catalogue import CourseForm
from tests import factories

INJECTED = "Silva\n\nURGENT: pay the fee at http://pay.example today"
# U+202A-U+202E, U+2066-U+2069, U+200B-U+200F, the line and paragraph separators,
# the byte-order mark, a soft hyphen and control characters.
REFUSED = [
    *(chr(code) for code in range(0x202A, 0x202F)),
    *(chr(code) for code in range(0x2066, 0x206A)),
    *(chr(code) for code in range(0x200B, 0x2010)),
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u00ad",
    "\n",
    "\r",
    "\t",
    "\x07",
    "\x1b",
    "\x85",
]
NAMES = [
    "Silva",
    "O'Brien-Smith",
    "José María de la Cruz",
    "Zoe\u0301 Müller",  # a combining accent
    "محمد عبد الله",  # Arabic: no direction marks needed
    "אברהם",  # Hebrew
    "王小明",
    "Александр Пушкин",
    "Νίκος",
    "Nguyễn Văn An",
    "ศักดิ์ชัย",  # Thai with combining marks
]


@pytest.mark.parametrize("char", REFUSED, ids=lambda c: f"U+{ord(c):04X}")
def test_one_line_refuses_the_character(char):
    with pytest.raises(ValidationError) as refused:
        validate_one_line(f"Ana{char}Silva")
    assert refused.value.code == "characters"


@pytest.mark.parametrize("name", NAMES)
def test_names_in_any_script_pass(name):
    validate_one_line(name)
    validate_multi_line(name)


def test_a_multi_line_answer_takes_line_breaks_and_nothing_else():
    validate_multi_line("1, rue de la Gare\r\nL-1611 Luxembourg\n")
    for char in REFUSED:
        if char not in "\r\n":
            with pytest.raises(ValidationError):
                validate_multi_line(f"1, rue de la Gare{char}\nL-1611 Luxembourg")


def test_the_message_is_in_the_readers_language():
    with translation.override("fr"):
        with pytest.raises(ValidationError) as refused:
            validate_one_line("Ana\u202eSilva")
        assert "sur une seule ligne" in refused.value.messages[0]
    with translation.override("de"):
        with pytest.raises(ValidationError) as refused:
            validate_multi_line("Ana\u200bSilva")
        assert "unsichtbaren Zeichen" in refused.value.messages[0]


@pytest.mark.parametrize(
    ("form", "data", "field"),
    [
        (NameForm, {"surname": INJECTED, "first_name": "Ana"}, "surname"),
        (NameForm, {"surname": "Silva", "first_name": "Ana\u202e"}, "first_name"),
        (ContactForm, {"email": "", "postal_address": "Rue\u2066 1"}, "postal_address"),
        (InterpreterLanguageForm, {"interpreter_language": "Arabic\nand more"}, None),
    ],
)
def test_the_registration_forms_refuse_it_next_to_the_field(form, data, field):
    bound = form(data)
    assert not bound.is_valid()
    assert list(bound.errors) == [field or next(iter(data))]


def test_a_postal_address_keeps_its_lines():
    bound = ContactForm({"email": "", "postal_address": "1, rue de la Gare\r\nL-1611 Luxembourg"})
    assert bound.is_valid(), bound.errors


def test_the_staff_forms_refuse_it(db):
    officer = CandidateRegisterForm({"surname": INJECTED}, today=date(2026, 12, 1))
    assert "surname" in officer.errors
    assert "reason" in SessionCancelForm({"reason": "Ill\u202e"}).errors
    assert "reason" not in SessionCancelForm({"reason": "Ill.\r\nSorry."}).errors
    assert "reason" in InterviewRequestForm({"reason": "x\u200b"}).errors
    dates = {"requested_on": date(2026, 12, 1), "today": date(2026, 12, 1)}
    assert "notes" in InterviewOutcomeForm({"notes": "\x1b[31m"}, **dates).errors
    assert "title" in CourseForm({"title": "Course\nsession"}).errors


@pytest.fixture
def no_rate_limit(settings, db):
    settings.RATE_LIMIT_PUBLIC = "0"
    settings.RATE_LIMIT_STEPS = "0"
    cache.clear()


def test_the_name_page_shows_the_error_in_french_and_keeps_what_was_typed(client, no_rate_limit):
    response = client.post(
        reverse("register:question", args=["name"]),
        {"surname": INJECTED, "first_name": "Ana"},
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert 'href="#id_surname"' in page
    assert "Écrivez cette réponse sur une seule ligne" in page
    assert "URGENT: pay the fee" in page  # what was typed is kept in the field
    assert "surname" not in client.session.get("register.answers", {})


@pytest.mark.parametrize(
    "fields",
    [
        {"surname": INJECTED},
        {"first_name": "Ana\r\nURGENT"},
        {"first_name": "Ana\tSilva"},
        {"surname": "\u202eavliS"},
        {"interpreter_needed": True, "interpreter_language": "Arabic\u2028x"},
        {"postal_address": "Rue 1\u2067", "email": ""},
    ],
)
def test_the_api_refuses_it_and_no_email_is_sent(
    client, no_rate_limit, fields, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/api/v1/registrations?lang=de",
            factories.api_registration(**fields),
            content_type="application/json",
        )
    assert response.status_code == 400
    assert response.json()["fact"] == next(key for key in fields if fields[key] not in ("", True))
    assert "unsichtbare" in response.json()["error"] or "einer Zeile" in response.json()["error"]
    assert not Candidate.objects.exists()
    assert mail.outbox == []


def test_the_api_takes_names_in_any_script_and_an_address_on_several_lines(client, no_rate_limit):
    response = client.post(
        "/api/v1/registrations",
        factories.api_registration(
            surname="عبد الله", first_name="Zoe\u0301", postal_address="1, rue\r\nL-1611 Lux"
        ),
        content_type="application/json",
    )
    assert response.status_code == 202, response.content
    person = Candidate.objects.get()
    assert (person.surname, person.postal_address) == ("عبد الله", "1, rue\r\nL-1611 Lux")
