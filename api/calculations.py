"""A case's calculations: its own worksheet (the working calculation) and its named ones (the
presentence report's, the defense's...), each a worksheet and the engine's result for it; and
two of them compared row by row."""

from dataclasses import dataclass

from sentencing.comparison import Comparison
from sentencing.models import Case
from sentencing.results import CaseResult, saved_case_result
from sentencing.selectors import calculations_of

from .schemas import WorksheetIn
from .worksheet import case_worksheet

WORKING = "working"


@dataclass(frozen=True)
class NamedCalculation:
    id: int
    key: str  # "working" for the case's own worksheet, else the calculation's id
    name: str
    role: str
    argued: bool  # the calculation the memo argues from
    worksheet: WorksheetIn
    result: CaseResult


def case_calculations(case: Case) -> list[NamedCalculation]:
    """For a case loaded with `selectors.case_queryset()`."""
    argued = case.memo_calculation_id or case.pk
    return [
        NamedCalculation(
            id=worksheet.pk,
            key=str(worksheet.pk) if worksheet.is_calculation else WORKING,
            name=worksheet.calculation_title,
            role=worksheet.calculation_role,
            argued=worksheet.pk == argued,
            worksheet=case_worksheet(worksheet),
            result=saved_case_result(worksheet),
        )
        for worksheet in calculations_of(case)
    ]


def _row_data(kind: str, row) -> dict | None:
    if row is None:
        return None
    if kind in ("offense line", "offense-date line"):
        return {
            "guideline": row.section,
            "description": row.description,
            "levels": row.levels,
            "kind": row.kind,
            "group": row.group,
            "count_group": row.count_group,
        }
    if kind == "prior sentence":
        return {"description": row.description, "subsection": row.subsection}
    if kind == "finding":
        return {"finding": row.key, "label": row.label, "value": row.shown}
    return {
        "statute": row.statute,
        "maximum_months": row.maximum_months,
        "minimum_months": row.minimum_months,
    }


def comparison_data(compared: Comparison) -> dict:
    """A comparison as `schemas.ComparisonOut` reads it."""

    def side(one) -> dict:
        name = one.worksheet.calculation_title
        return {"id": one.worksheet.pk, "name": name, "result": result_data(one.result)}

    return {
        "left": side(compared.left),
        "right": side(compared.right),
        "range_difference": compared.range_difference,
        "rows": [
            {
                "kind": row.kind,
                "status": row.status,
                "left": _row_data(row.kind, row.left),
                "right": _row_data(row.kind, row.right),
            }
            for row in compared.rows
        ],
    }


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
        "fine": result.fine,
        "special_assessment": result.assessment,
        "supervised_release": result.supervised_release,
    }
