"""The Sentencing Table (Ch. 5 Pt. A): every cell against a second, independently typed copy
(entered by column here, by row in the engine) and against 28 U.S.C. § 994(b)(2)."""

import pytest

from sentencing.guidelines import CATEGORIES, SentencingRange, lookup, normalize_category
from sentencing.guidelines.table import TABLE

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
    assert {category: len(column) for category, column in COLUMNS.items()} == {
        category: 43 for category in CATEGORIES
    }
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
            assert higher[0] >= lower[0] and higher[1] >= lower[1], (level, category)


def test_no_bound_falls_as_the_category_rises():
    for level in range(1, 44):
        for left, right in zip(CATEGORIES, CATEGORIES[1:], strict=False):
            lower, higher = bounds(lookup(level, left)), bounds(lookup(level, right))
            assert higher[0] >= lower[0] and higher[1] >= lower[1], (level, left)


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
    with pytest.raises(ValueError) as error:
        normalize_category("VII")
    assert str(error.value) == "Criminal history category must be I–VI, not 'VII'."


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
    with pytest.raises(ValueError):
        SentencingRange(None, 10)
    with pytest.raises(ValueError):
        SentencingRange(20, 10)
