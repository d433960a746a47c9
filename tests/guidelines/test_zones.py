"""Zones A–D for every cell, under both sets of zone lines, entered as the staircase the
printed Table shows: for each category, the last offense level in Zones A, B and C."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sentencing.guidelines import CATEGORIES, EDITIONS, edition_by_key, lookup, zone_for
from sentencing.guidelines.zones import NO_ZONES

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


# Amendment 738 took effect Nov. 1, 2010; every earlier carried Manual from Amendment 462
# (Nov. 1, 1992) prints the 1992 lines; before it the Manual drew no zones.
AMENDMENT_738 = date(2010, 11, 1)
AMENDMENT_462 = date(1992, 11, 1)
ZONED = [e for e in EDITIONS if e.effective >= AMENDMENT_462]


def staircase_for(edition):
    return LAST_LEVEL_2010 if edition.effective >= AMENDMENT_738 else LAST_LEVEL_1992


@pytest.mark.parametrize("edition", ZONED, ids=lambda e: e.key)
def test_every_edition_draws_the_zone_lines_in_force_on_its_effective_date(edition):
    wrong = [
        (level, category)
        for level, category in CELLS
        if zone_for(lookup(level, category), edition)
        != expected_zone(staircase_for(edition), level, category)
    ]
    assert wrong == []


@given(
    st.sampled_from(ZONED),
    st.integers(min_value=1, max_value=43),
    st.sampled_from(CATEGORIES),
)
def test_any_cell_under_any_edition_falls_in_the_zone_its_staircase_shows(edition, level, category):
    expected = expected_zone(staircase_for(edition), level, category)
    assert zone_for(lookup(level, category), edition) == expected


@pytest.mark.parametrize("key", ["1989-11-01", "1990-11-01", "1991-11-01"])
def test_before_amendment_462_no_range_has_a_zone(key):
    edition = edition_by_key(key)
    assert {zone_for(lookup(level, c), edition) for level, c in CELLS} == {NO_ZONES}


def test_the_staircases_step_down_as_the_category_rises():
    # The printed zone lines never move to a higher offense level in a worse category.
    for staircase in (LAST_LEVEL_1992, LAST_LEVEL_2010):
        for left, right in zip(CATEGORIES, CATEGORIES[1:], strict=False):
            assert all(a >= b for a, b in zip(staircase[left], staircase[right], strict=True))
    # Amendment 738 moved the B and C lines one level down in every column, and left A alone.
    for category in CATEGORIES:
        a92, b92, c92 = LAST_LEVEL_1992[category]
        assert LAST_LEVEL_2010[category] == (a92, b92 + 1, c92 + 1)
