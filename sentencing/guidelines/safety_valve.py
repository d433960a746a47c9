"""§5C1.2 (18 U.S.C. § 3553(f)): a sentence without regard to the statutory minimum.

Whether the defendant meets the criteria of § 3553(f)(1)–(5) is the court's finding, entered
on the worksheet. The engine applies it to the counts the applied Manual's §5C1.2(a) lists,
checks the criminal history criterion (f)(1) where the worksheet decides it, and applies the
floor of §5C1.2(b). By edition:
- §5C1.2 itself: Amendment 509 (Sept. 23, 1994): not in the Manuals of 1989 to 1993.
- §5C1.2(b), a level of at least 17 when the minimum is five years or more: Amendment 624
  (Nov. 1, 2001); from Amendment 817 (Nov. 1, 2023) a range of at least 24 to 30 months.
- (a)(1) and the offenses listed: "not more than 1 criminal history point" and 21 U.S.C.
  §§ 841, 844, 846, 960, 963 until Amendment 817 printed the First Step Act's text (Pub. L.
  115-391, § 402, Dec. 21, 2018): no more than 4 points leaving out 1-point offenses, no prior
  3-point offense, no prior 2-point violent offense; and 46 U.S.C. §§ 70503, 70506. A
  defendant with any one of the three is not eligible (Pulsifer v. United States, 601 U.S. 124
  (2024)). The Act reaches convictions entered from its enactment, which a Manual before 2023
  does not print; the engine says so.
"""

import re
from dataclasses import dataclass, replace
from datetime import date

from . import drugs
from .criminal_history import CriminalHistory, CriminalHistoryResult
from .editions import Edition
from .offense_level import OffenseLine
from .outcome import Count
from .table import SentencingRange

SAFETY_VALVE_FROM = date(1994, 9, 23)  # Amendment 509
FLOOR_LEVEL_FROM = date(2001, 11, 1)  # Amendment 624
FIRST_STEP_TEXT_FROM = date(2023, 11, 1)  # Amendment 817
FLOOR_LEVEL = 17
FLOOR_RANGE = SentencingRange(24, 30)
FLOOR_MINIMUM_MONTHS = 60  # "at least five years"
_OFFENSES_1994 = (("21", "841"), ("21", "844"), ("21", "846"), ("21", "960"), ("21", "963"))
_OFFENSES_FIRST_STEP = (*_OFFENSES_1994, ("46", "70503"), ("46", "70506"))
_CITATION = re.compile(r"^\s*(\d+)\s+U\.\s*S\.\s*C\.\s*§+\s*(\d+)")

MET, NOT_MET, FOR_THE_COURT = "met", "not met", "for the court"


def first_step_text(edition: Edition) -> bool:
    return edition.effective >= FIRST_STEP_TEXT_FROM


def covered(count: Count, edition: Edition) -> bool:
    """The count is of an offense §5C1.2(a) lists in this Manual."""
    match = _CITATION.match(count.statute)
    offenses = _OFFENSES_FIRST_STEP if first_step_text(edition) else _OFFENSES_1994
    return match is not None and (match.group(1), match.group(2)) in offenses


@dataclass(frozen=True)
class HistoryCheck:
    outcome: str  # MET, NOT_MET or FOR_THE_COURT
    reason: str


def _points_of(history: CriminalHistory, subsection: str) -> int:
    """How many prior sentences are scored under the subsection."""
    return sum(1 for p in history.prior_sentences if p.subsection == subsection)


def history_check(
    history: CriminalHistory, scored: CriminalHistoryResult, edition: Edition
) -> HistoryCheck:
    """§5C1.2(a)(1) against the worksheet's criminal history, as far as it decides it."""
    points = scored.points
    if points is None:
        return HistoryCheck(
            FOR_THE_COURT,
            "the category was entered directly, so the points of (a)(1) are the court's to find",
        )
    if not first_step_text(edition):
        if points <= 1:
            return HistoryCheck(MET, f"{points} criminal history point{'s' * (points != 1)}")
        return HistoryCheck(
            NOT_MET,
            f"{points} criminal history points; the {edition.short_title}'s (a)(1) allows not "
            "more than 1",
        )
    if not history.prior_sentences:
        if points <= 4:
            return HistoryCheck(
                MET if points <= 1 else FOR_THE_COURT,
                f"{points} point{'s' * (points != 1)}"
                + (
                    ""
                    if points <= 1
                    else "; whether a prior is a 3-point offense or a 2-point "
                    "violent offense ((a)(1)(B)–(C)) is for the court"
                ),
            )
        return HistoryCheck(
            FOR_THE_COURT,
            f"{points} points entered as a total: (a)(1)(A) leaves out 1-point offenses, so "
            "the prior sentences decide it",
        )
    three, two = _points_of(history, "a"), _points_of(history, "b")
    if three:
        return HistoryCheck(NOT_MET, "a prior 3-point offense ((a)(1)(B))")
    if 2 * two > 4:
        return HistoryCheck(
            NOT_MET, f"{2 * two} points from 2-point offenses, more than 4 ((a)(1)(A))"
        )
    # The points the 1-point offenses scored, after §4A1.1(c)'s cap of 4.
    one_point = sum(s.points or 0 for s in scored.steps if s.section == "§4A1.1(c)")
    others = points - 2 * two - one_point
    if 2 * two + others > 4:
        return HistoryCheck(
            FOR_THE_COURT,
            "whether the status or crime-of-violence points count toward (a)(1)(A)'s 4 points",
        )
    if two:
        return HistoryCheck(
            FOR_THE_COURT,
            "whether a 2-point prior is a violent offense ((a)(1)(C); 18 U.S.C. § 16)",
        )
    return HistoryCheck(MET, "no prior 3-point or 2-point offense, and 4 points or fewer")


