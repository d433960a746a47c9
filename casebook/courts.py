"""Federal courts: the only module that reads courts-db.

courts-db knows every court's id, name and Bluebook abbreviation (its `citation_string`), but
lacks `appeal_to` for many districts, so each district's circuit comes from our own table
(`casebook.districts`, from 28 U.S.C. § 41).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import courts_db

from judiciary import districts

SUPREME_COURT = "scotus"

# Courts of appeals, by courts-db id, in the order the circuits are numbered.
COURTS_OF_APPEALS = tuple(f"ca{n}" for n in range(1, 12)) + ("cadc", "cafc")


class Kind:
    SUPREME = "supreme"
    APPELLATE = "appellate"
    DISTRICT = "district"
    OTHER = "other"


@dataclass(frozen=True)
class CourtInfo:
    id: str
    name: str
    abbreviation: str  # as in a citation's parenthetical: "9th Cir.", "C.D. Cal."
    kind: str
    circuit_id: str | None  # the court of appeals (itself, for a court of appeals)


def _squash(abbreviation: str) -> str:
    return re.sub(r"[\s.]", "", abbreviation).lower()


@cache
def _courts_db_by_id() -> dict[str, dict[str, Any]]:
    return {court["id"]: court for court in courts_db.courts}


@cache
def _ids_by_abbreviation() -> dict[str, str]:
    index: dict[str, str] = {}
    # Federal courts first, so that they win a shared abbreviation.
    ordered = sorted(courts_db.courts, key=lambda c: c.get("system") != "federal")
    for court in ordered:
        abbreviation = court.get("citation_string") or ""
        if abbreviation:
            index.setdefault(_squash(abbreviation), court["id"])
    for district in districts.DISTRICTS:
        index[_squash(district.abbreviation)] = district.court_id
    return index


def _circuit_court_id(circuit: str | int | None) -> str | None:
    """Our district table may name a circuit as "ca9", "9" or 9; this returns the court id."""
    if circuit is None or circuit == "":
        return None
    value = str(circuit).strip().lower()
    if value.isdigit():
        return f"ca{int(value)}"
    if value in {"dc", "d.c."}:
        return "cadc"
    return value


def circuit_of(court_id: str) -> str | None:
    """The court of appeals whose decisions bind `court_id`: itself for a court of appeals, the
    circuit for a district court, None for the Supreme Court and courts we do not place."""
    if court_id in COURTS_OF_APPEALS:
        return court_id
    district = districts.district_by_id(court_id)
    if district is not None:
        return _circuit_court_id(districts.circuit_of(court_id))
    return _courts_db_by_id().get(court_id, {}).get("appeal_to") or None


def circuit_name(circuit_id: str) -> str:
    """ "Ninth Circuit" for ca9; the court's name for anything else."""
    if circuit_id in districts.CIRCUIT_NAMES:
        return districts.CIRCUIT_NAMES[circuit_id]
    info = court_info(circuit_id)
    return info.name if info else circuit_id


def court_info(court_id: str) -> CourtInfo | None:
    """What we know of a court from courts-db and our district table, or None if neither has it."""
    district = districts.district_by_id(court_id)
    record = _courts_db_by_id().get(court_id)
    if district is None and record is None:
        return None
    if court_id == SUPREME_COURT:
        kind = Kind.SUPREME
    elif court_id in COURTS_OF_APPEALS:
        kind = Kind.APPELLATE
    elif district is not None:
        kind = Kind.DISTRICT
    else:
        kind = Kind.OTHER
    if district is not None:
        name, abbreviation = district.name, district.abbreviation
    else:
        name = record["name"]
        # courts-db writes "SCOTUS"; the Bluebook abbreviation is "U.S.".
        abbreviation = "U.S." if kind == Kind.SUPREME else record.get("citation_string") or ""
    if kind == Kind.APPELLATE and not name.startswith("United States"):
        name = f"United States {name}"
    return CourtInfo(court_id, name, abbreviation, kind, circuit_of(court_id))


def court_id_for_abbreviation(abbreviation: str) -> str | None:
    """ "9th Cir." → ca9, "D. Utah" → utd, "C.D. Cal." → cacd; None when unknown."""
    return _ids_by_abbreviation().get(_squash(abbreviation))


def court_id_for_name(name: str) -> str | None:
    """A federal court's id from its name or abbreviation; None unless exactly one matches."""
    by_abbreviation = court_id_for_abbreviation(name)
    if by_abbreviation:
        return by_abbreviation
    # find_court compiles every regex on first use (about a second); only importers call this.
    found = [
        c for c in courts_db.find_court(name) if _courts_db_by_id()[c].get("system") == "federal"
    ]
    return found[0] if len(found) == 1 else None


# Abbreviations sources use that courts-db spells otherwise: the Caselaw Access Project names
# the Supreme Court "U.S." (courts-db: "SCOTUS") and the Tax Court "T.C." (courts-db: "Tax Ct.").
_SOURCE_ABBREVIATIONS = {"us": SUPREME_COURT, "tc": "tax"}


@cache
def _ids_by_any_abbreviation() -> dict[str, str]:
    """Every court's squashed courts-db abbreviation, federal first, then state and others."""
    index = dict(_ids_by_abbreviation())
    for court in courts_db.courts:
        abbreviation = court.get("citation_string") or ""
        if abbreviation:
            index.setdefault(_squash(abbreviation), court["id"])
    for alias, court_id in _SOURCE_ABBREVIATIONS.items():
        index.setdefault(alias, court_id)
    return index


def _id_from_url(text: str) -> str:
    """ "https://www.courtlistener.com/api/rest/v4/courts/ca9/" → "ca9"; other text unchanged."""
    match = re.search(r"/courts/([a-z0-9]+)/?$", text)
    return match.group(1) if match else text


def resolve_court(*names: str) -> str | None:
    """The courts-db id of a court as a source names it, trying each name in turn: an id
    ("ca9", "tax"), a CourtListener court URL, an abbreviation ("9th Cir.", "U.S.", "Ariz."),
    or a name courts-db matches to one court (federal preferred). None when none of them does."""
    candidates = [_id_from_url(str(n).strip()) for n in names if n and str(n).strip()]
    for text in candidates:
        if court_info(text) is not None:
            return text
    for text in candidates:
        if found := _ids_by_any_abbreviation().get(_squash(text)):
            return found
    for text in candidates:
        matches = courts_db.find_court(text)
        federal = [c for c in matches if _courts_db_by_id()[c].get("system") == "federal"]
        for group in (federal, matches):
            if len(group) == 1:
                return group[0]
    return None


def unrecognized_court_id(name: str) -> str:
    """A stable key for a court courts-db does not know, from the name the source gives it:
    "x-" and the name's letters and digits, shortened with a hash when long (ids hold 20)."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "court"
    if len(slug) <= 18:
        return f"x-{slug}"
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:6]
    return f"x-{slug[:11]}-{digest}"
