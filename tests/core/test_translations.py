"""French and German are complete: every string in the code is in the catalogues,
translated, and compiled."""

import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

SRC = Path(__file__).resolve().parents[2] / "src" / "accueil"
LOCALES = ["fr", "de"]


def catalogue(lang: str, root: Path = SRC) -> polib.POFile:
    return polib.pofile(str(root / "locale" / lang / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("lang", LOCALES)
def test_every_entry_is_translated_and_none_is_fuzzy(lang):
    po = catalogue(lang)
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


@pytest.mark.parametrize("lang", LOCALES)
def test_the_compiled_catalogue_matches_the_source(lang):
    po = catalogue(lang)
    mo = polib.mofile(str(SRC / "locale" / lang / "LC_MESSAGES" / "django.mo"))
    compiled = {
        (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items()))) for e in mo
    }
    for entry in po.translated_entries():
        key = (entry.msgctxt, entry.msgid)
        assert key in compiled, f"{entry.msgid!r} is not compiled: run `make messages`"
        plural = tuple(sorted(entry.msgstr_plural.items()))
        assert compiled[key] == (entry.msgstr, plural), f"{entry.msgid!r} is stale"


def test_no_string_in_the_code_is_missing_from_the_catalogues(tmp_path, settings, monkeypatch):
    if shutil.which("xgettext") is None:
        pytest.fail("xgettext not found: run `make system-deps` (Debian package gettext)")
    copy = tmp_path / "accueil"
    shutil.copytree(SRC, copy, ignore=shutil.ignore_patterns("static", "__pycache__"))
    settings.LOCALE_PATHS = [copy / "locale"]
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=LOCALES, no_location=True, verbosity=0)
    for lang in LOCALES:
        extracted = {(e.msgctxt, e.msgid) for e in catalogue(lang, copy) if not e.obsolete}
        committed = {(e.msgctxt, e.msgid) for e in catalogue(lang) if not e.obsolete}
        missing = sorted(msgid for _ctx, msgid in extracted - committed)
        assert missing == [], f"{lang}: strings not in the catalogue (run `make messages`)"
        new = catalogue(lang, copy)
        assert [e.msgid for e in new.untranslated_entries()] == []
