"""Loss tables of §2B1.1(b)(1) and §2F1.1(b)(1) by edition.

The expected figures come from the Manual's own commentary examples and the Commission's
reasons for the amendments that set the tables (Appendix C), not from the typed tables.
"""

from dataclasses import replace
from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sentencing.guidelines import (
    EDITIONS,
    Acceptance,
    CaseFacts,
    CriminalHistory,
    OffenseLine,
    calculate,
    edition_by_key,
)
from sentencing.guidelines.loss import FRAUD, THEFT, loss_levels, loss_row, loss_table

M1995 = edition_by_key("1995-11-01")
M2003 = edition_by_key("2003-11-01")
M2010 = edition_by_key("2010-11-01")
M2016 = edition_by_key("2016-11-01")
M2025 = edition_by_key("2025-11-01")


def manual_of(day: str, like=M2003):
    """An edition the engine does not carry (yet), effective on ``day``."""
    return replace(like, key=day, effective=date.fromisoformat(day))


M1988 = manual_of("1988-11-01", M1995)
M2002 = manual_of("2002-11-01")  # Amendment 617's table, before Amendment 647
M2014 = manual_of("2014-11-01", M2010)
M2015 = manual_of("2015-11-01", M2016)
ALL = (*EDITIONS, M1988, M2002, M2014, M2015)
BEFORE_2001 = [e for e in ALL if e.effective < date(2001, 11, 1)]


def test_the_1995_illustration_adds_one_fraud_level_for_4800_dollars():
    # §3D1.5 commentary, Illustration 2, in force until Amendment 617 struck it (Appendix C
    # Vol. II, Amendment 617): checks totalling $4,800; "The base offense level is 6; 1 level
    # is added because of the value of the property (§2F1.1(b)(1)); and 2 levels are added
    # because the conduct involved repeated acts with some planning".
    assert 6 + loss_levels(4_800, M1995, FRAUD) + 2 == 9
    # "The fraud guideline is applied, because it produces an offense level that is as high
    # as or higher than the theft guideline" (§2B1.1(a) 4, (b)(4)(A) 2 levels).
    assert 4 + loss_levels(4_800, M1995, THEFT) + 2 <= 9


@pytest.mark.parametrize("edition", [M2016, M2025], ids=lambda e: e.key)
def test_the_kickback_illustration_adds_no_loss_levels_for_4000_dollars(edition):
    # §3D1.5 commentary, Illustration 3 (2016 and 2025 Manuals): "The total money involved
    # is $4,000, which results in an offense level of 9 under ... §2B1.1 (assuming the
    # application of the 'sophisticated means' enhancement in §2B1.1(b)(10))": 7 + 2 and no
    # loss levels. (The illustration does not apply (b)(10)'s floor of 12.)
    assert 7 + loss_levels(4_000, edition) + 2 == 9


@pytest.mark.parametrize(
    ("edition", "table", "first_increase_above"),
    [(M2002, THEFT, 5_000), (M2003, THEFT, 5_000), (M1995, FRAUD, 2_000), (M1995, THEFT, 100)],
    ids=["2002", "2003", "1995-fraud", "1995-theft"],
)
def test_the_first_increase_is_for_a_loss_exceeding_the_617_reasons_amounts(
    edition, table, first_increase_above
):
    # Amendment 617, reason: the consolidated table "provides the first of incremental
    # increases for cases in which loss exceeds $5,000, rather than $2,000 provided previously
    # in §2F1.1, or $100 provided previously in §2B1.1".
    assert loss_levels(first_increase_above, edition, table) == 0
    assert loss_levels(first_increase_above + 1, edition, table) > 0


def test_amendment_647_added_28_and_30_levels_above_26():
    # Amendment 647, reason: before it the table went "up to a maximum of 26 levels for
    # offenses in which the loss exceeded $100,000,000"; it adds "28 levels for offenses in
    # which the loss exceeded $200,000,000, and ... 30 levels ... $400,000,000".
    assert loss_levels(100_000_001, M2002) == 26
    assert loss_levels(10**12, M2002) == 26
    assert loss_levels(100_000_000, M2002) < 26
    assert loss_levels(200_000_001, M2003) == 28
    assert loss_levels(400_000_001, M2003) == 30
    assert loss_levels(10**12, M2003) == 30


def _zone(base, loss, edition):
    lines = (
        OffenseLine("§2B1.1(a)", "Base offense level", base, "base"),
        OffenseLine("§2B1.1(b)(1)", "Loss", loss_levels(loss, edition), "specific"),
    )
    facts = CaseFacts(lines, Acceptance.TWO, criminal_history=CriminalHistory(category="I"))
    return calculate(facts, edition).zone


def test_amendment_653s_zone_lines_for_the_new_base_level_7():
    # Amendment 653, reason: with base 7 and "a two level reduction for acceptance of
    # responsibility", Zone A only for "loss amounts of $10,000 or less" (before: "$30,000 or
    # less", base 6) and Zone D "for offenses involving loss amounts of more than $70,000"
    # (before: "more than $120,000").
    assert _zone(7, 10_000, M2003) == "A" != _zone(7, 10_001, M2003)
    assert _zone(6, 30_000, M2002) == "A" != _zone(6, 30_001, M2002)
    assert _zone(7, 70_001, M2003) == "D" != _zone(7, 70_000, M2003)
    assert _zone(6, 120_001, M2002) == "D" != _zone(6, 120_000, M2002)


