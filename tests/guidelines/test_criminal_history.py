"""§4A1.1 points by edition, the points → category header of the Table, and §4C1.1."""

import pytest

from sentencing.guidelines import (
    Acceptance,
    CaseFacts,
    CriminalHistory,
    OffenseLine,
    PriorSentence,
    calculate,
    category_for_points,
    edition_by_key,
)
from sentencing.guidelines.criminal_history import score

M1995 = edition_by_key("1995-11-01")
M2010 = edition_by_key("2010-11-01")
M2016 = edition_by_key("2016-11-01")
M2023 = edition_by_key("2023-11-01")
M2025 = edition_by_key("2025-11-01")


def priors(*subsections):
    return tuple(PriorSentence(f"prior {i}", s) for i, s in enumerate(subsections, 1))


@pytest.mark.parametrize(
    ("points", "category"),
    [(0, "I"), (1, "I"), (2, "II"), (3, "II"), (4, "III"), (6, "III"), (7, "IV"), (9, "IV")]
    + [(10, "V"), (12, "V"), (13, "VI"), (40, "VI")],
)
def test_it_reads_the_category_from_the_points_under_each_column(points, category):
    assert category_for_points(points) == category


def test_it_rejects_negative_points():
    with pytest.raises(ValueError, match="0 or more"):
        category_for_points(-1)
    with pytest.raises(ValueError, match="must be 0 or more, not -2"):
        CriminalHistory(points=-2)


def test_it_scores_3_2_and_1_points_for_subsections_a_b_and_c():
    result = score(CriminalHistory(prior_sentences=priors("a", "b", "c")), M2023)
    assert result.points == 6
    assert result.category == "III"
    assert [s.points for s in result.steps[:3]] == [3, 2, 1]


def test_it_caps_subsection_c_at_4_points():
    result = score(CriminalHistory(prior_sentences=priors(*"cccccc")), M2023)
    assert result.points == 4
    assert [s.applied for s in result.steps[:6]] == [True] * 4 + [False] * 2


def test_it_rejects_a_subsection_other_than_a_b_or_c():
    with pytest.raises(ValueError, match="a, b or c"):
        PriorSentence("prior", "d")


def test_it_accepts_an_upper_case_subsection():
    assert PriorSentence("prior", " B ").subsection == "b"


def test_it_adds_2_status_points_before_november_2023():
    history = CriminalHistory(prior_sentences=priors("c"), under_criminal_justice_sentence=True)
    assert score(history, M1995).points == 3
    assert score(history, M2016).points == 3


def test_it_adds_no_status_point_from_2023_with_fewer_than_7_points():
    history = CriminalHistory(
        prior_sentences=priors("a", "a"), under_criminal_justice_sentence=True
    )
    result = score(history, M2023)
    assert result.points == 6
    assert any("Amendment 821" in note for note in result.notes)


def test_it_adds_1_status_point_from_2023_with_7_or_more_points():
    history = CriminalHistory(
        prior_sentences=priors("a", "a", "c"), under_criminal_justice_sentence=True
    )
    result = score(history, M2023)
    assert result.points == 8
    assert any(s.section == "§4A1.1(e)" and s.points == 1 for s in result.steps)


def test_it_moves_a_defendant_across_a_category_line_under_amendment_821():
    history = CriminalHistory(
        prior_sentences=priors("a", "b", "c"), under_criminal_justice_sentence=True
    )
    assert score(history, M2016).category == "IV"  # 6 + 2 = 8
    assert score(history, M2023).category == "III"  # 6 + 0


def test_it_adds_2_recency_points_in_the_1995_manual():
    history = CriminalHistory(prior_sentences=priors("a"), recency=True)
    assert score(history, M1995).points == 5


def test_it_adds_only_1_recency_point_when_status_points_were_added():
    history = CriminalHistory(
        prior_sentences=priors("a"), recency=True, under_criminal_justice_sentence=True
    )
    assert score(history, M1995).points == 3 + 2 + 1


