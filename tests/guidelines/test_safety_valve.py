"""§5C1.2 (18 U.S.C. § 3553(f)): the statutory minimum lifted for the counts the Manual lists,
the criminal history criterion by edition, and the floor of §5C1.2(b)."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentencing.guidelines import (
    EDITIONS,
    Acceptance,
    CaseFacts,
    Count,
    CriminalHistory,
    OffenseLine,
    PriorSentence,
    calculate,
    edition_by_key,
    lookup,
    statute_on,
)
from sentencing.guidelines import safety_valve as sv
from sentencing.guidelines.drugs import DrugFacts, worksheet
from tests.profiles import scaled

COCAINE_5KG = (("cocaine", 5000),)


def _cocaine(edition, *, valve: bool, history=None, **more) -> CaseFacts:
    lines = worksheet(DrugFacts(quantities=COCAINE_5KG, safety_valve=valve), edition).lines
    return CaseFacts(
        offense_lines=lines,
        acceptance=Acceptance.THREE,
        government_motion=True,
        criminal_history=history or CriminalHistory(points=0),
        counts=(statute_on("21 U.S.C. § 841(b)(1)(A)", date(2017, 1, 1)).count(),),
        safety_valve=valve,
        **more,
    )


def test_5_kg_of_cocaine_without_and_with_the_safety_valve():
    # The case, under the 2016 Manual: 30 − 3 = 27, I: 70–87, raised to the 120-month
    # minimum; with the safety valve 30 − 2 − 3 = 25, 57–71, no minimum.
    edition = edition_by_key("2016-11-01")
    without = calculate(_cocaine(edition, valve=False), edition)
    assert (without.arithmetic, str(without.range)) == ("30 \u2212 3 = 27", "70–87 months")
    assert str(without.guideline_sentence) == "120 months"
    with_valve = calculate(_cocaine(edition, valve=True), edition)
    assert (with_valve.arithmetic, str(with_valve.range)) == (
        "30 \u2212 2 \u2212 3 = 25",
        "57–71 months",
    )
    assert with_valve.statutory_minimum_months == 0
    assert str(with_valve.guideline_sentence) == "57–71 months"
    assert any("without regard to the 120-month minimum" in n for n in with_valve.notes)


def test_two_points_bar_it_under_the_1994_text_and_not_under_the_first_step_acts():
    history = CriminalHistory(prior_sentences=(PriorSentence("Theft", "b"),))
    before = edition_by_key("2016-11-01")
    calc = calculate(_cocaine(before, valve=True, history=history), before)
    assert calc.statutory_minimum_months == 120
    assert any("allows not more than 1" in n for n in calc.notes)
    after = edition_by_key("2023-11-01")
    calc = calculate(_cocaine(after, valve=True, history=history), after)
    assert calc.statutory_minimum_months == 0
    assert any("whether a 2-point prior is a violent offense" in n for n in calc.notes)


@pytest.mark.parametrize(
    ("priors", "outcome"),
    [
        (("c", "c", "c", "c"), sv.MET),  # 1-point offenses leave (a)(1)(A) out
        (("a",), sv.NOT_MET),  # (B): a prior 3-point offense
        (("b", "b", "b"), sv.NOT_MET),  # (A): 6 points from 2-point offenses
        (("b",), sv.FOR_THE_COURT),  # (C): violent or not
        ((), sv.MET),
    ],
)
def test_the_first_step_acts_criterion_from_the_prior_sentences(priors, outcome):
    edition = edition_by_key("2025-11-01")
    history = CriminalHistory(prior_sentences=tuple(PriorSentence("p", s) for s in priors))
    from sentencing.guidelines.criminal_history import score

    assert sv.history_check(history, score(history, edition), edition).outcome == outcome


def test_a_count_the_manual_does_not_list_keeps_its_minimum():
    edition = edition_by_key("2025-11-01")
    facts = CaseFacts(
        offense_lines=(OffenseLine("§2D1.1(c)", "x", 20, "base"),),
        counts=(
            Count("21 U.S.C. § 841(b)(1)(B)", 480, 60),
            Count("18 U.S.C. § 2252A(a)(2)", 240, 60),
        ),
        safety_valve=True,
    )
    calc = calculate(facts, edition)
    assert calc.sentenced_counts[0].minimum_months == 0  # the drug count's, lifted
    assert calc.statutory_minimum_months == 60  # the other count's, kept
    assert any("does not reach 18 U.S.C. § 2252A(a)(2)" in n for n in calc.notes)


def test_the_maritime_offenses_are_listed_only_in_the_first_step_acts_text():
    count = Count("46 U.S.C. § 70503(a)", None, 120)
    assert sv.covered(count, edition_by_key("2023-11-01"))
    assert not sv.covered(count, edition_by_key("2016-11-01"))


def test_the_floor_is_level_17_from_2001_and_24_30_months_from_2023():
    low = CaseFacts(
        offense_lines=(OffenseLine("§2D1.1(c)", "q", 12, "base"),),
        counts=(Count("21 U.S.C. § 841(b)(1)(B)", 480, 60),),
        safety_valve=True,
    )
    calc = calculate(low, edition_by_key("2016-11-01"))
    assert calc.total_offense_level == 17
    assert any(s.section == "§5C1.2(b)" for s in calc.steps)
    calc = calculate(low, edition_by_key("2025-11-01"))
    assert calc.total_offense_level == 12
    assert str(calc.range) == "24–30 months"
    calc = calculate(low, edition_by_key("1995-11-01"))
    assert (calc.total_offense_level, str(calc.range)) == (12, "10–16 months")


def test_a_drug_line_without_the_finding_is_told():
    edition = edition_by_key("2016-11-01")
    facts = _cocaine(edition, valve=True)
    facts = CaseFacts(**{**facts.__dict__, "safety_valve": False})
    calc = calculate(facts, edition)
    assert calc.statutory_minimum_months == 120
    assert any("the safety valve (§5C1.2) is not found" in n for n in calc.notes)


@settings(max_examples=scaled(200))
@given(
    st.integers(min_value=1, max_value=43),
    st.integers(min_value=0, max_value=15),
    st.sampled_from(EDITIONS),
)
def test_the_safety_valve_never_raises_the_guideline_sentences_minimum_above_the_floor(
    level, points, edition
):
    facts = CaseFacts(
        offense_lines=(OffenseLine("§2D1.1(c)", "q", level, "base"),),
        criminal_history=CriminalHistory(points=points),
        counts=(Count("21 U.S.C. § 841(b)(1)(A)", None, 120),),
    )
    without = calculate(facts, edition)
    found = calculate(CaseFacts(**{**facts.__dict__, "safety_valve": True}), edition)

    def low(calc) -> float:
        months = calc.guideline_sentence.low_months
        return float("inf") if months is None else months

    # Only §5C1.2(b)'s floor may raise anything, and only as far as the floor the Manual sets
    # for a 120-month minimum: 24 months from 2023, level 17 from 2001 (none in 1995).
    if edition.effective >= date(2023, 11, 1):
        floor = 24
    elif edition.effective >= date(2001, 11, 1):
        floor = lookup(17, found.criminal_history_category).low_months
    else:
        floor = 0
    assert low(found) <= max(low(without), floor)


def test_the_1_point_offenses_left_out_are_the_points_they_scored_after_the_cap():
    # Two 2-point priors, six 1-point priors (4 points after §4A1.1(c)'s cap) and a status
    # point (7 or more points, Amendment 821): 9 points, 5 of them not from 1-point offenses.
    edition = edition_by_key("2025-11-01")
    priors = (
        *(PriorSentence("p", "b") for _ in range(2)),
        *(PriorSentence("q", "c") for _ in range(6)),
    )
    history = CriminalHistory(prior_sentences=priors, under_criminal_justice_sentence=True)
    from sentencing.guidelines.criminal_history import score

    scored = score(history, edition)
    assert scored.points == 9
    check = sv.history_check(history, scored, edition)
    assert check.outcome == sv.FOR_THE_COURT
    assert "status or crime-of-violence points" in check.reason
