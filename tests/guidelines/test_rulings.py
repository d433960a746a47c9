"""The court's calculation from its rulings: the report's rows, with the objecting side's row
wherever an objection was sustained."""

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from sentencing.guidelines import CaseFacts, CriminalHistory, OffenseLine
from sentencing.guidelines.rulings import RowRef, objectionable, row_refs, ruled_facts
from sentencing.guidelines.worksheet_diff import FINDINGS, worksheet_diff
from tests.guidelines.test_worksheet_diff import LINE
from tests.guidelines.test_worksheet_diff import WORKSHEETS as ROWS_ONLY
from tests.profiles import scaled

# Worksheets that differ in their findings as well as their rows.
WORKSHEETS = st.builds(
    lambda facts, earlier, acceptance, motion, points, category, status, levels: (
        dataclasses.replace(
            facts,
            offense_date_lines=tuple(earlier),
            acceptance=acceptance,
            government_motion=motion,
            early_disposition_levels=levels,
            criminal_history=dataclasses.replace(
                facts.criminal_history,
                points=points,
                category=category,
                under_criminal_justice_sentence=status,
            ),
        )
    ),
    ROWS_ONLY,
    st.lists(LINE, max_size=3),
    st.sampled_from(["none", "2", "3"]),
    st.booleans(),
    st.none() | st.integers(0, 13),
    st.none() | st.sampled_from(["I", "IV", "VI"]),
    st.booleans(),
    st.integers(0, 4),
)


def _rows(facts):
    return (
        facts.offense_lines,
        facts.offense_date_lines,
        facts.criminal_history.prior_sentences,
        facts.counts,
    )


@settings(max_examples=scaled(200))
@given(WORKSHEETS, WORKSHEETS)
def test_with_nothing_sustained_the_report_stands(report, objecting):
    assert ruled_facts(report, objecting, sustained=()) == report


@settings(max_examples=scaled(200))
@given(WORKSHEETS, WORKSHEETS)
def test_with_every_objection_sustained_the_objecting_rows_stand(report, objecting):
    every = [ref for ref, _row in objectionable(report, objecting)]
    assert ruled_facts(report, objecting, sustained=every) == objecting


@settings(max_examples=scaled(200))
@given(WORKSHEETS, WORKSHEETS, st.data())
def test_each_ruling_decides_its_own_row_only(report, objecting, data):
    rows = objectionable(report, objecting)
    chosen = data.draw(
        st.sets(st.sampled_from([ref for ref, _ in rows])) if rows else st.just(set())
    )
    ruled = ruled_facts(report, objecting, sustained=chosen)
    # Each sustained objection adds the objecting side's row, takes out the report's, or both;
    # every other row is the report's.
    for kind, mine, theirs, got in zip(
        ("offense line", "offense-date line", "prior sentence", "count"),
        _rows(report),
        _rows(objecting),
        _rows(ruled),
        strict=True,
    ):
        taken = [row.left for ref, row in rows if ref in chosen and ref.kind == kind and row.left]
        added = [row.right for ref, row in rows if ref in chosen and ref.kind == kind and row.right]
        assert len(got) == len(mine) - len(taken) + len(added)
        assert all(row in mine or row in theirs for row in got)
    # A finding is the objecting side's where an objection to it was sustained, else the report's.
    sustained_findings = {ref.key for ref in chosen if ref.kind == "finding"}
    for key, _label, words in FINDINGS:
        expected = objecting if key in sustained_findings else report
        assert words(ruled) == words(expected), key


@settings(max_examples=scaled(100))
@given(WORKSHEETS)
def test_references_are_unique_and_follow_the_worksheet(facts):
    rows = worksheet_diff(facts, facts)
    refs = row_refs(rows)
    assert len(set(refs)) == len(refs)
    assert objectionable(facts, facts) == ()


def test_a_sustained_objection_to_the_category_found_takes_the_objecting_category():
    report = CaseFacts(criminal_history=CriminalHistory(category="V"), acceptance="3")
    defense = CaseFacts(criminal_history=CriminalHistory(category="IV"), acceptance="3")
    [(ref, row)] = objectionable(report, defense)
    assert ref == RowRef("finding", "criminal history category", 0)
    assert (row.left.shown, row.right.shown) == ("V", "IV")
    assert ruled_facts(report, defense, sustained={ref}).criminal_history.category == "IV"
    assert ruled_facts(report, defense, sustained=()).criminal_history.category == "V"


def test_a_sustained_objection_to_a_plus_two_line_takes_it_out():
    base = OffenseLine("§2L1.2(a)", "Unlawfully entering", 8, "base")
    plus_two = OffenseLine("§3C1.2", "Reckless endangerment during flight", 2, "adjustment")
    report = CaseFacts(offense_lines=(base, plus_two))
    defense = CaseFacts(offense_lines=(base,))
    [(ref, row)] = objectionable(report, defense)
    assert ref == RowRef("offense line", "§3C1.2", 0)
    assert row.left == plus_two
    assert row.right is None
    assert ruled_facts(report, defense, sustained={ref}).offense_lines == (base,)
    assert ruled_facts(report, defense, sustained=()).offense_lines == (base, plus_two)
