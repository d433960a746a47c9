"""§2B1.1 worksheet by the text in force on an edition's date (and §2F1.1 before 2001)."""

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sentencing.guidelines import (
    EDITIONS,
    Acceptance,
    CaseFacts,
    CriminalHistory,
    calculate,
    edition_by_key,
)
from sentencing.guidelines.loss import FRAUD
from sentencing.guidelines.theft_fraud import theft_fraud_lines, theft_fraud_worksheet

M1995 = edition_by_key("1995-11-01")
M2003 = edition_by_key("2003-11-01")
M2010 = edition_by_key("2010-11-01")
M2016 = edition_by_key("2016-11-01")
M2025 = edition_by_key("2025-11-01")
TWENTY_YEARS = 240  # e.g. 18 U.S.C. §§ 1341, 1343


def manual_of(day, like):
    return replace(like, key=day, effective=date.fromisoformat(day))


M2002 = manual_of("2002-11-01", M2003)  # Amendment 617's text
M2011 = manual_of("2011-11-01", M2010)  # after Amendment 749
M2014 = manual_of("2014-11-01", M2010)
M2018 = manual_of("2018-11-01", M2016)
CONSOLIDATED = tuple(e for e in EDITIONS if e.effective >= date(2001, 11, 1))


def sections(lines):
    return {line.section: line.levels for line in lines}


def worksheet(edition, **facts):
    facts.setdefault("loss", 0)
    facts.setdefault("statutory_maximum_months", TWENTY_YEARS)
    return theft_fraud_worksheet(edition, **facts)


@pytest.mark.parametrize("edition", [M2003, M2010, M2016, M2025], ids=lambda e: e.key)
def test_base_level_is_7_with_a_statutory_maximum_of_20_years_or_more(edition):
    # §2B1.1(a)(1) "7, if ... that offense of conviction has a statutory maximum term of
    # imprisonment of 20 years or more; or (2) 6, otherwise" (2016 and 2025 Manuals;
    # Amendment 653, Nov. 1, 2003).
    def base(months):
        return worksheet(edition, statutory_maximum_months=months).lines[0]

    assert (base(240).section, base(240).levels) == ("§2B1.1(a)(1)", 7)
    assert (base(None).section, base(None).levels) == ("§2B1.1(a)(1)", 7)  # life
    assert (base(239).section, base(239).levels) == ("§2B1.1(a)(2)", 6)
    assert (base(60).section, base(60).levels) == ("§2B1.1(a)(2)", 6)


def test_before_amendment_653_the_base_level_was_6_whatever_the_maximum():
    # Amendment 653 struck "(a) Base Offense Level: 6"; Amendment 617's reason: "The base
    # offense level for the consolidated guideline is level 6".
    for months in (None, 240, 60):
        base = worksheet(M2002, statutory_maximum_months=months).lines[0]
        assert (base.section, base.levels) == ("§2B1.1(a)", 6)


def test_before_2001_theft_started_at_4_and_fraud_at_6():
    # Amendment 617, reason: level 6 "maintains the base offense level for fraud offenses, but
    # represents a two-level increase for theft and property destruction offenses, which prior
    # to this amendment was level 4".
    assert worksheet(M1995).lines[0].levels == 4
    assert worksheet(M1995, guideline=FRAUD).lines[0].section == "§2F1.1(a)"
    assert worksheet(M1995, guideline=FRAUD).lines[0].levels == 6


def test_the_1995_multiple_count_illustration_is_level_9_under_either_guideline():
    # §3D1.5 commentary, Illustration 2, as Amendment 617 struck it: $4,800 of checks; fraud
    # "base offense level is 6; 1 level is added because of the value of the property
    # (§2F1.1(b)(1)); and 2 levels are added because the conduct involved repeated acts with
    # some planning (§2F1.1(b)(2)(A)). The resulting offense level is 9", the fraud guideline
    # giving a level "as high as or higher than the theft guideline".
    facts = {"loss": 4_800, "statutory_maximum_months": 120, "more_than_minimal_planning": True}
    fraud = worksheet(M1995, guideline=FRAUD, **facts)
    theft = worksheet(M1995, **facts)
    assert [line.section for line in fraud.lines] == [
        "§2F1.1(a)",
        "§2F1.1(b)(1)(B)",
        "§2F1.1(b)(2)(A)",
    ]
    assert fraud.offense_level == 9
    assert theft.offense_level <= fraud.offense_level
    assert "§2B1.1(b)(4)(A)" in sections(theft.lines)  # more than minimal planning


