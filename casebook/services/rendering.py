"""An opinion's linked HTML, rebuilt from its text and the stored citation graph."""

from __future__ import annotations

import re

from django.urls import reverse

from .. import bluebook
from ..models import CitationEdge, Opinion, OpinionCitation, UnmatchedCitation
from ..opinion_html import Link, RenderedOpinion, anchor_for_page, render_opinion


def _link_title(case_name: str, citation: str) -> str:
    """The link's tooltip: the authority's name and first cite ("…, 215 F.3d 969")."""
    cite = bluebook.parse_reporter_cite(citation)
    return str(bluebook.full(bluebook.Case(name=case_name, cites=(cite,) if cite else ())))


def opinion_render(*, opinion: Opinion) -> RenderedOpinion | None:
    """Rebuilds the opinion's linked HTML from its text and stored citation graph (no eyecite)."""
    if not opinion.has_text:
        changed = opinion.html or opinion.marked_pages
        opinion.html, opinion.marked_pages = "", []
        if changed:
            Opinion.objects.filter(pk=opinion.pk).update(html="", marked_pages=[])
        return None
    links: list[Link] = []
    edges = (
        CitationEdge.objects.filter(citing=opinion)
        .select_related("cited")
        .only("mentions", "cited__id", "cited__case_name", "cited__marked_pages")
    )
    cited_citations: dict[int, str] = {}
    for citation in OpinionCitation.objects.filter(opinion__in=[e.cited_id for e in edges]):
        cited_citations.setdefault(citation.opinion_id, str(citation))
    for edge in edges:
        url = reverse("casebook:opinion_detail", args=[edge.cited_id])
        title = _link_title(edge.cited.case_name, cited_citations.get(edge.cited_id, ""))
        for start, end, pin in edge.mentions:
            page = _first_page_number(pin)
            anchor = anchor_for_page(page, edge.cited.marked_pages) if page else None
            links.append(Link(start, end, f"{url}#{anchor}" if anchor else url, title, "cite"))
    for row in UnmatchedCitation.objects.filter(citing=opinion):
        url = row.get_absolute_url()
        for start, end, _pin in row.mentions:
            links.append(
                Link(start, end, url, _link_title(row.case_name, row.citation), "cite unmatched")
            )
    rendered = render_opinion(
        opinion.text,
        links=links,
        run_in_footnotes=[tuple(span) for span in opinion.run_in_footnotes],
        first_page=opinion.first_page,
        last_page=opinion.last_page,
    )
    opinion.html, opinion.marked_pages = rendered.html, rendered.marked_pages
    Opinion.objects.filter(pk=opinion.pk).update(
        html=rendered.html, marked_pages=rendered.marked_pages
    )
    return rendered


def _first_page_number(pin: str) -> int | None:
    match = re.search(r"\d+", pin or "")
    return int(match.group()) if match else None
