from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from offices.selectors import office_of

from .models import Case


def case_queryset() -> QuerySet[Case]:
    """Cases with everything the calculation reads, in a fixed number of queries."""
    return Case.objects.select_related("office", "updated_by").prefetch_related(
        "offense_lines", "offense_date_lines", "counts", "prior_sentences"
    )


def case_list_for(user) -> QuerySet[Case]:
    return case_queryset().filter(office=office_of(user))


def case_rows_for(user) -> QuerySet[Case]:
    """The office's cases as the list shows them: no worksheet rows (see summaries.py)."""
    return Case.objects.filter(office=office_of(user))


def case_for(user, pk: int) -> Case:
    """A case of the user's own office; any other case is a 404, as if it did not exist."""
    return get_object_or_404(case_list_for(user), pk=pk)
