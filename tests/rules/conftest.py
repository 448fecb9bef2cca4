"""Shared scenarios for the rules tests: one run of every rule through every path.

The message and source tests use these decisions to check that every reason a
rule can give has complete messages and a passage that really is in the seed.
"""

import pytest

from accueil.rules import Decision, evaluate

TERM = {"entry_into_force": "2023-04-03"}

SCENARIOS: list[tuple[str, dict]] = [
    (
        "cai.eligibility",
        {
            "birth_date": "1990-05-14",
            "on": "2025-03-10",
            "nationalities": ["PT"],
            "legally_resident": True,
            "wishes_to_settle": True,
        },
    ),
    (
        "cai.eligibility",
        {
            "birth_date": "2010-05-14",
            "on": "2025-03-10",
            "nationalities": ["LU", "FR"],
            "legally_resident": False,
            "wishes_to_settle": False,
        },
    ),
    ("cai.term", {"entry_into_force": "2024-02-29"}),
    ("cai.term", {"entry_into_force": "2024-02-29", "on": "2024-01-10"}),
    ("cai.term", {"entry_into_force": "2024-02-29", "on": "2025-01-10"}),
    ("cai.term", {"entry_into_force": "2024-02-29", "on": "2026-03-10"}),
    ("cai.obligations", {"language_levels": {}, "on": "2025-03-10"}),
    (
        "cai.obligations",
        {"language_levels": {"de": "B2", "fr": "A1.1"}, "needs_literacy": True, "on": "2025-03-10"},
    ),
    ("cai.fulfilment", {**TERM, "on": "2025-04-03"}),
    (
        "cai.fulfilment",
        {
            **TERM,
            "on": "2024-04-03",
            "language_training": {"completed_on": "2023-06-01"},
            "citizenship_course": {"hours": 6.5, "sessions": 3, "completed_on": "2023-06-01"},
            "orientation_day": {"attended_on": "2023-06-01"},
        },
    ),
    (
        "cai.fulfilment",
        {
            **TERM,
            "on": "2025-06-03",
            "language_training": {"completed_on": "2023-01-01", "kind": "literacy"},
            "citizenship_course": {"hours": 5.5, "sessions": 1, "completed_on": "2025-04-03"},
            "orientation_day": {"attended_on": "2025-04-03"},
        },
    ),
    (
        "cai.fulfilment",
        {**TERM, "on": "2025-05-03", "language_training": {"completed_on": "2025-04-03"}},
    ),
    (
        "cai.fulfilment",
        {
            **TERM,
            "on": "2023-06-03",
            "language_training": {"completed_on": "2023-06-01", "kind": "literacy"},
            "citizenship_course": {"hours": 6, "sessions": 2, "completed_on": "2023-02-01"},
            "orientation_day": {"attended_on": "2023-01-01"},
        },
    ),
    ("cai.follow_up", {"unmet_obligations": [], "reason_accepted_as_legitimate": False}),
    (
        "cai.follow_up",
        {"unmet_obligations": ["orientation_day"], "reason_accepted_as_legitimate": False},
    ),
    (
        "cai.follow_up",
        {
            "unmet_obligations": ["orientation_day", "language_training"],
            "reason_accepted_as_legitimate": True,
            "previous_term_last_day": "2025-04-02",
        },
    ),
]


@pytest.fixture(scope="session")
def all_decisions() -> list[Decision]:
    return [evaluate(name, facts) for name, facts in SCENARIOS]
