"""§5G1.2(a): a count whose statute requires a consecutive term (§ 924(c), § 1028A) is set
apart; its term (the statutory minimum, §2K2.4(b), §2B1.6(a)) is added to the others'."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from sentencing.guidelines import (
    Acceptance,
    CaseFacts,
    CriminalHistory,
    OffenseLine,
    calculate,
    edition_by_key,
    statute_on,
)
from tests.profiles import scaled

ON = date(2024, 1, 1)
EDITION = edition_by_key("2023-11-01")


def _count(citation: str):
    return statute_on(citation, ON).count()


def _facts(levels: int, *citations: str, **more) -> CaseFacts:
    return CaseFacts(
        offense_lines=(OffenseLine("§2D1.1(c)", "Drug quantity", levels, "base"),),
        counts=tuple(_count(c) for c in citations),
        criminal_history=CriminalHistory(points=0),
        **more,
    )


def test_a_924_c_count_adds_60_consecutive_months():
    calc = calculate(_facts(27, "21 U.S.C. § 841(b)(1)(C)", "18 U.S.C. § 924(c)(1)(A)(i)"), EDITION)
    assert str(calc.range) == "70–87 months"
    assert str(calc.guideline_sentence) == "70–87 months"
    assert calc.statutory_minimum_months == 0  # the drug count's: the gun count is apart
    assert str(calc.total_punishment) == "130–147 months"
    assert calc.total_punishment.rule == "§5G1.2(a)"
    assert "18 U.S.C. § 924(c)(1)(A)(i) 60 months" in calc.total_punishment.explanation


def test_the_other_counts_minimum_then_the_consecutive_term():
    # 24 − 3 = 21, I: 37–46; § 841(b)(1)(B)'s 60-month minimum is the guideline sentence
    # (§5G1.1(b)), then 60 months consecutively: 120 months.
    facts = _facts(
        24,
        "21 U.S.C. § 841(b)(1)(B)",
        "18 U.S.C. § 924(c)(1)(A)(i)",
        acceptance=Acceptance.THREE,
        government_motion=True,
    )
    calc = calculate(facts, EDITION)
    assert str(calc.range) == "37–46 months"
    assert str(calc.guideline_sentence) == "60 months"
    assert str(calc.total_punishment) == "120 months"


def test_aggravated_identity_theft_adds_24_months():
    calc = calculate(_facts(16, "18 U.S.C. § 1343", "18 U.S.C. § 1028A(a)(1)"), EDITION)
    assert str(calc.total_punishment) == "45–51 months"  # 21–27 + 24


def test_a_consecutive_count_alone_is_its_term():
    calc = calculate(_facts(0, "18 U.S.C. § 924(c)(1)(A)(ii) (brandished)"), EDITION)
    assert str(calc.total_punishment) == "84 months"


def test_no_consecutive_count_no_total_punishment():
    assert calculate(_facts(27, "21 U.S.C. § 841(b)(1)(C)"), EDITION).total_punishment is None


@settings(max_examples=scaled(200))
@given(st.integers(min_value=1, max_value=43), st.booleans(), st.booleans())
def test_the_total_is_the_guideline_sentence_plus_every_term(levels, gun, identity):
    citations = ["21 U.S.C. § 841(b)(1)(C)"]
    citations += ["18 U.S.C. § 924(c)(1)(A)(i)"] * gun + ["18 U.S.C. § 1028A(a)(1)"] * identity
    calc = calculate(_facts(levels, *citations), EDITION)
    terms = 60 * gun + 24 * identity
    if not terms:
        assert calc.total_punishment is None
        return
    low, high = calc.guideline_sentence.low_months, calc.guideline_sentence.high_months
    assert calc.total_punishment.low_months == low + terms
    assert calc.total_punishment.high_months == (None if high is None else high + terms)
