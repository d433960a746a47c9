"""Caselaw Access Project: a case as its API gives it (casebody as data, HTML or XML), as its bulk
exports give it (static.case.law volumes: cases/*.json with the casebody inline, and
CasesMetadata.json with none), or metadata alone: a case without its casebody is known by its
citations, with the authorities in its `cites_to` as its citation graph.
"""

from __future__ import annotations

from ..records import CitationRecord, ImportRejected, OpinionRecord
from .common import (
    citation_from_text,
    court_from,
    described,
    docket_number_clean,
    en_banc_from,
    full_name_note,
    int_or_none,
    opinion_type_from,
    parse_date,
    require,
    text_from_html,
    text_of,
    texts_of,
)


def is_cap_case(data) -> bool:
    """A CAP case object: its name, decision date and court (with or without a casebody)."""
    return (
        isinstance(data, dict)
        and "decision_date" in data
        and ("name_abbreviation" in data or "name" in data)
        and "court" in data
    )


def _cap_author(author: str) -> str:
    name = (author or "").split(",")[0].strip().rstrip(".")
    return name.title() if name.isupper() else name


def _body(data: dict, where: str) -> dict | None:
    body = data.get("casebody")
    if body is None:
        return None
    if not isinstance(body, dict):
        raise ImportRejected(f'{where}: "casebody" must be an object, not {described(body)}.')
    if isinstance(body.get("data"), dict):  # the API's JSON body format
        return body["data"]
    if isinstance(body.get("data"), str):  # the API's HTML or XML body format
        return {"opinions": [{"text": text_from_html(body["data"]), "type": "majority"}]}
    if body.get("status") not in (None, "ok") and not body.get("opinions"):
        return None  # "error_auth_required" and the like: the text was withheld
    return body


def _citations(data: dict, key: str, where: str) -> list[CitationRecord]:
    cites = data.get(key) or []
    if not isinstance(cites, list):
        raise ImportRejected(f'{where}: "{key}" must be a list, not {described(cites)}.')
    found: dict[tuple[int, str, int], CitationRecord] = {}
    for cite in cites:
        text = text_of(cite, "cite", where) if isinstance(cite, dict) else str(cite)
        if text and (record := citation_from_text(text)):
            found.setdefault((record.volume, record.reporter, record.page), record)
    return list(found.values())


def from_cap(data: dict, where: str) -> list[OpinionRecord]:
    body = _body(data, where)
    opinions = (body or {}).get("opinions") or []
    if not isinstance(opinions, list):
        raise ImportRejected(f'{where}: "casebody.opinions" must be a list.')
    for opinion in opinions:
        if not isinstance(opinion, dict):
            raise ImportRejected(
                f'{where}: each of "casebody.opinions" must be an object, not {described(opinion)}.'
            )
    lead = next((o for o in opinions if opinion_type_from(o.get("type")) == "court"), None)
    if lead is None and opinions and opinion_type_from(opinions[0].get("type")) == "plurality":
        lead = opinions[0]
    case_name = text_of(data, "name_abbreviation", where, numbers=False) or text_of(
        data, "name", where, numbers=False
    )
    if not case_name.strip():
        raise ImportRejected(f'{where}: "name_abbreviation" is missing.')
    full_name = text_of(data, "name", where, numbers=False).strip()
    date, approximate = parse_date(require(data, "decision_date", where), where)
    court_id, named = court_from(require(data, "court", where))
    citations = _citations(data, "citations", where)
    judges = texts_of(body or {}, "judges", where)
    en_banc = en_banc_from(
        captions=[case_name, full_name, *judges, text_of(body or {}, "head_matter", where)],
        panel_size=None,
        court_id=court_id,
    )
    source_id = str(data.get("id") or "")

    def record(opinion: dict | None, **extra) -> OpinionRecord:
        return OpinionRecord(
            case_name=case_name.strip(),
            court_id=court_id,
            court_as_named=named,
            source="cap",
            date_decided=date,
            date_is_approximate=approximate,
            en_banc=en_banc,
            author=_cap_author(text_of(opinion or {}, "author", where)),
            judges="; ".join(judges),
            docket_number=docket_number_clean(text_of(data, "docket_number", where)),
            origin=where,
            text=text_of(opinion or {}, "text", where, numbers=False),
            **extra,
        )

    first_page = int_or_none(data.get("first_page"))
    records = [
        record(
            lead,
            source_id=source_id,
            opinion_type=opinion_type_from(lead.get("type")) if lead else "court",
            first_page=first_page,
            last_page=int_or_none(data.get("last_page")),
            citations=citations,
            # The text's own citations make the graph; without it, the source's list does.
            cites_to=[] if lead else _citations(data, "cites_to", where),
            notes=full_name_note(full_name, case_name),
        )
    ]
    for number, opinion in enumerate(opinions):
        if opinion is lead or not text_of(opinion, "text", where, numbers=False).strip():
            continue
        records.append(
            record(
                opinion,
                source_id=f"{source_id}/{number}" if source_id else "",
                opinion_type=opinion_type_from(opinion.get("type")),
            )
        )
    return records
