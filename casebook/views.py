"""Casebook pages. Every page needs a signed-in user; any signed-in user may read and search."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone

from . import selectors
from .split import circuit_split, split_timeline

RESULTS_PER_PAGE = 20


class SearchForm(forms.Form):
    q = forms.CharField(
        required=False,
        label="Search",
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "class": "form-control",
                "placeholder": "Words, a case name or a citation: fast-track, 215 F.3d 969…",
            }
        ),
    )
    court = forms.ChoiceField(required=False, widget=forms.Select(attrs={"class": "form-select"}))
    ground = forms.ChoiceField(required=False, widget=forms.Select(attrs={"class": "form-select"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["court"].choices = [("", "All courts")] + [
            (c.id, c.abbreviation or c.name) for c in selectors.courts_with_opinions()
        ]
        self.fields["ground"].choices = [("", "All grounds")] + [
            (g.slug, g.name) for g in selectors.grounds()
        ]


@login_required
def opinion_list(request):
    form = SearchForm(request.GET or None)
    criteria = form.cleaned_data if form.is_valid() else {}
    # A search that is a citation goes straight to the opinion it names, at the pinpoint; not
    # while typing (htmx), where the opinion heads the results instead.
    if criteria.get("q") and not request.htmx:
        named = selectors.opinion_named_by(criteria["q"])
        if named is not None:
            return redirect(named.url)
    opinions = selectors.opinion_search(
        query=criteria.get("q", ""),
        court_id=criteria.get("court", ""),
        ground_slug=criteria.get("ground", ""),
    )
    page = Paginator(opinions, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    query_string = request.GET.copy()
    query_string.pop("page", None)
    context = {"form": form, "page": page, "query_string": query_string.urlencode()}
    template = "casebook/_opinion_results.html" if request.htmx else "casebook/opinion_list.html"
    return render(request, template, context)


@login_required
def opinion_detail(request, pk: int):
    opinion = selectors.opinion_detail(pk)
    return render(
        request,
        "casebook/opinion_detail.html",
        {
            "opinion": opinion,
            "authorities": selectors.authorities_cited(opinion),
            "can_edit": request.user.has_perm("casebook.change_opinion"),
        },
    )


@login_required
def ground_list(request):
    return render(request, "casebook/ground_list.html", {"grounds": selectors.grounds()})


@login_required
def ground_detail(request, slug: str):
    ground = selectors.ground_detail(slug)
    return render(
        request,
        "casebook/ground_detail.html",
        {"ground": ground, "circuits": selectors.ground_holdings_by_circuit(ground)},
    )


class SplitDateForm(forms.Form):
    date = forms.DateField(
        required=False,
        label="Rule on",
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}),
    )


@login_required
def ground_split(request, slug: str):
    """Each circuit's rule on the ground on a chosen date (today by default), with the
    controlling opinion, what it replaced and a timeline; one table per ground."""
    form = SplitDateForm(request.GET or None)
    as_of = (form.cleaned_data.get("date") if form.is_valid() else None) or timezone.localdate()
    grounds = selectors.split_grounds(slug)
    tables = [(entry, circuit_split(entry.holdings, as_of, entry.authorities)) for entry in grounds]
    return render(
        request,
        "casebook/ground_split.html",
        {
            "ground": grounds[0].ground,
            "form": form,
            "as_of": as_of,
            "tables": tables,
            "timeline": split_timeline(grounds),
        },
    )


@login_required
def unmatched_citation(request, pk: int):
    row, citing = selectors.unmatched_citation_detail(pk)
    return render(request, "casebook/unmatched_citation.html", {"row": row, "citing": citing})
