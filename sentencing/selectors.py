from collections.abc import Mapping

from django.db.models import CharField, QuerySet, Value
from django.http import Http404
from django.shortcuts import get_object_or_404

from offices.selectors import office_of

from .models import Case, Count, OffenseDateLine, OffenseLine, PriorSentence


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


# The case's rows by the case form's formset prefixes (forms.CaseWorksheet.prefixes).
ROW_MODELS = {
    "lines": OffenseLine,
    "earlier": OffenseDateLine,
    "counts": Count,
    "priors": PriorSentence,
}


def case_row_ids(user, pk: int) -> Mapping[str, frozenset[int]]:
    """The ids of the rows of a case of the user's own office, by formset prefix, in one query
    (the live recalculation checks the ids a post sends); any other case is a 404."""
    case = Case.objects.filter(pk=pk, office__staff__user=user)

    def tagged(queryset, tag: str):
        return queryset.annotate(tag=Value(tag, CharField())).values_list("tag", "pk").order_by()

    rows = [tagged(model.objects.filter(case__in=case), p) for p, model in ROW_MODELS.items()]
    found: dict[str, set[int]] = {}
    for tag, row_id in tagged(case, "case").union(*rows, all=True):
        found.setdefault(tag, set()).add(row_id)
    if "case" not in found:
        raise Http404("No case matches the given query.")
    return {prefix: frozenset(found.get(prefix, ())) for prefix in ROW_MODELS}
