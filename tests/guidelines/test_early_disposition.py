"""The government's early disposition motion: §3F1.1 from the 2025 Manual (Amendment 836), a
decrease applied with acceptance at §1B1.1(a)(5); §5K3.1 (Amendment 651, 2003-2024), a departure."""

import pytest

from sentencing.guidelines import (
    Acceptance,
    CaseFacts,
    CriminalHistory,
    OffenseLine,
    calculate,
    edition_by_key,
    lookup,
)

LINES = (
    OffenseLine("§2L1.2(a)", "Base offense level", 8, "base"),
    OffenseLine("§2L1.2(b)(2)(A)", "Felony, 5 years or more", 10, "specific", "2L1.2(b)(2)"),
)
HISTORY = CriminalHistory(category="IV")


def facts(**changes) -> CaseFacts:
    base = {
        "offense_lines": LINES,
        "acceptance": Acceptance.THREE,
        "government_motion": True,
        "criminal_history": HISTORY,
    }
    return CaseFacts(**{**base, **changes})


def test_section_3f1_1_comes_after_acceptance_and_keeps_the_third_level():
    calc = calculate(facts(early_disposition_levels=4), edition_by_key("2025-11-01"))
    # 18 before acceptance is 16 or more, so §3E1.1(b) applies; then §3F1.1.
    assert calc.acceptance_levels == -3
    assert calc.total_offense_level == 18 - 3 - 4
    sections = [step.section for step in calc.steps]
    assert sections.index("§3F1.1") == sections.index("§3E1.1(b)") + 1
    # Typed as a Chapter Three line instead, it would land before acceptance and cost a level.
    as_line = facts(offense_lines=(*LINES, OffenseLine("§3F1.1", "", -4, "adjustment")))
    assert calculate(as_line, edition_by_key("2025-11-01")).total_offense_level == 18 - 4 - 2


def test_section_5k3_1_is_a_departure_beside_the_range():
    edition = edition_by_key("2016-11-01")
    without = calculate(facts(), edition)
    calc = calculate(facts(early_disposition_levels=3), edition)
    assert calc.total_offense_level == without.total_offense_level
    assert calc.range == without.range
    early = calc.early_disposition
    assert early.section == "§5K3.1"
    assert early.offense_level_if_granted == without.table_offense_level - 3
    assert early.range_if_granted == lookup(without.table_offense_level - 3, "IV")
    assert early.note in calc.notes


def test_before_section_5k3_1_the_motion_has_no_provision():
    calc = calculate(facts(early_disposition_levels=2), edition_by_key("1995-11-01"))
    assert calc.early_disposition.section == ""
    assert "Amendment 651" in calc.early_disposition.note
    assert (
        calc.total_offense_level
        == calculate(facts(), edition_by_key("1995-11-01")).total_offense_level
    )


@pytest.mark.parametrize("levels", [-1, 5, True])
def test_the_motion_is_not_more_than_4_levels(levels):
    with pytest.raises(ValueError, match="1 to 4 levels"):
        facts(early_disposition_levels=levels)
