"""The engine's loss tables agree, cell by cell, with a copy typed separately from the Manual.

The copy and its sources are in loss_tables_copy.py: §2B1.1(b)(1) as set by Amendment 791
(Nov. 1, 2015), by Amendment 617 (Nov. 1, 2001) with Amendment 647's rows, and the 1995 theft
(§2B1.1(b)(1), Amendment 99) and fraud (§2F1.1(b)(1), Amendment 154) tables.
"""

import pytest

from sentencing.guidelines import loss
from sentencing.guidelines.editions import edition_by_key
from tests.guidelines.loss_tables_copy import TABLES, Row

# Which copied table each carried edition prints, and under which guideline.
APPLIES: tuple[tuple[str, str, str], ...] = (
    ("1995-11-01", "2B1.1", "1995-2B1.1"),
    ("1995-11-01", "2F1.1", "1995-2F1.1"),
    ("2003-11-01", "2B1.1", "2001"),
    ("2010-11-01", "2B1.1", "2001"),
    ("2016-11-01", "2B1.1", "2015"),
    ("2023-11-01", "2B1.1", "2015"),
    ("2024-11-01", "2B1.1", "2015"),
    ("2025-11-01", "2B1.1", "2015"),
)


def _dollars(amount: int) -> str:
    return f"${amount:,}"


def _thresholds():
    """One case per row after the first: (edition, guideline, X, levels up to X, levels above X)."""
    for edition_key, guideline, table_key in APPLIES:
        rows: tuple[Row, ...] = TABLES[table_key]
        for index in range(1, len(rows)):
            more_than, levels = rows[index]
            below = rows[index - 1][1]
            letter = chr(ord("A") + index)
            yield pytest.param(
                edition_key,
                guideline,
                more_than,
                below,
                levels,
                id=f"{edition_key} {guideline} ({letter}) more than {_dollars(more_than)}",
            )


@pytest.mark.parametrize(
    ("edition_key", "guideline", "table_key"),
    [pytest.param(*case, id=f"{case[0]} {case[1]} table {case[2]}") for case in APPLIES],
)
def test_each_copied_table_opens_with_no_increase(edition_key, guideline, table_key):
    # Every table's row (A) reads "$X or less ... no increase".
    assert TABLES[table_key][0] == (0, 0)
    edition = edition_by_key(edition_key)
    assert loss.loss_levels(0, edition, guideline) == 0
    assert loss.loss_levels(1, edition, guideline) == 0


@pytest.mark.parametrize(
    ("edition_key", "guideline", "more_than", "levels_at", "levels_above"),
    list(_thresholds()),
)
def test_levels_change_just_above_each_threshold(
    edition_key, guideline, more_than, levels_at, levels_above
):
    # "More than $X": X itself takes the row before; one dollar more takes this row.
    edition = edition_by_key(edition_key)
    assert loss.loss_levels(more_than, edition, guideline) == levels_at
    assert loss.loss_levels(more_than + 1, edition, guideline) == levels_above


@pytest.mark.parametrize("table_key", sorted(TABLES))
def test_the_copy_itself_rises_row_by_row(table_key):
    # A slip in typing the copy (a row out of order or repeated) would weaken the comparison.
    rows = TABLES[table_key]
    thresholds = [more_than for more_than, _ in rows]
    levels = [level for _, level in rows]
    assert thresholds == sorted(set(thresholds))
    assert levels == sorted(set(levels))
