"""The rules' French texts follow the French typography of docs/glossary.md, as the
catalogues do (tests/core/test_glossary.py): a no-break space before : ; ? ! and », after
«, and one apostrophe, the typographic one. Read from the source: every second argument
of `t(en, fr, de)` and every value of a "fr" key in a dict literal."""

import ast
import re
from pathlib import Path

RULES = Path(__file__).resolve().parents[2] / "src" / "accueil" / "rules"
WRONG = re.compile(r"(?<=\S) [:;?!»]|« (?=\S)|(?<=\w)'(?=\w)")


def french_texts(tree: ast.AST):
    for node in ast.walk(tree):
        values = []
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t" and node.args:
            values = node.args[1:2]
        elif isinstance(node, ast.Dict):
            values = [v for k, v in zip(node.keys, node.values, strict=True) if _is_fr(k)]
        for value in values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                yield value.lineno, value.value


def _is_fr(key) -> bool:
    return isinstance(key, ast.Constant) and key.value == "fr"


def faults(source: str) -> list[tuple[int, str]]:
    return [
        (line, text[max(0, m.start() - 25) : m.end() + 5])
        for line, text in french_texts(ast.parse(source))
        for m in WRONG.finditer(text)
    ]


def test_the_rules_french_texts_use_french_typography():
    found = []
    for path in sorted(RULES.rglob("*.py")):
        found += [(path.name, *fault) for fault in faults(path.read_text(encoding="utf-8"))]
    assert found == []


def test_a_plain_space_before_a_colon_or_a_straight_apostrophe_is_caught():
    source = 't("Date: x", "Le jour : l\'entrée", "Tag: x")\nM = {"fr": "Quand ?"}\n'
    assert len(faults(source)) == 3
    assert faults('t("a", "Le jour\u00a0: l’entrée", "b")') == []
