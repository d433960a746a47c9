"""Plain text with metadata JSON: an index.json naming the texts, or name.txt beside name.json."""

from __future__ import annotations

from pathlib import Path, PurePath

from ..records import ImportRejected, OpinionRecord
from .common import (
    citation_from_text,
    court_from,
    court_id_from,
    described,
    docket_number_clean,
    int_or_none,
    parse_date,
    require,
    text_of,
    texts_of,
)


def _run_in_spans(text: str, anchors: list[dict], where: str) -> list[tuple[int, int]]:
    """Character ranges of footnotes run into the body, from the words around them: each starts
    right after `starts_after` and ends before `ends_before` (or at the end of its paragraph)."""
    if not isinstance(anchors, list):
        raise ImportRejected(
            f'{where}: "run_in_footnotes" must be a list, not {described(anchors)}.'
        )
    spans, position = [], 0
    for anchor in anchors:
        if not isinstance(anchor, dict):
            raise ImportRejected(f'{where}: each of "run_in_footnotes" must be an object.')
        after = text_of(anchor, "starts_after", where)
        index = text.find(after, position) if after else -1
        if index < 0:
            raise ImportRejected(f'{where}: footnote anchor "{after}" is not in the text.')
        start = index + len(after)
        until = text_of(anchor, "ends_before", where)
        end = text.find(until, start) if until else -1
        if end < 0:
            newline = text.find("\n", start)
            end = newline if newline >= 0 else len(text)
        spans.append((start, end))
        position = end
    return spans


def from_metadata(entry: dict, text: str, where: str, *, source: str = "text") -> OpinionRecord:
    """One opinion from an index.json-style entry and its text."""
    require(entry, "case_name", where)
    case_name = text_of(entry, "case_name", where, numbers=False)
    date, approximate = parse_date(entry.get("date_decided"), where)
    citations = []
    for key, verified in (("citation", True), ("reporter_citation_unverified", False)):
        if cite := text_of(entry, key, where):
            record = citation_from_text(cite, verified=verified)
            if record is None:
                raise ImportRejected(f'{where}: "{cite}" is not a reporter citation.')
            citations.append(record)
    parallels = (citation_from_text(t) for t in texts_of(entry, "parallel_citations", where))
    citations.extend(record for record in parallels if record)
    judges = texts_of(entry, "panel", where) or texts_of(entry, "judges", where)
    # "text_notes" describe the file's layout for whoever parses it; readers get the rest.
    dissent = text_of(entry, "dissent", where)
    notes = [f"Dissent: {dissent}." if dissent else "", text_of(entry, "note", where)]
    lower = entry.get("appeal_from") or ""
    file = entry.get("file")
    court_id, named = court_from(require(entry, "court", where))
    return OpinionRecord(
        case_name=case_name,
        court_id=court_id,
        court_as_named=named,
        source=source,
        source_id=(PurePath(file).stem if isinstance(file, str) and "\x00" not in file else "")
        or (str(citations[0]) if citations else ""),
        date_decided=date,
        date_is_approximate=approximate,
        en_banc=entry.get("en_banc"),
        author=text_of(entry, "author", where),
        judges=", ".join(judges),
        docket_number=docket_number_clean(text_of(entry, "docket_number", where)),
        lower_court_id=court_id_from(lower, where) if lower else "",
        lower_court_docket_number=text_of(entry, "district_docket", where),
        first_page=int_or_none(entry.get("first_page")),
        last_page=int_or_none(entry.get("last_page")),
        text=text,
        notes=" ".join(n for n in notes if n),
        citations=citations,
        run_in_footnotes=_run_in_spans(text, entry.get("run_in_footnotes") or [], where),
        origin=where,
    )


def text_file_named(metadata: Path, name, where: str) -> Path:
    """The text file the metadata's "file" names, which must lie in the metadata file's own
    folder or a folder below it: a relative path, without "..", and no symbolic link on the way
    may lead out. Whatever it names becomes opinion text every office reads, so a name that
    could reach any other file on the server (an absolute path, "../", a link out) is refused.
    """
    if not isinstance(name, str):
        raise ImportRejected(f'{where}: "file" must be a file name, not {described(name)}.')
    if not name.strip():
        raise ImportRejected(f'{where}: "file" is missing.')
    if "\x00" in name:
        raise ImportRejected(
            f'{where}: "file" contains a NUL character, so it cannot be a file name.'
        )
    relative = PurePath(name)
    if relative.is_absolute():
        raise ImportRejected(
            f'{where}: "file" must be a file in the metadata\'s own folder, not an absolute path '
            f"({name})."
        )
    if ".." in relative.parts:
        raise ImportRejected(
            f'{where}: "file" must not climb out of the folder with ".." ({name}); name a file '
            "in the metadata's own folder or a folder below it."
        )
    try:
        folder = metadata.parent.resolve(strict=True)
        target = (folder / relative).resolve()
    except (OSError, RuntimeError) as error:  # RuntimeError: a symbolic link loop
        raise ImportRejected(f'{where}: "file" ({name}) cannot be followed ({error}).') from error
    if not target.is_relative_to(folder):
        raise ImportRejected(
            f'{where}: "file" ({name}) leads outside the metadata\'s folder through a symbolic '
            "link; copy the text into the folder instead."
        )
    if target.is_dir():
        raise ImportRejected(f'{where}: "file" names a folder ({name}), not a text file.')
    if not target.is_file():
        raise ImportRejected(
            f"{where}: the opinion's text file {metadata.parent / relative} is missing."
        )
    return target


def read_text(path: Path, where: str) -> str:
    if not path.is_file():
        raise ImportRejected(f"{where}: the opinion's text file {path} is missing.")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ImportRejected(f"{where}: {path} is not UTF-8 text ({error.reason}).") from error
    except OSError as error:
        raise ImportRejected(f"{where}: {path} cannot be read ({error.strerror}).") from error


def from_index(data: dict, path: Path) -> list[OpinionRecord]:
    entries = data.get("opinions")
    if not isinstance(entries, list) or not entries:
        raise ImportRejected(f'{path}: "opinions" must be a non-empty list.')
    records = []
    for number, entry in enumerate(entries, start=1):
        where = f"{path} (opinion {number})"
        if not isinstance(entry, dict):
            raise ImportRejected(f"{where}: each opinion must be an object.")
        text = read_text(text_file_named(path, require(entry, "file", where), where), where)
        records.append(from_metadata(entry, text, where))
    return records
