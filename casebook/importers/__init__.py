"""Reads opinion files into `OpinionRecord`s, no writes.

`read_opinions` reads one self-contained file; `OpinionReader` streams files and folders of any
mix of formats, joining CourtListener opinions, clusters and dockets kept in separate files
(linked by URL or id), and records each file it cannot use with the reason.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import courts
from ..records import ImportRejected, OpinionRecord
from . import courtlistener
from .cap import from_cap, is_cap_case
from .common import read_json
from .text import from_index, from_metadata, read_text, text_file_named

# How a field is named in a message, where its attribute name will not do.
_FIELD_NAMES = {"text": "opinion's text", "notes": "note", "source_id": "source's id"}

# Files of a CAP volume that describe the volume, reporter, courts or jurisdictions, not cases.
_CAP_NOT_CASES = {
    "VolumeMetadata.json",
    "ReporterMetadata.json",
    "CourtsMetadata.json",
    "JurisdictionsMetadata.json",
}
_READ_SUFFIXES = {".json", ".jsonl", ".txt"}


@dataclasses.dataclass(frozen=True)
class Rejection:
    where: str
    message: str
    reason: str
    broken: bool  # the file is unusable, as opposed to a readable record refused on saving


def _not_a_format(where: str) -> ImportRejected:
    return ImportRejected(
        f"{where}: not a CourtListener docket, cluster or opinion, a Caselaw Access Project "
        "case, or opinion metadata.",
        reason="not an opinion format",
    )


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


def _self_contained(data, path: Path, where: str, court_hint: str = "") -> list[OpinionRecord]:
    """The records of an object that needs no other file; _not_a_format when it is none."""
    if isinstance(data, dict) and "opinions" in data and "casebody" not in data:
        return from_index(data, path)
    if isinstance(data, dict) and "file" in data and "case_name" in data:
        text = read_text(text_file_named(path, data["file"], where), where)
        return [from_metadata(data, text, where)]
    if is_cap_case(data) or (isinstance(data, dict) and "casebody" in data):
        return from_cap(data, where)
    if isinstance(data, dict) and courtlistener.kind_of(data):
        return courtlistener.from_courtlistener(data, where, court_hint=court_hint)
    raise _not_a_format(where)


def _guarded(where: str, read) -> list[OpinionRecord]:
    try:
        records = read()
    except (AttributeError, KeyError, TypeError, ValueError, OverflowError) as error:
        # A shape the checks above did not foresee: the file is refused all the same.
        raise ImportRejected(
            f"{where}: its content is not laid out as its format expects ({error})."
        ) from error
    return [_without_nul(record) for record in records]


def read_opinions(path: Path) -> list[OpinionRecord]:
    """The opinions in one self-contained file, whatever its format; ImportRejected says why
    it is unusable."""
    path = Path(path)
    if not path.is_file():
        raise ImportRejected(f"{path}: no such file.", reason="no such file", broken=False)
    if path.suffix.lower() == ".txt":
        return _guarded(str(path), lambda: [_text_with_metadata(path)])
    data = read_json(path)
    return _guarded(str(path), lambda: _self_contained(data, path, str(path)))


def _text_with_metadata(path: Path) -> OpinionRecord:
    metadata = path.with_suffix(".json")
    if not metadata.is_file():
        raise ImportRejected(f"{path}: plain text needs its metadata in {metadata.name}.")
    entry = read_json(metadata)
    if not isinstance(entry, dict):
        raise ImportRejected(f"{metadata}: expected one opinion's metadata (an object).")
    return from_metadata(entry, read_text(path, str(path)), str(path))


class OpinionReader:
    """Streams the records of files and folders (walked in name order), one file in memory at
    a time. CourtListener opinions whose cluster or docket is in another file wait, as a path,
    until every file has been seen; clusters and dockets are kept meanwhile, cut to the fields
    the records need. A cluster no opinion file joins is the case known by its citations.

    Unusable files and objects are collected in `rejected`; `skipped` counts files of a folder
    that hold no opinions (CAP's volume and reporter metadata, other file types)."""

    def __init__(self, paths: Iterable[Path]):
        self.paths = [Path(p) for p in paths]
        self.rejected: list[Rejection] = []
        self.skipped = 0
        self.files_read = 0
        self._dockets: dict[str, dict] = {}
        self._clusters: dict[str, tuple[dict, str, str]] = {}  # id → (cluster, where, hint)
        self._leads: set[str] = set()
        self._waiting: list[tuple[Path, set[str]]] = []  # each file, with the objects that wait

    def records(self) -> Iterator[OpinionRecord]:
        for path in self._files():
            yield from self._file(path)
        for path, waiting in self._waiting:
            yield from self._file(path, only=waiting)
        for cluster_id, (cluster, where, hint) in self._clusters.items():
            if cluster_id not in self._leads:
                yield from self._attempt(
                    where, lambda c=cluster, w=where, h=hint: self._cluster_alone(c, w, h)
                )

    # Files

    def _files(self) -> Iterator[Path]:
        for path in self.paths:
            if path.is_dir():
                yield from self._walk(path)
            elif path.is_file():
                yield path
            else:
                self._reject(ImportRejected(f"{path}: no such file or folder.", broken=False), "")

    def _walk(self, folder: Path) -> Iterator[Path]:
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            here = Path(root)
            for name in sorted(names):
                path = here / name
                # A volume's cases are in cases/, each in full: its CasesMetadata repeats them.
                repeated = name == "CasesMetadata.json" and (here / "cases").is_dir()
                if (
                    name.startswith(".")
                    or path.suffix.lower() not in _READ_SUFFIXES
                    or name in _CAP_NOT_CASES
                    or repeated
                ):
                    self.skipped += 1
                elif path.suffix.lower() == ".json" and path.with_suffix(".txt").is_file():
                    self.skipped += 1  # the metadata of name.txt, read with it
                else:
                    yield path

    def _file(self, path: Path, *, only: set[str] | None = None) -> Iterator[OpinionRecord]:
        """The file's records; on the second pass (`only`), those of the objects that waited."""
        final = only is not None
        self.files_read += 0 if final else 1
        where = str(path)
        if path.suffix.lower() == ".txt":
            yield from self._attempt(where, lambda: [_text_with_metadata(path)])
            return
        hint = _court_folder(path)
        deferred: set[str] = set()
        objects = self._objects(path)
        while True:
            try:
                label, data = next(objects)
            except StopIteration:
                break
            except ImportRejected as error:
                self._reject(error, where)
                break
            if only is not None and label not in only:
                continue
            if not final and self._needs_other_files(data):
                deferred.add(label)
                continue
            yield from self._attempt(label, lambda d=data, w=label: self._object(d, path, w, hint))
        if deferred:
            self._waiting.append((path, deferred))

    def _objects(self, path: Path) -> Iterator[tuple[str, object]]:
        """The file's objects: one JSON value, a list of them (CAP's CasesMetadata.json), an API
        page ({"results": [...]}), or JSON Lines (CAP's bulk data.jsonl)."""
        if path.suffix.lower() == ".jsonl":
            with path.open(encoding="utf-8", errors="strict") as lines:
                for number, line in enumerate(lines, start=1):
                    if line.strip():
                        try:
                            yield f"{path} (line {number})", json.loads(line)
                        except (json.JSONDecodeError, ValueError) as error:
                            raise ImportRejected(
                                f"{path}: line {number} is not valid JSON ({error}).",
                                reason="unreadable",
                            ) from error
            return
        data = read_json(path)
        if isinstance(data, dict) and isinstance(data.get("results"), list) and "count" in data:
            data = data["results"]
        if isinstance(data, list):
            if not data:
                raise ImportRejected(f"{path}: an empty list.", reason="not an opinion format")
            for number, item in enumerate(data, start=1):
                yield f"{path} (item {number})", item
        else:
            yield where_of(path), data

    # Objects

    def _needs_other_files(self, data) -> bool:
        """Whether a CourtListener object waits for a cluster or docket not yet read."""
        if not isinstance(data, dict):
            return False
        kind = courtlistener.kind_of(data)
        if kind == "opinion" and not isinstance(data.get("cluster"), dict):
            cluster_id = _cluster_id_of(data)
            if cluster_id not in self._clusters:
                return True
            return self._docket_missing(self._clusters[cluster_id][0])
        if kind == "cluster" and _has_nested_opinions(data):
            return self._docket_missing(data)
        return False

    def _docket_missing(self, cluster: dict) -> bool:
        if (
            cluster.get("court_id")
            or cluster.get("court")
            or isinstance(cluster.get("docket"), dict)
        ):
            return False
        docket_id = _docket_id_of(cluster)
        return bool(docket_id) and docket_id not in self._dockets

    def _docket_of(self, cluster: dict) -> dict | None:
        if isinstance(cluster.get("docket"), dict):
            return cluster["docket"]
        return self._dockets.get(_docket_id_of(cluster))

    def _object(self, data, path: Path, where: str, hint: str) -> list[OpinionRecord]:
        kind = courtlistener.kind_of(data) if isinstance(data, dict) else None
        if kind == "docket" and not is_cap_case(data):
            docket_id = str(
                data.get("id") or courtlistener.id_from_url(data.get("resource_uri"), "dockets")
            )
            keep = ("court_id", "court", "docket_number")
            self._dockets[docket_id] = {k: data.get(k) for k in keep if data.get(k)}
            return []
        if kind == "cluster" and not _has_nested_opinions(data):
            cluster_id = str(data.get("id") or _cluster_id_of(data))
            kept = {k: data[k] for k in courtlistener.CLUSTER_FIELDS if k in data}
            self._clusters[cluster_id] = (kept, where, hint)
            return []
        if kind == "cluster":
            return courtlistener.records_from(
                data, data["sub_opinions"], self._docket_of(data), where, court_hint=hint
            )
        if kind == "opinion" and not isinstance(data.get("cluster"), dict):
            cluster_id = _cluster_id_of(data)
            if cluster_id not in self._clusters:
                raise ImportRejected(
                    f"{where}: its cluster ({data.get('cluster') or cluster_id}) is in none of "
                    "the files imported; import the opinion with its cluster.",
                    reason="cluster missing",
                )
            cluster, _, cluster_hint = self._clusters[cluster_id]
            lead = courtlistener.is_lead(data)
            records = courtlistener.records_from(
                cluster,
                [data],
                self._docket_of(cluster),
                where,
                court_hint=hint or cluster_hint,
                with_lead=lead,
            )
            if lead:
                self._leads.add(cluster_id)
            return records
        return _self_contained(data, path, where, hint)

    def _cluster_alone(self, cluster: dict, where: str, hint: str) -> list[OpinionRecord]:
        return courtlistener.records_from(
            cluster, [], self._docket_of(cluster), where, court_hint=hint
        )

    def _attempt(self, where: str, read) -> Iterator[OpinionRecord]:
        try:
            records = _guarded(where, read)
        except ImportRejected as error:
            self._reject(error, where)
            return
        yield from records

    def _reject(self, error: ImportRejected, where: str) -> None:
        message = str(error)
        self.rejected.append(
            Rejection(
                where or message.split(": ")[0],
                message,
                getattr(error, "reason", "malformed"),
                getattr(error, "broken", True),
            )
        )


def _court_folder(path: Path) -> str:
    """The court a file's folder (or the folder above it) is named for, as CourtListener's old
    per-court bulk archives unpack ("ca2/clusters/8101.json"); "" when neither is."""
    for folder in list(path.parents)[:2]:
        if courts.court_info(folder.name):
            return folder.name
    return ""


def where_of(path: Path) -> str:
    return str(path)


def _has_nested_opinions(cluster: dict) -> bool:
    opinions = cluster.get("sub_opinions")
    return isinstance(opinions, list) and any(isinstance(o, dict) for o in opinions)


def _cluster_id_of(opinion: dict) -> str:
    return courtlistener.id_from_url(opinion.get("cluster"), "clusters") or str(
        opinion.get("cluster_id") or ""
    )


def _docket_id_of(cluster: dict) -> str:
    return courtlistener.id_from_url(cluster.get("docket"), "dockets") or str(
        cluster.get("docket_id") or ""
    )