def test_1995_fraud_adds_2_levels_for_a_scheme_to_defraud_more_than_one_victim():
    # §2F1.1(b)(2): "(A) more than minimal planning, or (B) a scheme to defraud more than one
    # victim, increase by 2 levels" — one increase, not two.
    assert "§2F1.1(b)(2)(B)" in sections(worksheet(M1995, guideline=FRAUD, victims=2).lines)
    both = worksheet(M1995, guideline=FRAUD, victims=2, more_than_minimal_planning=True)
    assert both.offense_level == 6 + 2


@pytest.mark.parametrize(
    ("edition", "person", "fence", "fence_levels"),
    [(M1995, "§2B1.1(b)(2)", "§2B1.1(b)(4)(B)", 4), (M2002, "§2B1.1(b)(3)", "§2B1.1(b)(4)", 2)]
    + [(M2016, "§2B1.1(b)(3)", "§2B1.1(b)(4)", 2), (M2025, "§2B1.1(b)(3)", "§2B1.1(b)(4)", 2)],
    ids=lambda v: getattr(v, "key", None),
)
def test_theft_from_the_person_and_fencing(edition, person, fence, fence_levels):
    # 1995: "(2) If the theft was from the person of another, increase by 2 levels" and
    # "(4) ... (B) If the offense involved receiving stolen property, and the defendant was a
    # person in the business of receiving and selling stolen property, increase by 4 levels"
    # (as Amendment 617 struck them); from 2001, (b)(3) and (b)(4), "increase by 2 levels"
    # (2016 and 2025 Manuals).
    found = sections(
        worksheet(edition, theft_from_person=True, receiving_stolen_property_business=True).lines
    )
    assert found[person] == 2
    assert found[fence] == fence_levels


def test_in_1995_fencing_and_more_than_minimal_planning_are_alternatives():
    # §2B1.1(b)(4) (1995): "(A) If the offense involved more than minimal planning, increase by
    # 2 levels; or (B) ... increase by 4 levels".
    both = worksheet(
        M1995, receiving_stolen_property_business=True, more_than_minimal_planning=True
    )
    assert sections(both.lines) == {"§2B1.1(a)": 4, "§2B1.1(b)(1)(A)": 0, "§2B1.1(b)(4)(B)": 4}
    assert any("not counted" in note for note in both.notes)


def victims_line(edition, **facts):
    found = [line for line in worksheet(edition, **facts).lines if "(b)(2)" in line.section]
    return (found[0].section, found[0].levels) if found else None


@pytest.mark.parametrize("edition", [M2016, M2025], ids=lambda e: e.key)
def test_the_2015_victims_table_counts_substantial_financial_hardship(edition):
    # §2B1.1(b)(2) (Amendment 792): (A) 10 or more victims, mass-marketing, or substantial
    # financial hardship to one or more victims, 2; (B) hardship to five or more, 4; (C) to 25
    # or more, 6.
    assert victims_line(edition, victims=9) is None
    assert victims_line(edition, victims=10) == ("§2B1.1(b)(2)(A)(i)", 2)
    assert victims_line(edition, victims=3, mass_marketing=True) == ("§2B1.1(b)(2)(A)(ii)", 2)
    assert victims_line(edition, victims=1, hardship_victims=1) == ("§2B1.1(b)(2)(A)(iii)", 2)
    assert victims_line(edition, victims=5, hardship_victims=5) == ("§2B1.1(b)(2)(B)", 4)
    assert victims_line(edition, victims=30, hardship_victims=25) == ("§2B1.1(b)(2)(C)", 6)
    # Amendment 792 struck the 50- and 250-victim tiers: many victims without hardship is 2.
    assert victims_line(edition, victims=300) == ("§2B1.1(b)(2)(A)(i)", 2)


