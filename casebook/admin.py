"""Editing the casebook: only for staff holding the casebook's Django permissions.

Saving goes through the services, so the derived HTML, citation graph and pinpoints follow.
"""

import itertools

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from .models import (
    CitationEdge,
    Court,
    Ground,
    Holding,
    Opinion,
    OpinionCitation,
    Treatment,
    UnmatchedCitation,
)
from .services.graph import (
    citing_opinions_rerender,
    opinion_rebuild_citations,
    unmatched_citations_relink,
)
from .services.holdings import checked_pinpoint, holding_pinpoint
from .services.opinions import opinion_citation_verify, opinion_delete
from .services.rendering import opinion_render
from .services.search import opinion_refresh_search_vector


@admin.register(Court)
class CourtAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "abbreviation", "kind", "circuit"]
    list_filter = ["kind"]
    list_select_related = ["circuit"]
    search_fields = ["id", "name", "abbreviation"]


class OpinionCitationInline(admin.TabularInline):
    model = OpinionCitation
    extra = 1


class OpinionForm(forms.ModelForm):
    """The admin's opinion form (the admin supplies the model and its fields)."""

    def clean(self):
        data = super().clean()
        if "run_in_footnotes" in data:  # absent when it was not JSON at all
            spans = data["run_in_footnotes"]
            try:
                # Left empty (or null), it means none.
                data["run_in_footnotes"] = run_in_spans(
                    [] if spans is None else spans, len(data.get("text") or "")
                )
            except ValidationError as error:
                self.add_error("run_in_footnotes", error)
        return data


def run_in_spans(spans, length: int) -> list[list[int]]:
    """Run-in footnotes as the renderer reads them: [start, end) pairs of whole numbers within
    the text that do not overlap, in text order; anything else is a clear form error."""
    if not isinstance(spans, list):
        raise ValidationError(
            "Enter a list of [start, end] pairs, e.g. [[120, 348]], or [] for none."
        )
    for number, span in enumerate(spans, start=1):
        if not (
            isinstance(span, list)
            and len(span) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) for n in span)
        ):
            raise ValidationError(f"Footnote {number}: {span!r} is not a [start, end] pair.")
        start, end = span
        if not 0 <= start < end <= length:
            raise ValidationError(
                f"Footnote {number}: [{start}, {end}] is not a range of the text "
                f"(0 ≤ start < end ≤ {length})."
            )
    ordered = sorted(spans)
    for before, after in itertools.pairwise(ordered):
        if after[0] < before[1]:
            raise ValidationError(f"The footnotes {before} and {after} overlap.")
    return ordered


@admin.register(Opinion)
class OpinionAdmin(admin.ModelAdmin):
    form = OpinionForm
    list_display = ["case_name", "court", "date_decided", "en_banc", "source"]
    list_filter = ["court", "en_banc", "source"]
    list_select_related = ["court"]
    search_fields = ["case_name", "docket_number"]
    autocomplete_fields = ["court", "lower_court"]
    inlines = [OpinionCitationInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        opinion = form.instance
        if "text" in form.changed_data or not change:
            opinion_rebuild_citations(opinion=opinion)
        else:
            opinion_render(opinion=opinion)
            opinion_refresh_search_vector(opinion=opinion)
        unmatched_citations_relink(opinion=opinion)
        citing_opinions_rerender(opinion=opinion)

    def delete_model(self, request, obj):
        opinion_delete(opinion=obj)

    def delete_queryset(self, request, queryset):
        for opinion in queryset:
            opinion_delete(opinion=opinion)


@admin.register(OpinionCitation)
class OpinionCitationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "opinion", "verified"]
    list_filter = ["verified"]
    list_select_related = ["opinion"]
    actions = ["mark_verified"]

    @admin.action(description="Mark as verified against the reporter", permissions=["change"])
    def mark_verified(self, request, queryset):
        for citation in queryset:
            opinion_citation_verify(citation=citation)


@admin.register(Ground)
class GroundAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kind", "departure_ground"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["authorities"]


class HoldingForm(forms.ModelForm):
    class Meta:
        model = Holding
        fields = [
            "opinion",
            "ground",
            "effect",
            "quote",
            "quoted_in",
            "pinpoint_page",
            "pinpoint",
            "quote_source",
            "in_light_of",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Found in the text when the casebook has it; typed only for a slip opinion's page.
        self.fields["pinpoint"].required = False

    def clean(self):
        data = super().clean()
        if data.get("opinion") and data.get("quote"):
            source = data.get("quoted_in") or data["opinion"]
            try:
                if source.has_text:
                    self.pinpoint_found = holding_pinpoint(
                        opinion=data["opinion"],
                        quote=data["quote"],
                        quoted_in=data.get("quoted_in"),
                        pinpoint_page=data.get("pinpoint_page"),
                    )
                else:  # checked against a public copy the casebook does not hold
                    self.pinpoint_found = checked_pinpoint(
                        quote=data["quote"],
                        quote_source=data.get("quote_source", ""),
                        pinpoint_page=data.get("pinpoint_page"),
                        pinpoint=data.get("pinpoint", ""),
                    )
            except ValidationError as error:
                raise ValidationError({"quote": error.messages}) from error
        return data


@admin.register(Holding)
class HoldingAdmin(admin.ModelAdmin):
    form = HoldingForm
    list_display = ["opinion", "ground", "effect", "pinpoint", "quoted_in"]
    list_filter = ["ground", "effect"]
    list_select_related = ["opinion", "ground", "quoted_in"]
    autocomplete_fields = ["opinion", "quoted_in", "in_light_of"]

    def save_model(self, request, obj, form, change):
        found = form.pinpoint_found
        obj.pinpoint, obj.pinpoint_page, obj.anchor = (
            found.pinpoint,
            found.pinpoint_page,
            found.anchor,
        )
        super().save_model(request, obj, form, change)


@admin.register(Treatment)
class TreatmentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "date", "by"]
    list_filter = ["kind"]
    list_select_related = ["opinion", "holding__opinion", "by"]
    autocomplete_fields = ["opinion", "by"]


@admin.register(CitationEdge)
class CitationEdgeAdmin(admin.ModelAdmin):
    """The graph is derived from the texts: read it here, change it by editing an opinion."""

    list_display = ["citing", "cited", "depth"]
    list_select_related = ["citing", "cited"]
    readonly_fields = ["citing", "cited", "depth", "pin_cites"]

    def has_add_permission(self, request):
        return False


@admin.register(UnmatchedCitation)
class UnmatchedCitationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "citing", "court", "year", "depth"]
    list_select_related = ["citing", "court"]
    search_fields = ["case_name", "reporter"]
    readonly_fields = [
        "citing",
        "volume",
        "reporter",
        "page",
        "case_name",
        "court",
        "year",
        "depth",
    ]

    def has_add_permission(self, request):
        return False
