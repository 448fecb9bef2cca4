"""The leaks the walk of every URL found (issue 14, point 8), each kept closed by a fast
test of its own (the walk itself is slow: `make test` runs it, `make check` does not)."""

import pytest
from django.urls import reverse

from accueil.accounts.models import Role
from tests import factories

pytestmark = pytest.mark.django_db

NOT_PROVIDERS = [Role.CANDIDATE, Role.OFFICER, Role.SOCIAL_WORKER, Role.DPO, Role.ADMIN]


@pytest.mark.parametrize("role", NOT_PROVIDERS)
@pytest.mark.parametrize(
    ("method", "path"),
    [("post", "/api/v1/courses/1/enrolments"), ("put", "/api/v1/attendance/sessions/1")],
)
def test_the_staff_api_refuses_another_role_whatever_the_body(client, role, method, path):
    """The role is checked before the body is read: an empty body is a 403, not a 422
    that would answer someone who may not use the operation at all."""
    client.force_login(factories.user(role))
    answer = getattr(client, method)(path, "{}", content_type="application/json")
    assert answer.status_code == 403
    assert answer.json()["error"]


@pytest.mark.parametrize(
    ("method", "path"),
    [("post", "/api/v1/courses/1/enrolments"), ("put", "/api/v1/attendance/sessions/1")],
)
def test_the_staff_api_asks_nobody_signed_in_to_sign_in(client, method, path):
    answer = getattr(client, method)(path, "{}", content_type="application/json")
    assert answer.status_code == 401
    assert answer.json()["error"]


@pytest.mark.parametrize("role", [Role.CANDIDATE, Role.SOCIAL_WORKER, Role.DPO, Role.ADMIN])
def test_the_participants_to_certify_are_only_for_those_who_certify(client, role):
    client.force_login(factories.user(role))
    assert client.get(reverse("training:certificates")).status_code == 403


@pytest.mark.parametrize("role", [Role.OFFICER, Role.PROVIDER])
def test_officers_and_provider_staff_still_see_the_participants_to_certify(client, role):
    client.force_login(factories.user(role))
    assert client.get(reverse("training:certificates")).status_code == 200
