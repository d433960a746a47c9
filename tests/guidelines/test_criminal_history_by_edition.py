"""§4A1.1's crime-of-violence point and status points in each edition's order, and §4C1.1's
criteria as each edition numbers them."""

import pytest

from sentencing.guidelines import (
    EDITIONS,
    Acceptance,
    CaseFacts,
    CriminalHistory,
    OffenseLine,
    PriorSentence,
    calculate,
    edition_by_key,
)
from sentencing.guidelines import zero_point_offenders as zpo
from sentencing.guidelines.criminal_history import score

M1995 = edition_by_key("1995-11-01")
M2003 = edition_by_key("2003-11-01")
M2010 = edition_by_key("2010-11-01")
M2016 = edition_by_key("2016-11-01")
M2023 = edition_by_key("2023-11-01")
M2024 = edition_by_key("2024-11-01")
M2025 = edition_by_key("2025-11-01")


def priors(*subsections):
    return tuple(PriorSentence(f"prior {i}", s) for i, s in enumerate(subsections, 1))


def sections(result):
    return [(s.section, s.points) for s in result.steps if s.points is not None]


# --- The crime-of-violence point ---------------------------------------------------------


@pytest.mark.parametrize(
    ("edition", "letter"),
    [
        (M1995, "f"),  # §4A1.1(f), inserted by Amendment 382 (Nov. 1, 1991)
        (M2003, "f"),
        (M2010, "e"),  # Amendment 742 struck (e) and redesignated (f) as (e)
        (M2016, "e"),  # 2016 Manual, §4A1.1(e)
        (M2023, "d"),  # Amendment 821 redesignated (e) as (d)
        (M2024, "d"),
        (M2025, "d"),  # 2025 Manual, §4A1.1(d)
    ],
    ids=lambda v: getattr(v, "key", v),
)
def test_it_puts_the_crime_of_violence_point_under_the_letter_the_edition_uses(edition, letter):
    result = score(CriminalHistory(prior_sentences=priors("a", "v")), edition)
    assert sections(result)[1] == (f"§4A1.1({letter})", 1)
    assert result.points == 4


@pytest.mark.parametrize(
    "edition", [e for e in EDITIONS if e.crime_of_violence_subsection], ids=lambda e: e.key
)
def test_the_commentary_example_of_two_robberies_scores_3_points_and_1(edition):
    # §4A1.1, comment. (n.4) (2025 Manual), (n.5) (2016 Manual), (n.6) (Amendment 382): two
    # robberies treated as a single sentence, five years and four years: 3 points under (a)
    # and one more under the crime-of-violence subsection for the second sentence.
    history = CriminalHistory(
        prior_sentences=(
            PriorSentence("Robbery, 5 years", "a"),
            PriorSentence("Robbery, 4 years", "v"),
        )
    )
    result = score(history, edition)
    assert [p for _, p in sections(result)] == [3, 1]
    assert result.points == 4


@pytest.mark.parametrize("key", ["1989-11-01", "1990-11-01"])
def test_before_amendment_382_the_second_robbery_adds_nothing_and_the_note_says_why(key):
    history = CriminalHistory(
        prior_sentences=(
            PriorSentence("Robbery, 5 years", "a"),
            PriorSentence("Robbery, 4 years", "v"),
        )
    )
    result = score(history, edition_by_key(key))
    assert [p for _, p in sections(result)] == [3]
    assert any("Amendment 382 added it as §4A1.1(f) on Nov. 1, 1991" in n for n in result.notes)


def test_it_caps_the_crime_of_violence_point_at_3():
    # "up to a total of 3 points for this subsection" (§4A1.1(d), 2025; (e), 2016; (f), 1991).
    result = score(CriminalHistory(prior_sentences=priors("a", *"vvvv")), M2025)
    assert result.points == 3 + 3
    assert [s.applied for s in result.steps[1:5]] == [True, True, True, False]


