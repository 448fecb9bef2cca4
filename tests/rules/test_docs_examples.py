"""docs/rules.md shows what the code does: examples, outputs and the parameter table."""

import json
import re
from pathlib import Path

import pytest

from accueil.rules import RULES, evaluate, parameters_table
from accueil.rules.base import to_json
from accueil.rules.guide.docgen import BEGIN, END, guide_sections

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
BLOCK = re.compile(r"^```json (facts|decision) rule=(\S+)\n(.*?)^```$", re.M | re.S)


def documented_examples():
    """(rule, facts text, decision text) for each facts block followed by its decision."""
    blocks = BLOCK.findall(DOC.read_text(encoding="utf-8"))
    pairs = []
    for (kind, rule, facts), (next_kind, next_rule, decision) in zip(
        blocks[::2], blocks[1::2], strict=True
    ):
        assert (kind, next_kind, next_rule) == ("facts", "decision", rule), (rule, next_rule)
        pairs.append((rule, facts, decision))
    return pairs


EXAMPLES = documented_examples()


@pytest.mark.parametrize(("rule", "facts", "decision"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_documented_decision_is_what_the_rule_returns(rule, facts, decision):
    result = evaluate(rule, json.loads(facts)).to_dict("en")
    assert result == json.loads(decision)
    # The CLI prints exactly this, so the documentation shows it character for character.
    assert json.dumps(result, indent=2, ensure_ascii=False) == decision.rstrip("\n")


def test_every_rule_has_a_documented_example_and_its_registry_example_is_shown():
    shown = {}
    for rule, facts, _ in EXAMPLES:
        shown.setdefault(rule, []).append(json.loads(facts))
    for name, spec in RULES.items():
        assert spec.example in shown.get(name, []), name


def test_every_fact_of_every_rule_is_documented():
    text = DOC.read_text(encoding="utf-8")
    for name, spec in RULES.items():
        section = text.split(f"## `{name}`", 1)[1].split("\n## ", 1)[0]
        for fact in spec.facts_doc:
            assert f"| `{fact}` |" in section, (name, fact)


def parameter_rows():
    lines = DOC.read_text(encoding="utf-8").splitlines()
    prefixes = ("| `cai.", "| `pip.", "| `guide.")
    return [line for line in lines if line.startswith(prefixes)]


def test_parameter_table_matches_the_code():
    rows = parameter_rows()
    table = parameters_table()
    assert len(rows) == len(table)
    for line, row in zip(rows, table, strict=True):
        cells = [cell.strip() for cell in line.strip("|").split(" | ")]
        name, value, valid_from, valid_until, source, description, authority = cells
        assert name == f"`{row.name}`"
        assert json.loads(value.strip("`")) == to_json(row.value)
        assert valid_from == row.valid_from.isoformat()
        assert valid_until == (row.valid_until.isoformat() if row.valid_until else "—")
        assert source == f"{row.source.section}: “{row.source.passage}”"
        assert description == row.description
        assert authority == (row.authority or "—")


def test_the_guide_rules_section_is_what_docgen_prints():
    text = DOC.read_text(encoding="utf-8")
    start = text.index(BEGIN)
    end = text.index(END) + len(END) + 1
    assert text[start:end] == guide_sections()


def test_every_guide_rule_is_documented_with_a_description():
    names = [name for name in RULES if name.startswith("guide.")]
    assert len(names) >= 25
    text = DOC.read_text(encoding="utf-8")
    for name in names:
        assert f"## `{name}` — " in text, name
