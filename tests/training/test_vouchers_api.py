"""The API's enrolment by provider staff: signed in, own courses only (404 otherwise),
every refusal a 409 in JSON with its code, in the reader's language."""

import pytest

from accueil.accounts.models import Role
from accueil.api.api import api
from accueil.training import vouchers
from tests import factories
from tests.training.vouchers_helpers import course, signatory

pytestmark = pytest.mark.django_db


def url(course_id) -> str:
    return f"/api/v1/courses/{course_id}/enrolments"


def post(client, course_id, body, **headers):
    return client.post(url(course_id), body, content_type="application/json", **headers)


def test_a_provider_enrols_with_a_voucher_and_a_resubmit_changes_nothing(client, provider):
    person = signatory()
    voucher = vouchers.voucher_issue(contract=person.contracts.get(), actor=None)
    target = course(provider.organisation)
    client.force_login(provider)
    body = {
        "national_id": person.national_id,
        "surname": person.surname,
        "voucher_code": voucher.code_display,
    }
    first = post(client, target.pk, body)
    assert first.status_code == 201, first.content
    assert first.json()["status"] == "enrolled" and first.json()["reduced_rate"] is True
    again = post(client, target.pk, body)
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "already been used"), ("fr", "déjà été utilisé"), ("de", "bereits")],
)
def test_a_used_voucher_is_a_409_with_its_code(client, provider, lang, words):
    person = signatory()
    voucher = vouchers.voucher_issue(contract=person.contracts.get(), actor=None)
    client.force_login(provider)
    body = {
        "national_id": person.national_id,
        "surname": person.surname,
        "voucher_code": voucher.code,
    }
    assert post(client, course(provider.organisation).pk, body).status_code == 201
    refused = post(client, course(provider.organisation).pk, body, HTTP_ACCEPT_LANGUAGE=lang)
    assert refused.status_code == 409
    assert refused.json()["code"] == "voucher_used" and words in refused.json()["error"]


def test_an_unknown_person_is_a_409(client, provider):
    client.force_login(provider)
    body = {"national_id": "1990051712345", "surname": "Nobody"}
    answer = post(client, course(provider.organisation).pk, body)
    assert answer.status_code == 409 and answer.json()["code"] == "person_unknown"


def test_another_providers_course_is_a_404(client, provider):
    person = signatory()
    client.force_login(provider)
    body = {"national_id": person.national_id, "surname": person.surname}
    answer = post(client, course().pk, body)
    assert answer.status_code == 404 and "error" in answer.json()
    assert post(client, 999999, body).status_code == 404


def test_without_signing_in_a_401_and_other_roles_a_403(client):
    target = course()
    body = {"national_id": "1990051712345", "surname": "Nobody"}
    answer = post(client, target.pk, body)
    assert answer.status_code == 401 and "error" in answer.json()
    client.force_login(factories.user(Role.OFFICER))
    assert post(client, target.pk, body).status_code == 403
    assert not target.enrolments.exists()


def test_the_operation_declares_its_errors():
    operation = api.get_openapi_schema()["paths"]["/api/v1/courses/{course_id}/enrolments"]
    declared = {str(status) for status in operation["post"]["responses"]}
    assert {"200", "201", "401", "403", "404", "409", "422"} <= declared
