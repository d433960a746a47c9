"""Writes. Views and the demo loader call these; none saves models itself.

Services take data, not forms: the request's values, already checked by the request form (or,
in the demo, known to be good).
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction

from casebook.models import Ground
from sentencing.models import Case
from sentencing.versioning import EditConflict, claim_next_version, set_history_user

from .models import DepartureRequest

__all__ = ["EditConflict", "departure_request_delete", "departure_request_submit"]


@transaction.atomic
def departure_request_submit(
    *,
    case: Case,
    user: User,
    direction: str,
    basis: str = DepartureRequest.Basis.DEFENDANT,
    ground: Ground | None = None,
    ground_text: str = "",
    extent_levels: int | None = None,
    target_months: int | None = None,
    argument: str = "",
    request: DepartureRequest | None = None,
    loaded_version: int | None = None,
) -> DepartureRequest:
    """Saves a request on ``case``: a new one, or ``request`` edited. An edit is saved only if the
    request is still at ``loaded_version``; otherwise EditConflict and nothing changes.

    A ground from the casebook replaces any ground typed in words.
    """
    if request is None:
        request = DepartureRequest(case=case, created_by=user, version=1)
    else:
        request.version = claim_next_version(
            DepartureRequest, pk=request.pk, loaded_version=loaded_version
        )
    request.ground = ground
    request.ground_text = "" if ground is not None else ground_text
    request.direction = direction
    request.basis = basis
    request.extent_levels = extent_levels
    request.target_months = target_months
    request.argument = argument
    set_history_user(request, user)  # the audit trail's "who", also outside a request
    request.save()
    return request


@transaction.atomic
def departure_request_delete(*, request: DepartureRequest) -> None:
    request.delete()
