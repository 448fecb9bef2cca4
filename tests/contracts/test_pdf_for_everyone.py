"""PDFs everyone can read (issue 11, point 13): a contract for a name in Chinese,
Arabic or Greek script reads back (text extracted with pdftotext), in a tagged PDF
(PDF/UA-1: a structure tree, marked content) whose language is the contract's."""

import contextlib
import re
import subprocess
import zlib
from pathlib import Path

import pytest

import accueil
from accueil.contracts import services
from accueil.contracts.documents import contract_pdf
from accueil.core.pdf import FONT_STACK
from tests import factories

pytestmark = pytest.mark.django_db

NAMES = {
    "Chinese": ("伟", "张"),
    "Arabic": ("محمد", "حداد"),
    "Greek": ("Γιώργος", "Παπαδόπουλος"),
}


def pdf_text(pdf: bytes) -> str:
    result = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True, timeout=30
    )
    return result.stdout.decode()


def pdf_info(pdf: bytes) -> str:
    result = subprocess.run(
        ["pdfinfo", "-"], input=pdf, capture_output=True, check=True, timeout=30
    )
    return result.stdout.decode()


def catalog_and_objects(pdf: bytes) -> bytes:
    """The PDF's objects as text, object streams inflated (the catalog may be in one)."""
    parts = [pdf]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        with contextlib.suppress(zlib.error):
            parts.append(zlib.decompress(stream))
    return b"\n".join(parts)


@pytest.mark.parametrize("script", NAMES)
def test_a_name_in_any_script_reads_back_from_the_contract(officer, script):
    first, surname = NAMES[script]
    person = factories.candidate(first_name=first, surname=surname, information_language="fr")
    contract = services.contract_draft(candidate=person, actor=officer)
    text = pdf_text(contract_pdf(contract))
    words = set(text.split())
    assert first in words or first in text, text[:400]
    assert surname.upper() in text, text[:400]


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_the_contract_is_a_tagged_pdf_in_its_language(officer, language):
    person = factories.candidate(information_language=language)
    contract = services.contract_draft(candidate=person, actor=officer)
    pdf = contract_pdf(contract)
    assert re.search(r"^Tagged:\s+yes$", pdf_info(pdf), re.M)
    objects = catalog_and_objects(pdf)
    assert b"/StructTreeRoot" in objects
    assert f"/Lang ({language})".encode() in objects


def test_the_fonts_cover_every_script_the_names_are_in():
    listed = subprocess.run(
        ["fc-list", ":", "family"], capture_output=True, check=True, text=True
    ).stdout
    for family in ("Noto Sans CJK SC", "Noto Sans Arabic", "DejaVu Sans"):
        assert family in FONT_STACK
        assert family in listed, f"{family} is not installed: run `make system-deps`"


def test_every_pdf_is_made_the_one_way():
    """The contract, the formalities and the guide's result: all through core.pdf."""
    made_elsewhere = [
        str(path)
        for path in Path(accueil.__file__).parent.rglob("*.py")
        if "write_pdf(" in path.read_text() and path.name != "pdf.py"
    ]
    assert made_elsewhere == []
