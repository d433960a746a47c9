"""Reads opinion files into `OpinionRecord`s, no writes: `read_opinions` picks the adapter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..records import ImportRejected, OpinionRecord
from .cap import from_cap
from .common import read_json
from .courtlistener import from_courtlistener
from .text import from_index, from_metadata, read_text


def _kind_of(data) -> Callable | None:
    if not isinstance(data, dict):
        return None
    if "casebody" in data:
        return from_cap
    if "sub_opinions" in data or isinstance(data.get("cluster"), dict) or "date_filed" in data:
        return from_courtlistener
    return None


def read_opinions(path: Path) -> list[OpinionRecord]:
    """The opinions in one file, whatever its format; ImportRejected says why it is unusable."""
    path = Path(path)
    if not path.is_file():
        raise ImportRejected(f"{path}: no such file.")
    if path.suffix.lower() == ".txt":
        metadata = path.with_suffix(".json")
        if not metadata.is_file():
            raise ImportRejected(f"{path}: plain text needs its metadata in {metadata.name}.")
        entry = read_json(metadata)
        if not isinstance(entry, dict):
            raise ImportRejected(f"{metadata}: expected one opinion's metadata (an object).")
        return [from_metadata(entry, read_text(path, str(path)), str(path))]
    data = read_json(path)
    if isinstance(data, dict) and "opinions" in data:
        return from_index(data, path)
    if isinstance(data, dict) and "file" in data and "case_name" in data:
        return [from_metadata(data, read_text(path.parent / data["file"], str(path)), str(path))]
    adapter = _kind_of(data)
    if adapter is None:
        raise ImportRejected(
            f"{path}: not a CourtListener cluster or opinion, a Caselaw Access Project case, "
            "or opinion metadata."
        )
    return adapter(data, str(path))
