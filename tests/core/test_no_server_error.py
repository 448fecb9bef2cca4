"""No input answers with a server error (issue 9, point 11).

Hypothesis drives every rule of the API with facts grown from the rule's own example
(each fact kept, or replaced with a date of any year from 1 to 9999, a huge number,
a string of digits of other scripts, a nested list ...) and every public form with
generated answers for the fields the page itself shows. Nothing may answer 5xx, and
the API answers every error in JSON. Then the cases the issue names, one by one.

Each property runs a bounded number of examples (`FUZZ`), so the file takes seconds.
"""

import json
import re
from datetime import date

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accueil.booking.services import booking_create
from accueil.guide import engine
from accueil.guide.calculators import CALCULATORS
from accueil.guide.forms import QuestionForm
from accueil.guide.models import Procedure, ResidencePermit
from accueil.registration import selectors as links
from accueil.registration.public_views import CHECK, REGISTER
from accueil.rules import RULES
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

FUZZ = settings(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Digits that Python's int() reads and digits it does not; years Python's dates allow
# but no computation survives; numbers no database column holds.
ODD_TEXT = [
    "",
    " ",
    "0",
    "-1",
    "0001",
    "9999",
    "29",
    "2",
    "99999999999999999999",
    "9223372036854775808",
    "١٢",
    "٢٠٢٤",
    "２０２６",
    "²",
    "1e400",
    "nan",
    "1_000",
    "\x00",
    "a\nb",
    "\u202eabc",
    "CAI-",
]
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩０１２３४५६¹²³"

odd_text = st.one_of(
    st.sampled_from(ODD_TEXT),
    st.text(max_size=30),
    st.text(alphabet=DIGITS, min_size=1, max_size=22),
    st.integers(min_value=-(10**22), max_value=10**22).map(str),
)
EDGE_DATES = ["0001-01-01", "1899-12-31", "2024-02-29", "2199-12-31", "2200-01-01", "9999-12-31"]
iso_dates = st.one_of(st.sampled_from(EDGE_DATES), st.dates().map(date.isoformat))
# The three boxes of a date: mostly real days and months, years at the edges.
date_parts = {
    "day": st.one_of(st.integers(min_value=1, max_value=31).map(str), odd_text),
    "month": st.one_of(st.integers(min_value=1, max_value=12).map(str), odd_text),
    "year": st.one_of(
        st.sampled_from(["0001", "1899", "1900", "1950", "2008", "2026", "2199", "2200", "9999"]),
        odd_text,
    ),
}
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False),
    odd_text,
    iso_dates,
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)


