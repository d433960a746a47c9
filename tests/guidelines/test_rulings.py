"""The court's calculation from its rulings: the report's rows, with the objecting side's row
wherever an objection was sustained."""

from hypothesis import given, settings
from hypothesis import strategies as st

from sentencing.guidelines import CaseFacts, OffenseLine
from sentencing.guidelines.rulings import RowRef, objectionable, row_refs, ruled_facts
from sentencing.guidelines.worksheet_diff import worksheet_diff
from tests.guidelines.test_worksheet_diff import WORKSHEETS
from tests.profiles import scaled


def _rows(facts):
    return (facts.offense_lines, facts.criminal_history.prior_sentences, facts.counts)


@settings(max_examples=scaled(200))
@given(WORKSHEETS, WORKSHEETS)
def test_with_nothing_sustained_the_report_stands(report, objecting):
    assert _rows(ruled_facts(report, objecting, sustained=())) == _rows(report)


@settings(max_examples=scaled(200))
@given(WORKSHEETS, WORKSHEETS)
def test_with_every_objection_sustained_the_objecting_rows_stand(report, objecting):
    every = [ref for ref, _row in objectionable(report, objecting)]
    assert _rows(ruled_facts(report, objecting, sustained=every)) == _rows(objecting)


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
        ("offense line", "prior sentence", "count"),
        _rows(report),
        _rows(objecting),
        _rows(ruled),
        strict=True,
    ):
        taken = [row.left for ref, row in rows if ref in chosen and ref.kind == kind and row.left]
        added = [row.right for ref, row in rows if ref in chosen and ref.kind == kind and row.right]
        assert len(got) == len(mine) - len(taken) + len(added)
        assert all(row in mine or row in theirs for row in got)
    # And everything but the rows is the report's.
    assert ruled.acceptance == report.acceptance
    assert ruled.criminal_history.points == report.criminal_history.points


@settings(max_examples=scaled(100))
@given(WORKSHEETS)
def test_references_are_unique_and_follow_the_worksheet(facts):
    rows = worksheet_diff(facts, facts)
    refs = row_refs(rows)
    assert len(set(refs)) == len(refs)
    assert objectionable(facts, facts) == ()


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
