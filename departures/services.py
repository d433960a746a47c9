"""Writes. Views call these; they never save models themselves."""

from django.db import transaction

from sentencing.models import Case

from .forms import DepartureRequestForm
from .models import DepartureRequest


@transaction.atomic
def departure_request_submit(*, form: DepartureRequestForm, case: Case, user) -> DepartureRequest:
    """Saves a valid request form on ``case`` (new or edited)."""
    request = form.save(commit=False)
    request.case = case
    if request.pk is None:
        request.created_by = user
    if request.ground is not None:
        request.ground_text = ""
    request.save()
    return request


@transaction.atomic
def departure_request_delete(*, request: DepartureRequest) -> None:
    request.delete()
