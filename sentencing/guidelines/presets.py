"""Worksheet presets for §2L1.2 (Unlawfully Entering or Remaining in the United States).

One text per version of §2L1.2; an edition names its version in ``illegal_reentry_text``.
Lines in the same ``group`` are alternatives ("use the greater"/"apply the greatest"):
``calculate`` counts only the largest of a group. Descriptions are summaries; the Manual's
definitions (e.g. "sentence imposed", "illegal reentry offense") control.

``illegal_reentry_groups`` gives an edition's lines as the Manual prints them: each group of
alternatives under its instruction, the other lines standing alone.
"""

from dataclasses import dataclass

from .editions import Edition
from .offense_level import OffenseLine


@dataclass(frozen=True)
class PresetLine:
    section: str
    description: str
    levels: int
    kind: str
    group: str = ""

    def offense_line(self) -> OffenseLine:
        return OffenseLine(self.section, self.description, self.levels, self.kind, self.group)


def _group(group: str, *entries: tuple[str, int, str]) -> tuple[PresetLine, ...]:
    """Specific offense characteristics that are alternatives: (section, levels, description)."""
    return tuple(PresetLine(s, d, n, "specific", group) for s, n, d in entries)


def _tiers(subsection: str, when: str) -> tuple[PresetLine, ...]:
    """The five tiers that §2L1.2(b)(2) and (b)(3) share (Amendment 802, 2016)."""
    section, felony = f"§2L1.2(b)({subsection})", f"{when}: felony (not illegal reentry)"
    return _group(
        f"2L1.2(b)({subsection})",
        (f"{section}(A)", 10, f"{felony}, sentence imposed 5 years or more"),
        (f"{section}(B)", 8, f"{felony}, sentence imposed 2 years or more"),
        (f"{section}(C)", 6, f"{felony}, sentence imposed over 1 year and 1 month"),
        (f"{section}(D)", 4, f"{felony}, any other"),
        (f"{section}(E)", 2, f"{when}: 3 or more misdemeanors (violence or drug trafficking)"),
    )


# 8 in every version carried: Amendment 38 (Jan. 15, 1988) raised it from 6.
_BASE = PresetLine("§2L1.2(a)", "Base offense level", 8, "base")

ILLEGAL_REENTRY_TEXTS: dict[str, tuple[PresetLine, ...]] = {
    # Amendment 193 (Nov. 1, 1989): a single characteristic, "(b)(1) If the defendant
    # previously was deported after sustaining a conviction for a felony, other than a felony
    # involving violation of the immigration laws, increase by 4 levels."
    "1989": (
        _BASE,
        PresetLine(
            "§2L1.2(b)(1)",
            "Deported after a felony (other than an immigration felony)",
            4,
            "specific",
        ),
    ),
    # Amendment 375 (Nov. 1, 1991), as printed in the 1995 Manual: "If more than one
    # applies, use the greater".
    "1991": (
        _BASE,
        *_group(
            "2L1.2(b)",
            ("§2L1.2(b)(1)", 4, "Deported after a felony (other than an immigration felony)"),
            ("§2L1.2(b)(2)", 16, "Deported after an aggravated felony"),
        ),
    ),
    # Amendment 562 (Nov. 1, 1997), as Amendment 632 quotes it when striking it: deported (or
    # remaining after a removal order) after a conviction, "(if more than one applies, use the
    # greater)": (A) an aggravated felony, 16; (B) any other felony, or three or more
    # misdemeanor crimes of violence or controlled substance offenses, 4.
    "1997": (
        _BASE,
        *_group(
            "2L1.2(b)(1)",
            ("§2L1.2(b)(1)(A)", 16, "Deported after an aggravated felony"),
            (
                "§2L1.2(b)(1)(B)",
                4,
                "Deported after any other felony, or 3+ misdemeanors (violence or drugs)",
            ),
        ),
    ),
    # Amendment 632 (Nov. 1, 2001), "Apply the Greatest"; in force until Amendment 754 (2011).
    # Levels checked against the 2011 text and a secondary source on the 2005 text. (A) lists
    # drug trafficking over 13 months, crime of violence, firearms, child pornography,
    # national security or terrorism, human trafficking and alien smuggling felonies.
    "2001": (
        _BASE,
        *_group(
            "2L1.2(b)(1)",
            ("§2L1.2(b)(1)(A)", 16, "Deported after a felony listed in (A), e.g. a violent one"),
            ("§2L1.2(b)(1)(B)", 12, "Deported after felony drug trafficking, 13 months or less"),
            ("§2L1.2(b)(1)(C)", 8, "Deported after an aggravated felony"),
            ("§2L1.2(b)(1)(D)", 4, "Deported after any other felony"),
            ("§2L1.2(b)(1)(E)", 4, "Deported after 3+ misdemeanors (violence or drug trafficking)"),
        ),
    ),
    # Amendment 754 (Nov. 1, 2011): (b)(1)(A) 16 levels "if the conviction receives criminal
    # history points under Chapter Four or by 12 levels if the conviction does not", (b)(1)(B)
    # 12 or 8 likewise (App. C Vol. III, p. 404); (C)-(E) "apply without regard to" points.
    "2011": (
        _BASE,
        *_group(
            "2L1.2(b)(1)",
            ("§2L1.2(b)(1)(A)", 16, "Deported after a felony listed in (A), scored in Chapter 4"),
            ("§2L1.2(b)(1)(A)", 12, "Deported after a felony listed in (A), not scored"),
            ("§2L1.2(b)(1)(B)", 12, "Deported after drug trafficking, 13 months or less, scored"),
            (
                "§2L1.2(b)(1)(B)",
                8,
                "Deported after drug trafficking, 13 months or less, not scored",
            ),
            ("§2L1.2(b)(1)(C)", 8, "Deported after an aggravated felony"),
            ("§2L1.2(b)(1)(D)", 4, "Deported after any other felony"),
            ("§2L1.2(b)(1)(E)", 4, "Deported after 3+ misdemeanors (violence or drug trafficking)"),
        ),
    ),
    # Amendment 802 (Nov. 1, 2016), as printed in the 2016 Manual. The 2025 Manual prints the
    # same levels, with (b)(2) and (b)(3) reworded ("the defendant engaged in criminal conduct
    # that, at any time, resulted in" for 2016's "sustained" and "criminal conduct resulting
    # in") and a new Application Note 5 on conduct before and after the first order; its
    # historical note names Amendments 809 (2018), 822 (2023) and 836 (2025) since 802. Which
    # of them reworded (b)(2)-(3) is not verified: the Appendix C we hold ends at Amendment
    # 804. (In the 2025 Manual 809 amends §2L1.2 alone; 822 also amends §4B1.2, whose
    # robbery definition §2L1.2's commentary now repeats; 836 removed the departure notes.)
    "2016": (
        _BASE,
        *_group(
            "2L1.2(b)(1)",
            ("§2L1.2(b)(1)(A)", 4, "Prior felony conviction for illegal reentry"),
            ("§2L1.2(b)(1)(B)", 2, "2 or more misdemeanor convictions under 8 U.S.C. § 1325(a)"),
        ),
        *_tiers("2", "Before the first deportation or removal order"),
        *_tiers("3", "After the first deportation or removal order"),
    ),
}


