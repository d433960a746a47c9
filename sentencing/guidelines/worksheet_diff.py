"""Two worksheets of one case side by side (the presentence report's and the defense's, say):
their rows lined up, what differs marked, and the difference between their ranges in words.

Rows are lined up by what they are — an offense line by its guideline section (or by its
"use the greater" group, whose lines are alternatives of one another), a prior
sentence by its description, a count by its statute — in worksheet order (difflib's longest
matching blocks), so that an objected line stands next to the line it objects to. Pure.
"""

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .calculation import CaseFacts
from .table import SentencingRange

SAME, CHANGED, ONLY_LEFT, ONLY_RIGHT = "same", "changed", "only left", "only right"


@dataclass(frozen=True)
class DiffRow:
    kind: str  # "offense line", "offense-date line", "prior sentence", "count", "finding"
    left: Any  # the engine's row (OffenseLine, PriorSentence, Count), or None
    right: Any
    status: str


def _line_key(row: Any) -> str:
    # Alternatives of one "use the greater" group are one question: (b)(2)(B) against (b)(2)(C).
    key = f"group {row.group}" if row.group else str(row.section)
    # A line of another count group (§3D1.2) is another question, though of the same section.
    return key if row.count_group == 1 else f"count group {row.count_group}: {key}"


def _prior_key(row: Any) -> str:
    return " ".join(str(row.description).lower().split())


def _count_key(row: Any) -> str:
    return " ".join(str(row.statute).lower().split())


def _aligned(
    kind: str, left: Sequence[Any], right: Sequence[Any], key: Callable[[Any], str]
) -> list[DiffRow]:
    matcher = difflib.SequenceMatcher(
        a=[key(r) for r in left], b=[key(r) for r in right], autojunk=False
    )
    rows: list[DiffRow] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for a, b in zip(left[i1:i2], right[j1:j2], strict=True):
                rows.append(DiffRow(kind, a, b, SAME if a == b else CHANGED))
            continue
        rows += [DiffRow(kind, a, None, ONLY_LEFT) for a in left[i1:i2]]
        rows += [DiffRow(kind, None, b, ONLY_RIGHT) for b in right[j1:j2]]
    return rows


@dataclass(frozen=True)
class Finding:
    """A finding of a worksheet that is not one of its rows (acceptance, the criminal history
    category as found...), in words, for a row of the comparison."""

    key: str
    label: str
    shown: str


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _acceptance(facts: CaseFacts) -> str:
    levels = {"none": "none", "2": "2 levels (§3E1.1(a))", "3": "3 levels (§3E1.1(a) and (b))"}
    motion = ", on the government's motion" if facts.government_motion else ""
    return levels[facts.acceptance.value] + motion


# The findings a party may dispute besides the rows, each with the objecting side's value as
# a sustained objection takes it (sentencing.guidelines.rulings).
FINDINGS: tuple[tuple[str, str, Callable[[CaseFacts], str]], ...] = (
    ("acceptance", "Acceptance of responsibility", _acceptance),
    (
        "early disposition",
        "Early disposition motion (levels)",
        lambda f: str(f.early_disposition_levels),
    ),
    (
        "criminal history points",
        "Criminal history points, as entered",
        lambda f: (
            "not entered" if f.criminal_history.points is None else str(f.criminal_history.points)
        ),
    ),
    (
        "criminal history category",
        "Criminal history category, as found",
        lambda f: f.criminal_history.category or "from points",
    ),
    (
        "status",
        "Under a criminal justice sentence at the offense",
        lambda f: _yes(f.criminal_history.under_criminal_justice_sentence),
    ),
    ("recency", "Recency", lambda f: _yes(f.criminal_history.recency)),
    (
        "zero-point offender",
        "Zero-point offender (§4C1.1) criteria met",
        lambda f: _yes(f.criminal_history.zero_point_offender_eligible),
    ),
    ("career offender", "Career offender (§4B1.1)", lambda f: _yes(f.career_offender)),
    ("safety valve", "Safety valve (§5C1.2)", lambda f: _yes(f.safety_valve)),
    (
        "armed career connection",
        "Armed career criminal's firearm in connection with a crime of violence or drug offense",
        lambda f: _yes(f.armed_career_connection),
    ),
)


def _findings(left: CaseFacts, right: CaseFacts) -> list[DiffRow]:
    """The findings the two worksheets make differently (the same ones are not rows)."""
    rows = []
    for key, label, words in FINDINGS:
        a, b = Finding(key, label, words(left)), Finding(key, label, words(right))
        if a != b:
            rows.append(DiffRow("finding", a, b, CHANGED))
    return rows


ROW_KEYS: dict[str, Callable[[Any], str]] = {
    "offense line": _line_key,
    "offense-date line": _line_key,
    "prior sentence": _prior_key,
    "count": _count_key,
    "finding": lambda finding: str(finding.key),
}


def row_key(row: DiffRow) -> str:
    """What the row is lined up by (its section, description or statute)."""
    return ROW_KEYS[row.kind](row.left if row.left is not None else row.right)


def worksheet_diff(left: CaseFacts, right: CaseFacts) -> tuple[DiffRow, ...]:
    """Every row of both worksheets, once, lined up: offense lines (and those of the worksheet
    under the Manual at the offense date), prior sentences, counts;
    then each finding (acceptance, criminal history as found...) they make differently."""
    return tuple(
        _aligned("offense line", left.offense_lines, right.offense_lines, _line_key)
        # §1B1.11(b)(2): the worksheet under the Manual at the offense date, where entered.
        + _aligned(
            "offense-date line", left.offense_date_lines, right.offense_date_lines, _line_key
        )
        + _aligned(
            "prior sentence",
            left.criminal_history.prior_sentences,
            right.criminal_history.prior_sentences,
            _prior_key,
        )
        + _aligned("count", left.counts, right.counts, _count_key)
        + _findings(left, right)
    )


def _months(n: int) -> str:
    return f"{n} month{'s' if n != 1 else ''}"


def _bound(name: str, left: int | None, right: int | None) -> str:
    if left == right:
        return f"the same {name}"
    if right is None:
        return f"a {name} of life (against {_months(left)})" if left is not None else ""
    if left is None:
        return f"a {name} of {_months(right)} (against life)"
    gap = right - left
    return f"a {name} {_months(abs(gap))} {'higher' if gap > 0 else 'lower'}"


def range_difference(left: SentencingRange, right: SentencingRange, right_name: str) -> str:
    """The right range against the left, in words: "The Defense range is 14 months lower at
    its minimum and 18 months lower at its maximum." Life is named, not counted."""
    if left == right:
        return f"The {right_name} range is the same."
    low = _bound("minimum", left.low_months, right.low_months)
    high = _bound("maximum", left.high_months, right.high_months)
    return f"The {right_name} range has {low} and {high}."
