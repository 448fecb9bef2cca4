"""The anonymised export's suppression (statistics.tables): every count of people under
5 hidden, 0 included, and more cells hidden so that none can be found by subtraction."""

from accueil.statistics.tables import PEOPLE, RATE, Column, Row, Table, csv_rows, suppressed_cells


def one_column(*counts: int) -> Table:
    rows = [Row(label=f"r{i}", values={"n": n}) for i, n in enumerate(counts)]
    return Table(
        name="t",
        title="T",
        heading="Row",
        columns=[Column("n", "N", kind=PEOPLE)],
        rows=rows,
        total=Row(label="Total", values={"n": sum(counts)}),
    )


def shown(table: Table) -> list[str]:
    return [line[1] for line in csv_rows(table, "en", anonymised=True)[1:]]


def test_counts_0_1_4_are_hidden_5_is_shown():
    assert shown(one_column(0, 1, 4, 5, 10)) == ["<5", "<5", "<5", "5", "10", "20"]


def test_the_full_export_hides_nothing():
    lines = csv_rows(one_column(0, 1, 4, 5), "en", anonymised=False)
    assert [line[1] for line in lines[1:]] == ["0", "1", "4", "5", "10"]


def test_one_hidden_cell_and_a_total_hide_the_next_smallest_cell():
    # 3 could be read as 20 - 7 - 10: the 7 goes too (the smallest shown).
    assert shown(one_column(3, 7, 10)) == ["<5", "x", "10", "20"]


def test_hidden_cells_that_together_count_under_5_hide_one_more():
    # 1 and 2 are hidden, but 13 - 10 = 3 would tell "the two count 3 people": the 10
    # is hidden too, as "x" (it is not under 5).
    assert shown(one_column(1, 2, 10)) == ["<5", "<5", "x", "13"]


def test_a_zero_alone_is_not_given_away_by_the_total():
    assert shown(one_column(0, 6, 7)) == ["<5", "x", "7", "13"]


def test_two_small_cells_that_count_5_together_are_enough():
    assert shown(one_column(2, 3, 8)) == ["<5", "<5", "8", "13"]


def test_a_single_row_hides_its_total_when_hidden():
    assert shown(one_column(3)) == ["<5", "<5"]
    assert shown(one_column(7)) == ["7", "7"]


def test_rows_whose_parts_add_up_and_a_rate_derived_from_them():
    columns = [
        Column("all", "All"),
        Column("a", "A", part_of="all"),
        Column("b", "B", part_of="all"),
        Column("rate", "Rate", kind=RATE, base=("a", "b")),
    ]
    rows = [
        Row("m1", {"all": 12, "a": 10, "b": 2, "rate": 10 / 12}),
        Row("m2", {"all": 20, "a": 10, "b": 10, "rate": 0.5}),
    ]
    table = Table(
        "t",
        "T",
        "Month",
        columns,
        rows,
        Row("Total", {"all": 32, "a": 20, "b": 12, "rate": 20 / 32}),
    )
    hidden = suppressed_cells(table)
    # m1's b (2) is hidden, so is m1's a (within the row), and, down the columns, one
    # more cell of a and of b so that neither m1 cell is the total minus the rest.
    assert {(0, "a"), (0, "b"), (1, "a"), (1, "b")} <= hidden
    assert (0, "rate") in hidden and (1, "rate") in hidden
    assert (0, "all") not in hidden and (2, "all") not in hidden
    line = csv_rows(table, "fr", anonymised=True)[3]
    assert line == ["Total", "32", "20", "12", "62,5"]


def test_no_line_leaves_a_single_hidden_cell_or_a_small_remainder():
    """Whatever the counts, each line's hidden cells are none, or at least two that
    together count 5 or more, or its total is hidden."""
    for counts in [(0,), (1, 1), (4, 0, 9), (5, 1, 1, 1), (0, 0, 0, 5), (2, 2, 2, 50), (6, 6, 1)]:
        table = one_column(*counts)
        hidden = suppressed_cells(table)
        total = (len(counts), "n")
        cells = [(i, "n") for i in range(len(counts))]
        gone = [c for c in cells if c in hidden]
        assert all(counts[i] >= 5 for i, _ in cells if (i, "n") not in hidden)
        assert (
            total in hidden or not gone or (len(gone) >= 2 and sum(counts[i] for i, _ in gone) >= 5)
        ), counts
