"""Worksheet presets for §2L1.2 (Unlawfully Entering or Remaining in the United States).

One text per version of §2L1.2; an edition names its version in ``illegal_reentry_text``.
Lines in the same ``group`` are alternatives ("use the greater"/"apply the greatest"):
``calculate`` counts only the largest of a group. Descriptions are summaries; the Manual's
definitions (e.g. "sentence imposed", "illegal reentry offense") control.
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


_BASE = PresetLine("§2L1.2(a)", "Base offense level", 8, "base")  # 8 in every version

ILLEGAL_REENTRY_TEXTS: dict[str, tuple[PresetLine, ...]] = {
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
    # Amendment 802 (Nov. 1, 2016); Amendment 809 (Nov. 1, 2018) reworded (b)(2)/(b)(3)
    # ("criminal conduct that, at any time, resulted in") without changing levels.
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


def illegal_reentry_preset(edition: Edition) -> tuple[PresetLine, ...]:
    """The §2L1.2 lines printed in ``edition``."""
    return ILLEGAL_REENTRY_TEXTS[edition.illegal_reentry_text]
