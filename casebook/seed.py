"""The casebook's founding material: two opinions, the authorities they cite, their holdings on
the fast-track ground and the one treatment the material records; then the reviewed fixture of
the post-Booker split on the variance ground (data/fast_track_split.json). Idempotent."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from .citations import parse_citation
from .importers.common import citation_from_text, parse_date
from .importers.text import from_metadata, read_text, text_file_named
from .models import CitationEdge, Ground, Opinion, OpinionCitation, UnmatchedCitation
from .records import OpinionRecord
from .services.holdings import ground_get_or_create, holding_save, treatment_save
from .services.opinions import opinion_import

DATA = Path(__file__).resolve().parent / "data"
SPLIT = DATA / "fast_track_split.json"


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


def split_records(split: dict) -> list[OpinionRecord]:
    """The split's opinions as import records: known by citation, with the date, docket and
    where each was checked (the notes); a citation not seen in a copy is unverified."""
    records = []
    for entry in split["opinions"]:
        where = f"casebook/data/{SPLIT.name}"
        decided, approximate = parse_date(entry.get("date_decided"), where)
        cite = citation_from_text(entry["citation"], verified=entry.get("citation_verified", True))
        source = f" Checked against {entry['source']}." if entry.get("source") else ""
        records.append(
            OpinionRecord(
                case_name=entry["case_name"],
                court_id=entry["court"],
                source="seed",
                source_id=str(cite),
                date_decided=decided,
                date_is_approximate=approximate,
                en_banc=entry.get("en_banc", False),
                docket_number=entry.get("docket_number", ""),
                notes=entry.get("note", "") + source,
                first_page=cite.page if cite else None,
                citations=[cite] if cite else [],
                origin=where,
            )
        )
    return records


def _load_split(split: dict, grounds: dict[str, Ground]) -> int:
    """The variance ground beside its departure ground, the opinions, holdings and treatment."""
    for g in split["grounds"]:
        grounds[g["slug"]] = ground_get_or_create(
            name=g["name"],
            slug=g["slug"],
            description=g.get("description", ""),
            kind=g["kind"],
            departure_ground=grounds[g["departure_ground"]] if g.get("departure_ground") else None,
            context=g.get("context", ""),
        )
    (variance,) = (grounds[g["slug"]] for g in split["grounds"])
    for record in split_records(split):
        opinion_import(record=record)
    for g in split["grounds"]:
        grounds[g["slug"]].authorities.set(
            [_opinion_by_citation(c) for c in g.get("authorities_without_holding", [])]
        )
    saved = {}
    for holding in split["holdings"]:
        quoted_in = _opinion_by_citation(holding["quoted_in"]) if holding.get("quoted_in") else None
        in_light_of = holding.get("in_light_of")
        saved[holding["opinion"]] = holding_save(
            opinion=_opinion_by_citation(holding["opinion"]),
            ground=variance,
            effect=holding["effect"],
            quote=holding["quote"],
            quoted_in=quoted_in,
            pinpoint_page=holding.get("pinpoint_page"),
            pinpoint=holding.get("pinpoint", ""),
            quote_source=holding["quote_source"],
            in_light_of=_opinion_by_citation(in_light_of) if in_light_of else None,
        )
    for treatment in split["treatments"]:
        treatment_save(
            holding=saved[treatment["holding"]],
            kind=treatment["kind"],
            date=datetime.date.fromisoformat(treatment["date"]),
            by=_opinion_by_citation(treatment["by"]) if treatment.get("by") else None,
            note=treatment.get("note", ""),
        )
    return len(split["holdings"])


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
        holdings=len(editorial["holdings"]),
    )


@transaction.atomic
def load_fast_track_split() -> SeedSummary:
    """Loads (or refreshes) the reviewed split fixture over the founding material, whose
    departure ground the variance ground stands beside; running it again changes nothing."""
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    grounds = {g.slug: g for g in Ground.objects.all()}
    holdings = _load_split(split, grounds)
    return SeedSummary(
        opinions=Opinion.objects.count(),
        edges=CitationEdge.objects.count(),
        unmatched=UnmatchedCitation.objects.count(),
        holdings=holdings,
    )
