"""Writes. Views call these; they never save models themselves."""

from django.db import transaction

from sentencing.models import Case

from .forms import DepartureRequestForm
from .models import DepartureRequest


class RequestEditConflict(Exception):
    """Someone else saved the request after this editor loaded it."""

    def __init__(self, current: DepartureRequest):
        super().__init__("Someone else saved this request while you were editing.")
        self.current = current


@transaction.atomic
def departure_request_submit(*, form: DepartureRequestForm, case: Case, user) -> DepartureRequest:
    """Saves a valid request form on ``case`` (new or edited). An edit is saved only if the
    request is still at the version the editor loaded; otherwise RequestEditConflict."""
    request = form.save(commit=False)
    request.case = case
    if request.pk is None:
        request.created_by = user
        request.version = 1
    else:
        loaded = form.cleaned_data.get("version") or 0
        claimed = DepartureRequest.objects.filter(pk=request.pk, version=loaded).update(
            version=loaded + 1
        )
        if not claimed:
            raise RequestEditConflict(DepartureRequest.objects.get(pk=request.pk))
        request.version = loaded + 1
    if request.ground is not None:
        request.ground_text = ""
    request.save()
    return request


@transaction.atomic
def departure_request_delete(*, request: DepartureRequest) -> None:
    request.delete()
