"""The government's early disposition ("fast-track") motion, by Manual.

- From the 2025 Manual: §3F1.1 (Amendment 836), a decrease of "not more than 4 levels" on the
  government's motion, applied with acceptance at §1B1.1(a)(5) — after §3E1.1, so it never
  lowers the level §3E1.1(b) reads ("prior to the operation of subsection (a)").
- Oct. 27, 2003 to Oct. 31, 2025: §5K3.1 (Amendment 651), a downward departure of "not more
  than 4 levels": the range stands, and the departure is shown beside it.
- Before: the Manual has no such provision.
"""

from dataclasses import dataclass

from .editions import Edition
from .outcome import GuidelineSentence, StatutoryLimits, guideline_sentence
from .table import SentencingRange, clamp_offense_level, lookup

MAX_LEVELS = 4  # §3F1.1 (2025), §5K3.1 (2003-2024): "not more than 4 levels"
DECREASE = "§3F1.1"
DEPARTURE = "§5K3.1"


def check_levels(levels: int) -> None:
    if isinstance(levels, bool) or not isinstance(levels, int) or not 0 <= levels <= MAX_LEVELS:
        raise ValueError(
            f"An early disposition motion is for 1 to {MAX_LEVELS} levels (§3F1.1; §5K3.1 "
            f"before Nov. 1, 2025), not {levels!r}."
        )


@dataclass(frozen=True)
class EarlyDisposition:
    """The motion under the Manual applied. For §5K3.1, the departure if the court grants it."""

    section: str  # "§3F1.1", "§5K3.1", or "" when the Manual has no provision
    levels: int
    offense_level_if_granted: int | None = None  # §5K3.1 only
    range_if_granted: SentencingRange | None = None
    sentence_if_granted: GuidelineSentence | None = None
    note: str = ""


def as_departure(
    levels: int, edition: Edition, table_level: int, category: str, limits: StatutoryLimits
) -> EarlyDisposition:
    """A motion under a Manual without §3F1.1: the §5K3.1 departure, or why there is none."""
    if edition.early_disposition_section != DEPARTURE:
        return EarlyDisposition(
            "",
            levels,
            note=(
                f"Early disposition motion not applied: the {edition.short_title} has no early "
                "disposition provision (§5K3.1 began Oct. 27, 2003, Amendment 651)."
            ),
        )
    level = clamp_offense_level(table_level - levels)
    rng = lookup(level, category, edition.sentencing_table)
    sentence = guideline_sentence(rng, limits)
    return EarlyDisposition(
        DEPARTURE,
        levels,
        level,
        rng,
        sentence,
        note=(
            f"§5K3.1: on the government's motion the court may depart downward not more than "
            f"{MAX_LEVELS} levels; the range above is before it. If the {levels}-level "
            f"departure is granted: level {table_level} − {levels} = {level}, category "
            f"{category}: {sentence}."
        ),
    )
