"""§4B1.4: the armed career criminal's offense level and category, the greatest of each."""

from datetime import date

import pytest

from sentencing.guidelines import (
    Acceptance,
    CaseFacts,
    Count,
    CriminalHistory,
    OffenseLine,
    calculate,
    edition_by_key,
    statute_on,
)

ACCA = "18 U.S.C. § 922(g) (armed career criminal, § 924(e))"


def _facts(base: int, *, connected: bool, points: int = 4, **more) -> CaseFacts:
    return CaseFacts(
        offense_lines=(OffenseLine("§2K2.1(a)(2)", "Two prior felonies", base, "base"),),
        acceptance=Acceptance.THREE,
        government_motion=True,
        criminal_history=CriminalHistory(points=points),
        counts=(statute_on(ACCA, date(2020, 1, 1)).count(),),
        armed_career_connection=connected,
        **more,
    )


def test_a_connected_firearm_gives_34_and_category_vi():
    calc = calculate(_facts(24, connected=True), edition_by_key("2016-11-01"))
    assert calc.arithmetic == "34 \u2212 3 = 31"
    assert calc.criminal_history_category == "VI"
    assert str(calc.range) == "188–235 months"
    assert any(s.section == "§4B1.4(c)(2)" for s in calc.steps)


def test_otherwise_33_and_at_least_category_iv_then_the_15_year_minimum():
    calc = calculate(_facts(24, connected=False), edition_by_key("2016-11-01"))
    assert calc.arithmetic == "33 \u2212 3 = 30"
    assert calc.criminal_history_category == "IV"
    assert str(calc.range) == "135–168 months"
    assert str(calc.guideline_sentence) == "180 months"  # § 924(e)(1)


def test_a_greater_level_or_category_otherwise_applicable_stands():
    calc = calculate(_facts(36, connected=False, points=13), edition_by_key("2025-11-01"))
    assert calc.offense_level_before_acceptance == 36
    assert calc.criminal_history_category == "VI"
    assert any(
        "not greater than the offense level otherwise applicable (36)" in n for n in calc.notes
    )


def test_the_career_offenders_level_is_one_of_the_three():
    # §4B1.4(b)(2): a career offender's level from §4B1.1 when greater: the drug count's life
    # maximum gives 37 (the § 922(g) count is not the offense statutory maximum's).
    facts = _facts(24, connected=True, career_offender=True)
    facts = CaseFacts(
        **{
            **facts.__dict__,
            "counts": (*facts.counts, Count("21 U.S.C. § 841(b)(1)(A)", None, 120)),
        }
    )
    calc = calculate(facts, edition_by_key("2016-11-01"))
    assert calc.offense_level_before_acceptance == 37
    applied = [s.section for s in calc.steps if s.applied and s.section.startswith("§4B1")]
    assert "§4B1.1(b)(1)" in applied


@pytest.mark.parametrize("statute", ["18 U.S.C. § 922(g)", "21 U.S.C. § 841(b)(1)(C)"])
def test_without_a_924_e_count_nothing_changes(statute):
    facts = CaseFacts(
        offense_lines=(OffenseLine("§2K2.1(a)(6)", "x", 14, "base"),),
        counts=(Count(statute, 120),),
        armed_career_connection=True,
    )
    assert calculate(facts, edition_by_key("2016-11-01")).total_offense_level == 14
