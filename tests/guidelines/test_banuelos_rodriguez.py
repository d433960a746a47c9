"""United States v. Banuelos-Rodriguez (9th Cir.): 1995 Manual, §2L1.2 base 8 + 16 for an
aggravated felony − 3 for acceptance = 21; Category V; 70–87 months. A plea to § 1326(a)
alone would have capped the sentence at 24 months."""

from datetime import date

from sentencing.guidelines import (
    Acceptance,
    CaseFacts,
    CriminalHistory,
    calculate,
    choose_edition,
    edition_by_key,
    illegal_reentry_preset,
    statute_by_citation,
)

M1995 = edition_by_key("1995-11-01")


def banuelos_facts(citation):
    preset = {line.section: line for line in illegal_reentry_preset(M1995)}
    return CaseFacts(
        offense_lines=(
            preset["§2L1.2(a)"].offense_line(),
            preset["§2L1.2(b)(2)"].offense_line(),
        ),
        acceptance=Acceptance.THREE,
        criminal_history=CriminalHistory(category="V"),
        counts=(statute_by_citation(citation).count(),),
    )


def test_it_reproduces_the_courts_arithmetic():
    calc = calculate(banuelos_facts("8 U.S.C. § 1326(b)(2)"), M1995)
    assert calc.arithmetic == "8 + 16 \u2212 3 = 21"
    assert calc.offense_level_before_acceptance == 24
    assert calc.acceptance_levels == -3
    assert calc.total_offense_level == calc.table_offense_level == 21


def test_it_finds_70_to_87_months_in_category_v():
    calc = calculate(banuelos_facts("8 U.S.C. § 1326(b)(2)"), M1995)
    assert calc.criminal_history_category == "V"
    assert calc.criminal_history_points is None
    assert str(calc.range) == "70–87 months"
    assert calc.zone == "D"


def test_it_leaves_the_range_alone_under_the_20_year_maximum_of_1326_b_2():
    calc = calculate(banuelos_facts("8 U.S.C. § 1326(b)(2)"), M1995)
    assert str(calc.guideline_sentence) == "70–87 months"
    assert calc.guideline_sentence.rule == ""
    assert calc.statutory_maximum_months == 240


def test_a_plea_to_1326_a_alone_caps_the_guideline_sentence_at_24_months():
    calc = calculate(banuelos_facts("8 U.S.C. § 1326(a)"), M1995)
    assert str(calc.range) == "70–87 months"
    assert str(calc.guideline_sentence) == "24 months"
    assert calc.guideline_sentence.rule == "§5G1.1(a)"


def test_it_needs_no_government_motion_for_the_third_level_in_1995():
    calc = calculate(banuelos_facts("8 U.S.C. § 1326(b)(2)"), M1995)
    assert calc.notes == ()


def test_it_writes_the_worksheet_in_order():
    calc = calculate(banuelos_facts("8 U.S.C. § 1326(b)(2)"), M1995)
    offense_steps = [(s.section, s.levels, s.running_total) for s in calc.steps[:5]]
    assert offense_steps == [
        ("§2L1.2(a)", 8, 8),
        ("§2L1.2(b)(2)", 16, 24),
        ("§3E1.1(a)", -2, 22),
        ("§3E1.1(b)", -1, 21),
        ("", None, 21),
    ]


def test_it_applies_the_1995_manual_for_an_august_1995_offense_sentenced_in_1996():
    # The opinion applies the Nov. 1, 1995 Manual; the offense (Aug. 1995) predates it.
    choice = choose_edition(
        banuelos_facts("8 U.S.C. § 1326(b)(2)"),
        offense_date=date(1995, 8, 15),
        sentencing_date=date(1996, 2, 1),
    )
    assert choice.applied.edition == M1995
    # §1B1.11: the 1994 Manual of the offense date prints the same §2L1.2 and gives no less.
    assert choice.at_offense.edition.key == "1994-11-01"
    assert "gives no lower result" in choice.reason
    assert str(choice.applied.range) == str(choice.at_offense.range) == "70–87 months"
