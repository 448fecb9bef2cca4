"""On a phone-sized screen a wide table scrolls inside its own box, not the whole page:
every table of a web page is in an `accueil-table-scroll` region that the keyboard can
reach and that a screen reader names (PDFs and emails have no screen to scroll)."""

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "accueil"
WRAPPER = re.compile(
    r'<div class="accueil-table-scroll" tabindex="0" role="region" aria-label="[^"]+">\s*'
    r"(?:\{%[^%]*%\}\s*)*<table\b"
)


def web_templates():
    for path in SRC.glob("*/templates/**/*.html"):
        parts = set(path.relative_to(SRC).parts)
        if parts & {"pdf", "email", "emails"}:
            continue
        yield path


def test_every_table_of_a_web_page_scrolls_in_a_named_region():
    unwrapped = []
    for path in web_templates():
        text = path.read_text(encoding="utf-8")
        if text.count("<table") != len(WRAPPER.findall(text)):
            unwrapped.append(str(path.relative_to(SRC)))
    assert unwrapped == []


def test_a_bare_table_is_caught():
    assert not WRAPPER.search('<table class="govuk-table">')
    assert WRAPPER.search(
        '<div class="accueil-table-scroll" tabindex="0" role="region" aria-label="X">\n<table>'
    )
