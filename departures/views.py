from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from sentencing import selectors as case_selectors

from . import selectors
from .forms import DepartureRequestForm
from .outcome import case_inputs, typed_request_outcome
from .services import departure_request_delete, departure_request_submit


def _form(case, data=None, instance=None) -> DepartureRequestForm:
    result, _ = case_inputs(case)
    return DepartureRequestForm(data, instance=instance, calculation=result.calculation)


@login_required
def request_create(request, case_pk: int):
    case = case_selectors.case_for(request.user, case_pk)
    form = _form(case, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        saved = departure_request_submit(form=form, case=case, user=request.user)
        messages.success(request, f"Saved the request: {saved.ground_name}.")
        return redirect(reverse("sentencing:case_detail", args=[case.pk]) + "#departures")
    return _render_form(request, case, form, departure_request=None)


@login_required
def request_edit(request, case_pk: int, pk: int):
    case = case_selectors.case_for(request.user, case_pk)
    departure_request = selectors.request_for(case, pk)
    form = _form(
        case, request.POST if request.method == "POST" else None, instance=departure_request
    )
    if request.method == "POST" and form.is_valid():
        departure_request_submit(form=form, case=case, user=request.user)
        messages.success(request, f"Saved the request: {departure_request.ground_name}.")
        return redirect(reverse("sentencing:case_detail", args=[case.pk]) + "#departures")
    return _render_form(request, case, form, departure_request=departure_request)


@login_required
@require_POST
def request_delete(request, case_pk: int, pk: int):
    case = case_selectors.case_for(request.user, case_pk)
    departure_request = selectors.request_for(case, pk)
    departure_request_delete(request=departure_request)
    messages.success(request, f"Deleted the request: {departure_request.ground_name}.")
    return redirect(reverse("sentencing:case_detail", args=[case.pk]) + "#departures")


@login_required
@require_POST
def request_preview(request, case_pk: int):
    """Re-renders only the outcome panel from what is typed; saves nothing."""
    case = case_selectors.case_for(request.user, case_pk)
    outcome = typed_request_outcome(case=case, form=_form(case, request.POST))
    return render(request, "departures/_outcome.html", {"case": case, "outcome": outcome})


def _render_form(request, case, form, *, departure_request):
    context = {
        "case": case,
        "form": form,
        "departure_request": departure_request,
        "outcome": typed_request_outcome(case=case, form=form),
    }
    return render(request, "departures/request_form.html", context)
