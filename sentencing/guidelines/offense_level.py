"""Offense level: Chapter Two base and specific offense characteristics, Chapter Three
adjustments, then acceptance of responsibility (§3E1.1)."""

from dataclasses import dataclass
from enum import StrEnum

from .editions import Edition
from .multiple_counts import combined_offense_level, units_text
from .steps import Step, signed

KINDS = ("base", "specific", "adjustment")
MAX_COUNT_GROUPS = 12

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
    # The Group of Closely Related Counts (§3D1.2) the line is scored in; several Groups are
    # combined under §3D1.4.
    count_group: int = 1

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"Offense line kind must be one of {', '.join(KINDS)}.")
        if isinstance(self.levels, bool) or not isinstance(self.levels, int):
            raise ValueError(f"Levels must be a whole number, not {self.levels!r}.")
        if (
            isinstance(self.count_group, bool)
            or not isinstance(self.count_group, int)
            or not 1 <= self.count_group <= MAX_COUNT_GROUPS
        ):
            raise ValueError(
                f"A count group is a number from 1 to {MAX_COUNT_GROUPS}, not {self.count_group!r}."
            )


@dataclass(frozen=True)
class OffenseLevelResult:
    steps: tuple[Step, ...]
    terms: tuple[int, ...]  # the numbers of the printed arithmetic, in order
    before_acceptance: int
    acceptance_levels: int  # 0, -2 or -3
    after_acceptance: int
    notes: tuple[str, ...]


def counted_lines(lines: tuple[OffenseLine, ...]) -> list[tuple[OffenseLine, bool]]:
    """Each line with whether it counts: within a group of alternatives only the greatest
    (first on a tie). Alternatives are of one count group: the key includes it."""
    best: dict[tuple[int, str], OffenseLine] = {}
    for line in lines:
        key = (line.count_group, line.group)
        if line.group and (key not in best or line.levels > best[key].levels):
            best[key] = line
    return [
        (line, not line.group or best[(line.count_group, line.group)] is line) for line in lines
    ]


def count_groups(lines: tuple[OffenseLine, ...]) -> tuple[int, ...]:
    """The count groups the lines are entered in, ascending."""
    return tuple(sorted({line.count_group for line in lines}))


def _line_steps(
    lines: tuple[OffenseLine, ...], notes: list[str], name: str = ""
) -> tuple[list[Step], list[int], int]:
    """One count group's lines: Chapter Two and Chapter Three, Parts A–C (§1B1.1(a)(2)–(3))."""
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
    where = f" in {name}" if name else ""
    if bases == 0 and lines:
        notes.append(f"No Chapter Two base offense level was entered{where}.")
    if bases > 1:
        notes.append(
            f"More than one base offense level was entered{where} and all are added; multiple "
            "counts are combined under Chapter Three, Part D, not by adding base levels: enter "
            "each Group of Closely Related Counts as its own count group."
        )
    return steps, terms, total


def group_name(number: int) -> str:
    return f"Count group {number}"


def _grouped_steps(
    lines: tuple[OffenseLine, ...], notes: list[str]
) -> tuple[list[Step], list[int], int]:
    """Every count group's lines, then §3D1.4's combination when there is more than one."""
    groups = count_groups(lines)
    if len(groups) <= 1:
        return _line_steps(lines, notes)
    steps: list[Step] = []
    levels = []
    for number in groups:
        own = tuple(line for line in lines if line.count_group == number)
        group_steps, _, level = _line_steps(own, notes, group_name(number))
        steps += [Step("", group_name(number), heading=True), *group_steps]
        steps.append(Step("§3D1.3", f"Offense level of {group_name(number)}", None, level))
        levels.append(level)
    combined = combined_offense_level(tuple(levels))
    shares = ", ".join(
        f"{group_name(number)}: {units_text(units)}"
        for number, units in zip(groups, combined.units, strict=True)
    )
    steps.append(
        Step(
            "§3D1.4",
            f"Multiple counts: {units_text(combined.total_units)} Units ({shares}); "
            f"the most serious group is level {combined.highest}",
            combined.increase,
            combined.combined,
        )
    )
    if any(units == 0 for units in combined.units):
        notes.append(
            "§3D1.4(c): a group 9 or more levels less serious than the most serious adds no "
            "Units; it may be a reason to sentence at the higher end of the range."
        )
    return steps, [combined.highest, combined.increase], combined.combined


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
    if not edition.acceptance_additional_level:
        refusal = (
            f"§3E1.1(b) not applied: §3E1.1 of the {edition.short_title} gives 2 levels; the "
            "additional level came with Amendment 459 (Nov. 1, 1992)."
        )
    elif before < ACCEPTANCE_B_THRESHOLD:
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


@dataclass(frozen=True)
class PartBLevel:
    """An offense level Chapter Four, Part B puts in place of the one otherwise applicable
    where it is greater (§4B1.1(b), §4B1.4(b)); acceptance is then taken from it, as the
    tables' footnotes say."""

    section: str
    description: str
    level: int


def _part_b_steps(
    candidates: tuple[PartBLevel, ...], before: int, terms: list[int], notes: list[str]
) -> tuple[list[Step], list[int], int]:
    """The greatest of the offense level otherwise applicable and each Part B level."""
    if not candidates:
        return [], terms, before
    greatest = max(candidates, key=lambda c: c.level)
    applies = greatest.level > before
    steps = [
        Step(
            c.section,
            c.description,
            None,
            c.level if c is greatest and applies else before,
            applied=c is greatest and applies,
        )
        for c in candidates
    ]
    if not applies:
        notes.append(
            f"{greatest.section}: level {greatest.level} is not greater than the offense level "
            f"otherwise applicable ({before}), which stands."
        )
        return steps, terms, before
    return steps, [greatest.level], greatest.level


def offense_level(
    lines: tuple[OffenseLine, ...],
    acceptance: Acceptance,
    government_motion: bool,
    edition: Edition,
    part_b: tuple[PartBLevel, ...] = (),
) -> OffenseLevelResult:
    """The offense level through acceptance: each count group's lines, §3D1.4 for several, a
    greater level from Chapter Four, Part B (§4B1.1(b), §4B1.4(b), whose footnotes take
    acceptance from it), §3E1.1."""
    notes: list[str] = []
    steps, terms, before = _grouped_steps(lines, notes)
    part_b_steps, terms, before = _part_b_steps(part_b, before, terms, notes)
    steps += part_b_steps
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
