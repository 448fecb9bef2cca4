"""One source for contacts (issue 11, point 8): every page, email and the guide take the
Integration Department's details from `rules.contacts`; where the guide names the body
by its former name (OLAI), the current one is shown and the former one said."""

import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from accueil.core import contacts
from accueil.rules.contacts import INTEGRATION_DEPARTMENT
from accueil.rules.guide.contacts import DIRECTORY

SRC = Path(__file__).resolve().parents[2] / "src" / "accueil"
# The one source, and the guide's directory of the other bodies the seed lists.
SOURCES = {SRC / "rules" / "contacts.py", SRC / "rules" / "guide" / "contacts.py"}
# A Luxembourg telephone number as the seeds write them: 247-85785, +352 2478-5785.
PHONE = re.compile(r"\+352[ \d-]{6,}\d|(?<![\w.-])\d{3,4}-\d{4,5}(?![\w-])")


def files():
    for path in SRC.rglob("*"):
        kept = path.suffix in {".py", ".html", ".txt", ".po"} and path not in SOURCES
        if kept and "migrations" not in path.parts:
            yield path


def test_no_template_or_module_writes_a_contact_of_its_own():
    department = INTEGRATION_DEPARTMENT
    literals = [department.phone, department.email, department.address.split(",")[1].strip()]
    offending = []
    for path in files():
        text = path.read_text(encoding="utf-8")
        offending += [f"{path.relative_to(SRC)}: {lit}" for lit in literals if lit in text]
        if path.suffix in {".html", ".txt", ".po"}:
            offending += [f"{path.relative_to(SRC)}: {m}" for m in PHONE.findall(text)]
    assert offending == []


def test_the_source_cites_its_passages_and_the_date_it_is_current_from():
    assert INTEGRATION_DEPARTMENT.current_from.isoformat() == "2016-08-01"
    passages = " ".join(source.passage for source in INTEGRATION_DEPARTMENT.sources)
    assert INTEGRATION_DEPARTMENT.phone in passages
    assert INTEGRATION_DEPARTMENT.email in passages


@pytest.mark.parametrize(
    ("language", "formerly"),
    [("en", "formerly OLAI"), ("fr", "anciennement OLAI"), ("de", "früher OLAI")],
)
def test_the_guide_names_the_current_body_and_its_former_name(language, formerly):
    entry = DIRECTORY["olai"]
    assert entry.name[language].startswith(contacts.integration_department(language).name)
    assert formerly in entry.name[language]
    assert (entry.phone, entry.email, entry.address) == (
        INTEGRATION_DEPARTMENT.phone,
        INTEGRATION_DEPARTMENT.email,
        INTEGRATION_DEPARTMENT.address,
    )


@pytest.mark.parametrize("language", ["en", "fr", "de"])
@pytest.mark.parametrize("page", ["core:index", "core:privacy", "core:accessibility"])
def test_pages_give_the_telephone_and_the_email_address(client, db, language, page):
    html = client.get(reverse(page), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert INTEGRATION_DEPARTMENT.phone in html
    assert INTEGRATION_DEPARTMENT.email in html


def test_the_details_are_in_the_readers_language():
    with translation.override("de"):
        assert contacts.integration_department().name == "Integrationsabteilung"
    assert contacts.integration_department("fr").formerly.startswith("OLAI – Office")