@pytest.mark.parametrize("edition", [M2003, M2010, M2014], ids=lambda e: e.key)
def test_the_2003_victims_table_counts_victims(edition):
    # §2B1.1(b)(2) as Amendment 647 inserted and Amendment 792 struck it: "(A) (i) involved 10
    # or more victims; or (ii) was committed through mass-marketing, increase by 2 levels;
    # (B) involved 50 or more victims, increase by 4 levels; or (C) involved 250 or more
    # victims, increase by 6 levels."
    assert victims_line(edition, victims=10) == ("§2B1.1(b)(2)(A)(i)", 2)
    assert victims_line(edition, victims=50) == ("§2B1.1(b)(2)(B)", 4)
    assert victims_line(edition, victims=250) == ("§2B1.1(b)(2)(C)", 6)
    assert victims_line(edition, victims=5, hardship_victims=5) is None


def test_the_2001_victims_table_needed_more_than_10_victims():
    # §2B1.1(b)(2) as Amendment 647 struck it: "(A)(i) involved more than 10, but less than 50,
    # victims; or (ii) was committed through mass-marketing, increase by 2 levels; or
    # (B) involved 50 or more victims, increase by 4 levels."
    assert victims_line(M2002, victims=10) is None
    assert victims_line(M2002, victims=11) == ("§2B1.1(b)(2)(A)(i)", 2)
    assert victims_line(M2002, victims=50) == ("§2B1.1(b)(2)(B)", 4)
    assert victims_line(M2002, victims=250) == ("§2B1.1(b)(2)(B)", 4)


@pytest.mark.parametrize(
    ("edition", "paragraph"),
    [(M2002, "(b)(8)"), (M2003, "(b)(8)"), (M2010, "(b)(9)"), (M2011, "(b)(10)")]
    + [(M2016, "(b)(10)"), (M2025, "(b)(10)")],
    ids=lambda v: getattr(v, "key", None),
)
def test_sophisticated_means_sits_where_each_text_put_it(edition, paragraph):
    # Amendment 617, reason: sophisticated means "previously at §2F1.1(b)(6) and now, by this
    # amendment, at §2B1.1(b)(8)"; Amendment 665 (2004) redesignated (7)-(14) as (8)-(15);
    # Amendment 760, reason: Amendment 749 (2011) moved it "from (b)(9) to (b)(10)"; the 2016
    # and 2025 Manuals print it at (b)(10)(C) (§3D1.5 Illustration 3 cites §2B1.1(b)(10)).
    lines = worksheet(edition, loss=2_000_000, sophisticated_means=True).lines
    assert lines[-1].section == f"§2B1.1{paragraph}(C)"
    assert lines[-1].levels == 2


@pytest.mark.parametrize(
    ("edition", "paragraph"),
    [(M2002, "(b)(9)"), (M2003, "(b)(9)"), (M2010, "(b)(10)"), (M2016, "(b)(11)")]
    + [(M2025, "(b)(11)")],
    ids=lambda v: getattr(v, "key", None),
)
def test_the_access_device_characteristic_sits_where_each_text_put_it(edition, paragraph):
    # Amendment 674 (2004) amended "§2B1.1(b)(10), as redesignated by Amendment 665" (device-
    # making equipment; "a minimum offense level of 12"); (b)(11) in the 2016 and 2025 Manuals.
    lines = worksheet(edition, loss=2_000_000, identification_means=True).lines
    assert (lines[-1].section, lines[-1].levels) == (f"§2B1.1{paragraph}", 2)


@pytest.mark.parametrize(
    ("edition", "section"),
    [(M1995, "§2F1.1(b)(3)"), (M2002, "§2B1.1(b)(7)"), (M2003, "§2B1.1(b)(7)")]
    + [(M2010, "§2B1.1(b)(8)"), (M2011, "§2B1.1(b)(9)"), (M2016, "§2B1.1(b)(9)")],
    ids=lambda v: getattr(v, "key", None),
)
def test_a_violation_of_a_prior_order_sits_where_each_text_put_it(edition, section):
    # Amendment 156 (1989) inserted §2F1.1(b)(3) (charity or government misrepresentation,
    # violation of an order); Amendment 653's commentary (2003) cites "§2B1.1(b)(7)(C)
    # (pertaining to a violation of a prior, specific judicial order)"; Amendment 760: 749
    # moved it "from (b)(8)(C) to (b)(9)(C)"; (b)(9) in the 2016 Manual.
    guideline = FRAUD if edition is M1995 else "2B1.1"
    lines = worksheet(edition, loss=2_000_000, misrepresentation_or_order=True, guideline=guideline)
    assert (lines.lines[-1].section, lines.lines[-1].levels) == (section, 2)


