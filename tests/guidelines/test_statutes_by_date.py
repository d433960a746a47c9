"""8 U.S.C. §§ 1325(a) and 1326 as they stood on the offense date.

Sources: INA §§ 275-276, 66 Stat. 229 (1952); Anti-Drug Abuse Act of 1988, Pub. L. 100-690,
§ 7345(a) (Nov. 18, 1988), adding § 1326(b) at 5 and 15 years (the text quoted in United States
v. Vieira-Candelario, Cr. No. 92-044 P (D.R.I. Jan. 28, 1993)); Violent Crime Control and Law
Enforcement Act of 1994, Pub. L. 103-322, § 130001(b) (Sept. 13, 1994), 10 and 20 years (the text
printed in Almendarez-Torres v. United States, 523 U.S. 224, 228 (1998)); the current § 1326(b).
"""

from datetime import date, timedelta

import pytest

from sentencing.guidelines import (
    STATUTE_HISTORY,
    STATUTES,
    Count,
    not_in_force_reason,
    statute_by_citation,
    statute_history,
    statute_on,
)
from sentencing.guidelines.statutes.text import Text, chain

B1, B2 = "8 U.S.C. § 1326(b)(1)", "8 U.S.C. § 1326(b)(2)"
ADAA_1988 = date(1988, 11, 18)  # Pub. L. 100-690
VCCLEA_1994 = date(1994, 9, 13)  # Pub. L. 103-322
DAY = timedelta(days=1)


def limits(citation, on):
    statute = statute_on(citation, on)
    return None if statute is None else (statute.minimum_months, statute.maximum_months)


@pytest.mark.parametrize(
    ("citation", "before", "after"),
    [
        (B1, (0, 60), (0, 120)),  # (b)(1): "not more than 5 years", then "10 years"
        (B2, (0, 180), (0, 240)),  # (b)(2): "not more than 15 years", then "20 years"
    ],
)
def test_1326_b_rose_on_september_13_1994(citation, before, after):
    assert limits(citation, VCCLEA_1994 - DAY) == before
    assert limits(citation, VCCLEA_1994) == after
    assert limits(citation, date(2025, 6, 1)) == after


def test_the_1994_act_is_named_as_the_source_of_the_20_year_maximum():
    assert "Pub. L. 103-322" in statute_on(B2, VCCLEA_1994).enacted_by
    assert "Pub. L. 100-690" in statute_on(B2, VCCLEA_1994 - DAY).enacted_by


def test_the_three_misdemeanor_clause_of_1326_b_1_dates_from_1994():
    # Vieira-Candelario (1993) reads (b)(1) as a felony only; the 1994 text adds misdemeanors.
    assert "misdemeanors" not in statute_on(B1, VCCLEA_1994 - DAY).description
    assert "three or more misdemeanors" in statute_on(B1, VCCLEA_1994).description


@pytest.mark.parametrize("citation", [B1, B2])
def test_1326_b_did_not_exist_before_the_anti_drug_abuse_act_of_1988(citation):
    assert limits(citation, ADAA_1988 - DAY) is None
    assert limits(citation, ADAA_1988) is not None
    reason = not_in_force_reason(citation, ADAA_1988 - DAY)
    assert reason.startswith(f"{citation} did not exist on Nov. 17, 1988")
    assert "Pub. L. 100-690" in reason


def test_1326_a_is_two_years_on_every_date_of_the_guidelines():
    # INA § 276 (1952): "not more than two years"; unchanged in the current text.
    for day in (date(1987, 11, 1), ADAA_1988, VCCLEA_1994, date(2025, 11, 1)):
        assert limits("8 U.S.C. § 1326(a)", day) == (0, 24)


@pytest.mark.parametrize(
    ("citation", "maximum"),
    [("8 U.S.C. § 1325(a) (first offense)", 6), ("8 U.S.C. § 1325(a) (subsequent offense)", 24)],
)
def test_1325_a_is_6_months_then_2_years_before_and_after_the_1990_restatement(citation, maximum):
    # INA § 275 (1952): "six months" / "two years"; Pub. L. 101-649, § 543(b)(2) (Nov. 29, 1990)
    # restated them as "6 months" / "2 years".
    restated = date(1990, 11, 29)
    assert limits(citation, restated - DAY) == limits(citation, restated) == (0, maximum)
    assert "Pub. L. 101-649" in statute_on(citation, restated).enacted_by


def test_1326_b_3_is_a_fixed_consecutive_ten_years_added_after_the_1994_text():
    # Current § 1326(b)(3): "imprisoned for a period of 10 years, which sentence shall not run
    # concurrently with any other sentence"; the 1994 Code's § 1326 had only (b)(1)-(2).
    statute = statute_on("8 U.S.C. § 1326(b)(3)", date(2020, 1, 1))
    assert (statute.minimum_months, statute.maximum_months, statute.consecutive) == (120, 120, True)
    assert "runs consecutively to any other (§5G1.2(a))" in statute.note
    assert limits("8 U.S.C. § 1326(b)(3)", date(1995, 1, 4)) is None


def test_1326_b_4_is_ten_years_and_absent_from_the_1994_text():
    # Current § 1326(b)(4): "imprisoned for not more than 10 years".
    assert limits("8 U.S.C. § 1326(b)(4)", date(2020, 1, 1)) == (0, 120)
    assert limits("8 U.S.C. § 1326(b)(4)", date(1995, 1, 4)) is None


def test_a_not_in_force_reason_is_empty_when_a_text_is_in_force_or_the_citation_unknown():
    assert not_in_force_reason(B2, VCCLEA_1994) == ""
    assert not_in_force_reason("18 U.S.C. § 1111", VCCLEA_1994) == ""


def test_statute_by_citation_keeps_giving_the_current_text():
    assert statute_by_citation(B2) == statute_on(B2, date.today())
    assert statute_by_citation("8 u.s.c. §1326(b)(2)").count() == Count(B2, 240, 0)


def test_each_citation_has_one_current_text_and_texts_that_meet_end_to_end():
    assert len({s.citation for s in STATUTES}) == len(STATUTES)
    for current in STATUTES:
        texts = statute_history(current.citation)
        assert texts[-1] == current
        for earlier, later in zip(texts, texts[1:], strict=False):
            assert earlier.in_force_until == later.in_force_from is not None
    assert {s.citation for s in STATUTE_HISTORY} == {s.citation for s in STATUTES}


def test_every_text_names_its_appendix_a_guideline_and_its_enacting_law():
    for statute in STATUTE_HISTORY:
        assert statute.guidelines, statute.citation
        assert statute.enacted_by, statute.citation


def test_1325_and_1326_go_to_2l1_2_under_appendix_a():
    # Appendix A (2025 Manual): "8 U.S.C. § 1325(a) 2L1.2"; "8 U.S.C. § 1326 2L1.2".
    for statute in statute_history(B2) + statute_history("8 U.S.C. § 1325(a) (first offense)"):
        assert statute.guidelines == ("§2L1.2",)


def test_a_chain_refuses_texts_out_of_order():
    with pytest.raises(ValueError, match="out of order"):
        chain(
            "x",
            (),
            Text(date(2000, 1, 1), "law", "later", 10),
            Text(date(1990, 1, 1), "law", "earlier", 5),
        )
