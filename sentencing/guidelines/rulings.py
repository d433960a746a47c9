"""The court's calculation from its rulings on objections to the presentence report.

An objection names a row of the comparison between the report's worksheet and the objecting
side's (worksheet_diff): an offense line, prior sentence or count that one has and the other
has otherwise or not at all, or a finding they make differently (acceptance, the criminal
history category as found...). Where the court sustains the objection, the objecting side's row
stands (added, changed or taken out); where it overrules or has not ruled, the report's row
stands (Fed. R. Crim. P. 32(i)(3)(B): the court rules on each disputed portion). Pure.
"""

import dataclasses
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

from .calculation import CaseFacts
from .worksheet_diff import FINDINGS, SAME, DiffRow, row_key, worksheet_diff


@dataclass(frozen=True)
class RowRef:
    """A row of the comparison as an objection names it: its kind, what it is lined up by,
    and which of the rows with that key it is (0 for the first), e.g. the second §3C1.1 line."""

    kind: str  # "offense line", "offense-date line", "prior sentence", "count", "finding"
    key: str
    occurrence: int = 0


def row_content(row: DiffRow) -> str:
    """Both sides of a row of the comparison, as an objection to it records them: an objection
    whose row no longer reads so (a row added before it, a side edited) no longer decides it."""
    return f"{row.left!r} | {row.right!r}"


def row_refs(rows: Sequence[DiffRow]) -> tuple[RowRef, ...]:
    """One reference per row of the comparison, in its order."""
    seen: dict[tuple[str, str], int] = {}
    refs = []
    for row in rows:
        kind_key = (row.kind, row_key(row))
        refs.append(RowRef(row.kind, kind_key[1], seen.get(kind_key, 0)))
        seen[kind_key] = seen.get(kind_key, 0) + 1
    return tuple(refs)


def objectionable(report: CaseFacts, objecting: CaseFacts) -> tuple[tuple[RowRef, DiffRow], ...]:
    """The rows where the objecting side's worksheet differs from the report's, each with the
    reference an objection to it records."""
    rows = worksheet_diff(report, objecting)
    pairs = zip(row_refs(rows), rows, strict=True)
    return tuple((ref, row) for ref, row in pairs if row.status != SAME)


def _history(facts: CaseFacts, **changes: Any) -> CaseFacts:
    return dataclasses.replace(
        facts, criminal_history=dataclasses.replace(facts.criminal_history, **changes)
    )


# How a sustained objection to a finding (worksheet_diff.FINDINGS) takes the objecting value.
TAKE_FINDING: dict[str, Callable[[CaseFacts, CaseFacts], CaseFacts]] = {
    "acceptance": lambda to, src: dataclasses.replace(
        to, acceptance=src.acceptance, government_motion=src.government_motion
    ),
    "early disposition": lambda to, src: dataclasses.replace(
        to, early_disposition_levels=src.early_disposition_levels
    ),
    "criminal history points": lambda to, src: _history(to, points=src.criminal_history.points),
    "criminal history category": lambda to, src: _history(
        to, category=src.criminal_history.category
    ),
    "status": lambda to, src: _history(
        to, under_criminal_justice_sentence=src.criminal_history.under_criminal_justice_sentence
    ),
    "recency": lambda to, src: _history(to, recency=src.criminal_history.recency),
    "zero-point offender": lambda to, src: _history(
        to, zero_point_offender_eligible=src.criminal_history.zero_point_offender_eligible
    ),
    "career offender": lambda to, src: dataclasses.replace(to, career_offender=src.career_offender),
    "safety valve": lambda to, src: dataclasses.replace(to, safety_valve=src.safety_valve),
    "armed career connection": lambda to, src: dataclasses.replace(
        to, armed_career_connection=src.armed_career_connection
    ),
}


# One way to take each finding the comparison lines up, and no other.
assert set(TAKE_FINDING) == {key for key, _label, _words in FINDINGS}


def ruled_facts(
    report: CaseFacts, objecting: CaseFacts, sustained: Collection[RowRef]
) -> CaseFacts:
    """The report's facts with the objecting side's row (or finding: acceptance, the criminal
    history category as found...) wherever an objection to it was sustained; everything else as
    the report has it."""
    rows = worksheet_diff(report, objecting)
    kept: dict[str, list[Any]] = {
        "offense line": [],
        "offense-date line": [],
        "prior sentence": [],
        "count": [],
    }
    taken = []
    for ref, row in zip(row_refs(rows), rows, strict=True):
        if row.kind == "finding":
            if ref in sustained:
                taken.append(TAKE_FINDING[ref.key])
            continue
        chosen = row.right if ref in sustained else row.left
        if chosen is not None:
            kept[row.kind].append(chosen)
    for take in taken:
        report = take(report, objecting)
    history = dataclasses.replace(
        report.criminal_history, prior_sentences=tuple(kept["prior sentence"])
    )
    return dataclasses.replace(
        report,
        offense_lines=tuple(kept["offense line"]),
        offense_date_lines=tuple(kept["offense-date line"]),
        criminal_history=history,
        counts=tuple(kept["count"]),
    )
