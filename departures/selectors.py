from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from sentencing.models import Case

from .models import DepartureRequest


def requests_of(case: Case) -> QuerySet[DepartureRequest]:
    return case.departure_requests.select_related("ground")


def request_for(case: Case, pk: int) -> DepartureRequest:
    """A request of this case (the case itself was already checked against the user's office)."""
    return get_object_or_404(requests_of(case), pk=pk)
