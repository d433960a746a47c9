"""CourtListener: dockets, opinion clusters and opinions, as its REST API (v3, v4) and its JSON
exports give them, nested or in separate files linked by URL.

A cluster is one case: its lead opinion (the opinion of the court) becomes the Opinion keyed by
the cluster id, each dissent, concurrence or addendum an Opinion of its own type keyed by
cluster and opinion id. Citations belong to the case, so they go with the lead opinion.
"""

from __future__ import annotations

import re

from ..records import CitationRecord, ImportRejected, OpinionRecord
from .common import (
    citation_from_parts,
    citation_from_text,
    court_from,
    docket_number_clean,
    en_banc_from,
    full_name_note,
    opinion_type_from,
    parse_date,
    real_text,
    require,
    says_en_banc,
    text_from_html,
    text_of,
)

# Opinion types that carry the opinion of the court, in order of preference.
_LEAD_TYPES = ("010combined", "015unamimous", "020lead", "080onthemerits", "025plurality")

# v3 clusters name each citation in a field of its own.
_CITE_FIELDS = (
    "federal_cite_one",
    "federal_cite_two",
    "federal_cite_three",
    "state_cite_one",
    "state_cite_two",
    "state_cite_three",
    "state_cite_regional",
    "specialty_cite_one",
    "scotus_early_cite",
    "lexis_cite",
    "westlaw_cite",
    "neutral_cite",
)

# The cluster fields an opinion in another file needs; the rest is left behind when linking.
CLUSTER_FIELDS = (
    "id",
    "resource_uri",
    "case_name",
    "case_name_full",
    "case_name_short",
    "date_filed",
    "date_filed_is_approximate",
    "judges",
    "panel",
    "citations",
    "docket",
    "docket_id",
    "court",
    "court_id",
    "docket_number",
    "sub_opinions",
    *_CITE_FIELDS,
)


def id_from_url(value, kind: str) -> str:
    """ "https://www.courtlistener.com/api/rest/v4/clusters/66/" → "66" (kind "clusters"); an
    id given as a number or digits is returned as is; "" otherwise."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    text = str(value or "").strip()
    if text.isdigit():
        return text
    match = re.search(rf"/{kind}/(\d+)/?$", text)
    return match.group(1) if match else ""


def kind_of(data: dict) -> str | None:
    """ "docket", "cluster" or "opinion" for a CourtListener object; None for anything else."""
    uri = str(data.get("resource_uri") or "")
    if "/dockets/" in uri or ("docket_number" in data and "clusters" in data):
        return "docket"
    if "sub_opinions" in data or "date_filed" in data or "/clusters/" in uri:
        return "cluster"
    linked = "/opinions/" in uri or "cluster" in data or "cluster_id" in data
    if linked and any(k in data for k in ("plain_text", "html", "html_with_citations", "type")):
        return "opinion"
    return None


def _text(opinion: dict, where: str) -> str:
    if (plain := real_text(text_of(opinion, "plain_text", where, numbers=False))).strip():
        return plain
    for key in (
        "html_with_citations",
        "html",
        "html_lawbox",
        "html_columbia",
        "html_anon_2020",
        "xml_harvard",
    ):
        markup = text_of(opinion, key, where, numbers=False)
        if markup.strip() and (text := real_text(text_from_html(markup))):
            return text
    return ""


def _citations(cluster: dict, where: str) -> list[CitationRecord]:
    raw = cluster.get("citations") or []
    if not isinstance(raw, list):
        raise ImportRejected(f'{where}: "citations" must be a list.')
    found: list[CitationRecord | None] = []
    for cite in raw:
        if isinstance(cite, dict):  # v4 and v3 since 2020: {"volume": 215, "reporter": "F.3d"…}
            found.append(
                citation_from_parts(cite.get("volume"), cite.get("reporter"), cite.get("page"))
            )
        else:
            found.append(citation_from_text(str(cite)))
    found.extend(
        citation_from_text(text) for key in _CITE_FIELDS if (text := text_of(cluster, key, where))
    )
    unique: dict[tuple[int, str, int], CitationRecord] = {}
    for record in found:
        if record:
            unique.setdefault((record.volume, record.reporter, record.page), record)
    return list(unique.values())


_CAPTION_MAX = 300  # Opinion.case_name


def _case_names(cluster: dict, where: str) -> tuple[str, str]:
    """(caption, full name): CourtListener fills case_name, case_name_full and case_name_short
    unevenly, so the first one present stands in for a missing case_name."""
    name = text_of(cluster, "case_name", where, numbers=False).strip()
    short = text_of(cluster, "case_name_short", where, numbers=False).strip()
    full = text_of(cluster, "case_name_full", where, numbers=False).strip()
    # A full name longer than the caption field (many parties) gives way to the short one.
    caption = name or (full if len(full) <= _CAPTION_MAX else "") or short or full[:_CAPTION_MAX]
    if not caption:
        raise ImportRejected(
            f'{where}: the cluster has no case name ("case_name", "case_name_short" and '
            '"case_name_full" are all empty).'
        )
    return caption, full or caption


def _heading_lines(text: str) -> list[str]:
    """The short lines at the head of an opinion's text (its caption), without citations'
    "(en banc)" parentheticals, which name another case's bench."""
    head = text[:3000].splitlines()
    return [line for line in head if len(line) <= 80 and "(en banc)" not in line.lower()]


