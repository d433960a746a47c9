"""§3E1.1: two levels under (a); a third under (b) only from level 16, and — since the
PROTECT Act (Apr. 30, 2003) — only on the government's motion."""

import pytest

from sentencing.guidelines import Acceptance, CaseFacts, OffenseLine, calculate, edition_by_key

M1995 = edition_by_key("1995-11-01")
M2003 = edition_by_key("2003-11-01")
M2025 = edition_by_key("2025-11-01")


def facts(level, acceptance, motion=False):
    line = OffenseLine("§2X1.1", "Base offense level", level, "base")
    return CaseFacts((line,), acceptance=acceptance, government_motion=motion)


def test_it_subtracts_2_levels_under_subsection_a():
    calc = calculate(facts(20, Acceptance.TWO), M2025)
    assert (calc.acceptance_levels, calc.total_offense_level) == (-2, 18)


def test_it_subtracts_3_levels_with_a_government_motion_at_level_16():
    calc = calculate(facts(16, Acceptance.THREE, motion=True), M2025)
    assert (calc.acceptance_levels, calc.total_offense_level) == (-3, 13)


def test_it_refuses_the_third_level_below_16_and_says_why():
    calc = calculate(facts(15, Acceptance.THREE, motion=True), M2025)
    assert calc.acceptance_levels == -2
    assert any("before acceptance is 15" in note for note in calc.notes)


@pytest.mark.parametrize("edition", [M2003, M2025], ids=lambda e: e.key)
def test_it_refuses_the_third_level_without_a_motion_from_2003_and_says_why(edition):
    calc = calculate(facts(24, Acceptance.THREE), edition)
    assert calc.acceptance_levels == -2
    assert any("motion of the government" in note for note in calc.notes)


def test_it_gives_the_third_level_without_a_motion_under_the_1995_manual():
    calc = calculate(facts(24, Acceptance.THREE), M1995)
    assert calc.acceptance_levels == -3
    assert calc.notes == ()


def test_it_measures_level_16_before_acceptance_not_after():
    calc = calculate(facts(16, Acceptance.THREE), M1995)
    assert calc.offense_level_before_acceptance == 16
    assert calc.total_offense_level == 13


def test_it_ignores_a_motion_when_no_acceptance_is_claimed_and_says_so():
    calc = calculate(facts(20, Acceptance.NONE, motion=True), M2025)
    assert calc.acceptance_levels == 0
    assert any("no effect" in note for note in calc.notes)


def test_it_accepts_the_string_values_of_the_acceptance_choices():
    assert CaseFacts(acceptance="3").acceptance is Acceptance.THREE
    assert CaseFacts(acceptance="none").acceptance is Acceptance.NONE
    with pytest.raises(ValueError, match="'4' is not a valid Acceptance"):
        CaseFacts(acceptance="4")


def test_it_shows_each_acceptance_step_with_its_running_total():
    calc = calculate(facts(24, Acceptance.THREE, motion=True), M2025)
    acceptance = [s for s in calc.steps if s.section.startswith("§3E1.1")]
    assert [(s.section, s.levels, s.running_total) for s in acceptance] == [
        ("§3E1.1(a)", -2, 22),
        ("§3E1.1(b)", -1, 21),
    ]