# Where each text comes from, for the case form's preset picker.
ILLEGAL_REENTRY_SOURCES: dict[str, str] = {
    "1989": "Amendment 193, Nov. 1, 1989",
    "1991": "Amendment 375, Nov. 1, 1991",
    "1997": "Amendment 562, Nov. 1, 1997",
    "2001": "Amendment 632, Nov. 1, 2001",
    "2011": "Amendment 754, Nov. 1, 2011",
    "2016": "Amendment 802, Nov. 1, 2016",
}

# Each group's instruction in the Manual's words. 1991: Amendment 375's "If more than one
# applies, use the greater" over all of (b). 2016: "(Apply the Greater)" over (b)(1) and
# "(Apply the Greatest)" over (b)(2) and (b)(3), as printed in the 2016 and 2025 Manuals.
# 2001: "Apply the Greatest" over (b)(1), as noted on that text above (the Appendix C we hold
# does not print Amendment 632's replacement text).
GROUP_INSTRUCTIONS: dict[str, dict[str, str]] = {
    "1989": {},  # one characteristic, no alternatives
    "1991": {"2L1.2(b)": "If more than one applies, use the greater"},
    "1997": {"2L1.2(b)(1)": "if more than one applies, use the greater"},
    "2001": {"2L1.2(b)(1)": "Apply the Greatest"},
    "2011": {"2L1.2(b)(1)": "Apply the Greatest"},  # Amendment 754 amended only (A) and (B)
    "2016": {
        "2L1.2(b)(1)": "Apply the Greater",
        "2L1.2(b)(2)": "Apply the Greatest",
        "2L1.2(b)(3)": "Apply the Greatest",
    },
}


@dataclass(frozen=True)
class PresetGroup:
    """Lines printed together: alternatives under one ``instruction`` (only the one with the
    most levels counts), or, with ``group`` "", a line that stands alone."""

    group: str
    instruction: str
    lines: tuple[PresetLine, ...]


def illegal_reentry_preset(edition: Edition) -> tuple[PresetLine, ...]:
    """The §2L1.2 lines printed in ``edition``."""
    return ILLEGAL_REENTRY_TEXTS[edition.illegal_reentry_text]


def illegal_reentry_groups(edition: Edition) -> tuple[PresetGroup, ...]:
    """The lines of ``edition`` in the Manual's order, each group's alternatives together."""
    text = edition.illegal_reentry_text
    groups: list[PresetGroup] = []
    for line in ILLEGAL_REENTRY_TEXTS[text]:
        if line.group and groups and groups[-1].group == line.group:
            last = groups[-1]
            groups[-1] = PresetGroup(last.group, last.instruction, (*last.lines, line))
        else:
            instruction = GROUP_INSTRUCTIONS[text][line.group] if line.group else ""
            groups.append(PresetGroup(line.group, instruction, (line,)))
    return tuple(groups)
