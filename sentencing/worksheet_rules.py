"""What a worksheet's fields must meet before the engine reads them, and the message when not.

One place for the case form and the JSON API, so that both refuse the same input in the same
words. Each check returns the message to show, or "" when the value passes. Plain Python.
"""

import re
from collections.abc import Iterable
from datetime import date

from . import guidelines
from .guidelines.sections import SECTION, section_family

# The Sentencing Table stops at level 43 (U.S.S.G. Ch. 5 Pt. A): a single worksheet line larger
# than that is a typing error, not a calculation.
MAX_LINE_LEVELS = 43
# The case's notes print on its page and in its history: ample for notes, bounded for the page.
MAX_NOTES = 10_000
# Rows of each kind a worksheet takes. Every row prints in the memo's computation (and counts in
# its table of authorities): 25 keeps the largest memo the forms allow to a few seconds' export.
MAX_ROWS = 25
# Sections the worksheet takes elsewhere than as a line: the early disposition motion is applied
# after acceptance (§1B1.1(a)(5), 2025 Manual) or as a departure (§5K3.1).
NOT_A_LINE = {"3F1.1", "5K3.1"}
BASE = "base"

NEGATIVE_POINTS = "Criminal history points cannot be negative."
UNKNOWN_CATEGORY = "Criminal history category must be one of I–VI."
TOO_MANY_ROWS = f"Enter at most {MAX_ROWS} rows of each kind."


def normalized_group(text: str) -> str:
    """ "§ 2L1.2(b) " and "2L1.2(b)" name one group: no spaces, no leading section sign."""
    return re.sub(r"\s+", "", text).lstrip("§")


def guideline_problem(guideline: str) -> str:
    if SECTION.search(guideline) and section_family(guideline) in NOT_A_LINE:
        return (
            "Enter the early disposition (fast-track) decrease as the government's motion "
            "under Early disposition motion, not as a line: it applies after acceptance "
            "(§3F1.1) or as a departure (§5K3.1)."
        )
    return ""


def levels_problem(kind: str, levels: int) -> str:
    if kind == BASE and not 1 <= levels <= 43:
        # Base offense levels in Chapter 2 run from 1 to 43 (U.S.S.G. Ch. 5 Pt. A).
        return "A base offense level must be between 1 and 43."
    if abs(levels) > MAX_LINE_LEVELS:
        return "A line adds or subtracts at most 43 levels."
    return ""


def group_problem(kind: str, guideline: str, group: str) -> str:
    """A line's group (already normalized) against its own kind and guideline."""
    if not group:
        return ""
    if kind == BASE:
        return (
            "A base offense level is not one of a group of alternatives: leave the group "
            "blank (groups are for specific offense characteristics and adjustments)."
        )
    if guideline and SECTION.search(group) and SECTION.search(guideline):
        named, applied = section_family(group), section_family(guideline)
        if named != applied:
            return (
                f"Group {group} is a group of §{named}, but this line applies {guideline}: "
                "a group holds lines of one guideline only."
            )
    return ""


def group_clashes(lines: Iterable[tuple[str, str, str]]) -> dict[int, str]:
    """For (kind, guideline, group) lines in order, the group message of each line that joins
    a group holding another guideline or another kind of line, by the line's index."""
    first_of_group: dict[str, tuple[str, str]] = {}
    clashes = {}
    for index, (kind, guideline, group) in enumerate(lines):
        if not group or not guideline:
            continue
        first_kind, first_guideline = first_of_group.setdefault(group, (kind, guideline))
        if (first_kind, first_guideline) == (kind, guideline):
            continue
        if section_family(guideline) != section_family(first_guideline):
            clashes[index] = (
                f"Group {group} already holds {first_guideline}, and this line applies "
                f"{guideline}: only lines of one guideline are alternatives. Give this line "
                "a group of its own, or none."
            )
        elif kind != first_kind:
            clashes[index] = (
                f"Group {group} already holds {first_guideline} as another kind of line: "
                "the lines of a group are all of one kind."
            )
    return clashes


def notes_problem(notes: str) -> str:
    # Checked on the server, not by a maxlength in the page: a browser would cut a paste short.
    if len(notes) > MAX_NOTES:
        return f"Keep the notes within {MAX_NOTES:,} characters (they have {len(notes):,})."
    return ""


def early_disposition_problem(levels: int) -> str:
    if not 0 <= levels <= guidelines.EARLY_DISPOSITION_MAX_LEVELS:
        # §3F1.1 (2025 Manual) and §5K3.1 (2003-2024): "not more than 4 levels".
        return (
            "An early disposition decrease is not more than 4 levels (§3F1.1; §5K3.1 "
            "before Nov. 1, 2025)."
        )
    return ""


def dates_problem(offense_date: date, sentencing_date: date) -> str:
    if sentencing_date < offense_date:
        return "The sentencing date cannot be before the offense date."
    return ""


def _statute_key(citation: str) -> str:
    return re.sub(r"[\s.§]|usc", "", citation.lower().replace("u.s.c.", "usc"))


KNOWN_STATUTES = {_statute_key(statute.citation): statute for statute in guidelines.STATUTES}


def known_statute(citation: str) -> guidelines.Statute | None:
    return KNOWN_STATUTES.get(_statute_key(citation))


def count_limits(statute: str, maximum: int | None, minimum: int | None) -> tuple[int | None, int]:
    """A count's limits, a blank one taken from the statute when we carry it: the maximum
    (else life) and the minimum (else 0)."""
    known = known_statute(statute)
    if known and maximum is None:
        maximum = known.maximum_months
    if minimum is None:
        minimum = known.minimum_months if known else 0
    return maximum, minimum


def limits_problem(maximum: int | None, minimum: int) -> str:
    if maximum is not None and minimum > maximum:
        return "The minimum cannot exceed the maximum."
    return ""
