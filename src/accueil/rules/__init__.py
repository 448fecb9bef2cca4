"""The law as code: the rules of the Welcome and Integration Contract (CAI), in plain Python.

This package imports nothing but the standard library (a test enforces it), so
the rules can be read, tested and reused without Django or a database.

    >>> from accueil.rules import evaluate
    >>> evaluate("cai.term", {"entry_into_force": "2024-02-29"}).values["last_day"]
    datetime.date(2026, 2, 28)

See docs/rules.md for every rule, its facts, its outputs and a worked example.
"""

from accueil.rules.base import LANGUAGES, Decision, FactError, Reason, Source
from accueil.rules.parameters import parameter, parameters_table
from accueil.rules.registry import RULES, RuleSpec, evaluate

__all__ = [
    "LANGUAGES",
    "RULES",
    "Decision",
    "FactError",
    "Reason",
    "RuleSpec",
    "Source",
    "evaluate",
    "parameter",
    "parameters_table",
]
