"""Firearms, identity theft, fraud and drug statutes by subsection, fact and date.

Sources, cited on each test: the Bipartisan Safer Communities Act, Pub. L. 117-159 (June 25,
2022); Harris v. United States, 536 U.S. 545, 554 (2002); Hewitt v. United States, 606 U.S. ___
(2025) (First Step Act § 403(b): the Act reaches a sentence "not imposed" by Dec. 21, 2018); the
Identity Theft Penalty Enhancement Act, Pub. L. 108-275 (July 15, 2004); the Sarbanes-Oxley Act,
Pub. L. 107-204, §§ 902-903, 116 Stat. 805 (July 30, 2002); United States v. Johnson, 850 F.3d 515
(2d Cir. 2017); the First Step Act of 2018, Pub. L. 115-391, § 401; Dorsey v. United States, 567
U.S. 260 (2012); Appendix A of the 2025 Manual.
"""

from datetime import date, timedelta

import pytest

from sentencing.guidelines import (
    STATUTE_HISTORY,
    not_in_force_reason,
    split_consecutive,
    statute_history,
    statute_on,
    statutory_limits,
)
from sentencing.guidelines.statutes import QUANTITY_THRESHOLDS

DAY = timedelta(days=1)
BSCA = date(2022, 6, 25)
FIRST_STEP = date(2018, 12, 21)
SOX = date(2002, 7, 30)


def limits(citation, offense, sentenced=None):
    statute = statute_on(citation, offense, sentenced)
    return None if statute is None else (statute.minimum_months, statute.maximum_months)


def test_922_g_is_10_years_under_924_a_2_then_15_under_924_a_8_from_june_25_2022():
    assert limits("18 U.S.C. § 922(g)", BSCA - DAY) == (0, 120)
    assert limits("18 U.S.C. § 922(g)", BSCA) == (0, 180)
    assert "§ 924(a)(8)" in statute_on("18 U.S.C. § 922(g)", BSCA).description
    assert "Pub. L. 117-159" in statute_on("18 U.S.C. § 922(g)", BSCA).enacted_by
    # A 2021 possession sentenced in 2023 keeps the 10 years: a higher maximum never reaches back.
    assert limits("18 U.S.C. § 922(g)", date(2021, 5, 1), date(2023, 5, 1)) == (0, 120)


def test_the_armed_career_criminal_act_sets_a_15_year_minimum_and_names_4b1_4():
    acca = statute_on("18 U.S.C. § 922(g) (armed career criminal, § 924(e))", date(2020, 1, 1))
    assert (acca.minimum_months, acca.maximum_months) == (180, None)
    assert acca.guidelines == ("§2K2.1", "§4B1.4")  # Appendix A: "2K2.1 (see also 4B1.4)"


@pytest.mark.parametrize(
    ("citation", "minimum"),
    [
        ("18 U.S.C. § 924(c)(1)(A)(i)", 60),
        ("18 U.S.C. § 924(c)(1)(A)(ii) (brandished)", 84),
        ("18 U.S.C. § 924(c)(1)(A)(iii) (discharged)", 120),
    ],
)
def test_924_c_sets_5_7_10_year_minimums_run_consecutively(citation, minimum):
    # Harris, 536 U.S. at 554: the tiers date from 1998 and alter "only the minimum".
    statute = statute_on(citation, date(2020, 1, 1))
    assert (statute.minimum_months, statute.maximum_months) == (minimum, None)
    assert statute.consecutive
    assert statute.guidelines == ("§2K2.4",)
    assert "the result adds it to the other counts' guideline sentence" in statute.note
    assert limits(citation, date(1998, 11, 12)) is None
    assert "only from Nov. 13, 1998" in not_in_force_reason(citation, date(1998, 11, 12))


def test_the_first_step_act_reaches_a_second_924_c_count_not_yet_sentenced():
    citation = "18 U.S.C. § 924(c)(1)(C) (second § 924(c) conviction)"
    offense = date(2016, 3, 1)
    assert "same case" in statute_on(citation, offense, date(2018, 1, 1)).description
    after = statute_on(citation, offense, FIRST_STEP)  # § 403(b): sentence not yet imposed
    assert "has become final" in after.description
    assert "Pub. L. 115-391" in after.enacted_by


