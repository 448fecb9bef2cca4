"""Every rule and parameter cites a passage that is literally in its seed.

Two seeds: the CAI procedure (000, in English) and the newcomer's guide (004, in
French). Each source names its seed; its passage is checked against that text,
whitespace normalised, and its section against that text's headings.
"""

import importlib
import os
import pkgutil
import re
from pathlib import Path

import pytest

import accueil.rules
from accueil.rules import Source, parameters_table
from accueil.rules.base import SEED
from accueil.rules.guide.sources import SEED as GUIDE_SEED

ROOT = Path(__file__).resolve().parents[2]
# The specification lives beside the repository, in ../shared/seeds (as in CI).
SEED_DIRS = [os.environ.get("ACCUEIL_SEEDS_DIR", ""), ROOT.parent / "shared" / "seeds"]


def normalise(text):
    return re.sub(r"\s+", " ", text).strip()


def read_seed(name):
    for folder in SEED_DIRS:
        path = Path(folder) / name
        if folder and path.is_file():
            return path.read_text(encoding="utf-8")
    pytest.fail(f"seed {name} not found in ../shared/seeds (or set ACCUEIL_SEEDS_DIR)")


@pytest.fixture(scope="module")
def seeds():
    """Each seed's normalised text and its headings (lines; the CAI adds "Introduction")."""
    texts = {name: read_seed(name) for name in (SEED, GUIDE_SEED)}
    return {
        name: (normalise(text), {line.strip() for line in text.splitlines()} | {"Introduction"})
        for name, text in texts.items()
    }


def declared_sources():
    """Every Source a module of the package (and its sub-packages) defines, and the parameters'."""
    sources = [row.source for row in parameters_table()]
    for module in pkgutil.walk_packages(accueil.rules.__path__, "accueil.rules."):
        namespace = vars(importlib.import_module(module.name))
        sources += [value for value in namespace.values() if isinstance(value, Source)]
    return sources


def test_the_package_declares_sources_from_both_seeds():
    by_seed = {name: 0 for name in (SEED, GUIDE_SEED)}
    for source in declared_sources():
        by_seed[source.seed] += 1
    assert by_seed[SEED] > 20
    assert by_seed[GUIDE_SEED] > 100


def check(source, seeds):
    assert source.seed in seeds, source
    text, headings = seeds[source.seed]
    assert normalise(source.passage) in text, (source.seed, source.passage)
    assert source.section in headings, (source.seed, source.section)


def test_every_declared_passage_is_in_its_seed_under_one_of_its_headings(seeds):
    for source in declared_sources():
        check(source, seeds)


def test_every_passage_given_in_a_reason_is_in_its_seed(seeds, all_decisions):
    for decision in all_decisions:
        for reason in decision.reasons:
            check(reason.source, seeds)


def test_a_passage_that_is_not_in_the_seed_is_caught(seeds):
    wrong = Source(seed=GUIDE_SEED, section="L’article 89", passage="depuis au moins 5 ans")
    with pytest.raises(AssertionError):
        check(wrong, seeds)
