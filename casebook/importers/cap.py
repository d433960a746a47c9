"""Caselaw Access Project: a case as in its bulk JSON (case.law), text format."""

from __future__ import annotations

from ..records import ImportRejected, OpinionRecord
from .common import (
    citation_from_text,
    court_id_from,
    int_or_none,
    parse_date,
    require,
    text_from_html,
)


def _cap_author(author: str) -> str:
    name = (author or "").split(",")[0].strip().rstrip(".")
    return name.title() if name.isupper() else name


def from_cap(data: dict, where: str) -> list[OpinionRecord]:
    body = data.get("casebody")
    if not isinstance(body, dict):
        raise ImportRejected(f'{where}: "casebody" is missing.')
    if isinstance(body.get("data"), dict):
        body = body["data"]
    elif isinstance(body.get("data"), str):
        body = {"opinions": [{"text": text_from_html(body["data"]), "type": "majority"}]}
    opinions = body.get("opinions") or []
    if not isinstance(opinions, list):
        raise ImportRejected(f'{where}: "casebody.opinions" must be a list.')
    lead = next((o for o in opinions if o.get("type") == "majority"), None) or (
        opinions[0] if opinions else {}
    )
    case_name = data.get("name_abbreviation") or data.get("name") or ""
    if not case_name.strip():
        raise ImportRejected(f'{where}: "name_abbreviation" is missing.')
    date, approximate = parse_date(require(data, "decision_date", where), where)
    citations = []
    for cite in data.get("citations") or []:
        text = cite.get("cite") if isinstance(cite, dict) else str(cite)
        if text and (record := citation_from_text(text)):
            citations.append(record)
    court = require(data, "court", where)
    first_page = int_or_none(data.get("first_page"))
    return [
        OpinionRecord(
            case_name=case_name.strip(),
            court_id=court_id_from(court, where),
            source="cap",
            source_id=str(data.get("id") or ""),
            date_decided=date,
            date_is_approximate=approximate,
            author=_cap_author(lead.get("author") or ""),
            judges="; ".join(body.get("judges") or []),
            docket_number=data.get("docket_number") or "",
            first_page=first_page,
            last_page=int_or_none(data.get("last_page")),
            text=lead.get("text") or "",
            citations=citations,
            origin=where,
        )
    ]
