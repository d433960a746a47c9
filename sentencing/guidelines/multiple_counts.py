"""§3D1.4: the combined offense level of several Groups of Closely Related Counts.

Which counts group together (§3D1.2) and each Group's offense level (§3D1.3) are the
worksheet's: the user enters each Group's lines. This module takes the Groups' offense levels
and applies §3D1.4's Units and table, in the text of Amendment 350 (Nov. 1, 1990), unchanged
through the 2025 Manual. The 1987 text rounded a fraction of Units up; no carried Manual has it.
"""

from dataclasses import dataclass
from fractions import Fraction

# §3D1.4(a)–(c): a Group 0–4 levels less serious than the most serious counts one Unit, 5–8
# levels one-half Unit, 9 or more none.
FULL_UNIT_WITHIN = 4
HALF_UNIT_WITHIN = 8
# §3D1.4's table: the most Units (inclusive) for each increase; more than 5 Units adds 5.
_INCREASE_UP_TO = (
    (Fraction(1), 0),
    (Fraction(3, 2), 1),
    (Fraction(2), 2),
    (Fraction(3), 3),
    (Fraction(5), 4),
)
MAX_INCREASE = 5


def units_of(group_level: int, highest: int) -> Fraction:
    """The Units one Group counts for, against the most serious Group's level (§3D1.4(a)–(c))."""
    less_serious = highest - group_level
    if less_serious <= FULL_UNIT_WITHIN:
        return Fraction(1)
    if less_serious <= HALF_UNIT_WITHIN:
        return Fraction(1, 2)
    return Fraction(0)


def increase_for(units: Fraction) -> int:
    """The levels §3D1.4's table adds for a number of Units (1 or more)."""
    for most, levels in _INCREASE_UP_TO:
        if units <= most:
            return levels
    return MAX_INCREASE


@dataclass(frozen=True)
class CombinedOffenseLevel:
    highest: int  # the most serious Group's offense level
    units: tuple[Fraction, ...]  # each Group's Units, in the order the Groups were given
    increase: int
    combined: int

    @property
    def total_units(self) -> Fraction:
        return sum(self.units, Fraction(0))


def combined_offense_level(levels: tuple[int, ...]) -> CombinedOffenseLevel:
    """§3D1.4 for the Groups' offense levels; one Group is its own level (comment. (n.1))."""
    if not levels:
        raise ValueError("Combining Groups needs at least one Group.")
    highest = max(levels)
    units = tuple(units_of(level, highest) for level in levels)
    increase = increase_for(sum(units, Fraction(0))) if len(levels) > 1 else 0
    return CombinedOffenseLevel(highest, units, increase, highest + increase)


def units_text(units: Fraction) -> str:
    """1, 1½, 2½ — as the Manual writes a number of Units."""
    whole, half = divmod(units, 1)
    return f"{int(whole) or ''}{'½' if half else ''}" or "0"
