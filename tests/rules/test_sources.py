"""Every rule and parameter cites a passage that is literally in its seed.

Two seeds: the CAI procedure (000, in English) and the newcomer's guide (004, in
French). Each source names its seed; its passage is checked against that text,
whitespace normalised, and its section against that text's headings.
"""

import functools
import importlib
import pkgutil
import re

import pytest

import accueil.rules
from accueil.rules import Source, parameters_table
from accueil.rules.base import SEED
from accueil.rules.guide.sources import SEED as GUIDE_SEED
from tests.seeds import read_seed


def normalise(text):
    return re.sub(r"\s+", " ", text).strip()


@functools.cache
def seed_texts():
    """Each seed's normalised text and its headings (lines; the CAI adds "Introduction").

    Called in the tests' bodies, not as a fixture, so that where the seeds are not
    available the tests are SKIPPED with the reason, or FAIL when they are required
    (see tests/seeds.py), rather than erroring in set-up."""
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


def test_every_declared_passage_is_in_its_seed_under_one_of_its_headings():
    seeds = seed_texts()
    for source in declared_sources():
        check(source, seeds)


def test_every_passage_given_in_a_reason_is_in_its_seed(all_decisions):
    seeds = seed_texts()
    for decision in all_decisions:
        for reason in decision.reasons:
            check(reason.source, seeds)


def test_a_passage_that_is_not_in_the_seed_is_caught():
    seeds = seed_texts()
    wrong = Source(seed=GUIDE_SEED, section="L’article 89", passage="depuis au moins 5 ans")
    with pytest.raises(AssertionError):
        check(wrong, seeds)