def test_it_adds_no_recency_points_after_amendment_742():
    history = CriminalHistory(prior_sentences=priors("a"), recency=True)
    result = score(history, M2010)
    assert result.points == 3
    assert any("Amendment 742" in note for note in result.notes)


def test_it_adds_no_recency_points_without_a_sentence_under_a_or_b():
    history = CriminalHistory(prior_sentences=priors("c"), recency=True)
    result = score(history, M1995)
    assert result.points == 1
    assert any("(a) or (b)" in note for note in result.notes)


def test_it_takes_entered_points_as_the_total_without_status_or_recency():
    history = CriminalHistory(points=10, under_criminal_justice_sentence=True, recency=True)
    result = score(history, M1995)
    assert (result.points, result.category) == (10, "V")
    assert any("not added again" in note for note in result.notes)


def test_it_prefers_scored_prior_sentences_to_an_entered_total():
    result = score(CriminalHistory(prior_sentences=priors("a"), points=12), M2023)
    assert result.points == 3


def test_it_lets_an_entered_category_override_everything():
    history = CriminalHistory(prior_sentences=priors("c"), points=1, category=" vi ")
    result = score(history, M2023)
    assert (result.points, result.category) == (None, "VI")


def test_it_counts_nothing_entered_as_zero_points():
    result = score(CriminalHistory(), M1995)
    assert (result.points, result.category) == (0, "I")


def test_it_rejects_an_impossible_entered_category():
    with pytest.raises(ValueError, match="I–VI"):
        CriminalHistory(category="VII")


BASE_12 = (OffenseLine("§2X1.1", "Base offense level", 12, "base"),)


def test_it_subtracts_2_levels_for_a_zero_point_offender_from_2023():
    facts = CaseFacts(BASE_12, criminal_history=CriminalHistory(zero_point_offender_eligible=True))
    calc = calculate(facts, M2023)
    assert calc.total_offense_level == 10
    assert calc.zero_point_levels == -2
    assert calc.arithmetic == "12 \u2212 2 = 10"


def test_it_does_not_apply_4c1_1_before_2023():
    facts = CaseFacts(BASE_12, criminal_history=CriminalHistory(zero_point_offender_eligible=True))
    calc = calculate(facts, M2016)
    assert calc.total_offense_level == 12
    assert any("§4C1.1 not applied" in note for note in calc.notes)


def test_it_does_not_apply_4c1_1_with_any_criminal_history_point():
    history = CriminalHistory(prior_sentences=priors("c"), zero_point_offender_eligible=True)
    calc = calculate(CaseFacts(BASE_12, criminal_history=history), M2025)
    assert calc.total_offense_level == 12


def test_it_does_not_apply_4c1_1_when_the_category_was_entered():
    history = CriminalHistory(category="I", zero_point_offender_eligible=True)
    calc = calculate(CaseFacts(BASE_12, criminal_history=history), M2025)
    assert calc.total_offense_level == 12


def test_it_does_not_apply_4c1_1_unless_eligibility_is_asserted():
    calc = calculate(CaseFacts(BASE_12), M2025)
    assert calc.total_offense_level == 12
    assert calc.zero_point_levels == 0


def test_it_applies_4c1_1_after_acceptance_so_level_16_still_earns_the_third_level():
    # §1B1.1(a)(5)-(6): acceptance (Ch. 3) is measured before the §4C1.1 decrease (Ch. 4).
    # Applied the other way round, 17 - 2 = 15 would lose §3E1.1(b) and end at 13.
    facts = CaseFacts(
        (OffenseLine("§2X1.1", "Base offense level", 17, "base"),),
        acceptance=Acceptance.THREE,
        government_motion=True,
        criminal_history=CriminalHistory(zero_point_offender_eligible=True),
    )
    calc = calculate(facts, M2023)
    assert (calc.acceptance_levels, calc.zero_point_levels) == (-3, -2)
    assert calc.total_offense_level == 12
