"""The Sentencing Table (Ch. 5 Pt. A): every cell against a second, independently typed copy
(entered by column here, by row in the engine) and against 28 U.S.C. § 994(b)(2)."""

import pytest

from sentencing.guidelines import CATEGORIES, SentencingRange, lookup, normalize_category
from sentencing.guidelines.table import TABLE, TABLES

L = "360-life"

# Second entry, column by column (Category I..VI, offense levels 1..43 top to bottom).
COLUMNS = {
    "I": ["0-6"] * 8
    + "4-10 6-12 8-14 10-16 12-18 15-21 18-24 21-27 24-30 27-33 30-37 33-41 37-46".split()
    + "41-51 46-57 51-63 57-71 63-78 70-87 78-97 87-108 97-121 108-135 121-151".split()
    + "135-168 151-188 168-210 188-235 210-262 235-293 262-327 292-365 324-405".split()
    + [L, "life"],
    "II": ["0-6"] * 5
    + "1-7 2-8 4-10 6-12 8-14 10-16 12-18 15-21 18-24 21-27 24-30 27-33 30-37 33-41".split()
    + "37-46 41-51 46-57 51-63 57-71 63-78 70-87 78-97 87-108 97-121 108-135 121-151".split()
    + "135-168 151-188 168-210 188-235 210-262 235-293 262-327 292-365 324-405".split()
    + [L] * 2
    + ["life"],
    "III": ["0-6"] * 4
    + "1-7 2-8 4-10 6-12 8-14 10-16 12-18 15-21 18-24 21-27 24-30 27-33 30-37 33-41".split()
    + "37-46 41-51 46-57 51-63 57-71 63-78 70-87 78-97 87-108 97-121 108-135 121-151".split()
    + "135-168 151-188 168-210 188-235 210-262 235-293 262-327 292-365 324-405".split()
    + [L] * 3
    + ["life"],
    "IV": ["0-6"] * 3
    + "2-8 4-10 6-12 8-14 10-16 12-18 15-21 18-24 21-27 24-30 27-33 30-37 33-41".split()
    + "37-46 41-51 46-57 51-63 57-71 63-78 70-87 77-96 84-105 92-115 100-125 110-137".split()
    + "121-151 135-168 151-188 168-210 188-235 210-262 235-293 262-327 292-365 324-405".split()
    + [L] * 4
    + ["life"],
    "V": ["0-6"] * 2
    + "2-8 4-10 6-12 9-15 12-18 15-21 18-24 21-27 24-30 27-33 30-37 33-41 37-46".split()
    + "41-51 46-57 51-63 57-71 63-78 70-87 77-96 84-105 92-115 100-125 110-137".split()
    + "120-150 130-162 140-175 151-188 168-210 188-235 210-262 235-293 262-327".split()
    + "292-365 324-405".split()
    + [L] * 5
    + ["life"],
    "VI": ["0-6"]
    + "1-7 3-9 6-12 9-15 12-18 15-21 18-24 21-27 24-30 27-33 30-37 33-41 37-46".split()
    + "41-51 46-57 51-63 57-71 63-78 70-87 77-96 84-105 92-115 100-125 110-137".split()
    + "120-150 130-162 140-175 151-188 168-210 188-235 210-262 235-293 262-327".split()
    + "292-365 324-405".split()
    + [L] * 6
    + ["life"],
}

CELLS = [(level, category) for category in CATEGORIES for level in range(1, 44)]
INF = float("inf")


def as_text(rng: SentencingRange) -> str:
    if rng.low_months is None:
        return "life"
    return f"{rng.low_months}-{'life' if rng.high_months is None else rng.high_months}"


def bounds(rng: SentencingRange) -> tuple[float, float]:
    low = INF if rng.low_months is None else rng.low_months
    return low, INF if rng.high_months is None else rng.high_months


def test_the_second_entry_has_43_levels_in_each_of_6_columns():
    assert {category: len(column) for category, column in COLUMNS.items()} == dict.fromkeys(
        CATEGORIES, 43
    )
    assert len(CELLS) == 258


@pytest.mark.parametrize(("level", "category"), CELLS)
def test_each_cell_matches_the_second_entry(level, category):
    assert as_text(lookup(level, category)) == COLUMNS[category][level - 1]


def test_the_table_has_exactly_levels_1_to_43():
    assert sorted(TABLE) == list(range(1, 44))
    assert all(tuple(row) == CATEGORIES for row in TABLE.values())


def test_every_range_obeys_the_25_percent_or_6_months_rule():
    # 28 U.S.C. § 994(b)(2): the maximum may not exceed the minimum by more than the
    # greater of 25 percent or 6 months, except that if the minimum is 30 years or more
    # the maximum may be life.
    broken = []
    for level, category in CELLS:
        rng = lookup(level, category)
        low, high = rng.low_months, rng.high_months
        if low is None or high is None:
            if low is not None and low < 360:
                broken.append((level, category, str(rng)))
        elif 4 * (high - low) > max(low, 24):  # high - low <= max(low / 4, 6)
            broken.append((level, category, str(rng)))
    assert broken == []


def test_life_appears_only_where_the_minimum_is_30_years():
    for level, category in CELLS:
        rng = lookup(level, category)
        if rng.reaches_life and not rng.is_life:
            assert rng.low_months == 360


def test_no_bound_falls_as_the_offense_level_rises():
    for category in CATEGORIES:
        for level in range(1, 43):
            lower, higher = bounds(lookup(level, category)), bounds(lookup(level + 1, category))
            assert higher[0] >= lower[0], (level, category)
            assert higher[1] >= lower[1], (level, category)


