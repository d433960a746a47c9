"""§4B1.1(b): the career offender table, checked against a copy typed separately
(career_offender_copy.py), the Manual's own example, and the order of acceptance."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentencing.guidelines import (
    EDITIONS,
    Acceptance,
    CaseFacts,
    Count,
    CriminalHistory,
    OffenseLine,
    calculate,
    edition_by_key,
)
from sentencing.guidelines import career_offender as co
from tests.guidelines import career_offender_copy as copy
from tests.profiles import scaled


@pytest.mark.parametrize(("months", "level"), list(copy.LEVEL_BY_MAXIMUM_MONTHS.items()))
def test_the_table_gives_the_level_the_copy_gives(months, level):
    assert co.table_level(months)[1] == level


def test_a_maximum_of_a_year_or_less_is_in_no_row():
    assert co.table_level(12) == ("", None)


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.key)
def test_the_prior_record_increase_is_left_out_only_between_amendments_506_and_567(edition):
    start, end = (date.fromisoformat(d) for d in copy.ENHANCED_MAXIMUM_EXCLUDED)
    assert co.unenhanced_maximum(edition) == (start <= edition.effective < end)


def _drug_case(base: int, maximum: int | None, **kwargs) -> CaseFacts:
    return CaseFacts(
        offense_lines=(OffenseLine("§2D1.1(c)", "Drug quantity", base, "base"),),
        counts=(Count("21 U.S.C. § 841(b)(1)(C)", maximum),),
        career_offender=True,
        **kwargs,
    )


def test_an_841_b_1_c_career_offender_with_acceptance_is_29_vi_151_188():
    # The case: a 20-year maximum, §4B1.1(b)(3): 32 − 3 = 29, VI.
    facts = _drug_case(
        12,
        240,
        acceptance=Acceptance.THREE,
        government_motion=True,
        criminal_history=CriminalHistory(points=6),
    )
    calc = calculate(facts, edition_by_key("2016-11-01"))
    assert calc.arithmetic == "32 \u2212 3 = 29"
    assert calc.criminal_history_category == "VI"
    assert str(calc.range) == "151–188 months"
    step = next(s for s in calc.steps if s.section == "§4B1.1(b)(3)")
    assert step.running_total == 32
    assert any(
        s.section == "§4B1.1(b)" and "Category VI, not III" in s.description for s in calc.steps
    )


@pytest.mark.parametrize(("months", "level"), copy.EXAMPLES)
def test_the_commentarys_example(months, level):
    # §4B1.1 comment. (n.3(E)): a 40-year maximum gives 34, less 3 for acceptance, VI: 188–235.
    facts = _drug_case(20, months, acceptance=Acceptance.THREE, government_motion=True)
    calc = calculate(facts, edition_by_key("2025-11-01"))
    assert calc.offense_level_before_acceptance == level
    assert str(calc.range) == "188–235 months"


def test_a_higher_level_otherwise_applicable_stands_but_the_category_is_vi():
    calc = calculate(_drug_case(34, 240), edition_by_key("2016-11-01"))
    assert calc.total_offense_level == 34
    assert calc.criminal_history_category == "VI"
    assert any(
        "not greater than the offense level otherwise applicable (34)" in n for n in calc.notes
    )


def test_the_third_acceptance_level_is_judged_on_the_career_offender_level():
    # Otherwise 14 (no third level); the career offender level 17 opens §3E1.1(b).
    facts = _drug_case(14, 60, acceptance=Acceptance.THREE, government_motion=True)
    assert calculate(facts, edition_by_key("2016-11-01")).total_offense_level == 14


def test_a_consecutive_count_is_left_to_4b1_1_c_and_without_another_count_nothing_applies():
    facts = CaseFacts(
        offense_lines=(OffenseLine("§2K2.4", "Statutory minimum", 0, "base"),),
        counts=(Count("18 U.S.C. § 924(c)(1)(A)(i)", None, 60),),
        career_offender=True,
    )
    calc = calculate(facts, edition_by_key("2016-11-01"))
    assert any("no count (other than one with a consecutive term)" in n for n in calc.notes)


def test_the_1995_manual_asks_for_the_maximum_without_the_prior_record_increase():
    calc = calculate(_drug_case(12, 360), edition_by_key("1995-11-01"))
    assert any("Amendment 506" in note for note in calc.notes)


maxima = st.one_of(st.none(), st.integers(min_value=13, max_value=1200))


@settings(max_examples=scaled(200))
@given(maxima, maxima)
def test_a_greater_maximum_never_gives_a_lower_level(a, b):
    def key(m):
        return float("inf") if m is None else m

    low, high = sorted((a, b), key=key)
    assert co.table_level(low)[1] <= co.table_level(high)[1]


@settings(max_examples=scaled(200))
@given(st.integers(min_value=1, max_value=43), maxima, st.sampled_from(EDITIONS))
def test_the_finding_never_lowers_the_level_or_the_category(base, maximum, edition):
    plain = CaseFacts(
        offense_lines=(OffenseLine("§2D1.1(c)", "q", base, "base"),),
        counts=(Count("21 U.S.C. § 841(b)(1)(C)", maximum),),
    )
    found = calculate(CaseFacts(**{**plain.__dict__, "career_offender": True}), edition)
    without = calculate(plain, edition)
    assert found.offense_level_before_acceptance >= without.offense_level_before_acceptance
    assert found.criminal_history_category == "VI"


def _with_924_c(*counts: Count, acceptance=Acceptance.THREE) -> CaseFacts:
    return CaseFacts(
        offense_lines=(OffenseLine("§2D1.1(c)", "Drug quantity", 20, "base"),),
        counts=(*counts, Count("18 U.S.C. § 924(c)(1)(A)(i)", None, 60)),
        acceptance=acceptance,
        government_motion=True,
        career_offender=True,
    )


def test_the_commentarys_example_of_subsection_c_2():
    # §4B1.1 comment. (n.3(E)): 188–235 + 60 = 248–295 against the (c)(3) table's 262–327;
    # the greater minimum, 262–327, is used.
    facts = _with_924_c(Count("21 U.S.C. § 841(b)(1)(B)", 480, 60))
    calc = calculate(facts, edition_by_key("2016-11-01"))
    assert str(calc.range) == "188–235 months"
    assert str(calc.total_punishment) == "262–327 months"
    assert calc.total_punishment.rule == "§4B1.1(c)(2)(B)"
    assert "248–295 months" in calc.total_punishment.explanation


@pytest.mark.parametrize(
    ("acceptance", "months"),
    [
        (Acceptance.NONE, copy.TABLE_C3[0]),
        (Acceptance.TWO, copy.TABLE_C3[2]),
        (Acceptance.THREE, copy.TABLE_C3[3]),
    ],
)
def test_a_924_c_count_alone_takes_the_c_3_table_by_the_acceptance_reduction(acceptance, months):
    # No offense lines: the row follows the reduction claimed, not §3E1.1(b)'s level-16 test.
    facts = CaseFacts(
        counts=(Count("18 U.S.C. § 924(c)(1)(A)(i)", None, 60),),
        acceptance=acceptance,
        government_motion=True,
        career_offender=True,
    )
    calc = calculate(facts, edition_by_key("2025-11-01"))
    assert (calc.total_punishment.low_months, calc.total_punishment.high_months) == months
    assert calc.total_punishment.rule == "§4B1.1(c)(1)"


def test_the_other_counts_range_plus_the_term_stands_when_its_minimum_is_greater():
    # 37 (life maximum) − 3 = 34, VI: 262–327; + 60 = 322–387 against 262–327: (A).
    facts = _with_924_c(Count("21 U.S.C. § 841(b)(1)(A)", None, 120))
    calc = calculate(facts, edition_by_key("2016-11-01"))
    assert str(calc.total_punishment) == "322–387 months"
    assert calc.total_punishment.rule == "§4B1.1(c)(2)(A)"


def test_before_amendment_642_the_term_is_only_added():
    facts = _with_924_c(Count("21 U.S.C. § 841(b)(1)(B)", 480, 60))
    calc = calculate(facts, edition_by_key("1995-11-01"))
    assert calc.total_punishment.rule == "§5G1.2(a)"


def test_subsection_c_dates_from_the_copy():
    assert date.fromisoformat(copy.SUBSECTION_C_FIRST_EFFECTIVE) == co.SUBSECTION_C_FROM
    assert {k: (r.low_months, r.high_months) for k, r in co.TABLE_C.items()} == copy.TABLE_C3


def test_an_identity_theft_term_is_added_after_subsection_c():
    facts = _with_924_c(
        Count("21 U.S.C. § 841(b)(1)(B)", 480, 60), Count("18 U.S.C. § 1028A(a)(1)", 24, 24)
    )
    calc = calculate(facts, edition_by_key("2016-11-01"))
    assert str(calc.total_punishment) == "286–351 months"  # 262–327, then 24 consecutively
    assert "18 U.S.C. § 1028A(a)(1) 24 months" in calc.total_punishment.explanation


def test_a_924_c_and_an_identity_theft_count_alone_are_not_the_only_count_case():
    facts = CaseFacts(
        counts=(
            Count("18 U.S.C. § 924(c)(1)(A)(i)", None, 60),
            Count("18 U.S.C. § 1028A(a)(1)", 24, 24),
        ),
        acceptance=Acceptance.THREE,
        government_motion=True,
        career_offender=True,
    )
    calc = calculate(facts, edition_by_key("2016-11-01"))
    assert calc.total_punishment.rule == "§4B1.1(c)(2)(B)"
    assert str(calc.total_punishment) == "286–351 months"


def test_1b1_11_compares_the_sentences_with_their_consecutive_terms():
    """A career offender with a § 1951 count and a § 924(c) count, offense in 2001, sentenced
    in 2004: the 2001 Manual has no §4B1.1(c), so its total is lower, and §1B1.11(b)(1)
    applies it."""
    from sentencing.guidelines import choose_edition

    facts = CaseFacts(
        offense_lines=(OffenseLine("§2B3.1(a)", "Robbery", 20, "base"),),
        counts=(Count("18 U.S.C. § 1951", 240), Count("18 U.S.C. § 924(c)(1)(A)(i)", None, 60)),
        acceptance=Acceptance.THREE,
        government_motion=True,
        career_offender=True,
    )
    choice = choose_edition(facts, offense_date=date(2002, 6, 1), sentencing_date=date(2004, 1, 5))
    assert choice.at_sentencing.total_punishment.rule.startswith("§4B1.1(c)")
    assert choice.applied.edition.key == "2001-11-01"
    assert choice.results_differ
