"""Every section a rule or a parameter cites is named in English, French and German
(issue 11, point 6: no "(Who is concerned)" on a French page)."""

import gc
import importlib
import pkgutil

import pytest

import accueil.rules
from accueil.rules.base import SEED, Source
from accueil.rules.sections import SECTION_NAMES, section_name


def cited_sources() -> set[Source]:
    for module in pkgutil.walk_packages(accueil.rules.__path__, "accueil.rules."):
        importlib.import_module(module.name)
    return {o for o in gc.get_objects() if isinstance(o, Source)}


def written_in(source: Source) -> str:
    """The language of the seed the section belongs to (the CAI's English, the guide's French)."""
    return "en" if source.seed == SEED else "fr"


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_every_cited_section_has_a_name_in_each_language(lang):
    missing = sorted(
        {
            source.section
            for source in cited_sources()
            if written_in(source) != lang and lang not in SECTION_NAMES.get(source.section, {})
        }
    )
    assert missing == []


def test_a_section_is_named_in_the_readers_language_or_as_printed():
    assert section_name("Who is concerned", "fr") == "Qui est concerné"
    assert section_name("Who is concerned", "de-ch") == "Wer betroffen ist"
    assert section_name("Who is concerned", "en") == "Who is concerned"
    assert section_name("Trouver un logement", "fr") == "Trouver un logement"
    assert section_name("Not a section", "de") == "Not a section"
