from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.db.models import CharField, Q, QuerySet, Value
from django.http import Http404
from django.shortcuts import get_object_or_404

from offices.selectors import office_of

from .models import Case, Count, OffenseDateLine, OffenseLine, PriorSentence


def case_queryset() -> QuerySet[Case]:
    """Cases with everything the calculation reads, in a fixed number of queries."""
    return Case.objects.select_related("office", "updated_by").prefetch_related(
        "offense_lines", "offense_date_lines", "counts", "prior_sentences"
    )


def case_list_for(user: User) -> QuerySet[Case]:
    """The office's cases (not their named calculations)."""
    return case_queryset().filter(office=office_of(user), calculation_of=None)


def case_rows_for(user: User) -> QuerySet[Case]:
    """The office's cases as the list shows them: no worksheet rows (see summaries.py)."""
    return Case.objects.filter(office=office_of(user), calculation_of=None)


def case_for(user: User, pk: int) -> Case:
    """A case of the user's own office; any other case is a 404, as if it did not exist."""
    return get_object_or_404(case_list_for(user), pk=pk)


def calculation_for(user: User, case_pk: int, pk: int) -> Case:
    """A worksheet of a case of the user's own office: the case's own (``pk`` is the case's)
    or one of its named calculations; anything else is a 404."""
    worksheets = case_queryset().filter(office=office_of(user))
    return get_object_or_404(
        worksheets.filter(Q(pk=case_pk, calculation_of=None) | Q(calculation_of_id=case_pk)),
        pk=pk,
    )


def calculations_of(case: Case) -> list[Case]:
    """The case's own worksheet first, then its named calculations in the order they were
    made, each with its rows (a fixed number of queries however many there are)."""
    return [case, *case_queryset().filter(calculation_of=case).order_by("pk")]


def argued_worksheet(case: Case, worksheets: list[Case] | None = None) -> Case:
    """The calculation the case's memo and departure requests argue from, with its rows: the
    case's own worksheet unless another is chosen (from ``worksheets``, its calculations as
    `calculations_of` gives them, when the caller has them)."""
    if case.memo_calculation_id is None:
        return case
    if worksheets is not None:
        return next(w for w in worksheets if w.pk == case.memo_calculation_id)
    return case_queryset().get(pk=case.memo_calculation_id, calculation_of=case)


# The case's rows by the case form's formset prefixes (forms.CaseWorksheet.prefixes).
ROW_MODELS = {
    "lines": OffenseLine,
    "earlier": OffenseDateLine,
    "counts": Count,
    "priors": PriorSentence,
}


def case_row_ids(
    user: User, pk: int, *, case_pk: int | None = None
) -> Mapping[str, frozenset[int]]:
    """The ids of the rows of a case of the user's own office (with ``case_pk``, of a named
    calculation of that case), by formset prefix, in one query (the live recalculation checks
    the ids a post sends); any other case is a 404."""
    case = Case.objects.filter(pk=pk, office__staff__user=user)
    if case_pk is None or case_pk == pk:
        case = case.filter(calculation_of=None)
    else:
        case = case.filter(calculation_of_id=case_pk)

    def tagged(queryset: QuerySet[Any], tag: str) -> QuerySet[Any]:
        tagged_rows: QuerySet[Any] = queryset.annotate(tag=Value(tag, CharField()))
        return tagged_rows.values_list("tag", "pk").order_by()

    rows = [
        tagged(model._default_manager.filter(case__in=case), p) for p, model in ROW_MODELS.items()
    ]
    found: dict[str, set[int]] = {}
    for tag, row_id in tagged(case, "case").union(*rows, all=True):
        found.setdefault(tag, set()).add(row_id)
    if "case" not in found:
        raise Http404("No case matches the given query.")
    return {prefix: frozenset(found.get(prefix, ())) for prefix in ROW_MODELS}
