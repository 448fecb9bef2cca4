"""Every text the guide gives, over many situations: three languages, filled, from seed 004."""

import functools
import random
import re
import sys
from datetime import date
from pathlib import Path

import pytest

from accueil.rules import LANGUAGES, RULES, Source, evaluate
from accueil.rules.guide import assess
from accueil.rules.guide.sources import SEED
from tests.seeds import read_seed

ROOT = Path(__file__).resolve().parents[2]
ON = date(2026, 12, 1)


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@functools.cache
def guide_seed() -> str:
    """Seed 004, normalised. Called in the tests' bodies: where the seeds are not
    available they are SKIPPED with the reason, or FAIL when required (tests/seeds.py)."""
    return normalise(read_seed(SEED))


@pytest.fixture(scope="module")
def results():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import guide_rules

    rng = random.Random(11)
    return [assess(guide_rules.situation(rng), ON) for _ in range(1500)]


def texts_and_sources(result):
    """(code, message, source) for every reason, step, document, date and contact."""
    for reason in result.status:
        yield reason.code, reason.message, reason.source
    for procedure in result.procedures:
        yield procedure.code, procedure.title, None
        for reason in procedure.conditions + procedure.notes:
            yield reason.code, reason.message, reason.source
        for step in procedure.steps + procedure.documents:
            yield step.code, step.message, step.source
        for day in procedure.dates:
            yield day.code, day.label, day.source
    for tip in result.advice:
        for reason in tip.items:
            yield reason.code, reason.message, reason.source
    for contact in result.contacts:
        yield contact.code, contact.name, contact.source


def test_every_text_is_written_in_three_languages_and_filled(results):
    seen = set()
    for result in results:
        for code, message, _ in texts_and_sources(result):
            assert set(message) == set(LANGUAGES), code
            for lang in LANGUAGES:
                text = message[lang]
                assert text.strip(), (code, lang)
                assert "{" not in text and "}" not in text, (code, text)
            seen.add(code)
    assert len(seen) > 120


def test_french_and_german_are_not_english(results):
    same = set()
    for result in results:
        for code, message, _ in texts_and_sources(result):
            if message["fr"] == message["en"] or message["de"] == message["en"]:
                same.add(code)
    assert same <= {"asti", "adem", "casna"}, same


def test_every_source_is_a_passage_of_seed_004(results):
    seed_text = guide_seed()
    for result in results:
        for code, _, source in texts_and_sources(result):
            if source is None:
                continue
            assert isinstance(source, Source) and source.seed == SEED, code
            assert normalise(source.passage) in seed_text, (code, source.passage)


def test_reason_codes_start_with_their_rule(results):
    for result in results:
        for reason in result.status:
            assert reason.code.startswith(reason.rule + ".")
        for procedure in result.procedures:
            for reason in procedure.conditions + procedure.notes:
                assert reason.rule.startswith("guide."), reason.code
                assert reason.code.startswith(reason.rule + "."), reason.code


def test_every_guide_rule_reason_is_its_own_and_cited():
    seed_text = guide_seed()
    for name, spec in RULES.items():
        if not name.startswith("guide."):
            continue
        decision = evaluate(name, spec.example)
        for lang in LANGUAGES:
            decision.to_dict(lang)
        for reason in decision.reasons:
            if name != "guide.assessment":
                assert reason.rule == name, (name, reason.code)
            assert normalise(reason.source.passage) in seed_text, reason.code


def test_dates_are_written_as_people_read_them():
    result = assess(
        {
            "nationalities": ["IN"],
            "asylum_procedure": False,
            "residence": "abroad",
            "purpose": "work",
            "has_job_offer": True,
            "vacancy_declared_on": "2026-05-18",
            "certificate_requested_on": "2026-06-01",
        },
        ON,
    )
    reason = result.procedure("salaried_worker").conditions[-1]
    assert "8 June 2026" in reason.message["en"]
    assert "8 juin 2026" in reason.message["fr"]
    assert "8. Juni 2026" in reason.message["de"]


def test_the_guides_passages_are_marked_as_french_and_the_cais_as_english(results):
    from accueil.rules import parameters_table

    for row in parameters_table():
        assert row.source.lang == ("fr" if row.name.startswith("guide.") else "en"), row.name
    for result in results[:50]:
        for code, _, source in texts_and_sources(result):
            assert source is None or source.lang == "fr", code
