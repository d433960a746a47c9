"""Reads opinion files into `OpinionRecord`s, no writes: `read_opinions` picks the adapter."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from ..records import ImportRejected, OpinionRecord
from .cap import from_cap
from .common import read_json
from .courtlistener import from_courtlistener
from .text import from_index, from_metadata, read_text, text_file_named

# How a field is named in a message, where its attribute name will not do.
_FIELD_NAMES = {"text": "opinion's text", "notes": "note", "source_id": "source's id"}


def _kind_of(data) -> Callable | None:
    if not isinstance(data, dict):
        return None
    if "casebody" in data:
        return from_cap
    if "sub_opinions" in data or isinstance(data.get("cluster"), dict) or "date_filed" in data:
        return from_courtlistener
    return None


def _without_nul(record: OpinionRecord) -> OpinionRecord:
    """The record, unless some text of it holds a NUL character: no text has one, PostgreSQL
    cannot store one, and a file with one is most likely damaged or not text at all."""
    values = [(field.name, getattr(record, field.name)) for field in dataclasses.fields(record)]
    values += [("citation", cite.reporter) for cite in record.citations]
    for name, value in values:
        if isinstance(value, str) and "\x00" in value:
            where = f" (character {value.index(chr(0)) + 1:,})" if name == "text" else ""
            label = _FIELD_NAMES.get(name, name.replace("_", " "))
            raise ImportRejected(
                f"{record.origin}: the {label} contains a NUL character{where}, which is not "
                "text; the file may be damaged."
            )
    return record


def _read(path: Path) -> list[OpinionRecord]:
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
        text = read_text(text_file_named(path, data["file"], str(path)), str(path))
        return [from_metadata(data, text, str(path))]
    adapter = _kind_of(data)
    if adapter is None:
        raise ImportRejected(
            f"{path}: not a CourtListener cluster or opinion, a Caselaw Access Project case, "
            "or opinion metadata."
        )
    return adapter(data, str(path))


def read_opinions(path: Path) -> list[OpinionRecord]:
    """The opinions in one file, whatever its format; ImportRejected says why it is unusable."""
    path = Path(path)
    if not path.is_file():
        raise ImportRejected(f"{path}: no such file.")
    try:
        records = _read(path)
    except (AttributeError, KeyError, TypeError, ValueError, OverflowError) as error:
        # A shape the checks above did not foresee: the file is refused all the same.
        raise ImportRejected(
            f"{path}: its content is not laid out as its format expects ({error})."
        ) from error
    return [_without_nul(record) for record in records]
