"""Every rule and parameter cites a passage that is literally in the seed."""

import importlib
import os
import pkgutil
import re
from pathlib import Path

import pytest

import accueil.rules
from accueil.rules import Source, parameters_table
from accueil.rules.base import SEED

ROOT = Path(__file__).resolve().parents[2]
# The specification lives beside the repository, in ../shared/seeds (as in CI).
SEED_DIRS = [os.environ.get("ACCUEIL_SEEDS_DIR", ""), ROOT.parent / "shared" / "seeds"]


def normalise(text):
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def seed():
    for folder in SEED_DIRS:
        path = Path(folder) / SEED
        if folder and path.is_file():
            return path.read_text(encoding="utf-8")
    pytest.fail(f"seed {SEED} not found in ../shared/seeds (or set ACCUEIL_SEEDS_DIR)")


def declared_sources():
    """Every Source a module of the package defines, plus the parameters' sources."""
    sources = [row.source for row in parameters_table()]
    for module in pkgutil.iter_modules(accueil.rules.__path__, "accueil.rules."):
        namespace = vars(importlib.import_module(module.name))
        sources += [value for value in namespace.values() if isinstance(value, Source)]
    return sources


def test_the_package_declares_sources():
    assert len(declared_sources()) > 20


def test_every_declared_passage_is_in_the_seed(seed):
    text = normalise(seed)
    for source in declared_sources():
        assert source.seed == SEED
        assert normalise(source.passage) in text, source.passage


def test_every_passage_given_in_a_reason_is_in_the_seed(seed, all_decisions):
    text = normalise(seed)
    for decision in all_decisions:
        for reason in decision.reasons:
            assert normalise(reason.source.passage) in text, (reason.code, reason.source)


def test_every_section_is_a_heading_of_the_seed(seed, all_decisions):
    headings = {line.strip() for line in seed.splitlines()} | {"Introduction"}
    sections = {source.section for source in declared_sources()}
    sections |= {reason.source.section for decision in all_decisions for reason in decision.reasons}
    assert sections <= headings
