"""Dates on pages, emails and documents are written as each language writes them: a
named format of the language (DATE_FORMAT, DATETIME_FORMAT…), the `weekday_date` filter,
or a time alone. A fixed pattern with month or weekday names ("j M Y" gave "7 Déc 2026"
in French, "D j M Y" English-ordered weekdays in German) is not allowed."""

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "accueil"
DATE_FILTER = re.compile(r'\|date:"([^"]*)"')
ALLOWED = re.compile(r"^(?:[A-Z_]+_FORMAT|H:i|Y-m-d(?: H:i(?::s)?)?)$")


def fixed_formats(text: str) -> list[str]:
    return [fmt for fmt in DATE_FILTER.findall(text) if not ALLOWED.match(fmt)]


def test_templates_write_dates_in_the_reader_s_language():
    found = []
    for path in SRC.glob("*/templates/**/*"):
        if path.suffix in {".html", ".txt", ".ics"}:
            found += [(str(path.relative_to(SRC)), fmt) for fmt in fixed_formats(path.read_text())]
    assert found == []


def test_a_pattern_with_month_names_is_caught():
    assert fixed_formats('{{ x|date:"j M Y H:i" }} {{ y|date:"DATE_FORMAT" }}') == ["j M Y H:i"]