def test_no_bound_falls_as_the_category_rises():
    for level in range(1, 44):
        for left, right in zip(CATEGORIES, CATEGORIES[1:], strict=False):
            lower, higher = bounds(lookup(level, left)), bounds(lookup(level, right))
            assert higher[0] >= lower[0], (level, left)
            assert higher[1] >= lower[1], (level, left)


# Cells checked one by one against the printed Manual (levels 1-43, Categories I-VI),
# chosen along the edges, the zone lines and the life region.
MANUAL_CELLS = {
    (1, "VI"): "0-6",
    (2, "VI"): "1-7",
    (3, "V"): "2-8",
    (3, "VI"): "3-9",
    (6, "V"): "9-15",
    (7, "I"): "0-6",  # Amendment 462 (1992) lowered it from 1-7
    (8, "I"): "0-6",  # Amendment 462 (1992) lowered it from 2-8
    (9, "I"): "4-10",
    (12, "I"): "10-16",
    (13, "I"): "12-18",
    (14, "I"): "15-21",
    (19, "I"): "30-37",  # §5G1.2, comment. (n.3): Defendant A
    (21, "V"): "70-87",  # United States v. Banuelos-Rodriguez
    (23, "IV"): "70-87",
    (24, "IV"): "77-96",
    (26, "III"): "78-97",
    (26, "VI"): "120-150",
    (27, "V"): "120-150",
    (29, "IV"): "121-151",
    (30, "II"): "108-135",  # §5G1.2, comment. (n.3): Defendant B
    (32, "I"): "121-151",
    (35, "VI"): "292-365",
    (36, "VI"): "324-405",
    (37, "VI"): "360-life",
    (38, "IV"): "324-405",
    (40, "I"): "292-365",
    (41, "I"): "324-405",
    (41, "II"): "360-life",
    (42, "I"): "360-life",
    (43, "I"): "life",
    (43, "VI"): "life",
}


@pytest.mark.parametrize(("level", "category"), sorted(MANUAL_CELLS))
def test_spot_checked_cells_match_the_manual(level, category):
    assert as_text(lookup(level, category)) == MANUAL_CELLS[(level, category)]


def test_a_range_minimum_always_carries_the_same_maximum():
    # The Table is one ladder of ranges reused across columns: a minimum fixes its maximum.
    maximum_for: dict[int | None, set] = {}
    for level, category in CELLS:
        rng = lookup(level, category)
        maximum_for.setdefault(rng.low_months, set()).add(rng.high_months)
    assert {low: highs for low, highs in maximum_for.items() if len(highs) > 1} == {}


def test_above_zone_a_each_column_rises_strictly_until_it_reaches_life():
    for category in CATEGORIES:
        lows = [lookup(level, category).low_months for level in range(1, 43)]
        climbing = [low for low in lows if low not in (0, 360)]
        assert climbing == sorted(set(climbing)), category


def test_it_reads_the_commentarys_own_example():
    # Ch. 5 Pt. A, comment. (n.1): offense level 15, Category III is 24–30 months.
    assert lookup(15, "III") == SentencingRange(24, 30)


def test_it_treats_level_44_as_43():
    assert lookup(44, "I") == lookup(43, "I") == SentencingRange(None, None)
    assert lookup(60, 6) == lookup(43, 6)


def test_it_treats_levels_below_1_as_1():
    assert lookup(0, "VI") == lookup(-5, "VI") == lookup(1, "VI") == SentencingRange(0, 6)


@pytest.mark.parametrize("value", ["v", " V ", "V", 5, "\tv\n"])
def test_it_accepts_a_category_in_any_case_or_as_a_number(value):
    assert normalize_category(value) == "V"
    assert lookup(21, value) == SentencingRange(70, 87)


@pytest.mark.parametrize("value", ["VII", 0, 7, "", "5", None, True, 5.0])
def test_it_rejects_a_category_outside_i_to_vi(value):
    with pytest.raises(ValueError, match="Criminal history category must be I–VI"):
        lookup(10, value)


def test_it_names_the_bad_category_in_the_message():
    with pytest.raises(ValueError, match=r"^Criminal history category must be I–VI, not 'VII'\.$"):
        normalize_category("VII")


def test_it_rejects_a_fractional_offense_level():
    with pytest.raises(ValueError, match="whole number"):
        lookup(21.5, "I")


@pytest.mark.parametrize(
    ("rng", "text"),
    [
        (SentencingRange(70, 87), "70–87 months"),
        (SentencingRange(0, 6), "0–6 months"),
        (SentencingRange(360, None), "360 months–life"),
        (SentencingRange(None, None), "life"),
    ],
)
def test_it_prints_ranges_with_an_en_dash(rng, text):
    assert str(rng) == text


def test_it_rejects_impossible_ranges():
    with pytest.raises(ValueError, match="minimum is life must have life as its maximum"):
        SentencingRange(None, 10)
    with pytest.raises(ValueError, match="maximum 10 is below its minimum"):
        SentencingRange(20, 10)


def test_before_amendment_462_two_cells_of_category_i_read_as_it_deleted_them():
    # "at Offense Level 7, Criminal History Category I, by deleting "1-7" ... and at Offense
    # Level 8, Criminal History Category I, by deleting "2-8"" (Amendment 462, Nov. 1, 1992).
    before = TABLES["1989"]
    assert (str(before[7]["I"]), str(before[8]["I"])) == ("1–7 months", "2–8 months")
    differing = [
        (level, category)
        for level, row in TABLE.items()
        for category, cell in row.items()
        if before[level][category] != cell
    ]
    assert differing == [(7, "I"), (8, "I")]
    assert lookup(7, "I", "1989") == SentencingRange(1, 7)
    assert lookup(7, "I") == SentencingRange(0, 6)