def floor_applies(counts: tuple[Count, ...], edition: Edition) -> bool:
    """§5C1.2(b): a covered count whose statutory minimum is at least five years."""
    return edition.effective >= FLOOR_LEVEL_FROM and any(
        covered(c, edition) and c.minimum_months >= FLOOR_MINIMUM_MONTHS for c in counts
    )


@dataclass(frozen=True)
class Relief:
    """What the safety valve does to a calculation: the counts with their minimums as the
    sentence meets them, notes, and the floor of §5C1.2(b) (a level, or the range 24-30)."""

    counts: tuple[Count, ...]
    notes: tuple[str, ...] = ()
    level_floor: int = 0
    range_floor: bool = False


def _decrease_section(lines: tuple[OffenseLine, ...], edition: Edition) -> tuple[str, bool]:
    """The §2D1.1 safety-valve decrease's section in this Manual ("" if none), and whether
    the worksheet holds it."""
    section = drugs.numbered(drugs.SAFETY_VALVE, edition)
    return section, bool(section) and any(line.section == section for line in lines)


def _lifted(counts: tuple[Count, ...], edition: Edition, notes: list[str]) -> tuple[Count, ...]:
    lifted = []
    for count in counts:
        if count.minimum_months and covered(count, edition):
            notes.append(
                f"§5C1.2(a): sentenced without regard to the {count.minimum_months}-month "
                f"minimum of {count.statute}."
            )
            count = replace(count, minimum_months=0)
        elif count.minimum_months:
            notes.append(f"§5C1.2(a) does not reach {count.statute}: its minimum stands.")
        lifted.append(count)
    return tuple(lifted)


def relief(
    found: bool,
    counts: tuple[Count, ...],
    lines: tuple[OffenseLine, ...],
    history: CriminalHistory,
    scored: CriminalHistoryResult,
    edition: Edition,
) -> Relief:
    """The safety valve as found (or not) for these counts and this worksheet."""
    section, entered = _decrease_section(lines, edition)
    if not found:
        unfound = (
            f"{section} is on the worksheet, but the safety valve (§5C1.2) is not found: the "
            "statutory minimum stands."
        )
        return Relief(counts, (unfound,) if entered else ())
    if edition.effective < SAFETY_VALVE_FROM:
        absent = (
            f"§5C1.2 not applied: the {edition.short_title} has no safety valve; Amendment 509 "
            "added it on Sept. 23, 1994 (18 U.S.C. § 3553(f)). The statutory minimum stands."
        )
        return Relief(counts, (absent,))
    notes: list[str] = []
    if not first_step_text(edition):
        notes.append(
            f"§5C1.2(a)(1) as the {edition.short_title} prints it; for a conviction entered "
            "on or after Dec. 21, 2018, the First Step Act's § 3553(f)(1) governs instead."
        )
    check = history_check(history, scored, edition)
    if check.outcome == NOT_MET:
        refusal = (
            f"§5C1.2 not applied: its criminal history criterion is not met: {check.reason}. "
            "The statutory minimum stands."
        )
        return Relief(counts, (refusal, *notes))
    if check.outcome == FOR_THE_COURT:
        notes.append(f"§5C1.2(a)(1), for the court: {check.reason}.")
    lifted = _lifted(counts, edition, notes)
    if section and not entered and any(line.section.startswith("§2D1.1") for line in lines):
        notes.append(f"The {section} decrease (−2) for meeting §5C1.2's criteria is not entered.")
    floor = floor_applies(counts, edition)
    first_step = first_step_text(edition)
    return Relief(
        lifted,
        tuple(notes),
        level_floor=FLOOR_LEVEL if floor and not first_step else 0,
        range_floor=floor and first_step,
    )
