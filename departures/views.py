from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from sentencing import selectors as case_selectors
from sentencing.guidelines import CaseFacts
from sentencing.models import Case
from sentencing.results import CaseResult

from . import selectors
from .forms import DepartureRequestForm
from .outcome import case_inputs, typed_request_outcome
from .services import EditConflict, departure_request_delete, departure_request_submit


@dataclass
class RequestPage:
    """A request form on its case, with the case's result computed once for the request."""

    case: Case
    result: CaseResult
    facts: CaseFacts
    form: DepartureRequestForm

    @classmethod
    def build(cls, case, data=None, instance=None) -> "RequestPage":
        result, facts = case_inputs(case)
        form = DepartureRequestForm(
            data, instance=instance, calculation=result.calculation, case=case
        )
        return cls(case, result, facts, form)

    def outcome(self):
        return typed_request_outcome(
            case=self.case, result=self.result, facts=self.facts, form=self.form
        )


def _posted(request):
    # An empty POST is still a submission (it must show its errors), so not `POST or None`.
    return request.POST if request.method == "POST" else None


def _back_to_case(case):
    return redirect(reverse("sentencing:case_detail", args=[case.pk]) + "#departures")


@login_required
def request_create(request, case_pk: int):
    case = case_selectors.case_for(request.user, case_pk)
    page = RequestPage.build(case, _posted(request))
    if request.method == "POST" and page.form.is_valid():
        saved = departure_request_submit(case=case, user=request.user, **page.form.data_to_save())
        messages.success(request, f"Saved the request: {saved.ground_name}.")
        return _back_to_case(case)
    return _render_form(request, page, departure_request=None)


@login_required
def request_edit(request, case_pk: int, pk: int):
    case = case_selectors.case_for(request.user, case_pk)
    departure_request = selectors.request_for(case, pk)
    page = RequestPage.build(case, _posted(request), instance=departure_request)
    if request.method == "POST" and page.form.is_valid():
        try:
            departure_request_submit(
                case=case,
                user=request.user,
                request=departure_request,
                **page.form.data_to_save(),
            )
        except EditConflict as conflict:
            return _render_conflict(request, case, conflict)
        messages.success(request, f"Saved the request: {departure_request.ground_name}.")
        return _back_to_case(case)
    return _render_form(request, page, departure_request=departure_request)


def _render_conflict(request, case, conflict: EditConflict):
    """Keep what this editor typed; show what the other one saved. Saving again keeps mine."""
    data = request.POST.copy()
    data["version"] = conflict.current.version
    # A bound form writes what was typed into its instance: give it a copy of its own.
    page = RequestPage.build(case, data, instance=selectors.request_for(case, conflict.current.pk))
    return _render_form(
        request, page, departure_request=conflict.current, conflict=conflict, status=409
    )


@login_required
@require_POST
def request_delete(request, case_pk: int, pk: int):
    case = case_selectors.case_for(request.user, case_pk)
    departure_request = selectors.request_for(case, pk)
    departure_request_delete(request=departure_request)
    messages.success(request, f"Deleted the request: {departure_request.ground_name}.")
    return _back_to_case(case)


@login_required
@require_POST
def request_preview(request, case_pk: int):
    """Re-renders only the outcome panel from what is typed; saves nothing."""
    case = case_selectors.case_for(request.user, case_pk)
    page = RequestPage.build(case, request.POST)
    return render(request, "departures/_outcome.html", {"case": case, "outcome": page.outcome()})


def _render_form(request, page: RequestPage, *, departure_request, conflict=None, status=200):
    context = {
        "case": page.case,
        "form": page.form,
        "departure_request": departure_request,
        "outcome": page.outcome(),
        "conflict": conflict,
    }
    return render(request, "departures/request_form.html", context, status=status)
