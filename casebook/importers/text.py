"""Plain text with metadata JSON: an index.json naming the texts, or name.txt beside name.json."""

from __future__ import annotations

from pathlib import Path

from ..records import ImportRejected, OpinionRecord
from .common import citation_from_text, court_id_from, int_or_none, parse_date, require


def _run_in_spans(text: str, anchors: list[dict], where: str) -> list[tuple[int, int]]:
    """Character ranges of footnotes run into the body, from the words around them: each starts
    right after `starts_after` and ends before `ends_before` (or at the end of its paragraph)."""
    spans, position = [], 0
    for anchor in anchors:
        after = anchor.get("starts_after") or ""
        index = text.find(after, position) if after else -1
        if index < 0:
            raise ImportRejected(f'{where}: footnote anchor "{after}" is not in the text.')
        start = index + len(after)
        until = anchor.get("ends_before")
        end = text.find(until, start) if until else -1
        if end < 0:
            newline = text.find("\n", start)
            end = newline if newline >= 0 else len(text)
        spans.append((start, end))
        position = end
    return spans


def from_metadata(entry: dict, text: str, where: str, *, source: str = "text") -> OpinionRecord:
    """One opinion from an index.json-style entry and its text."""
    case_name = require(entry, "case_name", where)
    date, approximate = parse_date(entry.get("date_decided"), where)
    citations = []
    for key, verified in (("citation", True), ("reporter_citation_unverified", False)):
        if entry.get(key):
            record = citation_from_text(entry[key], verified=verified)
            if record is None:
                raise ImportRejected(f'{where}: "{entry[key]}" is not a reporter citation.')
            citations.append(record)
    parallels = (citation_from_text(text) for text in entry.get("parallel_citations") or [])
    citations.extend(record for record in parallels if record)
    judges = entry.get("panel") or entry.get("judges") or ""
    # "text_notes" describe the file's layout for whoever parses it; readers get the rest.
    notes = [f"Dissent: {entry['dissent']}." if entry.get("dissent") else "", entry.get("note", "")]
    lower = entry.get("appeal_from") or ""
    return OpinionRecord(
        case_name=case_name,
        court_id=court_id_from(require(entry, "court", where), where),
        source=source,
        source_id=Path(entry.get("file") or "").stem or (str(citations[0]) if citations else ""),
        date_decided=date,
        date_is_approximate=approximate,
        en_banc=entry.get("en_banc"),
        author=entry.get("author") or "",
        judges=", ".join(judges) if isinstance(judges, list) else str(judges),
        docket_number=entry.get("docket_number") or "",
        lower_court_id=court_id_from(lower, where) if lower else "",
        lower_court_docket_number=entry.get("district_docket") or "",
        first_page=int_or_none(entry.get("first_page")),
        last_page=int_or_none(entry.get("last_page")),
        text=text,
        notes=" ".join(n for n in notes if n),
        citations=citations,
        run_in_footnotes=_run_in_spans(text, entry.get("run_in_footnotes") or [], where),
        origin=where,
    )


def read_text(path: Path, where: str) -> str:
    if not path.is_file():
        raise ImportRejected(f"{where}: the opinion's text file {path} is missing.")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ImportRejected(f"{where}: {path} is not UTF-8 text ({error.reason}).") from error


def from_index(data: dict, path: Path) -> list[OpinionRecord]:
    entries = data.get("opinions")
    if not isinstance(entries, list) or not entries:
        raise ImportRejected(f'{path}: "opinions" must be a non-empty list.')
    records = []
    for number, entry in enumerate(entries, start=1):
        where = f"{path} (opinion {number})"
        if not isinstance(entry, dict):
            raise ImportRejected(f"{where}: each opinion must be an object.")
        text = read_text(path.parent / require(entry, "file", where), where)
        records.append(from_metadata(entry, text, where))
    return records
