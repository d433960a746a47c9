"""Two calculations of one case side by side, for the comparison page and the API: each one's
facts and result, their rows lined up (guidelines.worksheet_diff) and the difference between
their ranges in words."""

from dataclasses import dataclass

from . import guidelines
from .guidelines.worksheet_diff import SAME, DiffRow, range_difference, worksheet_diff
from .models import Case
from .results import CaseResult, saved_case_facts, saved_case_result


@dataclass(frozen=True)
class Compared:
    worksheet: Case
    facts: guidelines.CaseFacts
    result: CaseResult

    @property
    def calculation(self) -> guidelines.Calculation | None:
        return self.result.calculation


@dataclass(frozen=True)
class Comparison:
    left: Compared
    right: Compared
    rows: tuple[DiffRow, ...]

    @property
    def differing_rows(self) -> int:
        return sum(row.status != SAME for row in self.rows)

    @property
    def range_difference(self) -> str:
        """The right range against the left, in words; "" when either has no result."""
        left, right = self.left.calculation, self.right.calculation
        if left is None or right is None:
            return ""
        return range_difference(left.range, right.range, self.right.worksheet.calculation_title)


def compared(worksheet: Case) -> Compared:
    """For a worksheet loaded with `selectors.case_queryset()`."""
    return Compared(worksheet, saved_case_facts(worksheet), saved_case_result(worksheet))


def comparison(left: Case, right: Case) -> Comparison:
    """Two worksheets of one case, each loaded with `selectors.case_queryset()`."""
    a, b = compared(left), compared(right)
    return Comparison(a, b, worksheet_diff(a.facts, b.facts))


def default_pair(worksheets: list[Case]) -> tuple[Case, Case]:
    """What the comparison page opens on: the presentence report's calculation (else the
    first) against the defense's (else the next one)."""

    def first(role: str, *, other_than: Case | None = None) -> Case | None:
        return next(
            (w for w in worksheets if w.calculation_role == role and w is not other_than), None
        )

    left = first(Case.Role.PRESENTENCE_REPORT) or worksheets[0]
    right = first(Case.Role.DEFENSE, other_than=left) or next(
        (w for w in worksheets if w is not left), left
    )
    return left, right
