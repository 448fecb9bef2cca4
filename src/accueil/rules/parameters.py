"""The numbers and lists of the law, in one table, each with the date it applies from.

Rules never write "16" or "6 hours" themselves: they ask `parameter(name, on)`
for the value in force on the relevant day. A row applies from `valid_from`
(inclusive) until `valid_until` (exclusive, the same convention as the contract
term); `None` means "until further notice".

Every CAI row applies from 16 December 2008, the law on the reception and
integration of foreigners that created the CAI. The law of 2023 that replaced the
CAI from 1 January 2024 with the citizens' pact and the integration programme will
be added as new rows beside these (for instance `pip.*` from 2024-01-01), or as
later rows for the same names. The CAI rows stay open-ended because contracts
signed before 2024 are still reviewed under them.

The newcomer's guide (seed 004) adds its `guide.*` rows from
`accueil.rules.parameters_guide`, dated from the law of 29 August 2008 on free
movement and immigration (Article 89 as amended from 28 December 2015).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from accueil.rules.base import Source, cite
from accueil.rules.parameters_guide import ROWS as GUIDE_ROWS

CAI_LAW = date(2008, 12, 16)
_CAI_LAW_NOTE = "Law of 16 December 2008 on the reception and integration of foreigners"


@dataclass(frozen=True)
class Parameter:
    """One value of the law, with the period in which it is in force and its source."""

    name: str
    value: Any
    valid_from: date
    valid_until: date | None
    source: Source
    description: str
    # The official text the value comes from when it is not the seed (e.g. the Labour Code).
    authority: str = ""

    def in_force_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day < self.valid_until)


def _cai(name: str, value: Any, section: str, passage: str, description: str) -> Parameter:
    """A CAI row: in force from the 2008 law, with no end date yet."""
    note = f"{description} ({_CAI_LAW_NOTE}, which created the CAI.)"
    return Parameter(name, value, CAI_LAW, None, cite(section, passage), note)


PARAMETERS: tuple[Parameter, ...] = (
    _cai(
        "cai.minimum_age",
        16,
        "Who is concerned",
        "is at least 16 years old",
        "Minimum age, in whole years, to sign a CAI.",
    ),
    _cai(
        "cai.term_years",
        2,
        "Introduction",
        "It is optional and is concluded for a maximum term of 2 years.",
        "Maximum term of the contract, in years from its entry into force.",
    ),
    _cai(
        "cai.language_target_level",
        "A1.1",
        "Language training",
        "at least Basic User Level proficiency (A.1.1 of the Common European Framework "
        "of Reference for Languages)",
        "CEFR level the reduced-rate language training aims at.",
    ),
    _cai(
        "cai.language_training_languages",
        ("lb", "fr", "de"),
        "Language training",
        "the three administrative languages of Luxembourg (Luxembourgish, French, or German)",
        "Languages of the reduced-rate language training.",
    ),
    _cai(
        "cai.citizenship_min_hours",
        6,
        "Citizenship education",
        "The course is at least 6 hours long",
        "Minimum length of the citizenship course, in hours.",
    ),
    _cai(
        "cai.citizenship_min_sessions",
        2,
        "Citizenship education",
        "is divided into several sessions",
        "Minimum number of sessions of the citizenship course (several means at least 2).",
    ),
    _cai(
        "cai.citizenship_languages",
        ("de", "en", "fr", "lb", "pt"),
        "Citizenship education",
        "It is delivered in German, English, French, Luxembourgish and Portuguese.",
        "Languages in which the citizenship course is given.",
    ),
    _cai(
        "cai.orientation_day_max_hours",
        5,
        "Orientation Days",
        "They are half-day events and are free.",
        "Longest an orientation day may last, in hours: the seed says half a day but not how "
        "many hours; 5 is this software's reading, to change here if the ministry says otherwise.",
    ),
    _cai(
        "cai.orientation_days_per_year",
        2,
        "Orientation Days",
        "'Orientation Days' are held at least twice a year.",
        "Fewest orientation days to schedule in any twelve months; officers are warned below it.",
    ),
    _cai(
        "cai.orientation_days_required",
        1,
        "Introduction",
        "an orientation day to facilitate their integration",
        "Number of orientation days the signatory must attend.",
    ),
    _cai(
        "cai.fees",
        MappingProxyType(
            {
                "language_training": "reduced",
                "citizenship_course": "free",
                "orientation_day": "free",
            }
        ),
        "Introduction",
        "entitled to language training courses at a reduced rate, free citizenship "
        "education courses and an orientation day",
        "Fee of each obligation; orientation days are free too (Orientation Days: "
        "'They are half-day events and are free.').",
    ),
    # How the reduced rate reaches a provider: not in the seed, which says only "at a
    # reduced rate"; the numbers are the programme's, as issue 12 sets them.
    Parameter(
        "cai.language_vouchers",
        3,
        CAI_LAW,
        None,
        cite("Language training", "are offered language training at a reduced rate"),
        "Reduced-rate language vouchers a contract in force gives, each for one language "
        "course or literacy class. The seed gives the reduced rate, not this number, which "
        "is the programme's (Accueil issue 12); no official text is cited for it. For "
        "contracts under the Law of 16 December 2008, which created the CAI.",
    ),
    Parameter(
        "cai.language_voucher_validity_months",
        6,
        CAI_LAW,
        None,
        cite("Language training", "are offered language training at a reduced rate"),
        "Months a reduced-rate language voucher is valid from the day it is issued. The "
        "seed gives the reduced rate, not this period, which is the programme's (Accueil "
        "issue 12); no official text is cited for it. For contracts under the Law of "
        "16 December 2008, which created the CAI.",
    ),
    # The officers' early-warning list (issue 12, point 9): not in the seed either; these
    # thresholds are the programme's follow-up practice, as issue 12 sets them.
    Parameter(
        "cai.warning_consecutive_absences",
        2,
        CAI_LAW,
        None,
        cite("Language training", "Attendance is compulsory"),
        "Absences in a row (by session start, in one course, excused ones left aside) after "
        "which officers are warned. The seed says attendance is compulsory, not this number, "
        "which is from the programme's follow-up practice (issue 12); no official text is "
        "cited for it. For contracts under the Law of 16 December 2008, which created the CAI.",
    ),
    Parameter(
        "cai.warning_voucher_expiry_days",
        30,
        CAI_LAW,
        None,
        cite("Language training", "are offered language training at a reduced rate"),
        "Days before an unused reduced-rate language voucher stops being valid from which "
        "officers are warned. Not in the seed: from the programme's follow-up practice "
        "(issue 12); no official text is cited for it. For contracts under the Law of "
        "16 December 2008, which created the CAI.",
    ),
    Parameter(
        "cai.warning_nothing_booked_weeks",
        8,
        CAI_LAW,
        None,
        cite("Language training", "are offered language training at a reduced rate"),
        "Weeks after a contract's signature after which officers are warned if its holder "
        "has no current enrolment in any course. Not in the seed: from the programme's "
        "follow-up practice (issue 12); no official text is cited for it. For contracts "
        "under the Law of 16 December 2008, which created the CAI.",
    ),
)


PARAMETERS += tuple(
    Parameter(
        row.name,
        row.value,
        row.valid_from,
        row.valid_until,
        row.source,
        row.description,
        row.authority,
    )
    for row in GUIDE_ROWS
)
_BY_NAME: dict[str, tuple[Parameter, ...]] = {}
for _row in PARAMETERS:
    _BY_NAME[_row.name] = (*_BY_NAME.get(_row.name, ()), _row)


def parameter(name: str, on: date, table: Iterable[Parameter] | None = None) -> Any:
    """The value of `name` in force on `on`; `table` replaces the official one in tests."""
    rows = _BY_NAME.get(name, ()) if table is None else table
    for row in rows:
        if row.name == name and row.in_force_on(on):
            return row.value
    raise LookupError(f"no parameter {name!r} in force on {on.isoformat()}")


def parameters_table() -> tuple[Parameter, ...]:
    """Every row, in order, for the administration page and the documentation."""
    return PARAMETERS
