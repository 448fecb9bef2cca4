"""Who is asked what: the predicates that decide whether a question is relevant.

They read the raw answers (JSON values) and never the clock. Whether a
nationality is of a free-movement state uses the rows of the parameter table
that are in force until further notice (the EU of 27 since 1 February 2020);
`assess` uses the rows in force on the day of the assessment.
"""

from collections.abc import Callable, Mapping
from typing import Any

from accueil.rules.parameters import parameters_table

Answers = Mapping[str, Any]

_FREE_MOVEMENT = frozenset(
    code
    for row in parameters_table()
    if row.name in ("guide.eu_member_states", "guide.other_free_movement_states")
    and row.valid_until is None
    for code in row.value
)

# Purposes whose procedure is decided by the Immigration Directorate (a decision deadline).
DECIDED = frozenset(
    {
        "work",
        "blue_card",
        "self_employed",
        "study",
        "traineeship",
        "family_eu",
        "family_tcn",
        "long_term",
        "regularisation",
        "cross_border",
    }
)
# Purposes for which a person living abroad enters Luxembourg.
ENTERING = frozenset(
    {"work", "blue_card", "self_employed", "study", "traineeship", "family_eu", "family_tcn"}
)


def free_movement(codes: Any) -> bool:
    """Holds a nationality of the EU, the EEA or Switzerland (the open-ended rows)."""
    return not _FREE_MOVEMENT.isdisjoint(codes or ())


def concerned(answers: Answers) -> bool:
    """A third-country national outside the asylum procedure, as far as answered."""
    codes = answers.get("nationalities")
    return (
        bool(codes)
        and _FREE_MOVEMENT.isdisjoint(codes or ())
        and answers.get("asylum_procedure") is not True
    )


def third_country(answers: Answers) -> bool:
    codes = answers.get("nationalities")
    return bool(codes) and not free_movement(codes)


def purpose(*names: str) -> Callable[[Answers], bool]:
    """A predicate: the person is concerned and their purpose is one of `names`."""
    wanted = frozenset(names)

    def relevant(answers: Answers) -> bool:
        return answers.get("purpose") in wanted and concerned(answers)

    return relevant


class _Given:
    """Stands for "any answer but null" in `purpose_and`."""

    def __repr__(self) -> str:
        return "GIVEN"


GIVEN = _Given()


def purpose_and(names: tuple[str, ...], fact: str, *values: Any) -> Callable[[Answers], bool]:
    """A predicate: purpose among `names` and the answer to `fact` among `values`
    (`GIVEN`: any answer that is not null)."""
    base = purpose(*names)
    if values == (GIVEN,):

        def given(answers: Answers) -> bool:
            return answers.get(fact) is not None and base(answers)

        return given

    def relevant(answers: Answers) -> bool:
        return answers.get(fact) in values and base(answers)

    return relevant


def entering(answers: Answers) -> bool:
    return (
        answers.get("residence") == "abroad"
        and answers.get("purpose") in ENTERING
        and concerned(answers)
    )


def holds_permit(answers: Answers) -> bool:
    return answers.get("residence") == "resident" and concerned(answers)


def decided(answers: Answers) -> bool:
    return answers.get("purpose") in DECIDED and concerned(answers)


def birth_date_needed(answers: Answers) -> bool:
    if not concerned(answers):
        return False
    chosen = answers.get("purpose")
    return (
        (chosen == "family_eu" and answers.get("family_link_eu") == "child")
        or (chosen == "family_tcn" and answers.get("family_link_tcn") == "child")
        or (chosen == "regularisation" and answers.get("art89_basis") == "adult_pupil")
    )


def has_children(answers: Answers) -> bool:
    return answers.get("children_school_age") is True and concerned(answers)