def records_from(
    cluster: dict,
    opinions: list[dict],
    docket: dict | None,
    where: str,
    *,
    court_hint: str = "",
    with_lead: bool = True,
) -> list[OpinionRecord]:
    """The case's records: its lead opinion (or, without one, the case known by citation) when
    `with_lead`, and each separate opinion among `opinions`."""
    docket = docket or {}
    court_id, named = court_from(
        cluster.get("court_id"),
        cluster.get("court"),
        docket.get("court_id"),
        docket.get("court"),
        court_hint,
    )
    if not named:
        raise ImportRejected(
            f'{where}: no court (expected "court_id" on the cluster or its docket).',
        )
    caption, full_name = _case_names(cluster, where)
    date, approximate = parse_date(require(cluster, "date_filed", where), where)
    approximate = approximate or bool(cluster.get("date_filed_is_approximate"))
    citations = _citations(cluster, where)
    docket_number = docket_number_clean(
        text_of(docket, "docket_number", where) or text_of(cluster, "docket_number", where)
    )
    panel = cluster.get("panel")
    typed = [(o, o.get("type") or "010combined") for o in opinions if isinstance(o, dict)]
    texts = {id(o): _text(o, where) for o, _ in typed}
    lead = next((o for kind in _LEAD_TYPES for o, t in typed if t == kind and texts[id(o)]), None)
    lead_text = texts[id(lead)] if lead is not None else ""
    en_banc = en_banc_from(
        captions=[caption, full_name, text_of(cluster, "judges", where)]
        + [line for line in _heading_lines(lead_text) if says_en_banc(line)],
        panel_size=len(panel) if isinstance(panel, list) else None,
        court_id=court_id,
    )
    cluster_id = str(cluster.get("id") or id_from_url(cluster.get("resource_uri"), "clusters"))

    def record(opinion: dict | None, text: str, source_id: str, **extra) -> OpinionRecord:
        return OpinionRecord(
            case_name=caption,
            court_id=court_id,
            court_as_named=named,
            source="courtlistener",
            source_id=source_id,
            date_decided=date,
            date_is_approximate=approximate,
            en_banc=en_banc,
            author=text_of(opinion or {}, "author_str", where),
            judges=text_of(cluster, "judges", where),
            docket_number=docket_number,
            text=text,
            origin=where,
            **extra,
        )

    records = []
    if with_lead:
        notes = full_name_note(full_name, caption)
        records.append(
            record(
                lead,
                lead_text,
                cluster_id,
                opinion_type=opinion_type_from(lead.get("type")) if lead else "court",
                citations=citations,
                first_page=citations[0].page if citations else None,
                notes=notes,
            )
        )
    for number, (opinion, kind) in enumerate(typed, start=1):
        if kind in _LEAD_TYPES or not texts[id(opinion)]:
            continue
        own = str(opinion.get("id") or f"{kind}-{number}")
        records.append(
            record(
                opinion,
                texts[id(opinion)],
                f"{cluster_id}/{own}" if cluster_id else "",
                opinion_type=opinion_type_from(kind),
            )
        )
    return records


def is_lead(opinion: dict) -> bool:
    return (opinion.get("type") or "010combined") in _LEAD_TYPES


def from_courtlistener(data: dict, where: str, *, court_hint: str = "") -> list[OpinionRecord]:
    """A self-contained object: a cluster with its opinions nested, or an opinion with its
    cluster inline (and the docket inline in either, or the court named on the cluster)."""
    if isinstance(data.get("cluster"), dict):
        cluster, opinions = data["cluster"], [data]
    else:
        cluster, opinions = data, data.get("sub_opinions") or []
    if not isinstance(opinions, list):
        raise ImportRejected(f'{where}: "sub_opinions" must be a list.')
    docket = cluster.get("docket") if isinstance(cluster.get("docket"), dict) else None
    nested = [o for o in opinions if isinstance(o, dict)]
    return records_from(cluster, nested, docket, where, court_hint=court_hint)