def test_it_scores_subsections_in_the_order_each_edition_lists_them():
    history = CriminalHistory(
        prior_sentences=priors("a", "v"), under_criminal_justice_sentence=True, recency=True
    )
    # 1995 Manual: (d) status, (e) recency, (f) crime of violence.
    assert [s for s, _ in sections(score(history, M1995))] == [
        "§4A1.1(a)",
        "§4A1.1(d)",
        "§4A1.1(e)",
        "§4A1.1(f)",
    ]
    assert score(history, M1995).points == 3 + 2 + 1 + 1
    # 2016 Manual: (d) status, (e) crime of violence; no recency (Amendment 742).
    assert sections(score(history, M2016)) == [("§4A1.1(a)", 3), ("§4A1.1(d)", 2), ("§4A1.1(e)", 1)]
    # 2025 Manual: (d) crime of violence, then (e) status (here 4 points: no status point).
    assert sections(score(history, M2025)) == [("§4A1.1(a)", 3), ("§4A1.1(d)", 1)]


def test_the_status_point_counts_the_crime_of_violence_point_from_2023():
    # §4A1.1(e) (2023 Manual, Amendment 821): 1 point if the defendant "receives 7 or more
    # points under subsections (a) through (d)". 3 + 3 under (a) and 1 under (d) make 7.
    history = CriminalHistory(
        prior_sentences=priors("a", "a", "v"), under_criminal_justice_sentence=True
    )
    for edition in (M2023, M2024, M2025):
        result = score(history, edition)
        assert sections(result)[-1] == ("§4A1.1(e)", 1)
        assert (result.points, result.category) == (8, "IV")
    # 2016 Manual: 2 status points under (d) whatever the total, and (e) after them.
    assert score(history, M2016).points == 6 + 2 + 1


def test_without_the_crime_of_violence_point_6_points_still_take_no_status_point():
    history = CriminalHistory(
        prior_sentences=priors("a", "a"), under_criminal_justice_sentence=True
    )
    result = score(history, M2023)
    assert result.points == 6
    assert any("(a) through (d)" in note for note in result.notes)


def test_before_2007_it_warns_of_the_same_occasion_proviso():
    # §4A1.1(f) as inserted by Amendment 382: "this item does not apply where the sentences are
    # considered related because the offenses occurred on the same occasion"; Amendment 709
    # (Nov. 1, 2007) struck it.
    history = CriminalHistory(prior_sentences=priors("a", "v"))
    for edition in (M1995, M2003):
        result = score(history, edition)
        assert any("same occasion" in note for note in result.notes)
        assert "related to another" in result.steps[1].description
    for edition in (M2010, M2025):
        result = score(history, edition)
        assert not any("same occasion" in note for note in result.notes)
        assert "single sentence" in result.steps[1].description


def test_it_notes_a_crime_of_violence_row_without_the_sentence_it_was_counted_with():
    result = score(CriminalHistory(prior_sentences=priors("v")), M2025)
    assert result.points == 1
    assert any("none was entered" in note for note in result.notes)


def test_a_prior_sentence_takes_v_for_the_crime_of_violence_point_and_nothing_else():
    assert PriorSentence("robbery", " V ").crime_of_violence
    with pytest.raises(ValueError, match="a, b or c, or v"):
        PriorSentence("prior", "d")


def test_a_crime_of_violence_row_does_not_count_for_recency():
    # §4A1.1(e) (1995 Manual): release from "a sentence counted under (a) or (b)".
    result = score(CriminalHistory(prior_sentences=priors("c", "v"), recency=True), M1995)
    assert result.points == 2
    assert any("(a) or (b)" in note for note in result.notes)


# --- §4C1.1's criteria by edition ---------------------------------------------------------


def numbers(edition):
    return [c.number for c in zpo.criteria(edition)]


