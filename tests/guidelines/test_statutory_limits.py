"""§5G1.1 with the Manual's own examples, and §5G1.2 with its commentary's Defendants A and B."""

import pytest

from sentencing.guidelines import (
    CaseFacts,
    Count,
    CriminalHistory,
    GuidelineSentence,
    OffenseLine,
    SentencingRange,
    calculate,
    edition_by_key,
    guideline_sentence,
    statute_by_citation,
    statutory_limits,
)


def sentence(rng, *counts):
    return guideline_sentence(rng, statutory_limits(counts))


def test_a_48_month_maximum_below_a_51_to_63_range_is_the_guideline_sentence():
    # §5G1.1, comment.: "51–63 months ... maximum ... 48 months ... is 48 months".
    result = sentence(SentencingRange(51, 63), Count("statute", 48))
    assert (result.low_months, result.high_months, result.rule) == (48, 48, "§5G1.1(a)")
    assert str(result) == "48 months"


def test_a_60_month_minimum_above_a_41_to_51_range_is_the_guideline_sentence():
    # §5G1.1, comment.: "41–51 months ... minimum sentence of 60 months ... is 60 months".
    result = sentence(SentencingRange(41, 51), Count("statute", 480, 60))
    assert (result.low_months, result.high_months, result.rule) == (60, 60, "§5G1.1(b)")


def test_a_60_month_maximum_restricts_a_51_to_63_range_to_51_to_60():
    # §5G1.1, comment.: "restricted to 51–60 months under subsection (c)".
    result = sentence(SentencingRange(51, 63), Count("statute", 60))
    assert (result.low_months, result.high_months, result.rule) == (51, 60, "§5G1.1(c)")
    assert str(result) == "51–60 months"


def test_a_range_inside_the_limits_stands_with_no_rule():
    result = sentence(SentencingRange(70, 87), Count("statute", 240))
    assert (result.low_months, result.high_months, result.rule) == (70, 87, "")


def test_a_range_stands_when_no_count_was_entered():
    result = sentence(SentencingRange(360, None))
    assert (result.low_months, result.high_months, result.rule) == (360, None, "")


def test_a_term_of_years_maximum_replaces_life():
    result = sentence(SentencingRange(None, None), Count("statute", 240))
    assert (result.low_months, result.high_months, result.rule) == (240, 240, "§5G1.1(a)")


def test_a_maximum_above_360_trims_a_range_that_runs_to_life():
    result = sentence(SentencingRange(360, None), Count("statute", 480))
    assert (str(result), result.rule) == ("360–480 months", "§5G1.1(c)")


def test_a_life_maximum_leaves_life_alone():
    result = sentence(SentencingRange(None, None), Count("statute", None))
    assert (str(result), result.rule) == ("life", "")


def test_a_minimum_inside_the_range_raises_its_floor():
    result = sentence(SentencingRange(108, 135), Count("statute", 480, 120))
    assert (result.low_months, result.high_months, result.rule) == (120, 135, "§5G1.1(c)")


DEFENDANT_COUNTS = (
    Count("Count 1", 120),
    Count("Count 2", 360, 120),
    Count("Count 3", 240),
    Count("Count 4", 24),
)


def test_5g1_2_defendant_a_gets_the_10_year_minimum_as_guideline_sentence():
    # §5G1.2, comment. (n.3): level 19, Category I, 30–37 months; 10-year minimum.
    result = sentence(SentencingRange(30, 37), *DEFENDANT_COUNTS)
    assert (result.low_months, result.high_months, result.rule) == (120, 120, "§5G1.2")


def test_5g1_2_defendant_b_has_the_range_restricted_to_120_to_135():
    # §5G1.2, comment. (n.3): level 30, Category II, 108–135 restricted to 120–135.
    result = sentence(SentencingRange(108, 135), *DEFENDANT_COUNTS)
    assert (result.low_months, result.high_months, result.rule) == (120, 135, "§5G1.2")


def test_5g1_2_adds_the_maxima_of_counts_run_consecutively():
    limits = statutory_limits(
        (
            statute_by_citation("8 U.S.C. § 1325(a) (first offense)").count(),
            statute_by_citation("8 U.S.C. § 1325(a) (subsequent offense)").count(),
        )
    )
    assert (limits.minimum_months, limits.maximum_months, limits.rule) == (0, 30, "§5G1.2")
    result = guideline_sentence(SentencingRange(70, 87), limits)
    assert (str(result), result.rule) == ("30 months", "§5G1.2")


def test_5g1_2_has_no_combined_maximum_if_any_count_carries_life():
    limits = statutory_limits((Count("one", 60), Count("two", None, 120)))
    assert (limits.minimum_months, limits.maximum_months) == (120, None)


def test_it_rejects_a_count_whose_maximum_is_below_its_minimum():
    with pytest.raises(ValueError, match="below the minimum"):
        Count("bad", 12, 24)


@pytest.mark.parametrize(
    ("sentence_", "text"),
    [
        (GuidelineSentence(24, 24, "§5G1.1(a)", ""), "24 months"),
        (GuidelineSentence(51, 60, "§5G1.1(c)", ""), "51–60 months"),
        (GuidelineSentence(360, None, "", ""), "360 months–life"),
        (GuidelineSentence(None, None, "", ""), "life"),
        (GuidelineSentence(1, 1, "§5G1.1(a)", ""), "1 month"),
    ],
)
def test_it_prints_the_guideline_sentence(sentence_, text):
    assert str(sentence_) == text


def test_calculate_reports_the_statutory_limits_it_applied():
    facts = CaseFacts(
        (OffenseLine("§2X1.1", "Base offense level", 24, "base"),),
        criminal_history=CriminalHistory(category="I"),
        counts=(Count("statute", 48),),
    )
    calc = calculate(facts, edition_by_key("2023-11-01"))
    assert (str(calc.range), str(calc.guideline_sentence)) == ("51–63 months", "48 months")
    assert (calc.statutory_minimum_months, calc.statutory_maximum_months) == (0, 48)


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (Count("statute", 50), ("50 months", "§5G1.1(a)")),
        (Count("statute", 51), ("51 months", "§5G1.1(c)")),
        (Count("statute", 63), ("51–63 months", "")),
        (Count("statute", 480, 51), ("51–63 months", "")),
        (Count("statute", 480, 63), ("63 months", "§5G1.1(c)")),
        (Count("statute", 480, 64), ("64 months", "§5G1.1(b)")),
    ],
)
def test_it_draws_the_5g1_1_lines_exactly_at_the_range_bounds(count, expected):
    result = sentence(SentencingRange(51, 63), count)
    assert (str(result), result.rule) == expected
