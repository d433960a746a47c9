"""§1B1.11: the Manual in effect at sentencing, unless the one in effect on the offense date
gives a lower result (ex post facto), applied as a whole; and the user's override."""

from datetime import date

import pytest

from sentencing.guidelines import (
    Acceptance,
    CaseFacts,
    Count,
    CriminalHistory,
    OffenseLine,
    PriorSentence,
    choose_edition,
    edition_by_key,
)

BASE_20 = (OffenseLine("§2X1.1", "Base offense level", 20, "base"),)


def test_it_applies_the_offense_date_manual_when_the_later_one_is_harsher():
    # No government motion: the 1995 Manual gives the third acceptance level, 2003 does not.
    facts = CaseFacts(BASE_20, acceptance=Acceptance.THREE)
    choice = choose_edition(facts, offense_date=date(1996, 6, 1), sentencing_date=date(2004, 1, 5))
    assert choice.at_sentencing.edition.key == "2003-11-01"
    assert choice.at_offense.edition.key == "1995-11-01"
    assert choice.applied is choice.at_offense
    assert choice.applied.total_offense_level == 17
    assert choice.at_sentencing.total_offense_level == 18
    assert "§1B1.11(b)(1)" in choice.reason
    assert "ex post facto" in choice.reason
    assert not choice.overridden


def test_it_applies_the_sentencing_date_manual_when_it_is_lower():
    # Status points: +2 under the 2016 Manual, none under Amendment 821 (2023) with 3 points.
    history = CriminalHistory(
        prior_sentences=(PriorSentence("burglary", "a"),), under_criminal_justice_sentence=True
    )
    facts = CaseFacts(BASE_20, criminal_history=history)
    choice = choose_edition(facts, offense_date=date(2017, 3, 1), sentencing_date=date(2024, 1, 8))
    assert choice.at_offense.criminal_history_points == 5
    assert choice.at_sentencing.criminal_history_points == 3
    assert choice.applied is choice.at_sentencing
    assert choice.reason.startswith("§1B1.11(a)")


def test_it_applies_the_sentencing_date_manual_when_both_give_the_same_result():
    choice = choose_edition(
        CaseFacts(BASE_20), offense_date=date(2017, 3, 1), sentencing_date=date(2024, 1, 8)
    )
    assert choice.applied is choice.at_sentencing
    assert choice.at_offense is not None


def test_it_compares_nothing_when_both_dates_fall_under_one_manual():
    choice = choose_edition(
        CaseFacts(BASE_20), offense_date=date(2023, 11, 2), sentencing_date=date(2024, 5, 1)
    )
    assert choice.at_offense is None
    assert choice.applied.edition.key == "2023-11-01"


def test_it_says_when_the_offense_predates_the_earliest_manual_carried():
    choice = choose_edition(
        CaseFacts(BASE_20), offense_date=date(1989, 10, 31), sentencing_date=date(1996, 1, 1)
    )
    assert choice.at_offense is None
    assert "before the earliest Manual" in choice.reason


def test_an_offense_after_an_amendment_between_two_manuals_takes_the_manual_as_amended():
    choice = choose_edition(
        CaseFacts(BASE_20), offense_date=date(2001, 1, 2), sentencing_date=date(2004, 1, 5)
    )
    assert choice.at_offense.edition.key == "2000-12-16"
    assert (
        "the 2000 Manual as amended Dec. 16, 2000, in effect on the offense date" in choice.reason
    )


def test_it_applies_a_requested_manual_and_says_what_1b1_11_would_pick():
    facts = CaseFacts(BASE_20, acceptance=Acceptance.THREE)
    requested = edition_by_key("2025-11-01")
    choice = choose_edition(
        facts, offense_date=date(1996, 6, 1), sentencing_date=date(2004, 1, 5), requested=requested
    )
    assert choice.overridden
    assert choice.applied.edition == requested
    assert choice.reason.startswith("Override: the 2025 Manual")
    assert "§1B1.11(b)(1): the 1995 Manual" in choice.reason


def test_it_rejects_an_offense_after_sentencing():
    with pytest.raises(ValueError, match="after the sentencing date"):
        choose_edition(CaseFacts(), offense_date=date(2024, 1, 2), sentencing_date=date(2024, 1, 1))


def test_it_rejects_a_sentencing_date_before_the_earliest_manual():
    with pytest.raises(ValueError, match="earliest Manual"):
        choose_edition(
            CaseFacts(), offense_date=date(1988, 1, 1), sentencing_date=date(1989, 10, 31)
        )


def test_it_compares_the_ranges_when_the_guideline_sentences_are_equal():
    # A 24-month cap flattens both results; the 1995 range (24–30) is still the lower one.
    facts = CaseFacts(BASE_20, acceptance=Acceptance.THREE, counts=(Count("§ 1326(a)", 24),))
    choice = choose_edition(facts, offense_date=date(1996, 6, 1), sentencing_date=date(2004, 1, 5))
    assert str(choice.at_offense.guideline_sentence) == "24 months"
    assert str(choice.at_sentencing.guideline_sentence) == "24 months"
    assert choice.applied is choice.at_offense
    assert "(27–33 months against 24–30 months)" in choice.reason
