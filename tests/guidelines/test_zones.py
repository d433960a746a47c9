"""Zones A–D for every cell, under both sets of zone lines, entered as the staircase the
printed Table shows: for each category, the last offense level in Zones A, B and C."""

import pytest

from sentencing.guidelines import CATEGORIES, edition_by_key, lookup, zone_for

# Amendment 462 (Nov. 1, 1992) lines, as printed in the 1995 Manual.
LAST_LEVEL_1992 = {
    "I": (8, 10, 12),
    "II": (5, 9, 11),
    "III": (4, 8, 10),
    "IV": (3, 6, 8),
    "V": (2, 5, 6),
    "VI": (1, 4, 5),
}
# Amendment 738 (Nov. 1, 2010) lines: Zones B and C each reach one level further.
LAST_LEVEL_2010 = {
    "I": (8, 11, 13),
    "II": (5, 10, 12),
    "III": (4, 9, 11),
    "IV": (3, 7, 9),
    "V": (2, 6, 7),
    "VI": (1, 5, 6),
}


def expected_zone(staircase, level, category):
    last_a, last_b, last_c = staircase[category]
    if level <= last_a:
        return "A"
    if level <= last_b:
        return "B"
    return "C" if level <= last_c else "D"


CELLS = [(level, category) for category in CATEGORIES for level in range(1, 44)]


@pytest.mark.parametrize(("level", "category"), CELLS)
def test_each_cell_is_in_its_1992_zone_under_the_1995_manual(level, category):
    edition = edition_by_key("1995-11-01")
    assert zone_for(lookup(level, category), edition) == expected_zone(
        LAST_LEVEL_1992, level, category
    )


@pytest.mark.parametrize(("level", "category"), CELLS)
def test_each_cell_is_in_its_2010_zone_under_the_2023_manual(level, category):
    edition = edition_by_key("2023-11-01")
    assert zone_for(lookup(level, category), edition) == expected_zone(
        LAST_LEVEL_2010, level, category
    )


def test_it_moved_level_13_category_i_from_zone_d_to_zone_c_in_2010():
    twelve_to_eighteen = lookup(13, "I")
    assert zone_for(twelve_to_eighteen, edition_by_key("2003-11-01")) == "D"
    assert zone_for(twelve_to_eighteen, edition_by_key("2010-11-01")) == "C"


def test_it_puts_life_in_zone_d():
    assert zone_for(lookup(43, "I"), edition_by_key("2025-11-01")) == "D"
