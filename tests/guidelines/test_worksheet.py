"""The printed arithmetic and worksheet lines a probation officer would write."""

from sentencing.guidelines import (
    Acceptance,
    CaseFacts,
    CriminalHistory,
    OffenseLine,
    PriorSentence,
    calculate,
    edition_by_key,
)

MINUS = "\u2212"
M1995 = edition_by_key("1995-11-01")


def test_it_prints_a_real_minus_sign_and_no_hyphen():
    lines = (
        OffenseLine("§2X1.1", "Base", 6, "base"),
        OffenseLine("§3B1.2", "Minor role", -2, "adjustment"),
    )
    calc = calculate(CaseFacts(lines, acceptance=Acceptance.TWO), M1995)
    assert calc.arithmetic == f"6 {MINUS} 2 {MINUS} 2 = 2"
    assert "-" not in calc.arithmetic


def test_it_prints_a_negative_total_and_treats_it_as_level_1():
    lines = (
        OffenseLine("§2X1.1", "Base", 2, "base"),
        OffenseLine("§3B1.2", "Minimal role", -4, "adjustment"),
    )
    calc = calculate(CaseFacts(lines), M1995)
    assert calc.arithmetic == f"2 {MINUS} 4 = {MINUS}2"
    assert (calc.total_offense_level, calc.table_offense_level) == (-2, 1)
    assert any("treated as level 1" in note for note in calc.notes)


def test_it_treats_a_total_above_43_as_43_and_says_so():
    calc = calculate(CaseFacts((OffenseLine("§2A1.1", "Base", 45, "base"),)), M1995)
    assert (calc.total_offense_level, calc.table_offense_level) == (45, 43)
    assert str(calc.range) == "life"
    assert any("treated as level 43" in note for note in calc.notes)


def test_it_lists_criminal_history_lines_with_their_points_after_the_offense_level():
    history = CriminalHistory(
        prior_sentences=(PriorSentence("1990 burglary", "a"), PriorSentence("1993 DUI", "c")),
        under_criminal_justice_sentence=True,
        recency=True,
    )
    calc = calculate(
        CaseFacts((OffenseLine("§2L1.2(a)", "Base", 8, "base"),), criminal_history=history), M1995
    )
    history_steps = [(s.section, s.points) for s in calc.steps if s.levels is None][1:]
    assert history_steps == [
        ("§4A1.1(a)", 3),
        ("§4A1.1(c)", 1),
        ("§4A1.1(d)", 2),
        ("§4A1.1(e)", 1),
        ("Ch. 5 Pt. A", None),
    ]
    assert (calc.criminal_history_points, calc.criminal_history_category) == (7, "IV")
    assert calc.steps[-1].description == "Total 7 points: Category IV"


def test_it_computes_an_empty_case_as_level_1_category_i():
    calc = calculate(CaseFacts(), M1995)
    assert (calc.arithmetic, str(calc.range), calc.zone) == ("0 = 0", "0–6 months", "A")
