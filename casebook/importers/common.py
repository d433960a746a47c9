"""What the importers share: dates, reporter citations, court ids, HTML to text, reading JSON."""

from __future__ import annotations

import datetime
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from .. import courts
from ..citations import normalize_reporter, parse_citation
from ..folding import fold_words
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


def court_from(*values) -> tuple[str, str]:
    """(courts-db id, the court as the source names it) from ids, CourtListener URLs,
    abbreviations or names, or a CAP court object; the id is "" when courts-db knows none."""
    names: list[str] = []
    for value in values:
        if isinstance(value, dict):  # CAP: {"name_abbreviation": "U.S.", "name": "Supreme…"}
            names += [str(value.get(k) or "") for k in ("name", "name_abbreviation", "slug")]
        elif value not in (None, ""):
            names.append(str(value))
    names = [n.strip() for n in names if n.strip()]
    court_id = courts.resolve_court(*names) or ""
    return court_id, (names[0] if names else "")


def court_id_from(value, where: str) -> str:
    """A court id from an id ("ca9"), a CourtListener URL, an abbreviation or a name; rejects
    a court courts-db does not know (for a lower court, which is only ever informative)."""
    court_id, named = court_from(value)
    if not court_id:
        raise ImportRejected(f'{where}: unknown court "{named}".')
    return court_id


# CourtListener's text when it could not read the document: no text at all.
_NO_TEXT_PLACEHOLDERS = ("Unable to extract document content.",)


def real_text(text: str) -> str:
    """The text, or "" when it is only a source's placeholder for a document it could not read."""
    return "" if text.strip() in _NO_TEXT_PLACEHOLDERS else text


def full_name_note(full_name: str, caption: str) -> str:
    """A note keeping the case's full name, unless the caption already says it (in other case)."""
    if not full_name or fold_words(full_name) == fold_words(caption):
        return ""
    return f"Full name: {full_name.rstrip('.')}."


def docket_number_clean(text: str) -> str:
    """ "No. 93-2214" → "93-2214": sources write the "No." that pages and citations add."""
    return re.sub(r"^(?:\s*Nos?\.?\s+)+", "", text.strip(), flags=re.IGNORECASE).strip()


# CourtListener's opinion types (Opinion.type), and CAP's casebody opinion types.
_TYPES = {
    "010combined": "court",
    "015unamimous": "court",
    "020lead": "court",
    "025plurality": "plurality",
    "030concurrence": "concurrence",
    "035concurrenceinpart": "concurrence_in_part",
    "040dissent": "dissent",
    "050addendum": "addendum",
    "060remittitur": "remittitur",
    "070rehearing": "rehearing",
    "080onthemerits": "court",
    "090onmotiontostrike": "other",
    "100trialcourt": "other",
    "majority": "court",
    "unanimous": "court",
    "plurality": "plurality",
    "concurrence": "concurrence",
    "concurring-in-part-and-dissenting-in-part": "concurrence_in_part",
    "dissent": "dissent",
    "addendum": "addendum",
    "remittitur": "remittitur",
    "rehearing": "rehearing",
    "on-the-merits": "court",
}


def opinion_type_from(value) -> str:
    """An Opinion.Type from a source's type; an absent or unknown type is the court's."""
    return _TYPES.get(str(value or "").strip(), "court") if value else "court"


# "On Rehearing En Banc", "Before the court en banc", "(en banc)": the court sat en banc.
# "Rehearing en banc denied" and "petition for rehearing en banc" say the opposite or nothing.
_EN_BANC = re.compile(r"\b[ei]n\s+banc\b", re.IGNORECASE)
_NOT_EN_BANC_BEFORE = re.compile(
    r"(petition|suggestion|motion)s?\s+for\s+(a\s+)?(rehearing|reh'g)\s*$", re.I
)
_NOT_EN_BANC_AFTER = re.compile(
    r"^\W{0,3}(was\s+|is\s+|are\s+|were\s+)?(denied|den\.|declined)", re.I
)

# A court of appeals hears a case in a panel of not more than three judges unless it sits in
# banc (28 U.S.C. § 46(c)); the Federal Circuit may sit in larger panels, so its size tells nothing.
_PANEL_SIZE = 3
_PANEL_SIZE_TELLS = tuple(c for c in courts.COURTS_OF_APPEALS if c != "cafc")


def says_en_banc(text: str) -> bool:
    """True when a caption or heading says the court sat en banc (and not that it declined to)."""
    for match in _EN_BANC.finditer(text or ""):
        before = text[max(0, match.start() - 60) : match.start()]
        after = text[match.end() : match.end() + 20]
        if not _NOT_EN_BANC_BEFORE.search(before) and not _NOT_EN_BANC_AFTER.search(after):
            return True
    return False


def en_banc_from(*, captions: list[str], panel_size: int | None, court_id: str) -> bool | None:
    """Whether the court sat en banc, from what the source gives: a caption saying so, else the
    number of judges of a court of appeals; None when nothing tells."""
    if any(says_en_banc(caption) for caption in captions if caption):
        return True
    if panel_size and court_id in _PANEL_SIZE_TELLS:
        return panel_size > _PANEL_SIZE
    return None


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
        raise ImportRejected(
            f"{path}: not UTF-8 text ({error.reason}).", reason="unreadable"
        ) from error
    except OSError as error:
        raise ImportRejected(
            f"{path}: cannot be read ({error.strerror}).", reason="unreadable"
        ) from error
    except json.JSONDecodeError as error:
        raise ImportRejected(
            f"{path}: not valid JSON ({error.msg}, line {error.lineno}).", reason="unreadable"
        ) from error
    except ValueError as error:  # a number of thousands of digits
        raise ImportRejected(
            f"{path}: not valid JSON (a number too long to read).", reason="unreadable"
        ) from error
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
