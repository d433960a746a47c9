"""Properties that must hold for any input (Hypothesis)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from sentencing.guidelines import (
    CATEGORIES,
    EDITIONS,
    Acceptance,
    CaseFacts,
    Count,
    CriminalHistory,
    OffenseLine,
    PriorSentence,
    calculate,
    lookup,
)
from tests.profiles import scaled

INF = float("inf")
levels = st.integers(min_value=-10, max_value=60)
categories = st.sampled_from(CATEGORIES)
editions = st.sampled_from(EDITIONS)


def bounds(rng):
    return (
        INF if rng.low_months is None else rng.low_months,
        INF if rng.high_months is None else rng.high_months,
    )


@given(levels, levels, categories)
def test_no_bound_of_the_range_falls_as_the_level_rises(a, b, category):
    low, high = sorted((a, b))
    assert all(
        x <= y
        for x, y in zip(bounds(lookup(low, category)), bounds(lookup(high, category)), strict=True)
    )


@given(levels, categories, categories)
def test_no_bound_of_the_range_falls_as_the_category_rises(level, c1, c2):
    first, second = sorted((c1, c2), key=CATEGORIES.index)
    assert all(
        x <= y
        for x, y in zip(bounds(lookup(level, first)), bounds(lookup(level, second)), strict=True)
    )


offense_lines = st.lists(
    st.builds(
        OffenseLine,
        section=st.just("§2X1.1"),
        description=st.just("line"),
        levels=st.integers(min_value=-6, max_value=30),
        kind=st.sampled_from(["base", "specific", "adjustment"]),
    ),
    max_size=6,
).map(tuple)
histories = st.one_of(
    st.builds(CriminalHistory, category=categories),
    st.builds(
        CriminalHistory, points=st.integers(0, 30), zero_point_offender_eligible=st.booleans()
    ),
    st.builds(
        CriminalHistory,
        prior_sentences=st.lists(
            st.builds(
                PriorSentence, description=st.just("prior"), subsection=st.sampled_from("abc")
            ),
            max_size=8,
        ).map(tuple),
        under_criminal_justice_sentence=st.booleans(),
        recency=st.booleans(),
        zero_point_offender_eligible=st.booleans(),
    ),
)
counts = st.lists(
    st.integers(0, 120).flatmap(
        lambda minimum: st.builds(
            Count,
            statute=st.just("statute"),
            maximum_months=st.one_of(st.none(), st.integers(minimum, 600)),
            minimum_months=st.just(minimum),
        )
    ),
    max_size=3,
).map(tuple)
facts = st.builds(
    CaseFacts,
    offense_lines=offense_lines,
    acceptance=st.sampled_from(list(Acceptance)),
    government_motion=st.booleans(),
    criminal_history=histories,
    counts=counts,
)


@settings(max_examples=scaled(300))
@given(facts, editions)
def test_the_total_offense_level_is_the_sum_of_its_parts(case, edition):
    calc = calculate(case, edition)
    assert calc.offense_level_before_acceptance == sum(line.levels for line in case.offense_lines)
    assert calc.acceptance_levels in (0, -2, -3)
    assert calc.total_offense_level == (
        calc.offense_level_before_acceptance + calc.acceptance_levels + calc.zero_point_levels
    )
    assert calc.table_offense_level == min(43, max(1, calc.total_offense_level))
    cell = lookup(
        calc.table_offense_level, calc.criminal_history_category, edition.sentencing_table
    )
    assert calc.range == cell
    assert calc.arithmetic.endswith(f"= {calc.total_offense_level}".replace("-", "\u2212"))


@settings(max_examples=scaled(300))
@given(facts, editions)
def test_the_guideline_sentence_stays_within_the_statutory_limits(case, edition):
    calc = calculate(case, edition)
    sentence = calc.guideline_sentence
    low = INF if sentence.low_months is None else sentence.low_months
    high = INF if sentence.high_months is None else sentence.high_months
    ceiling = INF if calc.statutory_maximum_months is None else calc.statutory_maximum_months
    assert calc.statutory_minimum_months <= low <= high <= ceiling


@settings(max_examples=scaled(200))
@given(facts, editions)
def test_the_guideline_sentence_is_the_range_when_the_range_fits(case, edition):
    calc = calculate(case, edition)
    low, high = bounds(calc.range)
    ceiling = INF if calc.statutory_maximum_months is None else calc.statutory_maximum_months
    if calc.statutory_minimum_months <= low and high <= ceiling:
        assert (calc.guideline_sentence.low_months, calc.guideline_sentence.high_months) == (
            calc.range.low_months,
            calc.range.high_months,
        )
        assert calc.guideline_sentence.rule == ""


@given(facts, editions)
def test_the_zone_never_falls_as_the_range_minimum_rises(case, edition):
    calc = calculate(case, edition)
    higher = calculate(
        CaseFacts(
            case.offense_lines + (OffenseLine("§3C1.1", "more", 1, "adjustment"),),
            case.acceptance,
            case.government_motion,
            case.criminal_history,
            case.counts,
        ),
        edition,
    )
    assert higher.zone >= calc.zone
