"""Disputed facts: the range with and without each disputed row, and across every finding.

Where a party disputes a fact the presentence report scores (a +2 for a firearm, a prior
sentence), the court must rule on it or find that no ruling is needed (Fed. R. Crim. P.
32(i)(3)(B)). Until it does, each disputed row may be found or not: n disputed rows make 2^n
possible findings, each a calculation of its own under the same Manual. Pure: facts in,
calculations out.
"""

import itertools
from dataclasses import dataclass, replace
from typing import Any

from .calculation import Calculation, CaseFacts, calculate
from .editions import Edition
from .table import SentencingRange

# 2^10 = 1,024 calculations (some 60 ms for ten lines): beyond that a table of findings is
# no longer something to read, and the cost doubles with each row.
MAX_DISPUTED = 10
OFFENSE_LINE = "offense line"
PRIOR_SENTENCE = "prior sentence"
KINDS = (OFFENSE_LINE, PRIOR_SENTENCE)


@dataclass(frozen=True, order=True)
class DisputedRow:
    """A row of the worksheet, by kind and its index among the rows of that kind."""

    kind: str
    index: int

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"Unknown kind of row: {self.kind!r}.")


@dataclass(frozen=True)
class Finding:
    """One possible ruling: which disputed rows are found, and the calculation it gives."""

    found: frozenset[DisputedRow]
    calculation: Calculation


def range_order(rng: SentencingRange) -> tuple[float, float]:
    """Low bound, then high bound, in months; life is above every number of months."""
    life = float("inf")
    return (
        life if rng.low_months is None else rng.low_months,
        life if rng.high_months is None else rng.high_months,
    )


@dataclass(frozen=True)
class DisputedRange:
    """Every finding of the disputed rows (the facts as entered first: every row found), or
    why they were not computed."""

    disputed: tuple[DisputedRow, ...]
    findings: tuple[Finding, ...] = ()
    problem: str = ""

    @property
    def as_entered(self) -> Finding | None:
        """Every disputed row found: the worksheet as entered."""
        return self.findings[0] if self.findings else None

    @property
    def lowest(self) -> Finding | None:
        return min(self.findings, key=_order, default=None)

    @property
    def highest(self) -> Finding | None:
        return max(self.findings, key=_order, default=None)

    def each_left_out(self) -> tuple[tuple[DisputedRow, Any, Finding], ...]:
        """Each disputed row, the row itself, and the finding that leaves out only it."""
        if self.as_entered is None:
            return ()
        facts = self.as_entered.calculation.facts
        rows = {
            OFFENSE_LINE: facts.offense_lines,
            PRIOR_SENTENCE: facts.criminal_history.prior_sentences,
        }
        found = []
        for row in self.disputed:
            finding = self.without(row)
            if finding is not None:
                found.append((row, rows[row.kind][row.index], finding))
        return tuple(found)

    def without(self, row: DisputedRow) -> Finding | None:
        """Every disputed row found but ``row``: what sustaining that one objection gives."""
        rest = frozenset(self.disputed) - {row}
        return next((f for f in self.findings if f.found == rest), None)


def _order(finding: Finding) -> tuple[tuple[float, float], int]:
    return range_order(finding.calculation.range), finding.calculation.total_offense_level


def facts_without(facts: CaseFacts, rows: frozenset[DisputedRow]) -> CaseFacts:
    """The facts with ``rows`` left out (not found)."""
    dropped = {kind: {row.index for row in rows if row.kind == kind} for kind in KINDS}
    history = facts.criminal_history
    return replace(
        facts,
        offense_lines=tuple(
            line for i, line in enumerate(facts.offense_lines) if i not in dropped[OFFENSE_LINE]
        ),
        criminal_history=replace(
            history,
            prior_sentences=tuple(
                prior
                for i, prior in enumerate(history.prior_sentences)
                if i not in dropped[PRIOR_SENTENCE]
            ),
        ),
    )


def disputed_range(
    facts: CaseFacts, disputed: frozenset[DisputedRow], edition: Edition
) -> DisputedRange:
    """Every finding of the ``disputed`` rows of ``facts`` under ``edition``."""
    rows = tuple(sorted(disputed))
    sizes = {
        OFFENSE_LINE: len(facts.offense_lines),
        PRIOR_SENTENCE: len(facts.criminal_history.prior_sentences),
    }
    for row in rows:
        if not 0 <= row.index < sizes[row.kind]:
            raise ValueError(f"The worksheet has no {row.kind} {row.index + 1}.")
    if len(rows) > MAX_DISPUTED:
        return DisputedRange(
            disputed=rows,
            problem=(
                f"{len(rows)} rows are marked disputed: the range across them is worked out "
                f"for at most {MAX_DISPUTED} ({2**MAX_DISPUTED:,} possible findings). Unmark "
                "the rows no longer in dispute."
            ),
        )
    findings = []
    # Every row found first, then ever fewer: the worksheet as entered comes first.
    for dropped_count in range(len(rows) + 1):
        for dropped in itertools.combinations(rows, dropped_count):
            left_out = frozenset(dropped)
            findings.append(
                Finding(
                    found=frozenset(rows) - left_out,
                    calculation=calculate(facts_without(facts, left_out), edition),
                )
            )
    return DisputedRange(disputed=rows, findings=tuple(findings))
