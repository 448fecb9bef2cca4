"""The statistics' tables: what a page shows beside its chart, and what its CSV holds.

A table has rows (a month, a country, a language, a kind of course, a purpose) and
columns of numbers of three kinds: counts of people (contracts, emails, seats taken),
other counts (courses, seats offered), and figures derived from counts (a rate, a
median), each naming the counts it is derived from.

The anonymised export (`suppressed_cells`) hides every count of people under
`THRESHOLD` (0 to 4 alike: "<5"), then hides more cells so that none of those can be
found back by subtraction from a total (secondary suppression):

- a "line" is a set of cells that add up to a total shown in the table: a column with
  the total row, and, within a row, the parts of a column (fulfilled + not fulfilled +
  awaiting a decision = reviewed);
- a line is safe when none of its cells is hidden, or when its total is hidden, or
  when at least two of its cells are hidden and together they count at least 5 people
  (so subtracting tells no more than "these cells together count N ≥ 5");
- otherwise the smallest cell still shown in that line is hidden too (the total when
  none is left), and every line is checked again until all are safe;
- a derived figure (rate, median) is hidden when a count it comes from is hidden.

A count under 5 reads "<5"; a figure hidden for the others' sake reads "x" (it may be
5 or more).
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

THRESHOLD = 5
HIDDEN = "<5"  # a count of people under 5
ALSO_HIDDEN = "x"  # a figure hidden so that a count under 5 cannot be found back

PEOPLE = "people"  # a count of people: suppressed under THRESHOLD
COUNT = "count"  # a count of things (courses, seats offered): never suppressed
RATE = "rate"  # a share, 0 to 1
DAYS = "days"  # a number of days (a median)


@dataclass(frozen=True)
class Column:
    key: str
    label: "StrOrPromise"
    kind: str = PEOPLE
    # The cells of this column, with its sibling parts, add up to column `part_of`.
    part_of: str = ""
    # A derived figure: hidden when any of these columns' cell is hidden.
    base: tuple[str, ...] = ()


@dataclass
class Row:
    label: str
    values: dict[str, int | float | Decimal | None]
    # The first cell of the CSV when it differs from the page's (a month as 2026-03).
    csv_label: str = ""
    # The row's key (a month's date, a country's code) for tests and charts.
    key: object = None


@dataclass
class Table:
    name: str
    title: "StrOrPromise"
    heading: "StrOrPromise"  # the first column's header: "Month", "Nationality"
    columns: list[Column]
    rows: list[Row]
    total: Row | None = None
    notes: list["StrOrPromise"] = field(default_factory=list)

    def all_rows(self) -> list[Row]:
        return self.rows + ([self.total] if self.total else [])

    def column(self, key: str) -> Column:
        return next(column for column in self.columns if column.key == key)


Cell = tuple[int, str]  # (index in all_rows(), column key)


def _lines(table: Table) -> list[tuple[list[Cell], Cell]]:
    lines: list[tuple[list[Cell], Cell]] = []
    people = [column for column in table.columns if column.kind == PEOPLE]
    if table.total:
        total_index = len(table.rows)
        for column in people:
            cells = [(i, column.key) for i in range(len(table.rows))]
            lines.append((cells, (total_index, column.key)))
    for i in range(len(table.all_rows())):
        for target in {column.part_of for column in people if column.part_of}:
            parts = [(i, column.key) for column in people if column.part_of == target]
            lines.append((parts, (i, target)))
    return lines


def suppressed_cells(table: Table) -> set[Cell]:
    """The cells the anonymised export hides (see the module's docstring)."""
    rows = table.all_rows()

    def value(cell: Cell) -> int:
        return int(rows[cell[0]].values.get(cell[1]) or 0)

    hidden: set[Cell] = {
        (i, column.key)
        for i, row in enumerate(rows)
        for column in table.columns
        if column.kind == PEOPLE and value((i, column.key)) < THRESHOLD
    }
    lines = _lines(table)
    changed = True
    while changed:
        changed = False
        for cells, total in lines:
            while total not in hidden:
                shown_hidden = [cell for cell in cells if cell in hidden]
                if not shown_hidden:
                    break
                together = sum(value(cell) for cell in shown_hidden)
                if len(shown_hidden) >= 2 and together >= THRESHOLD:
                    break
                visible = [cell for cell in cells if cell not in hidden]
                hidden.add(min(visible, key=value) if visible else total)
                changed = True
    for i, _row in enumerate(rows):
        for column in table.columns:
            if column.base and any((i, key) in hidden for key in column.base):
                hidden.add((i, column.key))
    return hidden


def csv_rows(table: Table, language: str, anonymised: bool) -> list[Sequence[str]]:
    """The table as CSV cells: a header, its rows, its total; numbers as `language`
    writes them (decimal comma in French and German), hidden cells as "<5" or "x"."""
    hidden = suppressed_cells(table) if anonymised else set()
    comma = language in ("fr", "de")
    header = [str(table.heading)] + [
        str(column.label) + (" (%)" if column.kind == RATE else "") for column in table.columns
    ]
    lines: list[Sequence[str]] = [header]
    for i, row in enumerate(table.all_rows()):
        cells = [row.csv_label or row.label]
        for column in table.columns:
            number = row.values.get(column.key)
            if (i, column.key) in hidden:
                small = column.kind == PEOPLE and int(number or 0) < THRESHOLD
                cells.append(HIDDEN if small else ALSO_HIDDEN)
            elif number is None:
                cells.append("")
            else:
                cells.append(plain_number(number, column.kind, comma))
        lines.append(cells)
    return lines


def plain_number(number: int | float | Decimal, kind: str, comma: bool) -> str:
    """A number for a spreadsheet: no thousands separator; a rate in percent with one
    decimal; a decimal comma for French and German."""
    if kind == RATE:
        text = f"{float(number) * 100:.1f}"
    elif kind == DAYS:
        text = f"{float(number):g}"
    else:
        text = str(int(number))
    return text.replace(".", ",") if comma else text
