"""The range across every finding of the disputed rows (Hypothesis, and the founding case)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentencing.guidelines import (
    EDITIONS,
    CaseFacts,
    CriminalHistory,
    OffenseLine,
    PriorSentence,
    calculate,
    edition_by_key,
)
from sentencing.guidelines.disputed_facts import (
    MAX_DISPUTED,
    OFFENSE_LINE,
    PRIOR_SENTENCE,
    DisputedRow,
    disputed_range,
    facts_without,
    range_order,
)
from tests.profiles import scaled

LINES = st.lists(
    st.builds(
        OffenseLine,
        section=st.sampled_from(["§2X1.1", "§2D1.1(b)(1)", "§3B1.1"]),
        description=st.just("line"),
        levels=st.integers(min_value=-4, max_value=20),
        kind=st.sampled_from(["specific", "adjustment"]),
    ),
    max_size=5,
)
PRIORS = st.lists(
    st.builds(PriorSentence, description=st.just("prior"), subsection=st.sampled_from("abc")),
    max_size=4,
)


@st.composite
def worksheets(draw):
    base = OffenseLine("§2X1.1(a)", "base", draw(st.integers(1, 38)), kind="base")
    lines = (base, *draw(LINES))
    priors = tuple(draw(PRIORS))
    facts = CaseFacts(offense_lines=lines, criminal_history=CriminalHistory(prior_sentences=priors))
    rows = [DisputedRow(OFFENSE_LINE, i) for i in range(len(lines))] + [
        DisputedRow(PRIOR_SENTENCE, i) for i in range(len(priors))
    ]
    disputed = frozenset(draw(st.lists(st.sampled_from(rows), max_size=5)) if rows else [])
    return facts, disputed, draw(st.sampled_from(EDITIONS))


@settings(max_examples=scaled(150))
@given(worksheets())
def test_the_lowest_and_highest_bound_every_finding(case):
    facts, disputed, edition = case
    found = disputed_range(facts, disputed, edition)
    assert len(found.findings) == 2 ** len(disputed)
    assert len({f.found for f in found.findings}) == len(found.findings)  # each finding once
    low = range_order(found.lowest.calculation.range)
    high = range_order(found.highest.calculation.range)
    for finding in found.findings:
        assert low <= range_order(finding.calculation.range) <= high


@settings(max_examples=scaled(100))
@given(worksheets())
def test_each_finding_is_the_calculation_of_the_rows_found(case):
    facts, disputed, edition = case
    found = disputed_range(facts, disputed, edition)
    assert found.as_entered.calculation == calculate(facts, edition)
    for finding in found.findings:
        left_out = frozenset(disputed) - finding.found
        assert finding.calculation == calculate(facts_without(facts, left_out), edition)
    for row in disputed:
        assert found.without(row).found == frozenset(disputed) - {row}


def test_a_disputed_two_level_line_gives_both_ranges():
    """The founding facts (21 / V under the 1995 Manual: 70-87 months) with a +2 the defense
    disputes: found, 23 / V (84-105); not found, 21 / V (70-87)."""
    facts = CaseFacts(
        offense_lines=(
            OffenseLine("§2L1.2(a)", "Base offense level", 8, kind="base"),
            OffenseLine("§2L1.2(b)(2)", "Aggravated felony", 16, kind="specific"),
            OffenseLine("§3C1.1", "Obstruction (disputed)", 2, kind="adjustment"),
        ),
        acceptance="3",
        criminal_history=CriminalHistory(category="V"),
    )
    disputed = DisputedRow(OFFENSE_LINE, 2)
    found = disputed_range(facts, frozenset({disputed}), edition_by_key("1995-11-01"))
    as_entered, without = found.as_entered.calculation, found.without(disputed).calculation
    assert (as_entered.total_offense_level, str(as_entered.range)) == (23, "84–105 months")
    assert (without.total_offense_level, str(without.range)) == (21, "70–87 months")
    assert found.lowest.calculation == without
    assert found.highest.calculation == as_entered


def test_too_many_disputed_rows_say_so_and_compute_nothing():
    lines = tuple(
        OffenseLine("§2X1.1", "line", 1, kind="specific") for _ in range(MAX_DISPUTED + 1)
    )
    facts = CaseFacts(offense_lines=(OffenseLine("§2X1.1(a)", "b", 10, kind="base"), *lines))
    rows = frozenset(DisputedRow(OFFENSE_LINE, i + 1) for i in range(MAX_DISPUTED + 1))
    found = disputed_range(facts, rows, EDITIONS[-1])
    assert found.findings == ()
    assert f"at most {MAX_DISPUTED}" in found.problem
    assert found.lowest is None


def test_a_row_the_worksheet_does_not_have_is_refused():
    facts = CaseFacts(offense_lines=(OffenseLine("§2X1.1(a)", "b", 10, kind="base"),))
    with pytest.raises(ValueError, match="no prior sentence 1"):
        disputed_range(facts, frozenset({DisputedRow(PRIOR_SENTENCE, 0)}), EDITIONS[-1])