def test_1028a_is_a_fixed_consecutive_2_years_from_july_15_2004():
    statute = statute_on("18 U.S.C. § 1028A(a)(1)", date(2004, 7, 15))
    assert (statute.minimum_months, statute.maximum_months, statute.consecutive) == (24, 24, True)
    assert statute.guidelines == ("§2B1.6",)
    assert limits("18 U.S.C. § 1028A(a)(2) (terrorism offense)", date(2010, 1, 1)) == (60, 60)
    reason = not_in_force_reason("18 U.S.C. § 1028A(a)(1)", date(2004, 7, 14))
    assert reason.startswith("18 U.S.C. § 1028A(a)(1) did not exist on July 14, 2004")


@pytest.mark.parametrize("section", ["1341", "1343"])
def test_mail_and_wire_fraud_rose_from_5_to_20_years_on_july_30_2002(section):
    # Sarbanes-Oxley § 903: "striking 'five' and inserting '20'".
    citation = f"18 U.S.C. § {section}"
    assert limits(citation, SOX - DAY) == (0, 60)
    assert limits(citation, SOX) == (0, 240)
    assert limits(f"{citation} (affecting a financial institution)", SOX) == (0, 360)
    assert statute_on(citation, SOX).guidelines == ("§2B1.1", "§2C1.1")


def test_bank_fraud_is_30_years():
    assert limits("18 U.S.C. § 1344", date(2015, 1, 1)) == (0, 360)


def test_1349_takes_the_objects_penalty_and_did_not_exist_before_sarbanes_oxley():
    # § 902: "the same penalties as those prescribed for the offense ... the object".
    assert limits("18 U.S.C. § 1349 (object: § 1343)", SOX) == limits("18 U.S.C. § 1343", SOX)
    assert limits("18 U.S.C. § 1349 (object: § 1344)", SOX) == (0, 360)
    assert statute_on("18 U.S.C. § 1349 (object: § 1343)", SOX).guidelines == ("§2X1.1",)
    assert limits("18 U.S.C. § 1349 (object: § 1343)", SOX - DAY) is None


@pytest.mark.parametrize(
    ("sub", "base", "death"),
    [("A", (120, None), (240, None)), ("B", (60, 480), (240, None)), ("C", (0, 240), (240, None))],
)
def test_841_b_1_base_and_death_or_injury_ranges(sub, base, death):
    cite = f"21 U.S.C. § 841(b)(1)({sub})"
    assert limits(cite, date(2015, 1, 1)) == limits(cite, date(2024, 1, 1)) == base
    assert limits(f"{cite} (death or serious bodily injury)", date(2024, 1, 1)) == death


@pytest.mark.parametrize(
    ("sub", "before", "after"),
    [("A", (240, None), (180, None)), ("B", (120, None), (120, None)), ("C", (0, 360), (0, 360))],
)
def test_the_851_prior_before_and_after_the_first_step_act(sub, before, after):
    # Johnson (2d Cir. 2017): (A) with a prior felony drug offense, 20 years; First Step Act
    # § 401: a prior serious drug or violent felony, 15 in (A), 10 in (B); (C) unchanged.
    cite = f"21 U.S.C. § 841(b)(1)({sub}) (one prior conviction, § 851)"
    assert limits(cite, FIRST_STEP - DAY) == before
    assert limits(cite, FIRST_STEP) == after
    changed = statute_on(cite, FIRST_STEP)
    assert ("serious drug felony" in changed.description) == (sub != "C")


def test_two_priors_are_25_years_from_the_first_step_act_and_mandatory_life_is_not_faked():
    cite = "21 U.S.C. § 841(b)(1)(A) (two or more prior convictions, § 851)"
    assert limits(cite, FIRST_STEP) == (300, None)
    assert limits(cite, date(2017, 1, 1), date(2018, 6, 1)) is None  # mandatory life then
    assert "mandatory life" in statute_on(cite, FIRST_STEP).note


def test_the_first_step_act_reaches_a_2017_offense_sentenced_after_december_21_2018():
    cite = "21 U.S.C. § 841(b)(1)(A) (one prior conviction, § 851)"
    assert limits(cite, date(2017, 1, 1), date(2018, 12, 20)) == (240, None)
    assert limits(cite, date(2017, 1, 1), FIRST_STEP) == (180, None)


