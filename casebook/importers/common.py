"""What the importers share: dates, reporter citations, court ids, HTML to text, reading JSON."""

from __future__ import annotations

import datetime
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from .. import courts
from ..citations import normalize_reporter, parse_citation
from ..records import CitationRecord, ImportRejected


def require(data: dict, key: str, where: str):
    value = data.get(key)
    if value in (None, "", []):
        raise ImportRejected(f'{where}: "{key}" is missing.')
    return value


def described(value) -> str:
    """What a JSON value is, in words: "a number", "a list", "an object"…"""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def text_of(data: dict, key: str, where: str, *, numbers: bool = True) -> str:
    """The field as a string, "" when absent; a number is taken as written when `numbers` (a
    docket number, an id), anything else is rejected rather than printed as Python sees it."""
    value = data.get(key)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if numbers and isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise ImportRejected(f'{where}: "{key}" must be text, not {described(value)}.')


def texts_of(data: dict, key: str, where: str) -> list[str]:
    """A list of strings (one string counts as a list of one); [] when absent."""
    value = data.get(key)
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    raise ImportRejected(f'{where}: "{key}" must be a list of text, not {described(value)}.')


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
    except (TypeError, ValueError, OverflowError):
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


def read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        raise ImportRejected(f"{path}: not UTF-8 text ({error.reason}).") from error
    except OSError as error:
        raise ImportRejected(f"{path}: cannot be read ({error.strerror}).") from error
    except json.JSONDecodeError as error:
        raise ImportRejected(
            f"{path}: not valid JSON ({error.msg}, line {error.lineno})."
        ) from error
    except ValueError as error:  # a number of thousands of digits
        raise ImportRejected(f"{path}: not valid JSON (a number too long to read).") from error
    except RecursionError as error:
        raise ImportRejected(
            f"{path}: its lists or objects are nested too deeply to read (no opinion format "
            "nests so deep)."
        ) from error


def int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return None