def test_the_2023_manual_has_ten_criteria_and_the_2024_manual_eleven():
    # §4C1.1(a)(10) (2023 Manual, Amendment 821), one criterion for the role and the
    # enterprise, as quoted in United States v. Cervantes, 109 F.4th 944 (7th Cir. 2024); the
    # 2025 Manual prints them as (a)(10) and (a)(11) (amended Nov. 1, 2024).
    assert numbers(M2023) == [f"(a)({n})" for n in range(1, 11)]
    assert numbers(M2024) == numbers(M2025) == [f"(a)({n})" for n in range(1, 12)]
    [ten_2023] = [c for c in zpo.criteria(M2023) if c.number == "(a)(10)"]
    assert "§3B1.1" in ten_2023.summary
    assert "continuing criminal enterprise" in ten_2023.summary
    ten, eleven = zpo.criteria(M2025)[9:]
    assert "§3B1.1" in ten.summary
    assert "enterprise" not in ten.summary
    assert "continuing criminal enterprise" in eleven.summary
    assert zpo.criteria(M2016) == ()


def statuses(checks):
    return {c.criterion.number: c.status for c in checks}


def test_the_worksheet_decides_the_criteria_it_holds_and_leaves_the_rest_asserted():
    base = (OffenseLine("§2B1.1(a)(2)", "Base offense level", 6, "base"),)
    checks_2023 = statuses(zpo.check(M2023, base, 0))
    checks_2025 = statuses(zpo.check(M2025, base, 0))
    for number in ("(a)(1)", "(a)(2)", "(a)(8)", "(a)(9)"):
        assert checks_2023[number] == checks_2025[number] == zpo.MET
    for number in ("(a)(3)", "(a)(4)", "(a)(5)", "(a)(6)", "(a)(7)"):
        assert checks_2025[number] == zpo.ASSERTED
    # 2023: the enterprise half of (a)(10) is a fact outside the worksheet.
    assert checks_2023["(a)(10)"] == zpo.ASSERTED
    # 2024 on: (a)(10) is the role alone; (a)(11) the enterprise.
    assert (checks_2025["(a)(10)"], checks_2025["(a)(11)"]) == (zpo.MET, zpo.ASSERTED)


@pytest.mark.parametrize(
    ("line", "number"),
    [
        (OffenseLine("§3A1.4(a)", "Terrorism", 12, "adjustment"), "(a)(2)"),
        (OffenseLine("§2H1.1(a)(1)", "Individual rights", 12, "base"), "(a)(8)"),
        (OffenseLine("§3A1.1(b)(1)", "Vulnerable victim", 2, "adjustment"), "(a)(9)"),
        (OffenseLine("§3A1.5(a)", "Serious human rights offense", 2, "adjustment"), "(a)(9)"),
        (OffenseLine("§3B1.1(c)", "Organizer", 2, "adjustment"), "(a)(10)"),
    ],
)
def test_an_adjustment_on_the_worksheet_fails_its_criterion(line, number):
    # §4C1.1(a)(2), (8), (9), (10) (2025 Manual).
    base = OffenseLine("§2B1.1(a)(2)", "Base offense level", 6, "base")
    facts = CaseFacts(
        (base, line), criminal_history=CriminalHistory(zero_point_offender_eligible=True)
    )
    calc = calculate(facts, M2025)
    assert calc.zero_point_levels == 0
    assert statuses(calc.zero_point_criteria)[number] == zpo.NOT_MET
    assert any(f"§4C1.1{number}" in note for note in calc.notes)


def test_cervantes_a_leader_with_no_points_is_not_a_zero_point_offender():
    # United States v. Cervantes, 109 F.4th 944 (7th Cir. 2024): base offense level 34
    # (§2D1.1(c)(3)), +4 under §3B1.1(a), -3 under §3E1.1: level 35, no criminal history
    # points, Category I, 168-210 months; the §3B1.1 adjustment alone made him ineligible
    # under §4C1.1(a)(10) (2023 Manual).
    facts = CaseFacts(
        (
            OffenseLine("§2D1.1(c)(3)", "Base offense level (cocaine)", 34, "base"),
            OffenseLine(
                "§3B1.1(a)", "Organizer or leader, five or more participants", 4, "adjustment"
            ),
        ),
        acceptance=Acceptance.THREE,
        government_motion=True,
        criminal_history=CriminalHistory(zero_point_offender_eligible=True),
    )
    for edition in (M2023, M2024):
        calc = calculate(facts, edition)
        assert calc.zero_point_levels == 0
        assert calc.total_offense_level == 35
        assert (calc.criminal_history_category, str(calc.range)) == ("I", "168–210 months")
        assert statuses(calc.zero_point_criteria)["(a)(10)"] == zpo.NOT_MET
        assert any("§4C1.1(a)(10)" in note and "§3B1.1" in note for note in calc.notes)


