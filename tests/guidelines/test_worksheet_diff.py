"""Two worksheets lined up row by row, and their ranges compared in words."""

from hypothesis import given, settings
from hypothesis import strategies as st

from sentencing.guidelines import (
    CaseFacts,
    Count,
    CriminalHistory,
    OffenseLine,
    PriorSentence,
    SentencingRange,
    calculate,
    edition_by_key,
)
from sentencing.guidelines.worksheet_diff import (
    CHANGED,
    ONLY_LEFT,
    ONLY_RIGHT,
    SAME,
    range_difference,
    worksheet_diff,
)
from tests.profiles import scaled

SECTIONS = ["§2D1.1(a)(5)", "§2D1.1(b)(1)", "§2D1.1(b)(12)", "§3B1.1(c)", "§3B1.2(b)", "§3C1.1"]
LINE = st.builds(
    OffenseLine,
    section=st.sampled_from(SECTIONS),
    description=st.sampled_from(["", "as the report has it", "as the defense has it"]),
    levels=st.integers(-4, 34),
    kind=st.sampled_from(["base", "specific", "adjustment"]),
)
PRIOR = st.builds(
    PriorSentence,
    description=st.sampled_from(["Burglary 2009", "DUI 2012", "Theft 2015"]),
    subsection=st.sampled_from("abc"),
)
COUNT = st.builds(
    Count,
    statute=st.sampled_from(["21 U.S.C. § 841(b)(1)(C)", "18 U.S.C. § 924(c)"]),
    maximum_months=st.sampled_from([240, 480, None]),
    minimum_months=st.sampled_from([0, 60]),
)
WORKSHEETS = st.builds(
    CaseFacts,
    offense_lines=st.lists(LINE, max_size=6).map(tuple),
    criminal_history=st.builds(
        CriminalHistory, prior_sentences=st.lists(PRIOR, max_size=4).map(tuple)
    ),
    counts=st.lists(COUNT, max_size=3).map(tuple),
)


def _side(rows, kind: str, side: str) -> list:
    return [getattr(r, side) for r in rows if r.kind == kind and getattr(r, side) is not None]


@settings(max_examples=scaled(200))
@given(WORKSHEETS, WORKSHEETS)
def test_every_row_of_both_worksheets_appears_once_in_order(left, right):
    rows = worksheet_diff(left, right)
    for facts, side in ((left, "left"), (right, "right")):
        assert _side(rows, "offense line", side) == list(facts.offense_lines)
        assert _side(rows, "prior sentence", side) == list(facts.criminal_history.prior_sentences)
        assert _side(rows, "count", side) == list(facts.counts)
    for row in rows:
        assert (row.status == ONLY_LEFT) == (row.right is None)
        assert (row.status == ONLY_RIGHT) == (row.left is None)
        if row.status == SAME:
            assert row.left == row.right
        if row.status == CHANGED:
            assert row.left != row.right


@settings(max_examples=scaled(100))
@given(WORKSHEETS)
def test_a_worksheet_against_itself_differs_nowhere(facts):
    assert {row.status for row in worksheet_diff(facts, facts)} <= {SAME}


def test_the_firearm_line_the_defense_objects_to():
    """A §2D1.1 worksheet (2025 Manual): the report adds 2 for a weapon (§2D1.1(b)(1)); the
    defense leaves it out. 24 + 2 - 3 = 23 against 24 - 3 = 21, category III."""
    base = OffenseLine("§2D1.1(a)(5)", "Drug quantity", 24, kind="base")
    firearm = OffenseLine("§2D1.1(b)(1)", "Dangerous weapon possessed", 2, kind="specific")
    history = CriminalHistory(category="III")
    plea = {"acceptance": "3", "government_motion": True, "criminal_history": history}
    report = CaseFacts(offense_lines=(base, firearm), **plea)
    defense = CaseFacts(offense_lines=(base,), **plea)
    rows = worksheet_diff(report, defense)
    assert [(r.left, r.right, r.status) for r in rows] == [
        (base, base, SAME),
        (firearm, None, ONLY_LEFT),
    ]
    edition = edition_by_key("2025-11-01")
    report_range = calculate(report, edition).range
    defense_range = calculate(defense, edition).range
    assert (str(report_range), str(defense_range)) == ("57–71 months", "46–57 months")
    assert range_difference(report_range, defense_range, "Defense") == (
        "The Defense range has a minimum 11 months lower and a maximum 14 months lower."
    )


def test_a_changed_line_stands_next_to_the_line_it_changes():
    report = CaseFacts(offense_lines=(OffenseLine("§3B1.1(c)", "Manager", 2, kind="adjustment"),))
    defense = CaseFacts(offense_lines=(OffenseLine("§3B1.1(c)", "Manager", 0, kind="adjustment"),))
    (row,) = worksheet_diff(report, defense)
    assert row.status == CHANGED


def test_ranges_to_life_are_named_not_counted():
    life = SentencingRange(360, None)
    assert range_difference(SentencingRange(292, 365), life, "PSR") == (
        "The PSR range has a minimum 68 months higher and a maximum of life (against 365 months)."
    )
    assert range_difference(life, life, "PSR") == "The PSR range is the same."
