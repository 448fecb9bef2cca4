"""schemathesis: the API never errors and never contradicts its own OpenAPI document."""

import schemathesis
from hypothesis import HealthCheck, settings

from accueil.api.api import api
from accueil.wsgi import application

schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1"))
schema.app = application


@schema.parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_to_its_schema(case, db):
    case.call_and_validate()
