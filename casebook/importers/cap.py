"""Caselaw Access Project: a case as in its bulk JSON (case.law), text format."""

from __future__ import annotations

from ..records import ImportRejected, OpinionRecord
from .common import (
    citation_from_text,
    court_id_from,
    described,
    int_or_none,
    parse_date,
    require,
    text_from_html,
    text_of,
    texts_of,
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
    for opinion in opinions:
        if not isinstance(opinion, dict):
            raise ImportRejected(
                f'{where}: each of "casebody.opinions" must be an object, not {described(opinion)}.'
            )
    lead = next((o for o in opinions if o.get("type") == "majority"), None) or (
        opinions[0] if opinions else {}
    )
    case_name = text_of(data, "name_abbreviation", where, numbers=False) or text_of(
        data, "name", where, numbers=False
    )
    if not case_name.strip():
        raise ImportRejected(f'{where}: "name_abbreviation" is missing.')
    date, approximate = parse_date(require(data, "decision_date", where), where)
    cites = data.get("citations") or []
    if not isinstance(cites, list):
        raise ImportRejected(f'{where}: "citations" must be a list, not {described(cites)}.')
    citations = []
    for cite in cites:
        text = text_of(cite, "cite", where) if isinstance(cite, dict) else str(cite)
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
            author=_cap_author(text_of(lead, "author", where)),
            judges="; ".join(texts_of(body, "judges", where)),
            docket_number=text_of(data, "docket_number", where),
            first_page=first_page,
            last_page=int_or_none(data.get("last_page")),
            text=text_of(lead, "text", where, numbers=False),
            citations=citations,
            origin=where,
        )
    ]