def like(example):
    """Values shaped like `example`: kept, changed within its shape, or anything."""
    if isinstance(example, dict):
        return st.fixed_dictionaries({key: like(value) for key, value in example.items()})
    if isinstance(example, list):
        items = st.one_of(*(like(item) for item in example)) if example else json_values
        return st.one_of(st.lists(items, max_size=4), json_values)
    if isinstance(example, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", example):
        return st.one_of(st.just(example), iso_dates, json_values)
    return st.one_of(st.just(example), json_values)


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.RATE_LIMIT_PUBLIC = "0"
    settings.RATE_LIMIT_STEPS = "0"


def assert_json_answer(response):
    assert response.status_code < 500, response.content[:500]
    assert response["Content-Type"].startswith("application/json"), response.content[:300]
    json.loads(response.content)


# --- The rules API -------------------------------------------------------------------


@pytest.mark.parametrize("rule", list(RULES))
@FUZZ
@given(data=st.data())
def test_no_rule_of_the_api_answers_5xx(client, rule, data):
    facts = data.draw(st.one_of(like(RULES[rule].example), json_values), label="facts")
    lang = data.draw(st.sampled_from(["en", "fr", "de"]), label="lang")
    response = client.post(
        f"/api/v1/rules/{rule}?lang={lang}", json.dumps(facts), content_type="application/json"
    )
    assert_json_answer(response)


# --- The public forms ----------------------------------------------------------------

FIELD = re.compile(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"')
OFFERED = re.compile(
    r'<input[^>]*\btype="(?:radio|checkbox|hidden)"[^>]*\bname="([^"]+)"[^>]*\bvalue="([^"]*)"'
)
_FIELDS: dict[str, dict[str, list[str]]] = {}


def form_fields(html: str) -> dict[str, list[str]]:
    """The names of the fields the page shows, with the values it offers for each
    (radios, checkboxes, hidden fields and menus)."""
    fields: dict[str, list[str]] = {}
    for name in FIELD.findall(html):
        if name != "csrfmiddlewaretoken":
            fields.setdefault(name, [])
    for name, value in OFFERED.findall(html):
        if name in fields and value not in fields[name]:
            fields[name].append(value)
    for select in re.finditer(r'<select[^>]*\bname="([^"]+)"(.*?)</select>', html, re.S):
        fields[select.group(1)] = re.findall(r'value="([^"]*)"', select.group(2))
    return fields


def fields_of(client, url: str) -> dict[str, list[str]]:
    """The page's fields as a first visit shows them, read once: what is drawn must not
    depend on what an earlier example left in the session."""
    if url not in _FIELDS:
        page = client.get(url)
        assert page.status_code == 200, url
        _FIELDS[url] = form_fields(page.content.decode())
    return _FIELDS[url]


def answers_for(fields: dict[str, list[str]]):
    """A POST body: for each field, one of the values offered, or odd text."""
    return st.fixed_dictionaries(
        {name: answer_for(name, offered) for name, offered in fields.items()}
    )


def answer_for(name: str, offered: list[str]):
    if offered:
        return st.one_of(st.sampled_from(offered), odd_text)
    return date_parts.get(name.rsplit("_", 1)[-1], odd_text)


def first_questions() -> list[str]:
    """The guide's questions a first visit is asked (the others redirect until the
    answers before them are given; `test_no_guide_question_form_raises` covers them)."""
    return [question.fact for question in engine.questions({})]


PUBLIC_PAGES = [
    *(reverse("register:question", args=[step.slug]) for step in REGISTER.steps),
    *(reverse("register:check", args=[step.slug]) for step in CHECK.steps),
    reverse("register:link_request"),
    *(reverse("guide:calculator", args=[slug]) for slug in CALCULATORS),
    *(reverse("guide:question", args=[fact]) for fact in first_questions()),
]
# Pages shown only after an answer before them: (page, answer to give first).
PRIMED = {
    reverse("register:question", args=["interpreter-language"]): (
        reverse("register:question", args=["interpreter"]),
        {"interpreter_needed": "yes"},
    ),
}


def fuzz_page(client, url: str, data, key: str = "") -> None:
    if url in PRIMED:
        client.post(*PRIMED[url])
    fields = fields_of(client, key or url)
    body = data.draw(answers_for(fields), label="answers")
    response = client.post(url, body)
    assert response.status_code < 500, (url, body)


@pytest.mark.parametrize("url", PUBLIC_PAGES)
@FUZZ
@given(data=st.data())
def test_no_public_form_answers_5xx(client, url, data):
    fuzz_page(client, url, data)


def one_question_of_each_kind() -> list:
    seen: dict = {}
    for question in engine.rules().QUESTIONS:
        seen.setdefault(question.kind, question)
    return list(seen.values())


@pytest.mark.parametrize("question", one_question_of_each_kind(), ids=lambda q: q.kind)
@FUZZ
@given(data=st.data())
def test_no_guide_question_form_raises(question, data):
    names = list(QuestionForm(question, "en").fields)
    if question.kind == "date":
        names = ["answer_day", "answer_month", "answer_year"]
    body = data.draw(st.fixed_dictionaries({n: answer_for(n, []) for n in names}), label="answers")
    form = QuestionForm(question, "en", data=body)
    if form.is_valid():
        json.dumps(form.value())


@FUZZ
@given(data=st.data())
def test_the_candidates_dates_page_answers_no_5xx(client, candidate_user, data):
    client.force_login(candidate_user)
    fuzz_page(client, reverse("guide:my_dates"), data)


@pytest.fixture
def token(db):
    person = factories.candidate()
    booking_create(candidate=person, session=factories.information_session())
    factories.information_session()  # another one to move to
    return links.access_token(person)


@pytest.mark.parametrize("page", ["booking:choose", "booking:cancel", "booking:waitlist"])
@FUZZ
@given(data=st.data())
def test_the_booking_pages_answer_no_5xx(client, token, page, data):
    url = reverse(page, args=[token])
    _FIELDS.setdefault(page, fields_of(client, url))
    fuzz_page(client, url, data, key=page)


@FUZZ
@given(data=st.data())
def test_the_officers_filters_answer_no_5xx(client, officer, data):
    client.force_login(officer)
    url = reverse("portal:candidate_list")
    fields = fields_of(client, url)
    query = data.draw(answers_for(fields | {"page": []}), label="query")
    assert client.get(url, query).status_code < 500, query


# --- The cases the issue names -------------------------------------------------------


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1899-12-31", "2200-01-01"])
@pytest.mark.parametrize(
    ("rule", "facts", "fact"),
    [
        ("cai.term", {"entry_into_force": "{day}"}, "entry_into_force"),
        ("cai.term", {"entry_into_force": "2024-02-29", "on": "{day}"}, "on"),
        (
            "cai.eligibility",
            {
                "birth_date": "{day}",
                "on": "2026-11-23",
                "nationalities": ["PT"],
                "legally_resident": True,
                "wishes_to_settle": True,
            },
            "birth_date",
        ),
        (
            "cai.fulfilment",
            {"entry_into_force": "2024-01-15", "on": "{day}"},
            "on",
        ),
    ],
)
def test_a_date_out_of_range_is_a_clear_400_in_the_readers_language(client, rule, facts, fact, day):
    body = json.loads(json.dumps(facts).replace("{day}", day))
    response = client.post(f"/api/v1/rules/{rule}?lang=fr", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["fact"] == fact
    assert "une date du 1er janvier 1900 au 31 décembre 2199" in response.json()["error"]


def test_guide_contacts_with_a_list_for_a_code_is_a_400(client):
    response = client.post(
        "/api/v1/rules/guide.contacts", {"codes": [[]]}, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["fact"] == "codes"


def test_an_unknown_address_of_the_api_answers_json(client):
    response = client.get("/api/v1/bookings/not-a-token/nothing-here")
    assert response.status_code == 404
    assert_json_answer(response)


CALCULATOR_DATES = [
    ("renewal", "expires_on"),
    ("decision", "complete_on"),
    ("arrival", "entered_on"),
    ("adem", "declared_on"),
]


@pytest.mark.parametrize("year", ["0001", "9999"])
@pytest.mark.parametrize(("slug", "prefix"), CALCULATOR_DATES)
def test_a_calculator_answers_a_year_out_of_range_next_to_the_field(client, slug, prefix, year):
    data = {f"{prefix}_day": "31", f"{prefix}_month": "12", f"{prefix}_year": year}
    if slug == "decision":
        data["kind"] = "salaried"
    response = client.post(
        reverse("guide:calculator", args=[slug]), data, HTTP_ACCEPT_LANGUAGE="de"
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Das Jahr muss zwischen 1900 und 2199 liegen" in page


@pytest.mark.parametrize("year", ["0001", "9999"])
def test_my_dates_answers_a_year_out_of_range_next_to_the_field(client, candidate_user, year):
    client.force_login(candidate_user)
    response = client.post(
        reverse("guide:my_dates"),
        {"form": "permit", "expires_on_day": "1", "expires_on_month": "1", "expires_on_year": year},
    )
    assert response.status_code == 200
    assert "The year must be between 1900 and 2199" in response.content.decode()


@pytest.mark.parametrize("session", ["99999999999999999999", "١٢", "-5", "x"])
def test_the_candidate_filters_answer_any_session_number_with_a_message(client, officer, session):
    client.force_login(officer)
    response = client.get(reverse("portal:candidate_list"), {"session": session, "q": session})
    assert response.status_code == 200
    if session != "١٢":  # int() reads other scripts' digits: session 12, which is fine
        assert "Select an information session from the list" in response.content.decode()


def test_the_booking_api_answers_json_for_an_unknown_token(client):
    response = client.get("/api/v1/bookings/" + "x" * 40)
    assert response.status_code < 500
    assert_json_answer(response)


def test_a_method_the_api_does_not_take_answers_json(client):
    response = client.get("/api/v1/rules/cai.term")
    assert response.status_code == 405
    assert_json_answer(response)


@pytest.mark.parametrize(
    "url",
    [
        "/officer/candidates/?q=Silva&session=١٢",
        "/officer/candidates/?q=Silva&session=99999999999999999999",
        "/officer/sessions/99999999999999999999/",
        "/officer/sessions/99999999999999999999/cancel/",
        "/officer/sessions/?start_day=1&start_month=1&start_year=9999",
        "/officer/sessions/?page=99999999999999999999",
        "/candidates/?page=٢",
        "/audit/?record=" + "9" * 70,
    ],
)
def test_the_staff_pages_take_any_number(client, officer, url):
    client.force_login(officer)
    assert client.get(url).status_code < 500


def test_removing_a_procedure_with_a_huge_number_is_a_404(client, candidate_user):
    client.force_login(candidate_user)
    response = client.post("/guide/my-dates/procedures/99999999999999999999/remove/")
    assert response.status_code == 404


@pytest.mark.parametrize(("slug", "prefix"), CALCULATOR_DATES)
def test_a_calculator_answers_a_day_before_the_guides_rules_next_to_the_field(client, slug, prefix):
    data = {f"{prefix}_day": "1", f"{prefix}_month": "1", f"{prefix}_year": "1950"}
    if slug == "decision":
        data["kind"] = "salaried"
    response = client.post(
        reverse("guide:calculator", args=[slug]), data, HTTP_ACCEPT_LANGUAGE="fr"
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page and f'href="#id_{prefix}"' in page
    assert "La date doit être le 29 août 2008 ou après" in page
    assert "govuk-panel--confirmation" not in page


def test_my_dates_keep_no_date_the_rules_refuse(client, candidate_user):
    client.force_login(candidate_user)
    permit = {"form": "permit", "expires_on_day": "1", "expires_on_month": "1"}
    response = client.post(reverse("guide:my_dates"), {**permit, "expires_on_year": "1950"})
    assert response.status_code == 200
    assert "The date must be on or after 29 August 2008" in response.content.decode()
    procedure = {"form": "procedure", "kind": "salaried", "complete_on_day": "1"}
    response = client.post(
        reverse("guide:my_dates"),
        {**procedure, "complete_on_month": "1", "complete_on_year": "2000"},
    )
    assert response.status_code == 200
    assert "The date must be on or after 29 August 2008" in response.content.decode()
    assert not ResidencePermit.objects.exists() and not Procedure.objects.exists()


def test_a_date_kept_before_the_checks_does_not_break_the_candidates_pages(client, candidate_user):
    person = candidate_user.candidate
    ResidencePermit.objects.create(candidate=person, expires_on=date(1, 1, 1))
    Procedure.objects.create(candidate=person, kind="salaried", complete_on=date(9999, 12, 31))
    client.force_login(candidate_user)
    assert client.get(reverse("guide:my_dates")).status_code == 200
    assert client.get(reverse("portal:home")).status_code == 200


def test_a_defect_in_the_api_answers_json_and_logs_nothing_personal(client, monkeypatch, caplog):
    def broken(rule, facts):
        raise ValueError(f"cannot read {facts['name']}")

    monkeypatch.setattr("accueil.api.rules.evaluate", broken)
    response = client.post(
        "/api/v1/rules/cai.term?lang=de",
        {"name": "ana.silva@example.test"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert response.status_code == 500
    assert response.json() == {
        "error": "Bei uns ist ein Fehler aufgetreten. Versuchen Sie es später erneut.",
        "fact": None,
    }
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "ValueError" in logged and "rule_evaluate" in logged
    assert "ana.silva" not in logged
