"""Writes: objections, rulings, and the court's calculation that follows from the rulings."""

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from sentencing import guidelines
from sentencing.guidelines.rulings import RowRef, ruled_facts
from sentencing.guidelines.worksheet_diff import DiffRow
from sentencing.models import WORKSHEET_FIELDS, Case
from sentencing.results import saved_case_facts
from sentencing.selectors import calculations_of, case_queryset
from sentencing.services import Row, case_save
from sentencing.versioning import EditConflict, claim_next_version, set_history_user

__all__ = ["EditConflict", "court_calculation_build", "objection_save", "subject_of"]

from .models import Objection
from .selectors import court_of, live_objections, objections_of

COURT_NAME = "Court's ruling"


def report_name(report: Case) -> str:
    """How an objection's subject names the calculation objected to."""
    if report.calculation_role == Case.Role.PRESENTENCE_REPORT:
        return "the report"
    return report.calculation_title


def _says(kind: str, row: Any, *, with_section: bool) -> str:
    if row is None:
        return "none"
    if kind in ("offense line", "offense-date line"):
        levels = f"{row.levels:+d}".replace("-", "\N{MINUS SIGN}")
        return f"{row.section} {levels}" if with_section else levels
    if kind == "prior sentence":
        return f"§4A1.1({row.subsection})"
    maximum = "life" if row.maximum_months is None else f"{row.maximum_months} months"
    return f"maximum {maximum}, minimum {row.minimum_months} months"


def subject_of(row: DiffRow, *, objecting: str, report: str = "the report") -> str:
    """The row objected to, as both sides have it: "§3C1.2: the report +2, Defense none", or
    for two alternatives of one group, "§2L1.2(b)(2): the report §2L1.2(b)(2)(B) +8, Defense
    §2L1.2(b)(2)(C) +6". ``report`` names the calculation objected to when it is not the
    presentence report's."""
    if row.kind == "finding":
        return f"{row.left.label}: {report} {row.left.shown}, {objecting} {row.right.shown}"[:400]
    either = row.left if row.left is not None else row.right
    what = {
        "offense line": "section",
        "offense-date line": "section",
        "prior sentence": "description",
        "count": "statute",
    }
    name = str(getattr(either, what[row.kind]))
    alternatives = (
        row.kind in ("offense line", "offense-date line")
        and row.left is not None
        and row.right is not None
        and row.left.section != row.right.section
    )
    if alternatives:
        name = f"“{either.group}” group"
    if row.kind in ("offense line", "offense-date line") and either.count_group != 1:
        name = f"{name} (count group {either.count_group})"
    left = _says(row.kind, row.left, with_section=alternatives)
    right = _says(row.kind, row.right, with_section=alternatives)
    return f"{name}: {report} {left}, {objecting} {right}"[:400]


@transaction.atomic
def objection_save(
    *,
    user: User,
    case: Case,
    calculation: Case,
    against: Case,
    ref: RowRef,
    subject: str,
    fields: Mapping[str, Any],
    content: str = "",
    objection: Objection | None = None,
    loaded_version: int | None = None,
) -> Objection:
    """Saves an objection by ``calculation`` to a row of ``against`` (both calculations of
    ``case``): its paragraph, ground, argument, holding and ruling. ``content`` is the row as
    both sides have it (`rulings.row_content`). An existing objection is saved only if it is
    still at ``loaded_version``; otherwise EditConflict is raised and nothing changes."""
    for worksheet in (calculation, against):
        if worksheet.case_pk != case.pk:
            raise ValueError(f"{worksheet.calculation_title} is not a calculation of {case}.")
    if objection is None:
        objection = Objection(
            case=case,
            calculation=calculation,
            against=against,
            row_kind=ref.kind,
            row_key=ref.key,
            row_occurrence=ref.occurrence,
            subject=subject,
            row_content=content,
            created_by=user,
        )
    else:
        objection.version = claim_next_version(
            Objection, pk=objection.pk, loaded_version=loaded_version
        )
    for name, value in fields.items():
        setattr(objection, name, value)
    set_history_user(objection, user)
    objection.save()
    return objection


def _line_rows(lines: tuple[guidelines.OffenseLine, ...]) -> list[Row]:
    return [
        Row(
            values={
                "kind": line.kind,
                "guideline": line.section,
                "description": line.description,
                "levels": line.levels,
                "group": line.group,
                "count_group": line.count_group,
            }
        )
        for line in lines
    ]


def _engine_rows(facts: guidelines.CaseFacts) -> dict[str, list[Row]]:
    """A worksheet's rows as `case_save` takes them, from the engine's facts."""
    return {
        "offense_lines": _line_rows(facts.offense_lines),
        "offense_date_lines": _line_rows(facts.offense_date_lines),
        "prior_sentences": [
            Row(values={"description": prior.description, "subsection": prior.subsection})
            for prior in facts.criminal_history.prior_sentences
        ],
        "counts": [
            Row(
                values={
                    "statute": count.statute,
                    "maximum_months": count.maximum_months,
                    "minimum_months": count.minimum_months,
                }
            )
            for count in facts.counts
        ],
    }


def _finding_fields(facts: guidelines.CaseFacts) -> dict[str, Any]:
    """The case fields of the findings (acceptance, criminal history as found...), from the
    engine's facts."""
    history = facts.criminal_history
    return {
        "acceptance": facts.acceptance.value,
        "government_motion": facts.government_motion,
        "early_disposition_levels": facts.early_disposition_levels,
        "criminal_history_points": history.points,
        "criminal_history_category": history.category or "",
        "under_criminal_justice_sentence": history.under_criminal_justice_sentence,
        "recency": history.recency,
        "zero_point_offender_eligible": history.zero_point_offender_eligible,
        "career_offender": facts.career_offender,
        "safety_valve": facts.safety_valve,
        "armed_career_connection": facts.armed_career_connection,
    }


@transaction.atomic
def court_calculation_build(*, user: User, case: Case, report: Case) -> Case:
    """The court's calculation as its rulings leave it: the report's worksheet, with the
    objecting calculation's row wherever an objection to the report was sustained. Saved as the
    case's "Court's ruling" calculation (made the first time, brought up to date after)."""
    Case.objects.select_for_update().get(pk=case.pk)  # one build at a time per case
    worksheets = {w.pk: w for w in calculations_of(case_queryset().get(pk=case.pk))}
    report = worksheets[report.pk]
    facts = saved_case_facts(report)
    objections = list(objections_of(case))
    for objecting in worksheets.values():  # one objecting side after another
        live = live_objections(
            case, objecting, worksheets=list(worksheets.values()), objections=objections
        )
        refs = {
            objection.ref
            for objection in live
            if objection.against_id == report.pk and objection.ruling == Objection.Ruling.SUSTAINED
        }
        if refs:
            facts = ruled_facts(facts, saved_case_facts(objecting), refs)
    court = court_of(list(worksheets.values()))
    fields = {name: getattr(report, name) for name in WORKSHEET_FIELDS}
    fields |= _finding_fields(facts) | {"calculation_role": Case.Role.COURT}
    if court is None:
        fields["calculation_name"] = COURT_NAME
    return case_save(
        user=user,
        office=case.office,
        case=court,
        calculation_of=case if court is None else None,
        loaded_version=court.version if court else None,
        fields=fields,
        **_engine_rows(facts),
    )
