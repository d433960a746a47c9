"""A case's calculations. Today a case holds one worksheet, its own: the working calculation.
Named calculations (the presentence report's, the defense's...) join this list when cases
hold them; each is a worksheet and the engine's result for it."""

from dataclasses import dataclass

from sentencing.models import Case
from sentencing.results import CaseResult, saved_case_result

from .schemas import WorksheetIn
from .worksheet import case_worksheet

WORKING = "working"


@dataclass(frozen=True)
class NamedCalculation:
    key: str
    name: str
    worksheet: WorksheetIn
    result: CaseResult


def case_calculations(case: Case) -> list[NamedCalculation]:
    """For a case loaded with `selectors.case_queryset()`."""
    return [
        NamedCalculation(
            key=WORKING,
            name="Working calculation",
            worksheet=case_worksheet(case),
            result=saved_case_result(case),
        )
    ]


def result_data(result: CaseResult) -> dict:
    """A result as `schemas.ResultOut` reads it."""
    choice = result.choice
    if choice is None:
        return {
            "problem": result.problem,
            "applied": None,
            "at_sentencing": None,
            "at_offense": None,
            "reason": "",
            "overridden": False,
            "comparison_missing": "",
            "differing_texts": [],
        }
    return {
        "problem": "",
        "applied": choice.applied,
        "at_sentencing": choice.at_sentencing,
        "at_offense": choice.at_offense,
        "reason": choice.reason,
        "overridden": choice.overridden,
        "comparison_missing": choice.comparison_missing,
        "differing_texts": list(choice.differing_texts),
    }
