"""Federal courts: the only module that reads courts-db.

courts-db knows every court's id, name and Bluebook abbreviation (its `citation_string`), but
lacks `appeal_to` for many districts, so each district's circuit comes from our own table
(`casebook.districts`, from 28 U.S.C. § 41).
"""

from __future__ import annotations

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
