"""Per-source adapters: each reads one kind of file and returns `OpinionRecord`s. No writes.

- CourtListener: an opinion cluster (with its sub-opinions inline) or an opinion with its
  cluster inline, as the REST API returns them.
- Caselaw Access Project: a case as in its bulk JSON (case.law), text format.
- Plain text with a small metadata JSON, as in the founding material's index.json: either the
  index itself ({"opinions": [...]} naming each text file), or one opinion's metadata next to its
  text (`name.txt` with `name.json`).
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from . import courts
from .citations import normalize_reporter, parse_citation
from .records import CitationRecord, ImportRejected, OpinionRecord

# ---------------------------------------------------------------------------------------------
# Shared helpers


def _require(data: dict, key: str, where: str):
    value = data.get(key)
    if value in (None, "", []):
        raise ImportRejected(f'{where}: "{key}" is missing.')
    return value


def parse_date(value, where: str) -> tuple[datetime.date | None, bool]:
    """(date, approximate): "2000-06-14" is exact; "2000-06" or "2000" give an approximate date."""
    if value in (None, ""):
        return None, False
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return datetime.date.fromisoformat(text), False
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return datetime.date.fromisoformat(f"{text}-01"), True
        if re.fullmatch(r"\d{4}", text):
            return datetime.date(int(text), 1, 1), True
    except ValueError:
        pass
    raise ImportRejected(f'{where}: "{value}" is not a date (expected YYYY-MM-DD).')


def citation_from_text(text: str, *, verified: bool = True) -> CitationRecord | None:
    key = parse_citation(text)
    if key is None:
        return None
    return CitationRecord(key.volume, key.reporter, key.page, verified)


def citation_from_parts(volume, reporter, page, *, verified: bool = True) -> CitationRecord | None:
    try:
        return CitationRecord(int(volume), normalize_reporter(str(reporter)), int(page), verified)
    except (TypeError, ValueError):
        return None  # neutral or unpaginated cites ("2000 WL ___") are not reporter pages


def court_id_from(value, where: str) -> str:
    """A court id from an id ("ca9"), a CourtListener URL, an abbreviation or a name."""
    if isinstance(value, dict):
        value = value.get("name_abbreviation") or value.get("name") or value.get("id")
    text = str(value or "").strip()
    url = re.search(r"/courts/([a-z0-9]+)/?$", text)
    if url:
        text = url.group(1)
    if courts.court_info(text):
        return text
    found = courts.court_id_for_name(text) if text else None
    if not found:
        raise ImportRejected(f'{where}: unknown court "{text}".')
    return found


class _TextFromHTML(HTMLParser):
    _BLOCKS = {
        "p",
        "div",
        "br",
        "blockquote",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "pre",
        "tr",
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        self.parts.append(re.sub(r"\s+", " ", data))


def text_from_html(markup: str) -> str:
    """Readable plain text from an opinion's HTML or XML; star pagination ("*974") survives."""
    parser = _TextFromHTML()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t]*\n\s*\n\s*", "\n\n", text)
    return "\n".join(line.strip() for line in text.strip().split("\n"))


def _read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        raise ImportRejected(f"{path}: not UTF-8 text ({error.reason}).") from error
    except json.JSONDecodeError as error:
        raise ImportRejected(
            f"{path}: not valid JSON ({error.msg}, line {error.lineno})."
        ) from error


# ---------------------------------------------------------------------------------------------
# CourtListener

# Opinion types that carry the opinion of the court, in order of preference.
_LEAD_TYPES = ("010combined", "015unamimous", "020lead", "025plurality", "050addendum")


def _courtlistener_text(opinion: dict) -> str:
    if (opinion.get("plain_text") or "").strip():
        return opinion["plain_text"]
    for key in ("html_with_citations", "html", "html_lawbox", "html_columbia", "xml_harvard"):
        if (opinion.get(key) or "").strip():
            return text_from_html(opinion[key])
    return ""


def _pick_lead(opinions: list[dict]) -> dict | None:
    with_text = [o for o in opinions if isinstance(o, dict) and _courtlistener_text(o)]
    for kind in _LEAD_TYPES:
        for opinion in with_text:
            if opinion.get("type") == kind:
                return opinion
    return with_text[0] if with_text else None


def from_courtlistener(data: dict, where: str) -> list[OpinionRecord]:
    if "sub_opinions" in data or "case_name" in data:
        cluster, opinions = data, data.get("sub_opinions") or []
    elif isinstance(data.get("cluster"), dict):
        cluster, opinions = data["cluster"], [data]
    else:
        raise ImportRejected(f"{where}: not a CourtListener cluster or opinion.")
    if not isinstance(opinions, list):
        raise ImportRejected(f'{where}: "sub_opinions" must be a list.')
    docket = cluster.get("docket") if isinstance(cluster.get("docket"), dict) else {}
    court = (
        cluster.get("court_id")
        or cluster.get("court")
        or docket.get("court_id")
        or docket.get("court")
        or data.get("court_id")
    )
    if not court:
        raise ImportRejected(f'{where}: no court (expected "court_id" or "docket.court_id").')
    case_name = cluster.get("case_name") or cluster.get("case_name_short") or ""
    if not case_name.strip():
        raise ImportRejected(f'{where}: "case_name" is missing.')
    date, approximate = parse_date(_require(cluster, "date_filed", where), where)
    raw_citations = cluster.get("citations") or []
    if not isinstance(raw_citations, list):
        raise ImportRejected(f'{where}: "citations" must be a list.')
    citations = []
    for cite in raw_citations:
        if isinstance(cite, dict):
            record = citation_from_parts(cite.get("volume"), cite.get("reporter"), cite.get("page"))
        else:
            record = citation_from_text(str(cite))
        if record:
            citations.append(record)
    lead = _pick_lead(opinions)
    return [
        OpinionRecord(
            case_name=case_name.strip(),
            court_id=court_id_from(court, where),
            source="courtlistener",
            source_id=str(cluster.get("id") or ""),
            date_decided=date,
            date_is_approximate=approximate,
            en_banc=cluster.get("en_banc"),
            author=(lead or {}).get("author_str") or "",
            judges=cluster.get("judges") or "",
            docket_number=docket.get("docket_number") or cluster.get("docket_number") or "",
            first_page=citations[0].page if citations else None,
            text=_courtlistener_text(lead) if lead else "",
            citations=citations,
            origin=where,
        )
    ]


