"""The API's documentation page is ours (issue 11, point 11): Swagger UI from our own
static files, no reference to another origin, and the reader's language on <html>."""

import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

REFERENCE = re.compile(r'(?:src|href)="([^"]*)"')


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_the_docs_page_references_only_our_origin(client, language):
    client.cookies["accueil_language"] = language
    page = client.get("/api/v1/docs").content.decode()
    assert f'<html lang="{language}">' in page
    references = REFERENCE.findall(page)
    assert references
    for reference in references:
        assert reference.startswith("/") and not reference.startswith("//"), reference
    assert "cdn" not in page.lower() and "https://" not in page


def test_swagger_ui_is_in_our_static_files():
    for name in ("swagger-ui-bundle.js", "swagger-ui.css", "swagger-ui-init.js"):
        assert finders.find(f"accueil/api/{name}"), name
