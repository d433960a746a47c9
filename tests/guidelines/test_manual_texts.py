"""§1B1.11(b)(2) (every Manual carried): one Manual as a whole, so each Manual compared is scored
with lines from its own text of §2L1.2 — never the other Manual's lines."""

from datetime import date

from sentencing.guidelines import CaseFacts, CriminalHistory, OffenseLine, choose_edition

BASE = OffenseLine("§2L1.2(a)", "Base offense level", 8, "base")
# The 2001 text (Amendment 632), printed by the 2003 Manual: +16 for a listed felony.
LINES_2001_TEXT = (
    BASE,
    OffenseLine(
        "§2L1.2(b)(1)(A)", "Deported after a crime of violence", 16, "specific", "2L1.2(b)(1)"
    ),
)
# The 1991 text (Amendment 375), printed by the 1995 Manual: +4 for a felony, not aggravated.
LINES_1991_TEXT = (
    BASE,
    OffenseLine("§2L1.2(b)(1)", "Deported after a felony", 4, "specific", "2L1.2(b)"),
)
HISTORY = CriminalHistory(category="III")
# A 1996 offense (1995 Manual) sentenced in 2004 (2003 Manual).
DATES = {"offense_date": date(1996, 6, 1), "sentencing_date": date(2004, 3, 1)}


def test_the_earlier_manual_is_not_scored_with_the_later_texts_lines():
    choice = choose_edition(CaseFacts(LINES_2001_TEXT, criminal_history=HISTORY), **DATES)
    assert choice.at_offense is None
    assert choice.applied.edition.key == "2003-11-01"
    assert "1995 Manual prints §2L1.2 (Amendment 375" in choice.comparison_missing
    assert choice.comparison_missing in choice.reason
    assert choice.differing_texts == ("2L1.2",)


def test_the_offense_date_worksheet_scores_the_earlier_manual():
    facts = CaseFacts(LINES_2001_TEXT, criminal_history=HISTORY, offense_date_lines=LINES_1991_TEXT)
    choice = choose_edition(facts, **DATES)
    assert choice.at_sentencing.total_offense_level == 8 + 16
    assert choice.at_offense.total_offense_level == 8 + 4
    assert [s.section for s in choice.at_offense.steps[:2]] == ["§2L1.2(a)", "§2L1.2(b)(1)"]
    # §1B1.11(b)(1): the later Manual's higher range would violate the ex post facto clause.
    assert choice.applied is choice.at_offense
    assert choice.comparison_missing == ""


def test_a_guideline_not_carried_by_edition_is_scored_under_both_and_said_so():
    lines = (
        OffenseLine("§2K2.1(a)(7)", "Base offense level", 12, "base"),
        OffenseLine("§2K2.1(b)(6)(B)", "In connection with another felony", 4, "specific"),
    )
    choice = choose_edition(CaseFacts(lines, criminal_history=HISTORY), **DATES)
    assert choice.at_offense.total_offense_level == choice.at_sentencing.total_offense_level
    assert "§2K2.1 are taken as the same under the 2003 Manual and the 1995 Manual" in (
        choice.reason
    )


def test_a_loss_line_of_the_2003_text_is_not_scored_under_the_1995_manual():
    """§2B1.1 is carried by edition: the 1995 Manual prints the 1989 loss table (Amendment 99),
    so a line entered from the 2003 table (Amendment 647) needs the offense-date worksheet."""
    lines = (
        OffenseLine("§2B1.1(a)", "Base offense level", 6, "base"),
        OffenseLine("§2B1.1(b)(1)(D)", "Loss more than $30,000", 6, "specific"),
    )
    choice = choose_edition(CaseFacts(lines, criminal_history=HISTORY), **DATES)
    assert choice.at_offense is None
    assert choice.differing_texts == ("2B1.1",)
    assert "The 1995 Manual prints §2B1.1 (Amendment 512" in choice.comparison_missing


def test_an_unused_offense_date_worksheet_is_said_to_be_unused():
    facts = CaseFacts(LINES_1991_TEXT, offense_date_lines=LINES_1991_TEXT, criminal_history=HISTORY)
    choice = choose_edition(facts, offense_date=date(1996, 6, 1), sentencing_date=date(1996, 10, 1))
    assert "not used: the same Manual was in effect on both dates" in choice.reason


def test_the_comparison_lists_both_manuals_earlier_first_and_says_they_differ():
    facts = CaseFacts(LINES_2001_TEXT, criminal_history=HISTORY, offense_date_lines=LINES_1991_TEXT)
    choice = choose_edition(facts, **DATES)
    assert [calc.edition.key for calc in choice.compared] == ["1995-11-01", "2003-11-01"]
    assert choice.results_differ


def test_without_a_second_manual_there_is_nothing_to_compare():
    choice = choose_edition(
        CaseFacts(LINES_1991_TEXT, criminal_history=HISTORY),
        offense_date=date(1996, 6, 1),
        sentencing_date=date(1996, 10, 1),
    )
    assert choice.compared == ()
    assert not choice.results_differ


def test_a_drug_line_of_the_2016_table_is_not_scored_under_the_2003_manual():
    """§2D1.1 is carried by edition: Amendment 782 (Nov. 1, 2014) lowered the Drug Quantity
    Table, so a 2016 line needs the offense-date worksheet under the 2003 Manual."""
    lines = (OffenseLine("§2D1.1(a)(5)", "5 KG of cocaine", 30, "base"),)
    facts = CaseFacts(lines, criminal_history=HISTORY)
    choice = choose_edition(facts, offense_date=date(2004, 1, 5), sentencing_date=date(2017, 3, 1))
    assert choice.differing_texts == ("2D1.1",)
    assert "The 2003 Manual prints §2D1.1 (Drug Quantity Table Amendment 505" in (
        choice.comparison_missing
    )