@pytest.mark.parametrize(
    ("edition", "source"),
    [
        (M1988, "§2B1.1(b)(1) as first promulgated (Nov. 1, 1987)"),
        (M1995, "Amendment 99 (Nov. 1, 1989)"),
        (M2002, "Amendment 617 (Nov. 1, 2001)"),
        (M2003, "Amendment 647 (Jan. 25, 2003), repromulgated by Amendment 653"),
        (M2010, "Amendment 647 (Jan. 25, 2003), repromulgated by Amendment 653"),
        (M2014, "Amendment 647 (Jan. 25, 2003), repromulgated by Amendment 653"),
        (M2015, "Amendment 791 (Nov. 1, 2015)"),
        (M2016, "Amendment 791 (Nov. 1, 2015)"),
        (edition_by_key("2023-11-01"), "Amendment 791 (Nov. 1, 2015)"),
        (edition_by_key("2024-11-01"), "Amendment 791 (Nov. 1, 2015)"),
        (M2025, "Amendment 791 (Nov. 1, 2015)"),
    ],
    ids=lambda v: getattr(v, "key", None),
)
def test_each_edition_takes_the_table_in_force_on_its_effective_date(edition, source):
    assert loss_table(edition).source == source


def test_the_table_follows_the_effective_date_not_the_key():
    assert loss_table(replace(M2016, key="x", effective=date(2014, 11, 1))).effective == date(
        2003, 1, 25
    )


def test_amendment_791_raised_the_first_threshold_from_5000_to_6500():
    # Amendment 791 struck "(1) If the loss exceeded $5,000" and inserted "(1) If the loss
    # exceeded $6,500" (Supplement to Appendix C, 2016).
    assert loss_levels(6_000, M2014) == 2
    assert loss_levels(6_000, M2015) == 0
    assert loss_table(M2014).threshold == 5_000
    assert loss_table(M2015).threshold == 6_500


def test_the_1987_fraud_table_reads_its_misprinted_row_e_from_20001():
    # Amendment 154 struck "(E) $20,001 - $50,00 add 4"; row (F) begins at $50,001.
    assert loss_row(20_001, M1988, FRAUD).letter == "E"
    assert loss_row(50_000, M1988, FRAUD).letter == "E"
    assert loss_row(50_001, M1988, FRAUD).letter == "F"


@pytest.mark.parametrize("edition", [e for e in ALL if e.effective >= date(2001, 11, 1)])
def test_the_fraud_table_is_refused_once_2f1_1_was_deleted(edition):
    with pytest.raises(ValueError, match="Amendment 617"):
        loss_levels(10_000, edition, FRAUD)


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="negative"):
        loss_levels(-1, M2016)
    with pytest.raises(ValueError, match="whole number"):
        loss_levels(True, M2016)
    with pytest.raises(ValueError, match="No loss table"):
        loss_levels(1, M2016, "2T4.1")
    with pytest.raises(ValueError, match="before Nov. 1, 1987"):
        loss_levels(1, manual_of("1987-10-31", M1995))


tables = st.one_of(
    st.tuples(st.sampled_from(ALL), st.just(THEFT)),
    st.tuples(st.sampled_from(BEFORE_2001), st.just(FRAUD)),
)
amounts = st.integers(min_value=0, max_value=10**10)


@given(tables, amounts, amounts)
def test_more_loss_never_lowers_the_level(edition_table, a, b):
    edition, table = edition_table
    low, high = sorted((a, b))
    assert loss_levels(low, edition, table) <= loss_levels(high, edition, table)


@given(tables, st.data())
def test_a_loss_must_exceed_a_rows_amount_to_reach_it(edition_table, data):
    # "More than $X": a loss of exactly X stays in the row below.
    edition, table = edition_table
    rows = loss_table(edition, table).rows
    row = data.draw(st.sampled_from(rows[1:]))
    assert loss_row(row.more_than, edition, table).levels < row.levels
    assert loss_row(row.more_than + 1, edition, table) == row


def _inflated(amount):
    """Amendment 791, reason: $1.00 in 2001 = $1.34 in 2014, then rounded to the nearest
    multiple of $50,000,000 above $100,000,000; $5,000,000 above $10,000,000; $500,000 above
    $1,000,000; $50,000 above $100,000; $5,000 above $10,000; $500 above $1,000; else $50."""
    adjusted = Fraction(amount) * Fraction(134, 100)
    steps = [(100_000_000, 50_000_000), (10_000_000, 5_000_000), (1_000_000, 500_000)]
    steps += [(100_000, 50_000), (10_000, 5_000), (1_000, 500), (0, 50)]
    multiple = next(m for floor, m in steps if adjusted > floor)
    return round(adjusted / multiple) * multiple


def test_amendment_791_is_the_2001_table_adjusted_for_inflation_row_for_row():
    # The 2003-2014 table (Amendments 617 and 647) times 1.34, rounded as the reason says,
    # gives the table of the 2016 and 2025 Manuals, with the same levels in each row.
    before, after = loss_table(M2014).rows, loss_table(M2015).rows
    assert [row.levels for row in before] == [row.levels for row in after]
    assert [_inflated(row.more_than) for row in before[1:]] == [row.more_than for row in after[1:]]


def test_the_1989_theft_and_fraud_tables_share_their_amounts_from_2000_dollars():
    # Amendments 99 (theft) and 154 (fraud), the same reason: "to conform the theft and fraud
    # loss tables to the tax evasion table". Fraud's rows start at $2,000, two rows into theft.
    theft = [row.more_than for row in loss_table(M1995, THEFT).rows]
    fraud = [row.more_than for row in loss_table(M1995, FRAUD).rows]
    assert fraud[1:] == theft[theft.index(2_000) :]


def test_the_table_may_be_named_with_its_section_sign():
    assert loss_levels(4_800, M1995, "§2F1.1") == loss_levels(4_800, M1995, FRAUD)
