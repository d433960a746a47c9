"""§3D1.4: the combined offense level of several count groups, checked against a copy of the
table typed separately (multiple_counts_copy.py), the Manual's own examples, and properties."""

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentencing.guidelines import Acceptance, CaseFacts, OffenseLine, calculate, edition_by_key
from sentencing.guidelines.multiple_counts import (
    combined_offense_level,
    increase_for,
    units_of,
    units_text,
)
from tests.guidelines import multiple_counts_copy as copy
from tests.guidelines.test_properties import editions
from tests.profiles import scaled


@pytest.mark.parametrize(("half_units", "increase"), sorted(copy.INCREASE_BY_HALF_UNITS.items()))
def test_the_table_adds_what_the_copy_says(half_units, increase):
    assert increase_for(Fraction(half_units, 2)) == increase


@pytest.mark.parametrize(("distance", "units"), sorted(copy.UNITS_BY_DISTANCE.items()))
def test_a_group_counts_the_units_the_copy_says(distance, units):
    assert units_of(30 - distance, 30) == Fraction(*units)


@pytest.mark.parametrize(("levels", "combined"), copy.EXAMPLES)
def test_the_manuals_own_examples(levels, combined):
    assert combined_offense_level(levels).combined == combined


def test_one_group_is_its_own_level():
    # §3D1.4 comment. (n.1)
    result = combined_offense_level((17,))
    assert (result.combined, result.increase) == (17, 0)


def _line(levels: int, group: int, kind: str = "base", section: str = "§2X1.1") -> OffenseLine:
    return OffenseLine(section, "line", levels, kind, count_group=group)


def test_two_groups_at_22_and_19_make_two_units_and_24():
    facts = CaseFacts(offense_lines=(_line(22, 1), _line(19, 2)))
    calc = calculate(facts, edition_by_key("2016-11-01"))
    assert calc.total_offense_level == 24
    assert calc.arithmetic == "22 + 2 = 24"
    combining = next(step for step in calc.steps if step.section == "§3D1.4")
    assert (combining.levels, combining.running_total) == (2, 24)
    assert "2 Units (Count group 1: 1, Count group 2: 1)" in combining.description


def test_each_group_scores_its_own_lines_and_alternatives():
    # A "use the greater" group of alternatives belongs to its count group: the lesser line of
    # group 2 does not lose to the greater line of group 1.
    lines = (
        _line(12, 1),
        OffenseLine("§2X1.1(b)(1)", "a", 6, "specific", group="b1", count_group=1),
        _line(14, 2),
        OffenseLine("§2X1.1(b)(1)", "b", 4, "specific", group="b1", count_group=2),
    )
    calc = calculate(CaseFacts(offense_lines=lines), edition_by_key("2016-11-01"))
    levels = [s.running_total for s in calc.steps if s.section == "§3D1.3"]
    assert levels == [18, 18]
    assert calc.total_offense_level == 20


def test_acceptance_comes_after_the_combination():
    facts = CaseFacts(
        offense_lines=(_line(14, 1), _line(12, 2)),
        acceptance=Acceptance.THREE,
        government_motion=True,
    )
    calc = calculate(facts, edition_by_key("2016-11-01"))
    # 14 and 12: 2 Units, +2 = 16, so §3E1.1(b) is open though no group alone reached 16.
    assert calc.offense_level_before_acceptance == 16
    assert calc.total_offense_level == 13


def test_a_group_nine_levels_below_adds_nothing_and_says_why():
    calc = calculate(
        CaseFacts(offense_lines=(_line(20, 1), _line(11, 2))), edition_by_key("2016-11-01")
    )
    assert calc.total_offense_level == 20
    assert any("§3D1.4(c)" in note for note in calc.notes)


def test_units_are_written_as_the_manual_writes_them():
    assert [units_text(Fraction(n, 2)) for n in (1, 2, 3, 5, 11)] == ["½", "1", "1½", "2½", "5½"]


group_levels = st.lists(st.integers(min_value=-5, max_value=45), min_size=1, max_size=8)


@settings(max_examples=scaled(300))
@given(group_levels, st.integers(min_value=-5, max_value=45))
def test_adding_a_group_never_lowers_the_combined_level(levels, added):
    before = combined_offense_level(tuple(levels)).combined
    assert combined_offense_level((*levels, added)).combined >= before


@settings(max_examples=scaled(300))
@given(group_levels, st.integers(min_value=0, max_value=7), st.integers(min_value=1, max_value=6))
def test_a_lesser_group_made_more_serious_never_lowers_the_combined_level(levels, which, more):
    which %= len(levels)
    raised = [*levels]
    raised[which] = min(raised[which] + more, max(levels))  # still no more serious than the most
    assert (
        combined_offense_level(tuple(raised)).combined
        >= combined_offense_level(tuple(levels)).combined
    )


def test_a_more_serious_top_group_can_lower_the_combined_level_as_the_table_is_written():
    # §3D1.4's own arithmetic: at 45 the groups at 37 are 8 levels less (½ Unit each, 2 Units,
    # +2 = 47); at 46 they are 9 less and disregarded (§3D1.4(c)), so 46. Declining marginal
    # punishment (Background) with a step at the 9th level.
    assert combined_offense_level((45, 37, 37)).combined == 47
    assert combined_offense_level((46, 37, 37)).combined == 46


@settings(max_examples=scaled(200))
@given(group_levels)
def test_the_increase_is_at_most_five_and_the_order_of_groups_is_irrelevant(levels):
    result = combined_offense_level(tuple(levels))
    assert 0 <= result.increase <= 5
    assert result.combined == combined_offense_level(tuple(reversed(levels))).combined


@settings(max_examples=scaled(200))
@given(
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=40), st.integers(min_value=1, max_value=4)),
        min_size=1,
        max_size=6,
    ),
    editions,
)
def test_a_worksheet_of_count_groups_combines_each_groups_sum(rows, edition):
    lines = tuple(_line(levels, group) for levels, group in rows)
    sums: dict[int, int] = {}
    for levels, group in rows:
        sums[group] = sums.get(group, 0) + levels
    calc = calculate(CaseFacts(offense_lines=lines), edition)
    ordered = tuple(sums[g] for g in sorted(sums))
    assert calc.offense_level_before_acceptance == combined_offense_level(ordered).combined
