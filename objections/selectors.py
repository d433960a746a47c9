"""Reads: a case's objections, and the rows of a calculation that an objection may name."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from sentencing import selectors as case_selectors
from sentencing.guidelines.rulings import RowRef, objectionable, row_content
from sentencing.guidelines.worksheet_diff import DiffRow
from sentencing.models import Case
from sentencing.results import saved_case_facts

from .models import Objection


def objections_of(case: Case) -> QuerySet[Objection]:
    """The case's objections with what the pages and the memo print of them."""
    return (
        Objection.objects.filter(case=case)
        .select_related(
            "calculation", "against", "holding__opinion__court", "holding__quoted_in__court"
        )
        .prefetch_related("holding__opinion__citations", "holding__quoted_in__citations")
    )


def objection_for(user: User, case_pk: int, pk: int) -> Objection:
    """An objection on a case of the user's own office; anything else is a 404."""
    return get_object_or_404(objections_of(case_selectors.case_for(user, case_pk)), pk=pk)


def report_of(worksheets: list[Case]) -> Case:
    """The calculation objections are made against: the presentence report's (else the case's
    own worksheet)."""
    reports = (w for w in worksheets if w.calculation_role == Case.Role.PRESENTENCE_REPORT)
    return next(reports, worksheets[0])


def court_of(worksheets: list[Case]) -> Case | None:
    """The case's "Court's ruling" calculation, if made (never the case's own worksheet)."""
    courts = (w for w in worksheets if w.is_calculation and w.calculation_role == Case.Role.COURT)
    return next(courts, None)


def objecting_choices(worksheets: list[Case], report: Case) -> list[Case]:
    """The calculations that may object to the report: all but the report and the court's."""
    return [w for w in worksheets if w.pk != report.pk and w.calculation_role != Case.Role.COURT]


@dataclass(frozen=True)
class ObjectionRow:
    """A row where the objecting calculation differs from the report's, with its objection."""

    ref: RowRef
    row: DiffRow
    objection: Objection | None


def objection_rows(
    report: Case, objecting: Case, objections: Iterable[Objection]
) -> list[ObjectionRow]:
    """Each row where ``objecting`` differs from ``report`` (both loaded with the case
    selectors' `case_queryset()`), with the objection made to it, if any."""
    made = {
        o.ref: o
        for o in objections
        if o.calculation_id == objecting.pk and o.against_id == report.pk
    }
    rows = objectionable(saved_case_facts(report), saved_case_facts(objecting))

    def made_to(ref: RowRef, row: DiffRow) -> Objection | None:
        found = made.get(ref)
        if found is not None and found.row_content and found.row_content != row_content(row):
            return None  # the row reads otherwise now: the objection was to another
        return found

    return [ObjectionRow(ref, row, made_to(ref, row)) for ref, row in rows]


def stale_objections(
    report: Case, objecting: Case, objections: Iterable[Objection]
) -> list[Objection]:
    """Objections to a row the two calculations no longer hold differently, or that reads
    otherwise now (a side edited, a row added before it): they stay on the case, shown apart,
    and decide nothing."""
    live = {r.objection.pk for r in objection_rows(report, objecting, objections) if r.objection}
    return [
        o
        for o in objections
        if o.calculation_id == objecting.pk and o.against_id == report.pk and o.pk not in live
    ]


def live_objections(
    case: Case,
    objecting: Case,
    *,
    worksheets: list[Case] | None = None,
    objections: Iterable[Objection] | None = None,
) -> list[Objection]:
    """The objections ``objecting`` (loaded with `case_queryset()`) makes to rows the report
    still holds otherwise, as they read when each was made: the ones a ruling decides. A caller
    that has the case's worksheets and objections at hand passes them."""
    by_pk = {w.pk: w for w in worksheets or case_selectors.calculations_of(case)}
    made = [
        o for o in (objections_of(case) if objections is None else objections)
        if o.calculation_id == objecting.pk
    ]  # fmt: skip
    live = []
    for against_pk in sorted({o.against_id for o in made}):
        if against_pk in by_pk:
            rows = objection_rows(by_pk[against_pk], objecting, made)
            live += [r.objection for r in rows if r.objection is not None]
    return sorted(live, key=lambda o: (o.created_at, o.pk))
