"""CourtListener: an opinion cluster, or an opinion with its cluster inline, as its API gives."""

from __future__ import annotations

from ..records import ImportRejected, OpinionRecord
from .common import (
    citation_from_parts,
    citation_from_text,
    court_id_from,
    parse_date,
    require,
    text_from_html,
    text_of,
)

# Opinion types that carry the opinion of the court, in order of preference.
_LEAD_TYPES = ("010combined", "015unamimous", "020lead", "025plurality", "050addendum")


def _courtlistener_text(opinion: dict, where: str) -> str:
    if (plain := text_of(opinion, "plain_text", where, numbers=False)).strip():
        return plain
    for key in ("html_with_citations", "html", "html_lawbox", "html_columbia", "xml_harvard"):
        if (markup := text_of(opinion, key, where, numbers=False)).strip():
            return text_from_html(markup)
    return ""


def _pick_lead(opinions: list[dict], where: str) -> dict | None:
    with_text = [o for o in opinions if isinstance(o, dict) and _courtlistener_text(o, where)]
    for kind in _LEAD_TYPES:
        for opinion in with_text:
            if opinion.get("type") == kind:
                return opinion
    return with_text[0] if with_text else None


def from_courtlistener(data: dict, where: str) -> list[OpinionRecord]:
    if "sub_opinions" in data or "case_name" in data:
        cluster, opinions = data, data.get("sub_opinions") or []
    elif isinstance(data.get("cluster"), dict):
        cluster, opinions = data["cluster"], [data]
    else:
        raise ImportRejected(f"{where}: not a CourtListener cluster or opinion.")
    if not isinstance(opinions, list):
        raise ImportRejected(f'{where}: "sub_opinions" must be a list.')
    docket = cluster.get("docket") if isinstance(cluster.get("docket"), dict) else {}
    court = (
        cluster.get("court_id")
        or cluster.get("court")
        or docket.get("court_id")
        or docket.get("court")
        or data.get("court_id")
    )
    if not court:
        raise ImportRejected(f'{where}: no court (expected "court_id" or "docket.court_id").')
    case_name = text_of(cluster, "case_name", where, numbers=False) or text_of(
        cluster, "case_name_short", where, numbers=False
    )
    if not case_name.strip():
        raise ImportRejected(f'{where}: "case_name" is missing.')
    date, approximate = parse_date(require(cluster, "date_filed", where), where)
    raw_citations = cluster.get("citations") or []
    if not isinstance(raw_citations, list):
        raise ImportRejected(f'{where}: "citations" must be a list.')
    citations = []
    for cite in raw_citations:
        if isinstance(cite, dict):
            record = citation_from_parts(cite.get("volume"), cite.get("reporter"), cite.get("page"))
        else:
            record = citation_from_text(str(cite))
        if record:
            citations.append(record)
    lead = _pick_lead(opinions, where)
    return [
        OpinionRecord(
            case_name=case_name.strip(),
            court_id=court_id_from(court, where),
            source="courtlistener",
            source_id=str(cluster.get("id") or ""),
            date_decided=date,
            date_is_approximate=approximate,
            en_banc=cluster.get("en_banc"),
            author=text_of(lead or {}, "author_str", where),
            judges=text_of(cluster, "judges", where),
            docket_number=text_of(docket, "docket_number", where)
            or text_of(cluster, "docket_number", where),
            first_page=citations[0].page if citations else None,
            text=_courtlistener_text(lead, where) if lead else "",
            citations=citations,
            origin=where,
        )
    ]
