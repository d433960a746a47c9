"""The citations in what the author types: cases (full, short and "Id."), statutes and
Guidelines sections, each with its span in the paragraph, for the table of authorities.

eyecite (through `casebook.citations`, whose results are only sorted by kind here) finds the
reporter and U.S. Code citations; two patterns of our own find what it does not read: Guidelines
sections ("U.S.S.G. § 5K2.0", "§2L1.2(b)(2)") and the sentencing statute cited by its section
alone ("§ 3553(a)"), which in a sentencing memo is 18 U.S.C. § 3553.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from casebook import bluebook
from casebook.citations import (
    FullCaseCitation,
    FullCitation,
    IdCitation,
    ShortCaseCitation,
    cite_key,
    get_citations,
)

CASE, SHORT, ID, STATUTE, GUIDELINE = "case", "short", "id", "statute", "guideline"

# A Guidelines section: chapter, part letter, section ("5K2.0", "2L1.2(b)(2)"), after "U.S.S.G."
# or a section sign.
_GUIDELINE = re.compile(
    r"(?:(?:U\.\s?S\.\s?S\.\s?G\.|USSG)\s*§?\s*|§\s*)(\d[A-Z]\d\.\d+(?:\([A-Za-z0-9]+\))*)"
)
# 18 U.S.C. § 3553 cited by its section alone: "§ 3553(a)(2)(A)".
_SENTENCING_STATUTE = re.compile(r"§\s*3553((?:\([A-Za-z0-9]+\))*)")
_SUBSECTIONS = re.compile(r"(?:\([A-Za-z0-9]+\))+")
# What may follow a reporter cite before its parenthetical: pinpoints ", 98", ", 98-99 & n.5".
_PINPOINTS = re.compile(r"(?:,\s*\d+(?:[-–]\d+)?(?:\s*&\s*nn?\.\s*\d+)?)*\s*\(([^()]{0,80})\)")
_EN_BANC = re.compile(r"\s*\(en banc\)")
_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
# Words that open a sentence or a citation clause but are no part of a case name.
_NOT_NAME = {
    "see", "cf.", "under", "in", "accord", "but", "also", "compare", "with", "and", "e.g.,",
    "contra", "as", "following", "after", "citing", "quoting", "like", "unlike", "the", "while",
    "because", "since", "although", "here", "there", "thus", "so",
}  # fmt: skip
_CONNECTORS = {"of", "the", "and", "&", "for", "de", "del", "la", "ex", "rel.", "in", "re"}


@dataclass(frozen=True)
class Found:
    """One citation in a paragraph: ``start``–``end`` is what the memo marks as the citation
    (the case name through the reporter cite), ``kind`` what it cites, ``key`` what it is:
    a reporter cite (volume, reporter, page; a short cite's page is its pinpoint), a statute
    ("18 U.S.C. § 3553(a)(6)") or a Guidelines section ("§5K2.0")."""

    start: int
    end: int
    kind: str
    key: tuple[int, str, int] | str = ""
    name_end: int = 0  # the case name is start–name_end ("" when start == name_end)
    case: bluebook.Case | None = None  # a full case cite, as typed


def _case_name_start(text: str, cite_start: int) -> int:
    """Where the case name before a full cite begins ("Koon v. United States, 518 U.S. 81"), or
    ``cite_start`` when no "X v. Y, " precedes it."""
    before = text[max(0, cite_start - 200) : cite_start]
    offset = cite_start - len(before)
    match = re.search(r"(\S[^;:()]*?)\s+v\.\s+[^;:(),]+?,\s*$", before)
    if not match:
        return cite_start
    words = list(re.finditer(r"\S+", before[: match.end(1)]))
    start = None
    for word in reversed(words):
        text_of = word.group()
        ends_sentence = text_of.endswith((".", ";", ":")) and start is not None
        if (text_of.lower() in _NOT_NAME or ends_sentence) and text_of.lower() not in _CONNECTORS:
            break
        if not (text_of[0].isupper() or text_of[0].isdigit() or text_of.lower() in _CONNECTORS):
            break
        start = word.start()
    if start is None:
        return cite_start
    while before[start:].split(" ", 1)[0].lower() in _CONNECTORS:  # never open on "of", "and"
        start += len(before[start:].split(" ", 1)[0]) + 1
    return offset + start


def _short_name_start(text: str, cite_start: int) -> int:
    """Where the party name before a short cite begins ("Koon, 518 U.S. at 98")."""
    match = re.search(r"([A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}),\s*$", text[:cite_start])
    if not match:
        return cite_start
    start = match.start(1)
    for word in match.group(1).split()[:-1]:  # "See Koon": the signal is no part of the name
        if word.lower() not in _NOT_NAME:
            break
        start += len(word) + 1
    return start


def _typed_case(
    text: str, name: str, cites: list[bluebook.Cite], end: int
) -> tuple[bluebook.Case, int]:
    """The case as typed, with the court and year of the parenthetical after the cites."""
    court, year, en_banc = "", None, False
    match = _PINPOINTS.match(text, end)
    if match:
        inside = match.group(1)
        years = _YEAR.findall(inside)
        year = int(years[-1]) if years else None
        court = _YEAR.sub("", inside).strip(" ,")
        en_banc = bool(_EN_BANC.match(text, match.end()))
    supreme = cites[0].reporter in bluebook.SUPREME_COURT_REPORTERS
    return (
        bluebook.Case(
            name=re.sub(r"\s+", " ", name).strip(),
            cites=tuple(cites),
            court="" if supreme else court,
            supreme_court=supreme,
            year=year,
            en_banc=en_banc,
        ),
        end,
    )


def find(text: str) -> list[Found]:
    """The citations in one paragraph, in order, none overlapping."""
    found: list[Found] = []
    for citation in get_citations(text):
        start, end = citation.span()
        if isinstance(citation, FullCaseCitation):
            key = cite_key(citation)
            if key is None:
                continue
            cite = bluebook.Cite(key.volume, key.reporter, key.page)
            previous = found[-1] if found else None
            if (
                previous is not None
                and previous.kind == CASE
                and previous.case is not None
                and re.fullmatch(r"(?:,\s*\d+(?:[-–]\d+)?)?,\s*", text[previous.end : start])
            ):  # a parallel cite: the same case in another reporter
                name = text[previous.start : previous.name_end]
                case, _ = _typed_case(text, name, [*previous.case.cites, cite], end)
                found[-1] = Found(previous.start, end, CASE, previous.key, previous.name_end, case)
                continue
            name_start = _case_name_start(text, start)
            name = text[name_start:start].rstrip(" ,")
            case, _ = _typed_case(text, name, [cite], end)
            found.append(
                Found(
                    name_start,
                    end,
                    CASE,
                    (key.volume, key.reporter, key.page),
                    name_start + len(name),
                    case,
                )  # fmt: skip
            )
        elif isinstance(citation, ShortCaseCitation):
            page = re.match(r"\d+", citation.metadata.pin_cite or citation.groups.get("page", ""))
            if not page:
                continue
            page_end = start + len(citation.matched_text())
            tail = re.match(r"\s*\d+", text[page_end:]) if text[:page_end].endswith("at") else None
            end = max(end, page_end + (tail.end() if tail else 0))
            volume, reporter = int(citation.groups["volume"]), citation.corrected_reporter()
            name_start = _short_name_start(text, start)
            name = text[name_start:start].rstrip(" ,")
            found.append(
                Found(
                    name_start,
                    end,
                    SHORT,
                    (volume, reporter, int(page.group())),
                    name_start + len(name),
                )  # fmt: skip
            )
        elif isinstance(citation, IdCitation):
            found.append(Found(start, end, ID, "", start + 3))
        elif isinstance(citation, FullCitation) and {"title", "section"} <= set(citation.groups):
            pin = _SUBSECTIONS.match(text, end)
            end = pin.end() if pin else end
            groups = citation.groups
            section = groups["section"] + (pin.group() if pin else "")
            statute = f"{groups['title']} {citation.corrected_reporter()} § {section}"
            found.append(Found(start, end, STATUTE, statute, start))
    found += [
        Found(m.start(), m.end(), GUIDELINE, f"§{m.group(1)}") for m in _GUIDELINE.finditer(text)
    ]
    found += [
        Found(m.start(), m.end(), STATUTE, f"18 U.S.C. § 3553{m.group(1)}")
        for m in _SENTENCING_STATUTE.finditer(text)
    ]
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[Found] = []
    for item in found:
        if not kept or item.start >= kept[-1].end:
            kept.append(item)
    return kept
