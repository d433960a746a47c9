"""The Manuals of 1989 to 1994 and 1997: what they print that the later ones do not."""

import pytest

from sentencing.guidelines import (
    Acceptance,
    CaseFacts,
    CriminalHistory,
    OffenseLine,
    calculate,
    edition_by_key,
    illegal_reentry_preset,
)
from sentencing.guidelines.outcome import Count
from sentencing.guidelines.supervised_release import term
from sentencing.guidelines.zones import NO_ZONES

BASE = OffenseLine("§2X1.1", "Base offense level", 20, "base")


def run(key, **facts):
    return calculate(CaseFacts((BASE,), **facts), edition_by_key(key))


@pytest.mark.parametrize("key", ["1989-11-01", "1990-11-01", "1991-11-01"])
def test_before_amendment_459_acceptance_is_two_levels_and_the_note_says_why(key):
    calc = run(key, acceptance=Acceptance.THREE, government_motion=True)
    assert (calc.acceptance_levels, calc.total_offense_level) == (-2, 18)
    assert any("additional level came with Amendment 459 (Nov. 1, 1992)" in n for n in calc.notes)


def test_from_amendment_459_the_third_level_is_given():
    assert run("1992-11-01", acceptance=Acceptance.THREE).acceptance_levels == -3


def test_level_7_category_i_is_1_to_7_months_until_1992_and_has_no_zone():
    before = calculate(
        CaseFacts((OffenseLine("§2X1.1", "Base", 7, "base"),)), edition_by_key("1991-11-01")
    )
    after = calculate(
        CaseFacts((OffenseLine("§2X1.1", "Base", 7, "base"),)), edition_by_key("1992-11-01")
    )
    assert (str(before.range), before.zone) == ("1–7 months", NO_ZONES)
    assert (str(after.range), after.zone) == ("0–6 months", "A")


def test_before_sept_23_1994_there_is_no_safety_valve():
    count = Count("21 U.S.C. § 841(b)(1)(B)", 480, 60)
    without = run("1993-11-01", counts=(count,), safety_valve=True)
    assert without.statutory_minimum_months == 60
    assert any("Amendment 509 added it on Sept. 23, 1994" in n for n in without.notes)
    history = CriminalHistory(category="I")
    relieved = run("1994-11-01", counts=(count,), safety_valve=True, criminal_history=history)
    assert relieved.statutory_minimum_months == 0


def test_the_1989_text_of_2l1_2_has_one_characteristic_and_the_1997_text_two_alternatives():
    levels_1989 = [
        (p.section, p.levels, p.group) for p in illegal_reentry_preset(edition_by_key("1990-11-01"))
    ]
    assert levels_1989 == [("§2L1.2(a)", 8, ""), ("§2L1.2(b)(1)", 4, "")]
    levels_1997 = [
        (p.section, p.levels) for p in illegal_reentry_preset(edition_by_key("2000-11-01"))
    ]
    assert levels_1997 == [("§2L1.2(a)", 8), ("§2L1.2(b)(1)(A)", 16), ("§2L1.2(b)(1)(B)", 4)]


def test_a_1997_text_aggravated_felony_counts_only_the_greater_line():
    edition = edition_by_key("1997-11-01")
    lines = tuple(p.offense_line() for p in illegal_reentry_preset(edition))
    calc = calculate(CaseFacts(lines, acceptance=Acceptance.THREE), edition)
    assert calc.offense_level_before_acceptance == 24  # 8 + 16, the 4 not added
    assert calc.total_offense_level == 21


def test_supervised_release_before_1995_says_the_statute_requiring_it_sets_three_to_five():
    counts = (Count("21 U.S.C. § 841(b)(1)(C)", 240),)
    before = term(counts, edition_by_key("1994-11-01"))
    assert before.note.startswith("§5D1.2(b):")
    assert "before Amendment 529, Nov. 1, 1995" in before.note
    after = term(counts, edition_by_key("1995-11-01"))
    assert after.note.startswith("§5D1.2(a):")
    assert "Amendment 529" not in after.note
    assert (before.minimum_years, before.maximum_years) == (
        after.minimum_years,
        after.maximum_years,
    )
