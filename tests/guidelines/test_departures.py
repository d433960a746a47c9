"""A request's arithmetic: levels on the Sentencing Table or a target, within statutory limits."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sentencing import guidelines as g
from sentencing.guidelines.departures import (
    AlternativeCharge,
    Direction,
    Extent,
    departure_outcome,
    what_if,
)

MANUAL_1995 = g.edition_by_key("1995-11-01")
REENTRY_B2 = g.statute_by_citation("8 U.S.C. § 1326(b)(2)").count()
REENTRY_A = g.statute_by_citation("8 U.S.C. § 1326(a)").count()


def banuelos_facts(*counts, category="V", base=8, specific=16):
    return g.CaseFacts(
        offense_lines=(
            g.OffenseLine("§2L1.2(a)", "Base offense level", base, "base"),
            g.OffenseLine("§2L1.2(b)(2)", "Aggravated felony", specific, "specific"),
        ),
        acceptance="3",
        criminal_history=g.CriminalHistory(category=category),
        counts=counts,
    )


def outcome(facts, direction, **extent):
    calculation = g.calculate(facts, MANUAL_1995)
    return departure_outcome(calculation, facts.counts, direction, Extent(**extent))


def test_four_levels_down_from_21_in_category_v_is_46_to_57():
    result = outcome(banuelos_facts(REENTRY_B2), Direction.DOWNWARD, levels=4)
    assert str(result.denied) == "70–87 months"
    assert str(result.granted) == "46–57 months"
    assert result.granted_offense_level == 17
    assert result.description == "Level 21 − 4 = 17, category V: 46–57 months"
    assert result.difference == "24–30 months lower"


def test_an_upward_departure_adds_levels():
    result = outcome(banuelos_facts(REENTRY_B2), Direction.UPWARD, levels=2)
    assert (result.granted_offense_level, str(result.granted)) == (23, "84–105 months")
    assert result.difference == "14–18 months higher"


def test_the_statutory_maximum_still_binds_a_granted_departure():
    result = outcome(banuelos_facts(REENTRY_A), Direction.DOWNWARD, levels=4)
    assert str(result.denied) == "24 months"
    assert str(result.granted) == "24 months"  # level 17, V is 46–57: still above 24
    assert result.difference == "no difference"


def test_a_departure_below_level_1_is_treated_as_level_1():
    result = outcome(banuelos_facts(REENTRY_B2, category="I"), Direction.DOWNWARD, levels=30)
    assert result.granted_offense_level == 1
    assert str(result.granted) == "0–6 months"
    assert "treated as level 1" in result.notes[0]


def test_a_target_sentence_is_held_inside_the_statutory_limits():
    result = outcome(banuelos_facts(REENTRY_A), Direction.DOWNWARD, target_months=30)
    assert str(result.granted) == "24 months"
    assert "24 months" in result.notes[0]
    minimum = g.Count("21 U.S.C. § 841(b)(1)(B)", 480, 60)
    result = outcome(banuelos_facts(minimum), Direction.DOWNWARD, target_months=30)
    assert str(result.granted) == "60 months"


@pytest.mark.parametrize(
    ("extent", "message"),
    [
        ({}, "either in offense levels or as a target sentence"),
        ({"levels": 4, "target_months": 30}, "either in offense levels or as a target sentence"),
        ({"levels": 0}, "by 1 to 42 levels"),
        ({"levels": 43}, "by 1 to 42 levels"),
        ({"target_months": -1}, "cannot be negative"),
    ],
)
def test_an_extent_that_makes_no_sense_is_refused(extent, message):
    with pytest.raises(ValueError, match=message):
        Extent(**extent)


def test_the_what_ifs_recompute_the_case_under_other_charges():
    facts = banuelos_facts(REENTRY_B2)
    calculation = g.calculate(facts, MANUAL_1995)
    plea = what_if(calculation, AlternativeCharge("§ 1326(a)", (REENTRY_A,)))
    assert str(plea.guideline_sentence) == "24 months"
    first, subsequent = (
        g.statute_by_citation(f"8 U.S.C. § 1325(a) ({which} offense)").count()
        for which in ("first", "subsequent")
    )
    two_counts = what_if(calculation, AlternativeCharge("§ 1325(a) ×2", (first, subsequent)))
    assert str(two_counts.guideline_sentence) == "30 months"  # 6 + 24, §5G1.2(d)
    assert two_counts.calculation.edition == MANUAL_1995
    assert str(two_counts.calculation.range) == "70–87 months"


@given(
    levels=st.integers(min_value=1, max_value=42),
    base=st.integers(min_value=1, max_value=30),
    category=st.sampled_from(g.CATEGORIES),
)
def test_a_downward_departure_never_raises_and_an_upward_never_lowers_the_range(
    levels, base, category
):
    facts = banuelos_facts(category=category, base=base, specific=0)
    down = outcome(facts, Direction.DOWNWARD, levels=levels)
    up = outcome(facts, Direction.UPWARD, levels=levels)
    life = float("inf")
    for bound in ("low_months", "high_months"):
        denied = getattr(down.denied, bound)
        denied = life if denied is None else denied
        lower = getattr(down.granted, bound)
        higher = getattr(up.granted, bound)
        assert (life if lower is None else lower) <= denied
        assert (life if higher is None else higher) >= denied


def test_a_what_if_under_the_offense_date_manual_uses_its_own_worksheet():
    """§1B1.11(b)(2): the 1995 Manual applied to a 1996 offense sentenced in 2004 is scored with
    the 1991 text's lines; a what-if under it must not fall back on the 2001 text's +16."""
    from datetime import date

    base = g.OffenseLine("§2L1.2(a)", "Base", 8, "base")
    facts = g.CaseFacts(
        (base, g.OffenseLine("§2L1.2(b)(1)(A)", "COV", 16, "specific")),
        criminal_history=g.CriminalHistory(category="III"),
        offense_date_lines=(base, g.OffenseLine("§2L1.2(b)(1)", "Felony", 4, "specific")),
        counts=(REENTRY_B2,),
    )
    choice = g.choose_edition(
        facts, offense_date=date(1996, 6, 1), sentencing_date=date(2004, 3, 1)
    )
    assert choice.applied.edition.key == "1995-11-01"
    plea = what_if(choice.applied, AlternativeCharge("§ 1326(a)", (REENTRY_A,)))
    # 8 + 4 = 12, category III: 15–21 months, under the 24-month maximum of § 1326(a).
    assert plea.calculation.total_offense_level == 12
    assert str(plea.guideline_sentence) == "15–21 months"