def test_the_fair_sentencing_act_texts_reach_a_2009_offense_sentenced_after_2010():
    # Dorsey, 567 U.S. 260: the 2010 Act applies to those sentenced after Aug. 3, 2010.
    cite = "21 U.S.C. § 841(b)(1)(B)"
    assert limits(cite, date(2009, 1, 1), date(2010, 6, 1)) is None
    assert limits(cite, date(2009, 1, 1), date(2011, 6, 1)) == (60, 480)


def test_846_takes_each_841_text_as_its_object():
    # § 846: "the same penalties as those prescribed for the offense ... the object".
    objects = [s for s in STATUTE_HISTORY if s.citation.startswith("21 U.S.C. § 841")]
    assert objects
    for object_ in objects:
        cite = f"21 U.S.C. § 846 (object: {object_.citation.removeprefix('21 U.S.C. ')})"
        conspiracy = statute_history(cite)
        assert [(s.minimum_months, s.maximum_months, s.in_force_from) for s in conspiracy] == [
            (s.minimum_months, s.maximum_months, s.in_force_from)
            for s in statute_history(object_.citation)
        ]


@pytest.mark.parametrize(("b", "a"), [("1", "A"), ("2", "B"), ("3", "C")])
def test_960_b_carries_the_ranges_of_841_b_1_for_the_same_quantities(b, a):
    on = date(2020, 1, 1)
    assert limits(f"21 U.S.C. § 960(b)({b})", on) == limits(f"21 U.S.C. § 841(b)(1)({a})", on)


def test_the_quantity_thresholds_name_the_2010_cocaine_base_change():
    by_substance = {t.substance: t for t in QUANTITY_THRESHOLDS}
    base = by_substance["cocaine base"]
    assert (base.subparagraph_a, base.subparagraph_b) == ("280 grams", "28 grams")
    assert "50 grams and 5 grams before the Fair Sentencing Act of 2010" in base.note
    cocaine = by_substance["cocaine (mixture or substance)"]
    assert (cocaine.subparagraph_a, cocaine.subparagraph_b) == ("5 kilograms", "500 grams")


def test_every_consecutive_statute_says_its_term_is_added():
    for statute in STATUTE_HISTORY:
        assert statute.consecutive == (
            "runs consecutively to any other (§5G1.2(a))" in statute.note
        )


def test_2252_a_4_possession_is_10_years_and_10_to_20_after_a_prior_conviction():
    # § 2252(b)(2), as quoted in Lockhart v. United States, 577 U.S. 347 (2016): "not more than
    # 10 years", and after a listed prior conviction "not less than 10 years nor more than 20".
    on = date(2020, 1, 1)
    assert limits("18 U.S.C. § 2252(a)(4)", on) == (0, 120)
    assert limits("18 U.S.C. § 2252(a)(4) (prior sex-offense conviction)", on) == (120, 240)
    assert statute_on("18 U.S.C. § 2252(a)(4)", on).guidelines == ("§2G2.2",)
    assert limits("18 U.S.C. § 2252(a)(4)", date(2012, 12, 6)) is None  # carried from 2012


def test_a_consecutive_count_is_set_apart_from_the_limits_the_range_meets():
    # §5G1.2(a): a term the statute requires to run consecutively is imposed on top of the
    # other counts' sentence: the limits are the other counts', and name it apart.
    on = date(2020, 1, 1)
    drug = statute_on("21 U.S.C. § 841(b)(1)(B)", on).count()
    gun = statute_on("18 U.S.C. § 924(c)(1)(A)(i)", on).count()
    apart, others = split_consecutive((drug, gun))
    assert (apart, others) == ((gun,), (drug,))
    limits_ = statutory_limits(others, apart)
    assert limits_.rule == "§5G1.1"
    assert limits_.explanation.endswith(
        "Apart from 18 U.S.C. § 924(c)(1)(A)(i), whose term runs consecutively (§5G1.2(a))."
    )
    assert "consecutive" not in statutory_limits((drug,)).explanation
