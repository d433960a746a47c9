"""Zones A–D of the Sentencing Table (Ch. 5 Pt. A; used by §§5B1.1 and 5C1.1), fixed by
the minimum of the guideline range.

Each regime is data: the largest range minimum that still falls in Zone B and in Zone C.
A minimum of 0 is always Zone A; anything above Zone C (and life) is Zone D.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .table import SentencingRange

if TYPE_CHECKING:
    from .editions import Edition


@dataclass(frozen=True)
class ZoneRegime:
    key: str
    source: str
    zone_b_max_minimum: int
    zone_c_max_minimum: int
    lettered: bool = True  # False: the Manual draws no zones; the minimum alone decides


# What a range is in a Manual without zones: §§5B1.1(a) and 5C1.1(c)-(f) went by the range's
# minimum (0; 1-6; more than 6 to 10; more than 10 months) until Amendment 462 drew the zones.
NO_ZONES = "none before Nov. 1, 1992"

ZONE_REGIMES = {
    # Before Amendment 462: the same thresholds, unnamed (App. C Vol. I, 462's deleted text).
    "1989": ZoneRegime("1989", "§§5B1.1(a), 5C1.1(c)-(f) before Amendment 462", 6, 10, False),
    # Amendment 462 (Nov. 1, 1992): B = minimum 1–6 months; C = 8, 9 or 10; D = 12 or more.
    "1992": ZoneRegime("1992", "Amendment 462 (Nov. 1, 1992)", 6, 10),
    # Amendment 738 (Nov. 1, 2010): B = minimum 1–9 months; C = 10–12; D = 15 or more.
    "2010": ZoneRegime("2010", "Amendment 738 (Nov. 1, 2010)", 9, 12),
}


def zone_for_minimum(low_months: int | None, regime_key: str) -> str:
    regime = ZONE_REGIMES[regime_key]
    if low_months is None:  # life
        return "D"
    if low_months == 0:
        return "A"
    if low_months <= regime.zone_b_max_minimum:
        return "B"
    if low_months <= regime.zone_c_max_minimum:
        return "C"
    return "D"


def zone_for(rng: SentencingRange, edition: "Edition") -> str:
    """The zone of a Sentencing Table range under an edition's zone lines (Amendment 462
    until Oct. 31, 2010; Amendment 738 from Nov. 1, 2010), or ``NO_ZONES`` before 1992."""
    if not ZONE_REGIMES[edition.zone_regime].lettered:
        return NO_ZONES
    return zone_for_minimum(rng.low_months, edition.zone_regime)
