"""§2L1.2 presets by edition, and "use the greater" within a group."""

import pytest

from sentencing.guidelines import (
    EDITIONS,
    CaseFacts,
    CriminalHistory,
    OffenseLine,
    calculate,
    edition_by_key,
    illegal_reentry_groups,
    illegal_reentry_preset,
)


def levels(edition_key):
    return {
        line.section: line.levels for line in illegal_reentry_preset(edition_by_key(edition_key))
    }


def test_the_1995_text_has_base_8_and_4_or_16_levels():
    assert levels("1995-11-01") == {"§2L1.2(a)": 8, "§2L1.2(b)(1)": 4, "§2L1.2(b)(2)": 16}


def test_the_2001_text_in_the_2003_and_2010_manuals_has_five_tiers():
    expected = {"§2L1.2(a)": 8, "§2L1.2(b)(1)(A)": 16, "§2L1.2(b)(1)(B)": 12}
    expected |= {"§2L1.2(b)(1)(C)": 8, "§2L1.2(b)(1)(D)": 4, "§2L1.2(b)(1)(E)": 4}
    assert levels("2003-11-01") == levels("2010-11-01") == expected


@pytest.mark.parametrize("key", ["2011-11-01", "2014-11-01"])
def test_amendment_754_scores_a_and_b_by_whether_the_prior_took_points(key):
    # App. C Vol. III, p. 404: (A) 16 "if the conviction receives criminal history points" or
    # 12 if not; (B) 12 or 8; (C)-(E) unchanged from the 2001 text.
    lines = [(line.section, line.levels) for line in illegal_reentry_preset(edition_by_key(key))]
    assert lines == [
        ("§2L1.2(a)", 8),
        ("§2L1.2(b)(1)(A)", 16),
        ("§2L1.2(b)(1)(A)", 12),
        ("§2L1.2(b)(1)(B)", 12),
        ("§2L1.2(b)(1)(B)", 8),
        ("§2L1.2(b)(1)(C)", 8),
        ("§2L1.2(b)(1)(D)", 4),
        ("§2L1.2(b)(1)(E)", 4),
    ]


@pytest.mark.parametrize(
    "key", ["2016-11-01", "2018-11-01", "2023-11-01", "2024-11-01", "2025-11-01"]
)
def test_the_amendment_802_text_has_three_groups_of_tiers(key):
    found = levels(key)
    assert found["§2L1.2(a)"] == 8
    assert (found["§2L1.2(b)(1)(A)"], found["§2L1.2(b)(1)(B)"]) == (4, 2)
    for subsection in ("2", "3"):
        tiers = [found[f"§2L1.2(b)({subsection})({letter})"] for letter in "ABCDE"]
        assert tiers == [10, 8, 6, 4, 2]


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.key)
def test_every_edition_has_a_preset_with_one_base_line(edition):
    preset = illegal_reentry_preset(edition)
    assert [line.kind for line in preset].count("base") == 1
    assert all(line.kind == "specific" for line in preset[1:])
    # Alternatives share a group; only the 1989 text has a single characteristic.
    assert all(line.group for line in preset[1:]) == (len(preset) > 2)


def test_it_counts_only_the_greater_of_two_lines_in_a_group_and_says_so():
    edition = edition_by_key("1995-11-01")
    lines = tuple(line.offense_line() for line in illegal_reentry_preset(edition))
    calc = calculate(CaseFacts(lines, criminal_history=CriminalHistory(category="I")), edition)
    assert calc.total_offense_level == 24
    assert calc.arithmetic == "8 + 16 = 24"
    skipped = [s for s in calc.steps if not s.applied]
    assert [s.section for s in skipped] == ["§2L1.2(b)(1)"]
    assert [s.group for s in calc.steps[:3]] == ["", "2L1.2(b)", "2L1.2(b)"]
    assert any("only the greater line" in note for note in calc.notes)


def test_it_adds_lines_from_different_groups():
    edition = edition_by_key("2023-11-01")
    preset = {line.section: line.offense_line() for line in illegal_reentry_preset(edition)}
    chosen = (
        "§2L1.2(a)",
        "§2L1.2(b)(1)(A)",
        "§2L1.2(b)(2)(C)",
        "§2L1.2(b)(2)(E)",
        "§2L1.2(b)(3)(D)",
    )
    calc = calculate(CaseFacts(tuple(preset[s] for s in chosen)), edition)
    assert calc.arithmetic == "8 + 4 + 6 + 4 = 22"


def test_it_keeps_the_first_of_equal_lines_in_a_group():
    lines = (
        OffenseLine("§2X1.1", "Base", 10, "base"),
        OffenseLine("§2X1.1(b)(1)", "first", 4, "specific", "g"),
        OffenseLine("§2X1.1(b)(2)", "second", 4, "specific", "g"),
    )
    calc = calculate(CaseFacts(lines), edition_by_key("2025-11-01"))
    assert [s.applied for s in calc.steps[:3]] == [True, True, False]
    assert calc.total_offense_level == 14


def test_it_rejects_an_unknown_line_kind():
    with pytest.raises(ValueError, match="kind"):
        OffenseLine("§3C1.1", "Obstruction", 2, "chapter3")


def test_it_notes_a_missing_or_doubled_base_offense_level():
    lone = calculate(
        CaseFacts((OffenseLine("§3C1.1", "Obstruction", 2, "adjustment"),)), EDITIONS[-1]
    )
    assert any("No Chapter Two base" in note for note in lone.notes)
    twice = OffenseLine("§2X1.1", "Base", 8, "base")
    doubled = calculate(CaseFacts((twice, twice)), EDITIONS[-1])
    assert any("More than one base" in note for note in doubled.notes)


def shown(edition_key):
    return [
        (group.group, group.instruction, [line.section for line in group.lines])
        for group in illegal_reentry_groups(edition_by_key(edition_key))
    ]


def test_each_group_is_shown_once_under_the_manuals_instruction():
    assert shown("1995-11-01") == [
        ("", "", ["§2L1.2(a)"]),
        ("2L1.2(b)", "If more than one applies, use the greater", ["§2L1.2(b)(1)", "§2L1.2(b)(2)"]),
    ]
    [_base, b1] = shown("2010-11-01")
    assert b1[:2] == ("2L1.2(b)(1)", "Apply the Greatest")
    assert len(b1[2]) == 5
    assert [(group, instruction) for group, instruction, _ in shown("2025-11-01")] == [
        ("", ""),
        ("2L1.2(b)(1)", "Apply the Greater"),
        ("2L1.2(b)(2)", "Apply the Greatest"),
        ("2L1.2(b)(3)", "Apply the Greatest"),
    ]


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.key)
def test_the_groups_hold_every_line_of_the_preset_in_order(edition):
    lines = [line for group in illegal_reentry_groups(edition) for line in group.lines]
    assert tuple(lines) == illegal_reentry_preset(edition)
