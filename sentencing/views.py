from collections.abc import Mapping

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from offices.selectors import office_of, require_membership

from . import guidelines, history, selectors, services
from .comparison import comparison, default_pair
from .conflicts import merged_after_conflict, posted_version
from .drug_picker import DrugInput, drug_lines_for
from .forms import CaseWorksheet, NewCalculationForm
from .models import Case, OffenseDateLine
from .picker import (
    OFFENSE_DATE,
    offense_date_picker_for,
    offense_date_picker_for_form,
    picker_for,
    picker_for_form,
)
from .posted_worksheet import read_posted
from .results import saved_case_result
from .services import EditConflict, case_save
from .summaries import summaries
from .theft_fraud_picker import TheftFraudInput, theft_fraud_lines_for

CASES_PER_PAGE = 50  # a stale row runs the engine (summaries.py): a long list is paged


@login_required
def case_list(request):
    page = Paginator(selectors.case_rows_for(request.user), CASES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    rows = summaries(page)
    return render(request, "sentencing/case_list.html", {"rows": rows, "page": page})


@login_required
def case_detail(request, pk: int):
    case = selectors.case_for(request.user, pk)
    worksheets = selectors.calculations_of(case)
    calculations = [(w, saved_case_result(w)) for w in worksheets]
    context = {
        "case": case,
        "result": calculations[0][1],  # the case's own worksheet
        "calculations": calculations,
        "argued_pk": case.memo_calculation_id or case.pk,
        "new_calculation": NewCalculationForm(worksheets=worksheets),
    }
    return render(request, "sentencing/case_detail.html", context)


@login_required
def calculation_create(request, case_pk: int):
    """A new named calculation of the case, copied from one of its calculations."""
    case = selectors.case_for(request.user, case_pk)
    worksheets = selectors.calculations_of(case)
    form = NewCalculationForm(_posted(request), worksheets=worksheets)
    if request.method == "POST" and form.is_valid():
        made = services.calculation_create(
            user=request.user,
            case=case,
            source=form.source_worksheet(),
            name=form.cleaned_data["name"],
            role=form.cleaned_data["role"],
        )
        messages.success(request, f"Added the {made.calculation_title} calculation.")
        return redirect("sentencing:calculation_edit", case_pk=case.pk, pk=made.pk)
    status = 400 if form.is_bound else 200
    context = {"case": case, "new_calculation": form}
    return render(request, "sentencing/calculation_new.html", context, status=status)


@login_required
def calculation_delete(request, case_pk: int, pk: int):
    """Asks first (GET), then deletes a named calculation (POST)."""
    calculation = selectors.calculation_for(request.user, case_pk, pk)
    if not calculation.is_calculation:
        messages.error(request, "The case's working calculation cannot be deleted.")
    elif request.method != "POST":
        context = {"case": calculation.calculation_of, "calculation": calculation}
        return render(request, "sentencing/calculation_delete.html", context)
    else:
        services.calculation_delete(user=request.user, calculation=calculation)
        messages.success(request, f"Deleted the {calculation.calculation_title} calculation.")
    return redirect("sentencing:case_detail", pk=case_pk)


@login_required
@require_POST
def calculation_argued(request, case_pk: int, pk: int):
    """Marks the calculation the memo argues from."""
    case = selectors.case_for(request.user, case_pk)
    calculation = selectors.calculation_for(request.user, case_pk, pk)
    services.memo_calculation_set(user=request.user, case=case, calculation=calculation)
    messages.success(
        request, f"The memo argues from the {calculation.calculation_title} calculation."
    )
    return redirect("sentencing:case_detail", pk=case_pk)


@login_required
@require_GET
def calculation_compare(request, case_pk: int):
    """Two calculations of the case side by side, row by row (``?left=&right=``: their ids)."""
    case = selectors.case_for(request.user, case_pk)
    worksheets = selectors.calculations_of(case)
    by_id = {str(w.pk): w for w in worksheets}
    left, right = default_pair(worksheets)
    left = by_id.get(request.GET.get("left", ""), left)
    right = by_id.get(request.GET.get("right", ""), right)
    context = {"case": case, "worksheets": worksheets, "comparison": comparison(left, right)}
    return render(request, "sentencing/calculation_compare.html", context)


@login_required
def case_history(request, pk: int):
    """Who changed what and when, old and new values in words."""
    case = selectors.case_for(request.user, pk)
    return render(
        request,
        "sentencing/case_history.html",
        {"case": case, "entries": history.case_history(case)},
    )


@login_required
def case_create(request):
    office = office_of(request.user)
    blank_case = Case(office=office, district=office.district)
    worksheet = CaseWorksheet(_posted(request), instance=blank_case)
    if request.method == "POST" and worksheet.is_valid():
        case = case_save(user=request.user, office=office, **worksheet.data_to_save())
        messages.success(request, f"Saved {case}.")
        return redirect("sentencing:case_detail", pk=case.pk)
    return _render_form(request, worksheet, case=None)


@login_required
def case_edit(request, pk: int):
    return _edit(request, selectors.case_for(request.user, pk))


@login_required
def calculation_edit(request, case_pk: int, pk: int):
    """A named calculation on the case form: its own worksheet under the case's caption."""
    return _edit(request, selectors.calculation_for(request.user, case_pk, pk))


def _edit(request, case: Case):
    if request.method == "POST" and posted_version(request.POST) != case.version:
        return _render_conflict(request, case)  # saved by someone else since it was loaded
    worksheet = CaseWorksheet(_posted(request), instance=case)
    if request.method == "POST" and worksheet.is_valid():
        try:
            case_save(
                user=request.user,
                office=case.office,
                case=case,
                loaded_version=worksheet.loaded_version(),
                **worksheet.data_to_save(),
            )
        except EditConflict:
            return _render_conflict(request, case)
        saved = f"the {case.calculation_title} calculation" if case.is_calculation else case
        messages.success(request, f"Saved {saved}.")
        return redirect("sentencing:case_detail", pk=case.case_pk)
    return _render_form(request, worksheet, case=case)


@login_required
@require_POST
def case_recalculate(request, pk: int | None = None, case_pk: int | None = None):
    """Re-renders only the result panel from what is typed; saves nothing. The facts are read
    straight from the post; the form is built only to say what stands in the way."""
    if pk is None:
        require_membership(request.user)
        row_ids: Mapping[str, frozenset[int]] = {}
    else:
        row_ids = selectors.case_row_ids(request.user, pk, case_pk=case_pk)
    posted = read_posted(
        request.POST,
        row_ids,
        lambda: OffenseDateLine.objects.filter(case_id=pk) if pk else (),
    )
    if posted is not None:
        result = posted.result()
    else:
        if pk is None:
            case = Case(office=office_of(request.user))
        else:
            case = selectors.calculation_for(request.user, case_pk or pk, pk)
        result = CaseWorksheet(request.POST, instance=case).result()
    return render(request, "sentencing/_result_panel.html", {"result": result})


@login_required
@require_GET
def case_presets(request):
    """A §2L1.2 preset picker for the Manual the form's edition and dates point to: the main
    worksheet's, or (``worksheet=offense-date``) the offense-date worksheet's."""
    if request.GET.get("worksheet") == OFFENSE_DATE:
        picker = offense_date_picker_for(request.GET)
    else:
        picker = picker_for(request.GET)
    return render(request, "sentencing/_preset_picker.html", {"picker": picker})


@login_required
@require_GET
def case_theft_fraud_lines(request):
    """The §2B1.1 lines for the facts typed on the case form, under the main worksheet's Manual."""
    return _worked_lines(request, *theft_fraud_lines_for(request.GET))


@login_required
@require_GET
def case_drug_lines(request):
    """The §2D1.1 lines for the drugs typed on the case form, under the main worksheet's Manual."""
    return _worked_lines(request, *drug_lines_for(request.GET))


def _worked_lines(request, facts, found):
    context = {"facts": facts, "picker": found.picker, "notes": found.notes}
    return render(request, "sentencing/_worked_lines.html", context)


def _posted(request):
    """The submitted data, or None for a GET: an empty POST is still a submission to check."""
    return request.POST if request.method == "POST" else None


def _render_form(request, worksheet: CaseWorksheet, *, case: Case | None, status=200, **extra):
    if case is None:
        recalculate_url, cancel_url = (
            reverse("sentencing:case_recalculate_new"),
            reverse("sentencing:case_list"),
        )
    elif case.is_calculation:
        recalculate_url = reverse(
            "sentencing:calculation_recalculate", args=[case.case_pk, case.pk]
        )
        cancel_url = reverse("sentencing:case_detail", args=[case.case_pk])
    else:
        recalculate_url = reverse("sentencing:case_recalculate", args=[case.pk])
        cancel_url = reverse("sentencing:case_detail", args=[case.pk])
    context = {
        "worksheet": worksheet,
        "case": case,
        "recalculate_url": recalculate_url,
        "cancel_url": cancel_url,
        "result": worksheet.result(),
        "picker": picker_for_form(worksheet.form),
        "offense_date_picker": offense_date_picker_for_form(worksheet.form),
        "theft_fraud": TheftFraudInput(),
        "drug_facts": DrugInput(),
        "known_statutes": guidelines.STATUTES,
        **extra,
    }
    return render(request, "sentencing/case_form.html", context, status=status)


def _render_conflict(request, case: Case):
    """Nothing saved: what this editor typed, merged with what the other one saved meanwhile
    (mine where I changed a field, theirs where only they did), to review and save again."""
    current = selectors.calculation_for(request.user, case.case_pk, case.pk)
    data, report = merged_after_conflict(data=request.POST, current=current)
    return _render_form(
        request,
        CaseWorksheet(data, instance=current),
        case=current,
        status=409,
        conflict=EditConflict(current),
        differences=report.differences,
        merge_notes=report.notes,
    )
