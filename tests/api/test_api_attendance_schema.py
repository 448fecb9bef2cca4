"""schemathesis over the attendance API with a signed-in provider (session cookie and
CSRF token, as a browser sends them): it never errors nor contradicts its document."""

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import ignored_auth, positive_data_acceptance

from accueil.accounts.models import Role
from accueil.api.api import api
from accueil.wsgi import application
from tests import factories
from tests.api.test_api_schema import (  # noqa: F401  (the fixture)
    connection_kept_open,
    positive,
    refused_only_in_the_documented_ways,
)
from tests.training import attendance_data as data

pytestmark = pytest.mark.slow

schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1"))
schema.app = application
fuzzing = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.fixture
def signed_in_provider(db):
    staff = factories.user(Role.PROVIDER)
    course = data.course(staff.organisation, sessions=2, people=3)
    client = Client()
    client.force_login(staff)
    secret = _get_new_csrf_string()
    cookies = {
        django_settings.SESSION_COOKIE_NAME: client.cookies[
            django_settings.SESSION_COOKIE_NAME
        ].value,
        django_settings.CSRF_COOKIE_NAME: secret,
    }
    return course, cookies, {"X-CSRFToken": secret}


@schema.include(path_regex="^/api/v1/attendance/").parametrize()
@fuzzing
def test_the_attendance_operations_keep_to_the_schema_for_a_provider(case, signed_in_provider):
    course, cookies, headers = signed_in_provider
    if positive(case) and type(case.path_parameters.get("session_id")) is int:
        sessions = list(course.sessions.values_list("pk", flat=True))
        people = list(course.enrolments.values_list("pk", flat=True))
        case.path_parameters["session_id"] = sessions[
            case.path_parameters["session_id"] % len(sessions)
        ]
        if isinstance(case.body, dict):
            for n, item in enumerate(case.body.get("items", [])):
                if n % 3:
                    item["enrolment"] = people[n % len(people)]
    case.headers = {**(case.headers or {}), **headers}
    case.cookies = {**(case.cookies or {}), **cookies}
    # The cookie is always the real one here, so "invalid auth" is not tried (the
    # unauthenticated answers are tested in test_api_attendance and test_api_schema).
    case.call_and_validate(
        excluded_checks=[positive_data_acceptance, ignored_auth],
        additional_checks=[refused_only_in_the_documented_ways],
    )