def test_a_lesser_alternative_not_counted_is_not_an_adjustment_received():
    lines = (
        OffenseLine("§2B1.1(a)(2)", "Base offense level", 6, "base"),
        OffenseLine("§3B1.1(c)", "Organizer", 2, "adjustment", group="role"),
        OffenseLine("§3B1.1(c)", "Organizer (alternative)", 0, "adjustment", group="role"),
    )
    checks = statuses(zpo.check(M2025, lines[:1] + lines[2:], 0))
    assert checks["(a)(10)"] == zpo.MET
    assert statuses(zpo.check(M2025, lines, 0))["(a)(10)"] == zpo.NOT_MET


def test_it_shows_the_criteria_when_the_points_are_zero_or_eligibility_is_asserted():
    base = (OffenseLine("§2B1.1(a)(2)", "Base offense level", 6, "base"),)
    zero = calculate(CaseFacts(base), M2025)
    assert len(zero.zero_point_criteria) == 11
    assert zero.zero_point_levels == 0
    some = calculate(CaseFacts(base, criminal_history=CriminalHistory(points=1)), M2025)
    assert some.zero_point_criteria == ()
    asserted = CriminalHistory(points=1, zero_point_offender_eligible=True)
    refused = calculate(CaseFacts(base, criminal_history=asserted), M2023)
    assert statuses(refused.zero_point_criteria)["(a)(1)"] == zpo.NOT_MET
    assert calculate(CaseFacts(base), M2016).zero_point_criteria == ()


def test_it_applies_4c1_1_when_no_criterion_the_worksheet_holds_fails():
    base = (OffenseLine("§2B1.1(a)(2)", "Base offense level", 6, "base"),)
    facts = CaseFacts(base, criminal_history=CriminalHistory(zero_point_offender_eligible=True))
    for edition in (M2023, M2024, M2025):
        assert calculate(facts, edition).zero_point_levels == -2


def test_a_continuing_criminal_enterprise_guideline_fails_the_enterprise_criterion():
    # §2D1.5 is the guideline of 21 U.S.C. § 848 (its Statutory Provision, 2025 Manual); the
    # enterprise is half of §4C1.1(a)(10) in the 2023 Manual and (a)(11) from 2024.
    lines = (OffenseLine("§2D1.5(a)(1)", "Continuing criminal enterprise", 38, "base"),)
    assert statuses(zpo.check(M2023, lines, 0))["(a)(10)"] == zpo.NOT_MET
    checks = statuses(zpo.check(M2025, lines, 0))
    assert (checks["(a)(10)"], checks["(a)(11)"]) == (zpo.MET, zpo.NOT_MET)


def test_scott_three_grouped_crime_of_violence_sentences_take_3_points():
    # United States v. Scott, 654 F.3d 552, 553 (5th Cir. 2011) (2008 Manual): four sentences
    # for deadly conduct treated as one; 3 points added under §4A1.1(f) for the three not
    # counted, and 2 recency points under §4A1.1(e). The 2008 rule (Amendment 709) is the
    # 2010 Manual's (e); the first sentence is entered under (a) here, its points not at issue.
    history = CriminalHistory(
        prior_sentences=(
            PriorSentence("Deadly conduct, count 1", "a"),
            *(PriorSentence(f"Deadly conduct, count {n}", "v") for n in (2, 3, 4)),
        )
    )
    result = score(history, M2010)
    assert [p for s, p in sections(result) if s == "§4A1.1(e)"] == [1, 1, 1]
    assert not any("same occasion" in note for note in result.notes)
    # Before Amendment 709 the point did not apply where the offenses occurred on the same
    # occasion: under the 2003 Manual the result says to check that.
    assert any("same occasion" in note for note in score(history, M2003).notes)
