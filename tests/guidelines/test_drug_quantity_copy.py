"""The engine's Drug Quantity Table agrees row by row with a copy typed anew from the Manual.

The copy and its sources are in drug_quantity_copy.py: §2D1.1(c) as printed in the Nov. 1, 2016
Manual (the table of Amendment 782, Nov. 1, 2014) and in the Nov. 1, 2025 Manual, for heroin,
cocaine, cocaine base, methamphetamine (mixture and actual), "Ice", fentanyl, a fentanyl analogue
and marihuana.
"""

from decimal import Decimal

import pytest

from sentencing.guidelines import drug_quantity
from sentencing.guidelines.editions import edition_by_key
from tests.guidelines.drug_quantity_copy import TABLES, Column

DRUGS = (
    "heroin",
    "cocaine",
    "cocaine_base",
    "methamphetamine",
    "methamphetamine_actual",
    "ice",
    "fentanyl",
    "fentanyl_analogue",
    "marihuana",
)

# The smallest step the test takes below a threshold: "less than X" includes X - 0.001 G.
JUST_BELOW = Decimal("0.001")

# Which copied table each carried edition is checked against. The 2023 and 2024 Manuals are not
# among the sources here: they are taken to print Amendment 782's columns because the 2016 and
# 2025 Manuals, on either side of them, print the same nine columns.
APPLIES: tuple[tuple[str, str], ...] = (
    ("2016-11-01", "2014"),
    ("2023-11-01", "2014"),
    ("2024-11-01", "2014"),
    ("2025-11-01", "2025"),
)

# Editions between the two printed Manuals, checked against the 2025 copy too wherever its column
# equals the 2016 one (the table the two Manuals print then held in between).
BETWEEN = ("2023-11-01", "2024-11-01")


def _printed(grams: Decimal) -> str:
    """The quantity as the Manual prints it: 500 MG, 28 G, 2.8 KG, 90,000 KG."""
    if grams >= 1000:
        amount, unit = grams / 1000, "KG"
    elif 0 < grams < 1:
        amount, unit = grams * 1000, "MG"
    else:
        amount, unit = grams, "G"
    return f"{amount.normalize():,f} {unit}"


def _columns():
    """(edition, table, drug, column) for every column each edition is checked against."""
    for edition_key, table_key in APPLIES:
        for drug in DRUGS:
            yield edition_key, table_key, drug, TABLES[table_key][drug]
    for edition_key in BETWEEN:
        for drug in DRUGS:
            if TABLES["2025"][drug] == TABLES["2014"][drug]:
                yield edition_key, "2025", drug, TABLES["2025"][drug]


def _thresholds():
    """One case per row after the lowest: (edition, drug, X, level at X, level just below X)."""
    for edition_key, table_key, drug, rows in _columns():
        for index in range(1, len(rows)):
            at_least, level = rows[index]
            below = rows[index - 1][1]
            number = len(rows) - index  # the Manual numbers the rows (1) at the top down
            yield pytest.param(
                edition_key,
                drug,
                Decimal(at_least),
                level,
                below,
                id=(
                    f"{edition_key} {table_key} copy {drug} ({number}) at least "
                    f"{_printed(Decimal(at_least))}"
                ),
            )


def _lowest_rows():
    for edition_key, table_key, drug, rows in _columns():
        yield pytest.param(
            edition_key,
            drug,
            rows[0][1],
            id=f"{edition_key} {table_key} copy {drug} ({len(rows)}) at 0 G",
        )


@pytest.mark.parametrize(("edition_key", "drug", "lowest_level"), list(_lowest_rows()))
def test_no_quantity_takes_the_lowest_row(edition_key, drug, lowest_level):
    # §2D1.1(c): the last row of each column reads "Less than X", so any amount down to zero.
    edition = edition_by_key(edition_key)
    assert drug_quantity.drug_quantity_level(drug, Decimal("0"), edition) == lowest_level


@pytest.mark.parametrize(
    ("edition_key", "drug", "at_least", "level_at", "level_below"), list(_thresholds())
)
def test_level_changes_at_each_threshold(edition_key, drug, at_least, level_at, level_below):
    # §2D1.1(c): "At least X but less than Y": X itself takes this row, anything less the row below.
    edition = edition_by_key(edition_key)
    assert drug_quantity.drug_quantity_level(drug, at_least, edition) == level_at
    assert drug_quantity.drug_quantity_level(drug, at_least - JUST_BELOW, edition) == level_below


@pytest.mark.parametrize("drug", DRUGS)
def test_the_2025_manual_prints_the_2016_column(drug):
    # Typed twice, from GLM2016.txt and GLM2025.txt: these nine columns read the same in both
    # Manuals (2016 pp. 155-161, 2025 pp. 136-142). A difference here is a typing slip or a change
    # to record in drug_quantity_copy.py with the amendment that made it.
    assert TABLES["2025"][drug] == TABLES["2014"][drug]


@pytest.mark.parametrize(
    ("table_key", "drug"),
    [pytest.param(t, d, id=f"{t} copy {d}") for t in sorted(TABLES) for d in DRUGS],
)
def test_the_copy_itself_rises_row_by_row(table_key, drug):
    # A slip in typing the copy (a row out of order, repeated or in the wrong unit) would weaken
    # the comparison; §2D1.1(c) rises two levels a row, from level 12 (level 6 for marihuana).
    rows: Column = TABLES[table_key][drug]
    thresholds = [Decimal(at_least) for at_least, _ in rows]
    levels = [level for _, level in rows]
    assert rows[0][0] == "0"
    assert all(low < high for low, high in zip(thresholds, thresholds[1:], strict=False))
    assert all(low < high for low, high in zip(levels, levels[1:], strict=False))
    assert levels == list(range(levels[0], 40, 2))
    assert levels[-1] == 38


def test_the_copy_has_the_nine_columns():
    for table in TABLES.values():
        assert tuple(table) == DRUGS
