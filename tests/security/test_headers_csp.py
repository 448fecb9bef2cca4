"""The Content Security Policy's header, and the templates it lets through (issue 14,
point 9; seed 000, "Forms / Online services": the forms' data are protected).

The policy allows no inline script or style: a page template that carried a <style>
element, a style="" attribute or a <script> without src would be refused by the browser.
Templates rendered to PDF by WeasyPrint (never served as HTML) keep their styles."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

import accueil
from tests import factories

SOURCE = Path(accueil.__file__).parent
# Rendered to PDF by WeasyPrint, never served to a browser.
PDF_TEMPLATES = {"notifications/templates/notifications/letter.html"}
INLINE = re.compile(r"<style|\sstyle=|<script(?![^>]*\ssrc=)(?![^>]*type=\"application/json\")")


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/guide/", "/verify/", "/api/v1/docs", "/admin/login/"])
def test_every_page_carries_the_policy(client, url):
    response = client.get(url)
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def served_templates() -> list[Path]:
    found = []
    for template in sorted(SOURCE.glob("*/templates/**/*.html")):
        relative = template.relative_to(SOURCE).as_posix()
        if "/pdf/" in relative or relative in PDF_TEMPLATES:
            continue
        found.append(template)
    return found


def test_no_page_template_has_an_inline_script_or_style():
    offending = {
        template.relative_to(SOURCE).as_posix(): match.group(0)
        for template in served_templates()
        if (match := INLINE.search(template.read_text()))
    }
    assert served_templates(), "no template found"
    assert offending == {}


def test_the_check_finds_an_inline_style_or_script():
    for inline in ('<p style="color: red">', "<style>p {}</style>", "<script>alert(1)</script>"):
        assert INLINE.search(inline)
    for allowed in ('<script src="/static/a.js"></script>', '<script type="module" src="a">'):
        assert not INLINE.search(allowed)


@pytest.mark.django_db
def test_the_attendee_list_prints_with_a_stylesheet_file(client, officer):
    session = factories.information_session()
    client.force_login(officer)
    page = client.get(reverse("officer:session_detail", args=[session.pk])).content.decode()
    assert 'attendee-list-print.css" media="print"' in page
    assert "<style" not in page
