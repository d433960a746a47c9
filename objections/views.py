from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from sentencing import selectors as case_selectors
from sentencing.guidelines.rulings import row_content
from sentencing.models import Case
from sentencing.results import saved_case_result
from sentencing.versioning import parse_version

from . import selectors, services
from .forms import ObjectionForm
from .models import Objection


def _objecting(
    worksheets: list[Case], report: Case, chosen: str | None, *, strict: bool = False
) -> Case | None:
    """The calculation whose objections are shown: the one asked for (``strict``: that one or
    none), else the one the memo argues from, else the defense's, else the first that is not
    the report."""
    others = selectors.objecting_choices(worksheets, report)
    by_id = {str(w.pk): w for w in others}
    if chosen in by_id or strict:
        return by_id.get(chosen or "")
    argued = worksheets[0].memo_calculation_id
    defense = [w for w in others if w.calculation_role == Case.Role.DEFENSE]
    return by_id.get(str(argued)) or (defense or others or [None])[0]


def _page_url(case: Case, objecting: Case) -> str:
    url = reverse("objections:objections", args=[case.pk])
    return f"{url}?calculation={objecting.pk}"


@login_required
def objections_page(request, case_pk: int):
    """Each row where a calculation differs from the report's, with its objection and the
    court's ruling; the court's calculation as the rulings leave it."""
    case = case_selectors.case_for(request.user, case_pk)
    worksheets = case_selectors.calculations_of(case)
    report = selectors.report_of(worksheets)
    objecting = _objecting(worksheets, report, request.GET.get("calculation"))
    objections = list(selectors.objections_of(case))
    court = selectors.court_of(worksheets)
    context = {
        "case": case,
        "report": report,
        "objecting": objecting,
        "choices": selectors.objecting_choices(worksheets, report),
        "rows": selectors.objection_rows(report, objecting, objections) if objecting else [],
        "stale": selectors.stale_objections(report, objecting, objections) if objecting else [],
        "court": court,
        "court_result": saved_case_result(court) if court else None,
        "report_result": saved_case_result(report),
        "objecting_result": saved_case_result(objecting) if objecting else None,
        "sustained": sum(o.ruling == Objection.Ruling.SUSTAINED for o in objections),
    }
    return render(request, "objections/objections.html", context)


def _objection_row(case: Case, request_data, objecting_pk: str):
    """The worksheets and the row an objection is made to, from the page's query or post."""
    worksheets = case_selectors.calculations_of(case)
    report = selectors.report_of(worksheets)
    objecting = _objecting(worksheets, report, objecting_pk, strict=True)
    if objecting is None:
        raise Http404("No such calculation of this case.")
    objections = list(selectors.objections_of(case))
    for row in selectors.objection_rows(report, objecting, objections):
        ref = row.ref
        asked = (request_data.get("kind"), request_data.get("key"), request_data.get("occurrence"))
        if asked == (ref.kind, ref.key, str(ref.occurrence)):
            return report, objecting, row
    raise Http404("The two calculations do not differ on that row (any longer).")


@login_required
def objection_create(request, case_pk: int):
    case = case_selectors.case_for(request.user, case_pk)
    data = request.POST if request.method == "POST" else request.GET
    if "kind" not in data:  # no row named: the rows to choose from
        return redirect("objections:objections", case_pk=case.pk)
    report, objecting, row = _objection_row(case, data, data.get("calculation", ""))
    if row.objection is not None:
        if request.method != "POST":
            return redirect("objections:objection_edit", case_pk=case.pk, pk=row.objection.pk)
        # Someone objected to this row meanwhile (another tab, a second click): nothing saved,
        # their objection on screen with what this editor typed, to review and save again.
        return _render_edit(request, row.objection, _typed(request.POST, row.objection), 409)
    form = ObjectionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.objection_save(
                user=request.user,
                case=case,
                calculation=objecting,
                against=report,
                ref=row.ref,
                subject=services.subject_of(
                    row.row,
                    objecting=objecting.calculation_title,
                    report=services.report_name(report),
                ),
                content=row_content(row.row),
                fields=form.values(),
            )
        except IntegrityError:  # the same row, saved by another request this instant
            existing = selectors.objection_rows(report, objecting, selectors.objections_of(case))
            mine = next(r.objection for r in existing if r.ref == row.ref and r.objection)
            return _render_edit(request, mine, _typed(request.POST, mine), 409)
        messages.success(request, "Saved the objection.")
        return redirect(_page_url(case, objecting))
    context = {
        "case": case,
        "form": form,
        "report": report,
        "objecting": objecting,
        "row": row,
        "subject": services.subject_of(
            row.row,
            objecting=objecting.calculation_title,
            report=services.report_name(report),
        ),
    }
    return render(
        request, "objections/objection_form.html", context, status=400 if form.errors else 200
    )


def _typed(data, objection: Objection) -> dict:
    """What this editor typed, sent back against the objection as it now stands."""
    return {**data.dict(), "version": str(objection.version)}


def _render_edit(request, objection: Objection, data, status: int):
    conflict = (
        "Someone else saved this objection while you were editing. What they saved is here; "
        "the fields below hold what you typed. Saving again saves what you see."
    )
    context = _edit_context(ObjectionForm(data, instance=objection))
    context |= {"conflict": conflict, "theirs": objection}
    return render(request, "objections/objection_form.html", context, status=status)


def _edit_context(form: ObjectionForm) -> dict:
    objection = form.instance
    return {
        "case": objection.case,
        "form": form,
        "objection": objection,
        "report": objection.against,
        "objecting": objection.calculation,
        "subject": objection.subject,
    }


@login_required
def objection_edit(request, case_pk: int, pk: int):
    objection = selectors.objection_for(request.user, case_pk, pk)
    posted = request.method == "POST"
    form = ObjectionForm(request.POST if posted else None, instance=objection)
    if posted and form.is_valid():
        try:
            services.objection_save(
                user=request.user,
                case=objection.case,
                calculation=objection.calculation,
                against=objection.against,
                ref=objection.ref,
                subject=objection.subject,
                fields=form.values(),
                objection=objection,
                loaded_version=parse_version(request.POST.get("version")),
            )
        except services.EditConflict:
            current = selectors.objection_for(request.user, case_pk, pk)
            return _render_edit(request, current, _typed(request.POST, current), 409)
        messages.success(request, "Saved the objection.")
        return redirect(_page_url(objection.case, objection.calculation))
    status = 400 if form.errors else 200
    return render(request, "objections/objection_form.html", _edit_context(form), status=status)


@login_required
@require_POST
def court_calculation(request, case_pk: int):
    """Builds (or brings up to date) the court's calculation from the rulings."""
    case = case_selectors.case_for(request.user, case_pk)
    report = selectors.report_of(case_selectors.calculations_of(case))
    court = services.court_calculation_build(user=request.user, case=case, report=report)
    messages.success(request, f"The {court.calculation_title} calculation follows the rulings.")
    compare = reverse("sentencing:calculation_compare", args=[case.pk])
    return redirect(f"{compare}?left={report.pk}&right={court.pk}")
