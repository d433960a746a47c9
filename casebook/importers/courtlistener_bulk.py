"""CourtListener's bulk data: the CSV files of its database tables (courts, dockets, opinion
clusters, opinions, citations, the citation map, cluster panels), as its export writes them
(PostgreSQL COPY with a header, every value quoted with a backtick, optionally bzip2ed).

The files are many gigabytes, so each is streamed once, in the order the joins need: dockets
(kept if their court is wanted), clusters of those dockets (kept if filed since the date), their
citations and panels, then the opinions, each yielding its records as it is read. Only the kept
dockets and clusters, cut to the fields the records need, stay in memory.
"""

from __future__ import annotations

import bz2
import csv
import datetime
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..records import ImportRejected, OpinionRecord
from . import courtlistener

# Each table's file, as the export names it ("opinion-clusters-2024-05-06.csv.bz2"); dockets
# have been exported under both names.
TABLES = {
    "dockets": ("dockets-", "search_docket-"),
    "clusters": ("opinion-clusters-",),
    "opinions": ("opinions-",),
    "citations": ("citations-",),
    "citation_map": ("citation-map-",),
    "panels": ("search_opinioncluster_panel-",),
}
_DATED = re.compile(r"\d{4}-\d{2}-\d{2}\.csv(\.bz2)?$")


def _field_size_unlimited() -> None:
    """An opinion's HTML may run to megabytes; the csv module's default limit is 128 KiB."""
    csv.field_size_limit(sys.maxsize)


def table_files(folder: Path) -> dict[str, Path]:
    """The newest export of each table in the folder (by the date in its name)."""
    found: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if not _DATED.search(path.name):
            continue
        for table, prefixes in TABLES.items():
            if any(path.name.startswith(p) for p in prefixes):
                found[table] = path  # sorted: a later date replaces an earlier one
    return found


def _open(path: Path) -> IO[str]:
    if path.suffix == ".bz2":
        return bz2.open(path, "rt", encoding="utf-8", newline="")
    return path.open(encoding="utf-8", newline="")


def rows(path: Path) -> Iterator[dict[str, str]]:
    """The table's rows as dicts by column name; NULL and empty both read as ""."""
    _field_size_unlimited()
    with _open(path) as stream:
        yield from csv.DictReader(stream, quotechar="`")


class BulkReader:
    """Streams the records of a folder of bulk CSV files, filtered by court and date.

    `resume_after` skips that many rows of the opinions file (a checkpoint); `position` is the
    number of opinion rows whose records have all been yielded, to save as the next one."""

    def __init__(
        self,
        folder: Path,
        *,
        courts: set[str] | None = None,
        since: datetime.date | None = None,
        resume_after: int = 0,
    ):
        self.folder = Path(folder)
        self.files = table_files(self.folder)
        missing = [t for t in ("dockets", "clusters", "opinions") if t not in self.files]
        if missing:
            raise ImportRejected(
                f"{folder}: no bulk file for {', '.join(missing)} (expected names such as "
                "dockets-2024-05-06.csv.bz2, opinion-clusters-…, opinions-…).",
                broken=False,
            )
        self.courts, self.since = courts, since
        self.resume_after = resume_after
        self.position = resume_after
        self.rejected: list[tuple[str, ImportRejected]] = []
        self._dockets: dict[str, dict[str, str]] = {}
        self._clusters: dict[str, dict] = {}
        self._opinion_clusters: dict[str, str] = {}  # opinion id → cluster id, for the map
        self._leads: set[str] = set()

    # Reading

    def records(self) -> Iterator[OpinionRecord]:
        self._read_dockets()
        self._read_clusters()
        self._read_citations()
        self._read_panels()
        opinions = self.files["opinions"]
        for number, row in enumerate(rows(opinions), start=1):
            cluster_id = row.get("cluster_id", "")
            if cluster_id in self._clusters:
                self._opinion_clusters[row.get("id", "")] = cluster_id
                lead = courtlistener.is_lead(row)
                if lead:
                    self._leads.add(cluster_id)
                if number > self.resume_after:
                    where = f"{opinions.name} (row {number})"
                    yield from self._records(row, cluster_id, where, lead)
            self.position = max(number, self.resume_after)
        for cluster_id, cluster in self._clusters.items():
            if cluster_id not in self._leads:  # no opinion of the court: known by its citations
                where = f"{self.files['clusters'].name} (cluster {cluster_id})"
                yield from self._attempt(
                    where,
                    lambda c=cluster, w=where: courtlistener.records_from(c, [], c["docket"], w),
                )

    def citation_map(self) -> Iterator[tuple[str, str, int]]:
        """(citing cluster id, cited cluster id, depth) for each row of the citation map whose
        both opinions were read; call after `records`."""
        path = self.files.get("citation_map")
        if path is None:
            return
        for row in rows(path):
            citing = self._opinion_clusters.get(row.get("citing_opinion_id", ""))
            cited = self._opinion_clusters.get(row.get("cited_opinion_id", ""))
            if citing and cited and citing != cited:
                yield citing, cited, int(row.get("depth") or 1)

    def _records(self, row: dict, cluster_id: str, where: str, lead: bool):
        cluster = self._clusters[cluster_id]
        return self._attempt(
            where,
            lambda: courtlistener.records_from(
                cluster, [row], cluster["docket"], where, with_lead=lead
            ),
        )

    def _attempt(self, where: str, read) -> Iterator[OpinionRecord]:
        try:
            records = read()
        except ImportRejected as error:
            self.rejected.append((where, error))
            return
        except (KeyError, TypeError, ValueError) as error:
            message = f"{where}: its content is not laid out as the bulk format expects ({error})."
            self.rejected.append((where, ImportRejected(message)))
            return
        yield from records

    # The tables read before the opinions

    def _read_dockets(self) -> None:
        for row in rows(self.files["dockets"]):
            court_id = row.get("court_id", "")
            if self.courts is None or court_id in self.courts:
                self._dockets[row["id"]] = {
                    "court_id": court_id,
                    "docket_number": row.get("docket_number", ""),
                }

    def _read_clusters(self) -> None:
        since = self.since.isoformat() if self.since else ""
        keep = ("case_name", "case_name_short", "case_name_full", "date_filed", "judges")
        for row in rows(self.files["clusters"]):
            docket = self._dockets.get(row.get("docket_id", ""))
            if docket is None or (since and (row.get("date_filed") or "") < since):
                continue
            cluster = {key: row.get(key, "") for key in keep}
            cluster.update(
                id=row["id"],
                date_filed_is_approximate=row.get("date_filed_is_approximate") == "t",
                citations=[],
                docket=docket,
            )
            self._clusters[row["id"]] = cluster
        self._dockets.clear()  # each kept cluster holds its own docket now

    def _read_citations(self) -> None:
        path = self.files.get("citations")
        if path is None:
            return
        for row in rows(path):
            cluster = self._clusters.get(row.get("cluster_id", ""))
            if cluster is not None:
                cluster["citations"].append(
                    {
                        "volume": row.get("volume"),
                        "reporter": row.get("reporter"),
                        "page": row.get("page"),
                        "type": row.get("type"),
                    }
                )

    def _read_panels(self) -> None:
        path = self.files.get("panels")
        if path is None:
            return
        for row in rows(path):
            cluster = self._clusters.get(row.get("opinioncluster_id", ""))
            if cluster is not None:
                cluster.setdefault("panel", []).append(row.get("person_id"))
