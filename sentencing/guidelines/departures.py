"""A departure (or variance) request's two outcomes: the sentence if granted and if denied.

A request stated in offense levels moves the level on the Sentencing Table and keeps the
criminal history category; one stated as a target is that sentence. Either way the statutory
limits still bind (§5G1.1 and §5G1.2, every Manual carried): without a motion under
18 U.S.C. § 3553(e) or the safety valve of § 3553(f), no request goes below a mandatory minimum
or above a statutory maximum.
"""

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import cast

from . import early_disposition
from .calculation import Calculation, calculate
from .outcome import (
    Count,
    GuidelineSentence,
    guideline_sentence,
    split_consecutive,
    statutory_limits,
)
from .table import MAX_LEVEL, MIN_LEVEL, clamp_offense_level, lookup


class Direction(StrEnum):
    DOWNWARD = "downward"
    UPWARD = "upward"


@dataclass(frozen=True)
class Extent:
    """How far: ``levels`` (1–42) or ``target_months`` (a sentence), exactly one of them."""

    levels: int | None = None
    target_months: int | None = None

    def __post_init__(self) -> None:
        if (self.levels is None) == (self.target_months is None):
            raise ValueError("Give the extent either in offense levels or as a target sentence.")
        if self.levels is not None and not 1 <= self.levels <= MAX_LEVEL - MIN_LEVEL:
            raise ValueError(
                f"A departure moves the offense level by 1 to {MAX_LEVEL - MIN_LEVEL} levels."
            )
        if self.target_months is not None and self.target_months < 0:
            raise ValueError("A target sentence cannot be negative.")


@dataclass(frozen=True)
class DepartureOutcome:
    denied: GuidelineSentence
    granted: GuidelineSentence
    granted_offense_level: int | None  # None when the extent is a target sentence
    description: str  # "Level 21 − 4 = 17, category V: 46–57 months"
    months_lower: tuple[int | None, int | None]  # (low, high) difference, denied − granted
    notes: tuple[str, ...]

    @property
    def difference(self) -> str:
        """ "24–30 months lower", "12 months higher", or "—" where life makes it no number."""
        low, high = self.months_lower
        if low is None or high is None:
            return "—"
        if low == high == 0:
            return "no difference"
        if low < 0 and high < 0:
            low, high, way = -low, -high, "higher"
        elif low >= 0 and high >= 0:
            way = "lower"
        else:
            return f"{abs(low)} months {'lower' if low > 0 else 'higher'} at the bottom, " + (
                f"{abs(high)} months {'lower' if high > 0 else 'higher'} at the top"
            )
        span = f"{low} months" if low == high else f"{min(low, high)}–{max(low, high)} months"
        return f"{span} {way}"


def _difference(
    denied: GuidelineSentence, granted: GuidelineSentence
) -> tuple[int | None, int | None]:
    def minus(a: int | None, b: int | None) -> int | None:
        return None if a is None or b is None else a - b

    return (
        minus(denied.low_months, granted.low_months),
        minus(denied.high_months, granted.high_months),
    )


def departure_outcome(
    calculation: Calculation, counts: tuple[Count, ...], direction: Direction, extent: Extent
) -> DepartureOutcome:
    """The guideline sentence if the request is granted, beside the one if it is denied."""
    direction = Direction(direction)
    denied = calculation.guideline_sentence
    limits = statutory_limits(split_consecutive(counts)[1])
    notes: list[str] = []
    if calculation.total_punishment is not None:
        notes.append(
            "Granted or denied, these are the sentences on the counts the range governs; the "
            f"consecutive terms ({calculation.total_punishment.rule}) come on top of either."
        )
    if extent.levels is not None:
        sign = -1 if direction == Direction.DOWNWARD else 1
        moved = calculation.table_offense_level + sign * extent.levels
        level = clamp_offense_level(moved)
        if level != moved:  # Ch. 5 Pt. A, comment. (n.2)
            notes.append(f"Level {moved} is treated as level {level} on the Sentencing Table.")
        rng = lookup(
            level, calculation.criminal_history_category, calculation.edition.sentencing_table
        )
        granted = guideline_sentence(rng, limits)
        operator = "−" if sign < 0 else "+"
        description = (
            f"Level {calculation.table_offense_level} {operator} {extent.levels} = {level}, "
            f"category {calculation.criminal_history_category}: {rng}"
        )
        if str(granted) != str(rng):
            description += f"; after statutory limits {granted}"
        return DepartureOutcome(
            denied, granted, level, description, _difference(denied, granted), tuple(notes)
        )
    target = cast(int, extent.target_months)  # an Extent holds levels or a target, not both
    low = max(target, limits.minimum_months)
    if limits.maximum_months is not None:
        low = min(low, limits.maximum_months)
    if low != target:
        notes.append(f"The statutory limits hold a sentence of {target} months to {low} months.")
    granted = GuidelineSentence(low, low, "", "The requested sentence.")
    description = f"A sentence of {granted}"
    return DepartureOutcome(
        denied, granted, None, description, _difference(denied, granted), tuple(notes)
    )


@dataclass(frozen=True)
class AlternativeCharge:
    """The same facts under other counts of conviction: what a different charge would give."""

    label: str  # "A plea to 8 U.S.C. § 1326(a) alone"
    counts: tuple[Count, ...]
    assumes: str = ""  # what the charge takes for granted, shown with its sentence


@dataclass(frozen=True)
class WhatIf:
    label: str
    calculation: Calculation
    assumes: str = ""

    @property
    def guideline_sentence(self) -> GuidelineSentence:
        return self.calculation.guideline_sentence


def what_if(calculation: Calculation, alternative: AlternativeCharge) -> WhatIf:
    """Recomputes the case under the same Manual, with that Manual's own worksheet
    (§1B1.11(b)(2)), and the alternative's counts."""
    changed = replace(calculation.facts, counts=tuple(alternative.counts))
    return WhatIf(alternative.label, calculate(changed, calculation.edition), alternative.assumes)


def early_disposition_decrease(
    calculation: Calculation, levels: int
) -> tuple[Calculation, DepartureOutcome]:
    """§3F1.1 (2025 Manual, Amendment 836) is a step of the calculation, not a departure: the
    motion's two outcomes are the calculation without it and with ``levels`` (1–4)."""
    facts, edition = calculation.facts, calculation.edition
    if edition.early_disposition_section != early_disposition.DECREASE:
        raise ValueError(f"The {edition.short_title} has no §3F1.1.")
    early_disposition.check_levels(levels)
    without = calculate(replace(facts, early_disposition_levels=0), edition)
    granted = calculate(replace(facts, early_disposition_levels=levels), edition)
    description = (
        f"§3F1.1: {granted.arithmetic}, category {granted.criminal_history_category}: "
        f"{granted.range}"
    )
    if str(granted.guideline_sentence) != str(granted.range):
        description += f"; after statutory limits {granted.guideline_sentence}"
    denied_sentence, granted_sentence = without.guideline_sentence, granted.guideline_sentence
    return without, DepartureOutcome(
        denied_sentence,
        granted_sentence,
        granted.table_offense_level,
        description,
        _difference(denied_sentence, granted_sentence),
        (),
    )
