"""What a worksheet's fields must meet before the engine reads them, and the message when not.

One place for the case form and the JSON API, so that both refuse the same input in the same
words. Each check returns the message to show, or "" when the value passes. Plain Python.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
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
COUNT_GROUP = f"Enter the count group as a whole number from 1 to {guidelines.MAX_COUNT_GROUPS}."
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


def group_clashes(lines: Iterable[tuple[str, str, str, int]]) -> dict[int, str]:
    """For (kind, guideline, group, count group) lines in order, the group message of each line
    that joins a group holding another guideline or another kind of line, by the line's index.
    A group of alternatives is one count group's: another count group may reuse its name."""
    first_of_group: dict[tuple[int, str], tuple[str, str]] = {}
    clashes = {}
    for index, (kind, guideline, group, count_group) in enumerate(lines):
        if not group or not guideline:
            continue
        first_kind, first_guideline = first_of_group.setdefault(
            (count_group, group), (kind, guideline)
        )
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


# Each citation the statute table knows, by a key that ignores spacing, dots and "§".
KNOWN_CITATIONS = {_statute_key(s.citation): s.citation for s in guidelines.STATUTE_HISTORY}


def known_statute(citation: str) -> guidelines.Statute | None:
    """The current text of a citation the table knows."""
    known = KNOWN_CITATIONS.get(_statute_key(citation))
    return guidelines.statute_by_citation(known) if known else None


def _months(n: int | None) -> str:
    return "life" if n is None else f"{n} months"


@dataclass(frozen=True)
class CountLimits:
    """A count's limits, blanks filled from the statute as it stood on the offense date (the
    maximum else life, the minimum else 0), and what is wrong with them, by field."""

    maximum_months: int | None
    minimum_months: int
    problems: tuple[tuple[str, str], ...] = ()


def count_limits(
    statute: str,
    maximum: int | None,
    minimum: int | None,
    offense_date: date | None = None,
    sentencing_date: date | None = None,
) -> CountLimits:
    """The limits of a count of ``statute``. With the offense date, the table's text then in
    force (or a later, lesser one reaching sentences not yet imposed): a provision that did not
    exist yet, a typed maximum above the statute's, or a figure another text set, is refused."""
    citation = KNOWN_CITATIONS.get(_statute_key(statute))
    if citation is None or offense_date is None:
        known = known_statute(statute) if offense_date is None else None
        if known and maximum is None:
            maximum = known.maximum_months
        if minimum is None:
            minimum = known.minimum_months if known else 0
        return CountLimits(maximum, minimum)
    text = guidelines.statute_on(citation, offense_date, sentencing_date)
    problems: list[tuple[str, str]] = []
    if text is None:
        reason = guidelines.not_in_force_reason(citation, offense_date, sentencing_date)
        if guidelines.statute_history(citation)[0].created:
            problems.append(("statute", reason))
        elif maximum is None:
            problems.append(("maximum_months", reason))
        return CountLimits(maximum, 0 if minimum is None else minimum, tuple(problems))
    reached_at_sentencing = not text.in_force_on(offense_date)
    values = {"maximum_months": maximum, "minimum_months": minimum}
    for name, typed in values.items():
        if typed is None:
            values[name] = getattr(text, name)
        elif problem := _against_table(name, typed, text, reached_at_sentencing):
            problems.append((name, problem))
    filled_minimum = values["minimum_months"]
    return CountLimits(
        values["maximum_months"], 0 if filled_minimum is None else filled_minimum, tuple(problems)
    )


def _against_table(
    name: str, typed: int, statute: guidelines.Statute, reached_at_sentencing: bool
) -> str:
    """A typed limit above the statutory maximum, or one another text of the statute set (a
    value filled in under another offense date), is refused; a lower one stands."""
    table = getattr(statute, name)
    what = "maximum" if name == "maximum_months" else "minimum"
    when = (
        "at sentencing (a later, lesser penalty reaching sentences not yet imposed)"
        if reached_at_sentencing
        else "on the offense date"
    )
    on_date = f"{when} {statute.citation} sets {_months(table)}"
    if name == "maximum_months" and table is not None and typed > table:
        return (
            f"Above the statutory maximum: {on_date} ({statute.enacted_by}). A higher "
            "maximum enacted after the offense cannot apply to it."
        )
    if typed == table or (name == "minimum_months" and typed == 0):
        return ""  # no minimum typed stands: the safety valve (§ 3553(f)) can lift one
    for other in guidelines.statute_history(statute.citation):
        if getattr(other, name) == typed:
            return (
                f"{_months(typed)} is the {what} of {other.citation} as the "
                f"{other.enacted_by} set it, but {on_date}: clear the field to take it "
                "from the table."
            )
    return ""


def limits_problem(maximum: int | None, minimum: int) -> str:
    if maximum is not None and minimum > maximum:
        return "The minimum cannot exceed the maximum."
    return ""
