"""The casebook's founding material: two opinions, the authorities they cite, their holdings on
the fast-track ground and the one treatment the material records. Idempotent."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from .citations import parse_citation
from .importers.common import citation_from_text, parse_date
from .importers.text import from_metadata, read_text, text_file_named
from .models import CitationEdge, Opinion, OpinionCitation, UnmatchedCitation
from .records import OpinionRecord
from .services.holdings import ground_get_or_create, holding_save, treatment_save
from .services.opinions import opinion_import

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class SeedSummary:
    opinions: int
    edges: int
    unmatched: int
    holdings: int


def _citation_only(case_name, citation, court_id, date, note, *, en_banc=False) -> OpinionRecord:
    decided, approximate = parse_date(date, "index.json")
    cite = citation_from_text(citation)
    return OpinionRecord(
        case_name=case_name,
        court_id=court_id,
        source="seed",
        source_id=str(cite),
        date_decided=decided,
        date_is_approximate=approximate,
        en_banc=en_banc,
        notes=note,
        first_page=cite.page,
        citations=[cite],
        origin="index.json",
    )


def _opinion_by_citation(citation: str) -> Opinion:
    key = parse_citation(citation)
    return (
        OpinionCitation.objects.select_related("opinion")
        .get(volume=key.volume, reporter=key.reporter, page=key.page)
        .opinion
    )


def seed_records() -> list[OpinionRecord]:
    """Citation-only authorities first, so the founding opinions' citations find them."""
    index = json.loads((DATA / "index.json").read_text(encoding="utf-8"))
    editorial = json.loads((DATA / "seed.json").read_text(encoding="utf-8"))
    records = [
        _citation_only(
            authority["case_name"],
            authority["citation"],
            authority["court"],
            authority.get("date_decided"),
            authority.get("note", ""),
        )
        for authority in index.get("cited_authorities_worth_knowing", [])
    ]
    records += [
        _citation_only(
            entry["case_name"],
            earlier["citation"],
            earlier["court"],
            str(earlier["year"]),
            earlier["relation"][:1].upper() + earlier["relation"][1:] + ".",
        )
        for entry in index["opinions"]
        for earlier in entry.get("history", [])
    ]
    for entry in index["opinions"]:
        entry = dict(entry, run_in_footnotes=editorial["run_in_footnotes"].get(entry["file"], []))
        where = f"casebook/data/{entry['file']}"
        text = read_text(text_file_named(DATA / "index.json", entry["file"], where), where)
        records.append(from_metadata(entry, text, where, source="seed"))
    return records


@transaction.atomic
def load_casebook() -> SeedSummary:
    """Loads (or refreshes) the founding material; running it again changes nothing."""
    editorial = json.loads((DATA / "seed.json").read_text(encoding="utf-8"))
    grounds = {
        g["slug"]: ground_get_or_create(
            name=g["name"], slug=g["slug"], description=g.get("description", "")
        )
        for g in editorial["grounds"]
    }
    for record in seed_records():
        opinion_import(record=record)
    for holding in editorial["holdings"]:
        holding_save(
            opinion=_opinion_by_citation(holding["opinion"]),
            ground=grounds[holding["ground"]],
            effect=holding["effect"],
            quote=holding["quote"],
            quoted_in=_opinion_by_citation(holding["quoted_in"])
            if holding.get("quoted_in")
            else None,
            pinpoint_page=holding.get("pinpoint_page"),
        )
    for treatment in editorial["treatments"]:
        treatment_save(
            opinion=_opinion_by_citation(treatment["opinion"]),
            kind=treatment["kind"],
            date=datetime.date.fromisoformat(treatment["date"]),
            by=_opinion_by_citation(treatment["by"]) if treatment.get("by") else None,
            note=treatment.get("note", ""),
        )
    return SeedSummary(
        opinions=Opinion.objects.count(),
        edges=CitationEdge.objects.count(),
        unmatched=UnmatchedCitation.objects.count(),
        holdings=sum(1 for _ in editorial["holdings"]),
    )