@pytest.mark.parametrize("edition", [M1995, M2016], ids=lambda e: e.key)
def test_a_violation_of_a_prior_order_raises_the_level_to_10(edition):
    # "If the resulting offense level is less than level 10, increase to level 10"
    # (§2F1.1(b)(3), Amendment 156; §2B1.1(b)(9), 2016 Manual), before sophisticated means'
    # floor of 12 (§1B1.1(a)(2): specific offense characteristics "in the order listed").
    guideline = FRAUD if edition is M1995 else "2B1.1"
    found = worksheet(edition, misrepresentation_or_order=True, guideline=guideline)
    assert found.offense_level == 10
    if edition is M2016:
        both = worksheet(edition, misrepresentation_or_order=True, sophisticated_means=True)
        assert [line.levels for line in both.lines[2:]] == [3, 2]
        assert both.offense_level == 12


@pytest.mark.parametrize("edition", [M2016, M2025], ids=lambda e: e.key)
def test_sophisticated_means_raises_a_small_fraud_to_level_12(edition):
    # §2B1.1(b)(10): "increase by 2 levels. If the resulting offense level is less than level
    # 12, increase to level 12." A $4,000 mail fraud: 7 + 0, so 5 levels bring it to 12; then
    # (b)(11) adds its 2 (its own floor already met).
    found = worksheet(edition, loss=4_000, sophisticated_means=True)
    assert found.lines[-1].levels == 5
    assert found.offense_level == 12
    both = worksheet(edition, loss=4_000, sophisticated_means=True, identification_means=True)
    assert both.offense_level == 14


def test_relocation_abroad_and_sophisticated_means_are_one_increase():
    # §2B1.1(b)(10) (2016 Manual): "If (A) the defendant relocated ... ; (B) a substantial part
    # of a fraudulent scheme was committed from outside the United States; or (C) ...
    # sophisticated means ..., increase by 2 levels."
    big = {"loss": 2_000_000}
    assert worksheet(M2016, relocated_scheme=True, **big).lines[-1].section == "§2B1.1(b)(10)(A)"
    assert worksheet(M2016, outside_united_states=True, **big).lines[-1].section == (
        "§2B1.1(b)(10)(B)"
    )
    every = worksheet(
        M2016, relocated_scheme=True, outside_united_states=True, sophisticated_means=True, **big
    )
    assert [line.section for line in every.lines if "(b)(10)" in line.section] == [
        "§2B1.1(b)(10)(A)"
    ]
    assert every.offense_level == 7 + 16 + 2


def test_a_2015_sophisticated_means_line_says_the_defendant_must_have_engaged_in_it():
    # Amendment 792 added "and the defendant intentionally engaged in or caused the conduct
    # constituting sophisticated means".
    assert "intentionally" in worksheet(M2016, sophisticated_means=True).lines[-1].description
    assert "intentionally" not in worksheet(M2010, sophisticated_means=True).lines[-1].description


def test_the_issues_wire_fraud_differs_in_its_loss_step_between_2014_and_2018():
    # $1.2 million wire fraud (18 U.S.C. § 1343, 20 years), 10 victims, sophisticated means:
    # "More than $1,000,000" (I) +16 in 2014; "More than $550,000" (H) +14 from Nov. 1, 2015.
    facts = {"loss": 1_200_000, "victims": 10, "sophisticated_means": True}
    before = sections(worksheet(M2014, **facts).lines)
    after = sections(worksheet(M2018, **facts).lines)
    assert before == {
        "§2B1.1(a)(1)": 7,
        "§2B1.1(b)(1)(I)": 16,
        "§2B1.1(b)(2)(A)(i)": 2,
        "§2B1.1(b)(10)(C)": 2,
    }
    assert after == {
        "§2B1.1(a)(1)": 7,
        "§2B1.1(b)(1)(H)": 14,
        "§2B1.1(b)(2)(A)(i)": 2,
        "§2B1.1(b)(10)(C)": 2,
    }
    lines = theft_fraud_lines(M2018, statutory_maximum_months=TWENTY_YEARS, **facts)
    facts_2018 = CaseFacts(
        lines, Acceptance.THREE, True, criminal_history=CriminalHistory(category="I")
    )
    calc = calculate(facts_2018, M2018)
    assert calc.total_offense_level == 25 - 3


