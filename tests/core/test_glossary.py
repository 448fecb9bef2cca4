"""The catalogues follow docs/glossary.md (issue 11, point 7): no variant the glossary
rules out, French typography (a non-breaking space before : ; ? !, one apostrophe),
"Record" as a verb translated as a verb."""

import re
from pathlib import Path

import polib
import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "docs" / "glossary.md"
LOCALE = ROOT / "src" / "accueil" / "locale"


def catalogue(lang: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / lang / "LC_MESSAGES" / "django.po"))


def translations(lang: str) -> list[tuple[str, str]]:
    """(msgid, each translation) of the catalogue."""
    found = []
    for entry in catalogue(lang):
        texts = list(entry.msgstr_plural.values()) if entry.msgstr_plural else [entry.msgstr]
        found.extend((entry.msgid, text) for text in texts)
    return found


def variants() -> list[tuple[str, str, str]]:
    """(language, variant not used, the word used) from the glossary's table."""
    text = GLOSSARY.read_text(encoding="utf-8")
    table = text.split("## Variants we do not use", 1)[1].split("\n## ", 1)[0]
    rows = [line.strip().strip("|").split("|") for line in table.splitlines()]
    return [
        tuple(cell.strip() for cell in row)  # type: ignore[misc]
        for row in rows
        if len(row) == 3 and row[0].strip() in {"fr", "de"}
    ]


def prose(text: str) -> str:
    """The words a reader sees: no HTML tags, no placeholders, no times (09:30)."""
    text = re.sub(r"<[^>]*>", " ", text)
    text = re.sub(r"%\([a-z_]+\)[sd]|\{[a-z_]+\}", "X", text)
    return re.sub(r"\d:\d", "", text)


def test_the_glossary_rules_out_variants_in_both_languages():
    languages = {lang for lang, _not, _but in variants()}
    assert languages == {"fr", "de"}


@pytest.mark.parametrize(("lang", "variant", "used"), variants())
def test_no_translation_uses_a_variant_the_glossary_rules_out(lang, variant, used):
    pattern = re.compile(rf"(?<!\w){re.escape(variant)}(?!\w)")
    offending = [msgid for msgid, text in translations(lang) if pattern.search(text)]
    assert offending == [], f"{lang}: {variant!r} where the glossary says {used!r}"


def test_french_puts_a_non_breaking_space_before_high_punctuation():
    offending = []
    for msgid, text in translations("fr"):
        words = prose(text)
        # A plain space before, or a word glued to, ":", ";", "?" or "!".
        if re.search(r" [:;?!]|\w[;?!]|\w:(\s|$)", words):
            offending.append(msgid)
        if re.search(r"« | »", words):
            offending.append(msgid)
    assert offending == []


def test_french_uses_one_apostrophe():
    offending = [msgid for msgid, text in translations("fr") if re.search(r"\w'\w", text)]
    assert offending == []


@pytest.mark.parametrize(("lang", "verb"), [("fr", "Enregistrer"), ("de", "Erfassen")])
def test_record_as_a_verb_is_translated_as_a_verb(lang, verb):
    entry = catalogue(lang).find("Record", msgctxt="verb")
    assert entry is not None
    assert entry.msgstr == verb


def test_the_guide_never_counts_one_question_of_about_one(client, db):
    page = client.get(reverse("guide:question", args=["nationalities"])).content.decode()
    assert "Question 1" in page
    assert "of about 1" not in page
