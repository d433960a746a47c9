"""Writes to the casebook. Views, commands and the admin call these; none saves models itself."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q, TextField, Value
from django.urls import reverse

from . import courts
from .citations import CitedAuthority, CiteKey, extract_authorities, party_names, same_authority
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
from .opinion_html import Link, RenderedOpinion, anchor_for_page, render_opinion, star_markers
from .records import ImportRejected, OpinionRecord

# ---------------------------------------------------------------------------------------------
# Courts


def courts_ensure(*, court_ids: Iterable[str]) -> dict[str, Court]:
    """The Court rows for these courts-db ids, created (with their circuits) when missing.

    Ids that neither courts-db nor our district table knows are left out of the result.
    """
    wanted = {c for c in court_ids if c}
    infos = {c: info for c in wanted if (info := courts.court_info(c))}
    circuits = {info.circuit_id for info in infos.values() if info.circuit_id}
    for circuit_id in circuits - set(infos):
        if info := courts.court_info(circuit_id):
            infos[circuit_id] = info
    existing = {court.pk: court for court in Court.objects.filter(pk__in=infos)}
    missing = [info for court_id, info in infos.items() if court_id not in existing]
    # Courts of appeals first: a district's circuit must exist before it.
    for info in sorted(missing, key=lambda i: i.kind != courts.Kind.APPELLATE):
        court = Court(id=info.id, name=info.name, abbreviation=info.abbreviation, kind=info.kind)
        court.circuit_id = info.circuit_id if info.circuit_id in infos else None
        court.save()
        existing[info.id] = court
    return {c: existing[c] for c in wanted if c in existing}


def court_ensure(*, court_id: str) -> Court:
    found = courts_ensure(court_ids=[court_id])
    if court_id not in found:
        raise ImportRejected(f'Unknown court "{court_id}": not a courts-db id.')
    return found[court_id]


# ---------------------------------------------------------------------------------------------
# Opinions


def _find_existing(record: OpinionRecord) -> Opinion | None:
    if record.source_id:
        found = Opinion.objects.filter(source=record.source, source_id=record.source_id).first()
        if found:
            return found
    if record.citations:
        query = Q()
        for cite in record.citations:
            query |= Q(volume=cite.volume, reporter=cite.reporter, page=cite.page)
        owners = {row.opinion_id for row in OpinionCitation.objects.filter(query)}
        if len(owners) > 1:
            raise ImportRejected(
                f"{record.describe()}: its citations belong to {len(owners)} different opinions."
            )
        if owners:
            return Opinion.objects.get(pk=owners.pop())
    if record.docket_number and record.date_decided:
        return Opinion.objects.filter(
            court_id=record.court_id,
            docket_number=record.docket_number,
            date_decided=record.date_decided,
        ).first()
    return None


_COPIED_FIELDS = (
    "case_name",
    "date_decided",
    "date_is_approximate",
    "en_banc",
    "author",
    "judges",
    "docket_number",
    "lower_court_docket_number",
    "first_page",
    "last_page",
    "notes",
    "source",
    "source_id",
)


def opinion_upsert(*, record: OpinionRecord) -> tuple[Opinion, bool]:
    """Creates the opinion, or updates the one it already is (same source id, a shared reporter
    citation, or the same court, docket and date). Returns (opinion, text_changed).

    Values the record lacks never erase what is stored; a citation already stored keeps its
    verified flag (a user's confirmation outlives re-imports).
    """
    found = courts_ensure(court_ids=[record.court_id, record.lower_court_id])
    if record.court_id not in found:
        raise ImportRejected(f'{record.describe()}: unknown court "{record.court_id}".')
    opinion = _find_existing(record) or Opinion()
    opinion.court = found[record.court_id]
    if record.lower_court_id in found:
        opinion.lower_court = found[record.lower_court_id]
    for name in _COPIED_FIELDS:
        value = getattr(record, name)
        if value not in ("", None):
            setattr(opinion, name, value)
    if record.en_banc is not None:
        opinion.en_banc = record.en_banc
    text_changed = bool(record.text) and record.text != opinion.text
    if text_changed:
        opinion.text = record.text
    if record.run_in_footnotes or text_changed:
        opinion.run_in_footnotes = [list(span) for span in record.run_in_footnotes]
    try:
        opinion.full_clean(exclude=["court", "lower_court"])
    except ValidationError as error:
        raise ImportRejected(f"{record.describe()}: {error.messages[0]}") from error
    opinion.save()

    stored = {(c.volume, c.reporter, c.page): c for c in opinion.citations.all()}
    position = len(stored)
    for cite in record.citations:
        if (cite.volume, cite.reporter, cite.page) in stored:
            continue
        if OpinionCitation.objects.filter(
            volume=cite.volume, reporter=cite.reporter, page=cite.page
        ).exists():
            raise ImportRejected(f"{record.describe()}: {cite} belongs to another opinion.")
        OpinionCitation.objects.create(
            opinion=opinion,
            volume=cite.volume,
            reporter=cite.reporter,
            page=cite.page,
            verified=cite.verified,
            position=position,
        )
        position += 1
    return opinion, text_changed or (opinion.has_text and not opinion.html)


def _link_title(case_name: str, citation: str) -> str:
    return f"{case_name}, {citation}" if case_name else citation


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
    for row in OpinionCitation.objects.filter(opinion__in=[e.cited_id for e in edges]):
        cited_citations.setdefault(row.opinion_id, str(row))
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


def _mentions(authority: CitedAuthority) -> list[list]:
    return [[m.start, m.end, m.pin] for m in authority.mentions]


def opinion_rebuild_citations(
    *, opinion: Opinion, authorities: list[CitedAuthority] | None = None
) -> None:
    """Finds the opinion's citations again and replaces its edges and unmatched citations
    (delete, then bulk create, in one transaction), then rebuilds its HTML."""
    if authorities is None:
        authorities = extract_authorities(opinion.text) if opinion.has_text else []
    court_ids = {a.court_id for a in authorities if a.opinion is None and a.court_id}
    with transaction.atomic():
        known_courts = courts_ensure(court_ids=court_ids)
        CitationEdge.objects.filter(citing=opinion).delete()
        UnmatchedCitation.objects.filter(citing=opinion).delete()
        edges, unmatched = [], []
        for authority in authorities:
            if authority.opinion is not None:
                if authority.opinion.pk == opinion.pk:
                    continue  # an opinion quoting its own citation
                edges.append(
                    CitationEdge(
                        citing=opinion,
                        cited=authority.opinion,
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
                        court=known_courts.get(authority.court_id),
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


def opinion_refresh_search_vector(*, opinion: Opinion) -> None:
    """Stores the full-text search vector (PostgreSQL only; SQLite searches with icontains)."""
    if connection.vendor != "postgresql":
        return
    from django.contrib.postgres.search import SearchVector

    cites = " ".join(str(c) for c in opinion.citations.all())
    names = f"{opinion.case_name} {cites} {opinion.docket_number}"
    Opinion.objects.filter(pk=opinion.pk).update(
        search_vector=SearchVector(
            Value(names, output_field=TextField()), weight="A", config="simple"
        )
        + SearchVector(
            Value(opinion.case_name, output_field=TextField()), weight="A", config="english"
        )
        + SearchVector("text", weight="C", config="english")
    )


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


@transaction.atomic
def opinion_import(*, record: OpinionRecord) -> Opinion:
    """Saves one imported opinion with its citation graph, all or nothing: the opinion, its
    edges and unmatched citations, its HTML, and the links other opinions gain to it."""
    opinion, text_changed = opinion_upsert(record=record)
    pages_before = list(opinion.marked_pages)
    if text_changed:
        opinion_rebuild_citations(opinion=opinion)
    else:
        opinion_render(opinion=opinion)
        opinion_refresh_search_vector(opinion=opinion)
    relinked = unmatched_citations_relink(opinion=opinion)
    if opinion.marked_pages != pages_before:
        citing_opinions_rerender(opinion=opinion, skip=relinked)
    return opinion


@transaction.atomic
def opinion_delete(*, opinion: Opinion) -> None:
    """Deletes the opinion; the opinions citing it find their citations again, so that their
    links point to an unmatched-citation page instead of a missing opinion."""
    citing = list(Opinion.objects.filter(cited_opinions__cited=opinion).exclude(pk=opinion.pk))
    opinion.delete()
    for other in citing:
        opinion_rebuild_citations(opinion=other)


def opinion_citation_verify(*, citation: OpinionCitation) -> OpinionCitation:
    """Records that someone confirmed the citation against a copy of the reporter."""
    citation.verified = True
    citation.save(update_fields=["verified"])
    return citation


# ---------------------------------------------------------------------------------------------
# Grounds, holdings, treatments


def ground_get_or_create(*, name: str, slug: str, description: str = "") -> Ground:
    ground, _ = Ground.objects.update_or_create(
        slug=slug, defaults={"name": name, "description": description}
    )
    return ground


def quote_position(text: str, quote: str) -> int | None:
    """Where the quote stands in the text, word for word (runs of spaces may differ)."""
    words = quote.split()
    if not words:
        return None
    match = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return match.start() if match else None


@dataclass(frozen=True)
class HoldingPinpoint:
    pinpoint: str
    pinpoint_page: int | None
    anchor: str


def holding_pinpoint(
    *,
    opinion: Opinion,
    quote: str,
    quoted_in: Opinion | None = None,
    pinpoint_page: int | None = None,
) -> HoldingPinpoint:
    """Where a holding's quote stands; ValidationError if it is not, word for word, in the text.

    The quote comes from the opinion's own text or, when we lack it, from `quoted_in`'s, with
    `pinpoint_page` the page the quoting opinion cites. Without `quoted_in`, the pinpoint is the
    reporter page of the star pagination, or the slip opinion when the text has none.
    """
    source = quoted_in or opinion
    if not source.has_text:
        raise ValidationError(f"{source} has no text to take the quote from.")
    position = quote_position(source.text, quote)
    if position is None:
        raise ValidationError(f"The quote does not appear in the text of {source}.")
    if quoted_in is None:
        markers = star_markers(opinion.text, opinion.first_page, opinion.last_page)
        before = [m.page for m in markers if m.start <= position]
        if before:
            pinpoint_page = before[-1]
        elif markers and opinion.first_page:
            pinpoint_page = opinion.first_page
        else:
            pinpoint_page = None
    elif pinpoint_page is None:
        raise ValidationError(
            "A holding taken from a quotation needs the page the quotation cites."
        )
    rendered = render_opinion(
        source.text,
        run_in_footnotes=[tuple(s) for s in source.run_in_footnotes],
        first_page=source.first_page,
        last_page=source.last_page,
    )
    return HoldingPinpoint(
        str(pinpoint_page) if pinpoint_page else "slip op.",
        pinpoint_page,
        rendered.paragraph_anchor_at(position),
    )


def holding_save(
    *,
    opinion: Opinion,
    ground: Ground,
    effect: str,
    quote: str,
    quoted_in: Opinion | None = None,
    pinpoint_page: int | None = None,
) -> Holding:
    """Saves the opinion's holding on the ground (one per opinion and ground; saving again
    updates it), with the pinpoint `holding_pinpoint` finds."""
    where = holding_pinpoint(
        opinion=opinion, quote=quote, quoted_in=quoted_in, pinpoint_page=pinpoint_page
    )
    holding, _ = Holding.objects.update_or_create(
        opinion=opinion,
        ground=ground,
        defaults={
            "effect": effect,
            "quote": quote,
            "quoted_in": quoted_in,
            "pinpoint_page": where.pinpoint_page,
            "pinpoint": where.pinpoint,
            "anchor": where.anchor,
        },
    )
    return holding


def treatment_save(
    *,
    kind: str,
    date: datetime.date,
    opinion: Opinion | None = None,
    holding: Holding | None = None,
    by: Opinion | None = None,
    note: str = "",
) -> Treatment:
    """Records what happened to an opinion or a holding; the same kind on the same target is
    recorded once (saving again updates it)."""
    if (opinion is None) == (holding is None):
        raise ValidationError("A treatment concerns either an opinion or a holding.")
    treatment, _ = Treatment.objects.update_or_create(
        opinion=opinion,
        holding=holding,
        kind=kind,
        defaults={"date": date, "by": by, "note": note},
    )
    return treatment
