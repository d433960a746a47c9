"""Offense level: Chapter Two base and specific offense characteristics, Chapter Three
adjustments, then acceptance of responsibility (§3E1.1)."""

from dataclasses import dataclass
from enum import StrEnum

from .editions import Edition
from .steps import Step, signed

KINDS = ("base", "specific", "adjustment")

# §3E1.1(b): the third level is only for an offense level of 16 or more before (a)
# (Amendment 459, Nov. 1, 1992; unchanged since).
ACCEPTANCE_B_THRESHOLD = 16


class Acceptance(StrEnum):
    NONE = "none"
    TWO = "2"  # §3E1.1(a)
    THREE = "3"  # §3E1.1(a) and (b)


@dataclass(frozen=True)
class OffenseLine:
    """One worksheet line. ``kind``: "base" (Ch. 2 base offense level), "specific"
    (Ch. 2 specific offense characteristic) or "adjustment" (Ch. 3, other than acceptance).
    Lines that share a non-empty ``group`` are alternatives — the guideline says "use the
    greater" — so only the one with the most levels is counted."""

    section: str
    description: str
    levels: int
    kind: str
    group: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"Offense line kind must be one of {', '.join(KINDS)}.")
        if isinstance(self.levels, bool) or not isinstance(self.levels, int):
            raise ValueError(f"Levels must be a whole number, not {self.levels!r}.")


@dataclass(frozen=True)
class OffenseLevelResult:
    steps: tuple[Step, ...]
    terms: tuple[int, ...]  # the numbers of the printed arithmetic, in order
    before_acceptance: int
    acceptance_levels: int  # 0, -2 or -3
    after_acceptance: int
    notes: tuple[str, ...]


def counted_lines(lines: tuple[OffenseLine, ...]) -> list[tuple[OffenseLine, bool]]:
    """Each line with whether it counts: within a group only the greatest (first on a tie)."""
    best: dict[str, OffenseLine] = {}
    for line in lines:
        if line.group and (line.group not in best or line.levels > best[line.group].levels):
            best[line.group] = line
    return [(line, not line.group or best[line.group] is line) for line in lines]


def _line_steps(
    lines: tuple[OffenseLine, ...], notes: list[str]
) -> tuple[list[Step], list[int], int]:
    steps: list[Step] = []
    terms: list[int] = []
    total = 0
    for line, counts in counted_lines(lines):
        if counts:
            total += line.levels
            terms.append(line.levels)
        else:
            notes.append(
                f"{line.section} ({signed(line.levels)}) not counted: only the greater line of "
                f"group {line.group} applies."
            )
        steps.append(
            Step(
                line.section, line.description, line.levels, total, applied=counts, group=line.group
            )
        )
    bases = sum(1 for line in lines if line.kind == "base")
    if bases == 0 and lines:
        notes.append("No Chapter Two base offense level was entered.")
    if bases > 1:
        notes.append(
            "More than one base offense level was entered and all are added; multiple counts "
            "are combined under Chapter Three, Part D, not by adding base levels."
        )
    return steps, terms, total


def _acceptance_steps(
    acceptance: Acceptance, motion: bool, before: int, edition: Edition, notes: list[str]
) -> tuple[list[Step], int]:
    if acceptance == Acceptance.NONE:
        if motion:
            notes.append(
                "A government motion under §3E1.1(b) was entered but no acceptance reduction "
                "was claimed; it has no effect."
            )
        return [], 0
    steps = [Step("§3E1.1(a)", "Acceptance of responsibility", -2, before - 2)]
    if acceptance == Acceptance.TWO:
        return steps, -2
    refusal = None
    if before < ACCEPTANCE_B_THRESHOLD:
        refusal = (
            f"§3E1.1(b) not applied: the offense level before acceptance is {before}; the "
            f"additional level needs {ACCEPTANCE_B_THRESHOLD} or more."
        )
    elif edition.acceptance_b_requires_motion and not motion:
        refusal = (
            f"§3E1.1(b) not applied: under the {edition.short_title} the additional level "
            "needs a motion of the government (PROTECT Act, eff. Apr. 30, 2003), and none "
            "was entered."
        )
    if refusal:
        notes.append(refusal)
        steps.append(
            Step("§3E1.1(b)", "Additional level — not available", 0, before - 2, applied=False)
        )
        return steps, -2
    reason = (
        "on motion of the government"
        if edition.acceptance_b_requires_motion
        else "timely information or timely notice of a guilty plea"
    )
    steps.append(Step("§3E1.1(b)", f"Additional level, {reason}", -1, before - 3))
    return steps, -3


def offense_level(
    lines: tuple[OffenseLine, ...],
    acceptance: Acceptance,
    government_motion: bool,
    edition: Edition,
) -> OffenseLevelResult:
    notes: list[str] = []
    steps, terms, before = _line_steps(lines, notes)
    acceptance_steps, acceptance_levels = _acceptance_steps(
        Acceptance(acceptance), government_motion, before, edition, notes
    )
    return OffenseLevelResult(
        steps=tuple(steps + acceptance_steps),
        terms=tuple(terms + ([acceptance_levels] if acceptance_levels else [])),
        before_acceptance=before,
        acceptance_levels=acceptance_levels,
        after_acceptance=before + acceptance_levels,
        notes=tuple(notes),
    )