# ---------------------------------------------------------------------------------------------
# Caselaw Access Project


def _cap_author(author: str) -> str:
    name = (author or "").split(",")[0].strip().rstrip(".")
    return name.title() if name.isupper() else name


def from_cap(data: dict, where: str) -> list[OpinionRecord]:
    body = data.get("casebody")
    if not isinstance(body, dict):
        raise ImportRejected(f'{where}: "casebody" is missing.')
    if isinstance(body.get("data"), dict):
        body = body["data"]
    elif isinstance(body.get("data"), str):
        body = {"opinions": [{"text": text_from_html(body["data"]), "type": "majority"}]}
    opinions = body.get("opinions") or []
    if not isinstance(opinions, list):
        raise ImportRejected(f'{where}: "casebody.opinions" must be a list.')
    lead = next((o for o in opinions if o.get("type") == "majority"), None) or (
        opinions[0] if opinions else {}
    )
    case_name = data.get("name_abbreviation") or data.get("name") or ""
    if not case_name.strip():
        raise ImportRejected(f'{where}: "name_abbreviation" is missing.')
    date, approximate = parse_date(_require(data, "decision_date", where), where)
    citations = []
    for cite in data.get("citations") or []:
        text = cite.get("cite") if isinstance(cite, dict) else str(cite)
        if text and (record := citation_from_text(text)):
            citations.append(record)
    court = _require(data, "court", where)
    first_page = _int_or_none(data.get("first_page"))
    return [
        OpinionRecord(
            case_name=case_name.strip(),
            court_id=court_id_from(court, where),
            source="cap",
            source_id=str(data.get("id") or ""),
            date_decided=date,
            date_is_approximate=approximate,
            author=_cap_author(lead.get("author") or ""),
            judges="; ".join(body.get("judges") or []),
            docket_number=data.get("docket_number") or "",
            first_page=first_page,
            last_page=_int_or_none(data.get("last_page")),
            text=lead.get("text") or "",
            citations=citations,
            origin=where,
        )
    ]


def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# ---------------------------------------------------------------------------------------------
# Plain text with metadata


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
    case_name = _require(entry, "case_name", where)
    date, approximate = parse_date(entry.get("date_decided"), where)
    citations = []
    for key, verified in (("citation", True), ("reporter_citation_unverified", False)):
        if entry.get(key):
            record = citation_from_text(entry[key], verified=verified)
            if record is None:
                raise ImportRejected(f'{where}: "{entry[key]}" is not a reporter citation.')
            citations.append(record)
    for parallel in entry.get("parallel_citations") or []:
        if record := citation_from_text(parallel):
            citations.append(record)
    judges = entry.get("panel") or entry.get("judges") or ""
    # "text_notes" describe the file's layout for whoever parses it; readers get the rest.
    notes = [f"Dissent: {entry['dissent']}." if entry.get("dissent") else "", entry.get("note", "")]
    lower = entry.get("appeal_from") or ""
    return OpinionRecord(
        case_name=case_name,
        court_id=court_id_from(_require(entry, "court", where), where),
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
        first_page=_int_or_none(entry.get("first_page")),
        last_page=_int_or_none(entry.get("last_page")),
        text=text,
        notes=" ".join(n for n in notes if n),
        citations=citations,
        run_in_footnotes=_run_in_spans(text, entry.get("run_in_footnotes") or [], where),
        origin=where,
    )


def _read_text(path: Path, where: str) -> str:
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
        text = _read_text(path.parent / _require(entry, "file", where), where)
        records.append(from_metadata(entry, text, where))
    return records


# ---------------------------------------------------------------------------------------------
# Dispatch


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
        entry = _read_json(metadata)
        if not isinstance(entry, dict):
            raise ImportRejected(f"{metadata}: expected one opinion's metadata (an object).")
        return [from_metadata(entry, _read_text(path, str(path)), str(path))]
    data = _read_json(path)
    if isinstance(data, dict) and "opinions" in data:
        return from_index(data, path)
    if isinstance(data, dict) and "file" in data and "case_name" in data:
        return [from_metadata(data, _read_text(path.parent / data["file"], str(path)), str(path))]
    adapter = _kind_of(data)
    if adapter is None:
        raise ImportRejected(
            f"{path}: not a CourtListener cluster or opinion, a Caselaw Access Project case, "
            "or opinion metadata."
        )
    return adapter(data, str(path))