def test_characteristics_a_text_does_not_have_are_noted_not_added():
    fraud = worksheet(M1995, guideline=FRAUD, theft_from_person=True)
    assert len(fraud.lines) == 2
    assert any("theft-from-the-person" in note for note in fraud.notes)
    theft = worksheet(M1995, misrepresentation_or_order=True)
    assert len(theft.lines) == 2
    assert any("violation-of-order" in note for note in theft.notes)
    found = worksheet(
        M1995, guideline=FRAUD, sophisticated_means=True, mass_marketing=True, victims=1
    )
    assert [line.section for line in found.lines] == ["§2F1.1(a)", "§2F1.1(b)(1)(A)"]
    assert any("sophisticated-means" in note for note in found.notes)
    assert any("mass-marketing" in note for note in found.notes)
    assert any(
        "minimal planning" in n for n in worksheet(M2016, more_than_minimal_planning=True).notes
    )


@pytest.mark.parametrize(
    ("edition", "guideline", "message"),
    [
        (M2003, FRAUD, "Amendment 617"),
        (manual_of("1999-11-01", M1995), FRAUD, "not modelled"),  # after Amendment 577
        (manual_of("1994-11-01", M1995), "2B1.1", "not modelled"),  # before Amendment 512
    ],
)
def test_texts_not_modelled_are_refused(edition, guideline, message):
    with pytest.raises(ValueError, match=message):
        worksheet(edition, guideline=guideline)


def test_impossible_victim_counts_are_refused():
    with pytest.raises(ValueError, match="negative"):
        worksheet(M2016, victims=-1)
    with pytest.raises(ValueError, match="hardship"):
        worksheet(M2016, victims=2, hardship_victims=3)


editions = st.sampled_from(CONSOLIDATED)
amounts = st.integers(min_value=0, max_value=10**10)
counts = st.integers(min_value=0, max_value=400)
flags = st.booleans()


@given(editions, amounts, amounts, counts, flags, flags, flags)
def test_more_loss_never_lowers_the_worksheet_level(edition, a, b, victims, order, means, ids):
    low, high = sorted((a, b))
    facts = {
        "victims": victims,
        "misrepresentation_or_order": order,
        "sophisticated_means": means,
        "identification_means": ids,
    }
    assert (
        worksheet(edition, loss=low, **facts).offense_level
        <= worksheet(edition, loss=high, **facts).offense_level
    )


@given(editions, amounts, counts, counts, flags)
def test_more_victims_never_lowers_the_worksheet_level(edition, loss, a, b, means):
    low, high = sorted((a, b))

    def level(victims):
        hardship = min(victims, low)
        return worksheet(
            edition,
            loss=loss,
            victims=victims,
            hardship_victims=hardship,
            sophisticated_means=means,
        ).offense_level

    assert level(low) <= level(high)


@pytest.mark.parametrize(
    "key",
    ["1995-11-01", "2003-11-01", "2010-11-01", "2016-11-01", "2023-11-01", "2024-11-01"]
    + ["2025-11-01"],
)
def test_every_edition_carried_today_has_a_2b1_1_worksheet(key):
    found = worksheet(edition_by_key(key), loss=1_200_000)
    assert found.lines[0].kind == "base"
    assert found.lines[1].section.startswith("§2B1.1(b)(1)(")


@pytest.mark.parametrize(("key", "loss", "total"), [("2014-11-01", 16, 27), ("2018-11-01", 14, 25)])
def test_a_1_2_million_wire_fraud_under_the_2014_and_the_2018_manuals(key, loss, total):
    # The loss table of Amendments 617/647 (2001) against Amendment 791's (2015): more than
    # $1,000,000 is +16 in 2014; more than $550,000 is +14 in 2018.
    lines = theft_fraud_lines(
        edition_by_key(key),
        loss=1_200_000,
        statutory_maximum_months=240,
        victims=10,
        sophisticated_means=True,
    )
    assert [line.levels for line in lines] == [7, loss, 2, 2]
    assert sum(line.levels for line in lines) == total
