"""The citation graph: an opinion's edges and unmatched citations, relinked and re-rendered."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import cast

from django.db import transaction
from django.db.models import Q

from ..citations import CitedAuthority, CiteKey, party_names, same_authority
from ..models import CitationEdge, Opinion, UnmatchedCitation
from ..selectors import text_authorities
from .courts import courts_ensure
from .rendering import opinion_render
from .search import opinion_refresh_search_vector


def _mentions(authority: CitedAuthority) -> list[list[int | str]]:
    return [[m.start, m.end, m.pin] for m in authority.mentions]


def _saved_opinion(authority: CitedAuthority) -> Opinion | None:
    """The saved opinion the authority is: `citations` knows no models, but the lookup that
    resolved the text (`selectors.OpinionLookup`) finds Opinion rows."""
    return cast("Opinion | None", authority.opinion)


def opinion_rebuild_citations(
    *, opinion: Opinion, authorities: list[CitedAuthority] | None = None
) -> None:
    """Finds the opinion's citations again and replaces its edges and unmatched citations
    (delete, then bulk create, in one transaction), then rebuilds its HTML."""
    if authorities is None:
        authorities = text_authorities(opinion.text) if opinion.has_text else []
    court_ids = {a.court_id for a in authorities if a.opinion is None and a.court_id}
    with transaction.atomic():
        known_courts = courts_ensure(court_ids=court_ids)
        CitationEdge.objects.filter(citing=opinion).delete()
        UnmatchedCitation.objects.filter(citing=opinion).delete()
        edges, unmatched = [], []
        for authority in authorities:
            cited = _saved_opinion(authority)
            if cited is not None:
                if cited.pk == opinion.pk:
                    continue  # an opinion quoting its own citation
                edges.append(
                    CitationEdge(
                        citing=opinion,
                        cited=cited,
                        depth=authority.depth,
                        pin_cites=authority.pin_cites,
                        mentions=_mentions(authority),
                    )
                )
            else:
                first, *parallel = authority.cites
                unmatched.append(
                    UnmatchedCitation(
                        citing=opinion,
                        volume=first.volume,
                        reporter=first.reporter,
                        page=first.page,
                        parallel_citations=", ".join(str(k) for k in parallel),
                        cite_keys="|" + "|".join(str(k) for k in authority.cites) + "|",
                        case_name=authority.case_name[:300],
                        court=known_courts.get(authority.court_id or ""),
                        year=authority.year,
                        depth=authority.depth,
                        pin_cites=authority.pin_cites,
                        mentions=_mentions(authority),
                    )
                )
        CitationEdge.objects.bulk_create(edges)
        UnmatchedCitation.objects.bulk_create(unmatched)
        opinion_render(opinion=opinion)
        opinion_refresh_search_vector(opinion=opinion)


def unmatched_citations_relink(*, opinion: Opinion) -> list[Opinion]:
    """Turns other opinions' unmatched citations of this opinion into edges and rebuilds their
    HTML. Returns the opinions relinked."""
    own = [CiteKey(c.volume, c.reporter, c.page) for c in opinion.citations.all()]
    if not own:
        return []
    query = Q()
    for key in own:
        query |= Q(cite_keys__contains=f"|{key.volume} {key.reporter} ")
    candidates = UnmatchedCitation.objects.filter(query).exclude(citing=opinion)
    relinked: dict[int, Opinion] = {}
    for row in candidates.select_related("citing"):
        names = party_names(row.case_name)
        keys = [_parse_key(part) for part in row.cite_keys.strip("|").split("|")]
        if not any(
            same_authority(
                key, names, mine, opinion.first_page, opinion.last_page, opinion.case_name
            )
            for key in keys
            if key
            for mine in own
        ):
            continue
        edge, created = CitationEdge.objects.get_or_create(
            citing=row.citing,
            cited=opinion,
            defaults={"depth": row.depth, "pin_cites": row.pin_cites, "mentions": row.mentions},
        )
        if not created:
            edge.depth += row.depth
            edge.pin_cites = list(dict.fromkeys(edge.pin_cites + row.pin_cites))
            edge.mentions = sorted(edge.mentions + row.mentions)
            edge.save()
        row.delete()
        relinked[row.citing_id] = row.citing
    for citing in relinked.values():
        opinion_render(opinion=citing)
    return list(relinked.values())


def _parse_key(text: str) -> CiteKey | None:
    match = re.fullmatch(r"(\d+) (.+) (\d+)", text)
    return CiteKey(int(match[1]), match[2], int(match[3])) if match else None


def citing_opinions_rerender(*, opinion: Opinion, skip: Iterable[Opinion] = ()) -> None:
    """Rebuilds the HTML of the opinions citing this one, so their pinpoint links use its pages."""
    citing = Opinion.objects.filter(cited_opinions__cited=opinion).distinct()
    for other in citing.exclude(pk__in=[o.pk for o in skip]):
        opinion_render(opinion=other)


def citation_map_edges_add(*, pairs: Iterable[tuple[str, str, int]], source: str) -> int:
    """Adds the edges a source's citation map gives (citing source id, cited source id, depth)
    where the citing opinion has no text: a text's own citations make its graph, with the
    pinpoints the map lacks. Returns the number of edges added."""
    before = CitationEdge.objects.count()
    chunk: list[tuple[str, str, int]] = []
    for pair in pairs:
        chunk.append(pair)
        if len(chunk) == 500:
            _map_edges(chunk, source)
            chunk = []
    if chunk:
        _map_edges(chunk, source)
    return CitationEdge.objects.count() - before


def _map_edges(chunk: list[tuple[str, str, int]], source: str) -> None:
    ids = {i for citing, cited, _ in chunk for i in (citing, cited)}
    opinions = Opinion.objects.filter(source=source, source_id__in=ids)
    pks = dict(opinions.values_list("source_id", "pk"))
    textless = set(opinions.filter(text="").values_list("source_id", flat=True))
    edges = [
        CitationEdge(citing_id=pks[citing], cited_id=pks[cited], depth=depth)
        for citing, cited, depth in chunk
        if citing in textless and cited in pks
    ]
    CitationEdge.objects.bulk_create(edges, ignore_conflicts=True)
