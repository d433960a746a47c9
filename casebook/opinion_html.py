"""An opinion's text as safe, readable HTML: paragraphs, reporter-page anchors, citation links
and footnotes.

Every piece of the opinion's text is escaped; the only markup is what this module inserts.
Pure Python: callers pass the links (raw-text spans with their targets).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape

# Star pagination: "Unit*971ed" — the marker may sit inside a word.
_STAR = re.compile(r"(?<![\d*])\*(\d{1,5})(?!\d)")
_PARAGRAPH_BREAK = re.compile(r"[ \t]*\n\s*")
# A paragraph break lost in transcription: a sentence glued to the next ("sentencing?To be
# clear"). The word before is at least three letters, so "U.S.C." and "F.Supp." never match,
# and not a reporter or court abbreviation ("Dist.Ct.").
_GLUED_SENTENCE = re.compile(r"\b([A-Za-z][a-z]{2,})[.?!](?=[A-Z][a-z])")
_ABBREVIATIONS = frozenset({"Dist", "Supp", "Crim", "Civ", "Cir", "App", "Stat", "Admin", "Cong"})
_WORD_CHARACTER = re.compile(r"[A-Za-z0-9]")
# An opinion is rarely longer than this many pages.
_MAX_PAGES = 150


@dataclass(frozen=True)
class Link:
    start: int
    end: int
    href: str
    title: str = ""
    css_class: str = "cite"


@dataclass(frozen=True)
class StarMarker:
    start: int
    end: int
    page: int


@dataclass(frozen=True)
class Footnote:
    number: int
    start: int  # the footnote's own text
    end: int
    marker: tuple[int, int] | None  # the span replaced by the marker in the body (may be empty)


@dataclass
class RenderedOpinion:
    html: str
    marked_pages: list[int]
    paragraph_starts: list[int] = field(default_factory=list)  # raw offsets of body paragraphs
    footnotes: list[Footnote] = field(default_factory=list)

    def paragraph_anchor_at(self, offset: int) -> str:
        index = bisect_right(self.paragraph_starts, offset)
        return f"para-{max(index, 1)}"


def star_markers(
    text: str, first_page: int | None = None, last_page: int | None = None
) -> list[StarMarker]:
    """The star-pagination markers that make sense: pages rising, within the opinion's range."""
    markers: list[StarMarker] = []
    previous = first_page
    for match in _STAR.finditer(text):
        page = int(match.group(1))
        if previous is not None and not previous < page <= previous + 5:
            continue
        if last_page is not None and page > last_page:
            continue
        if first_page is not None and page > first_page + _MAX_PAGES:
            continue
        markers.append(StarMarker(match.start(), match.end(), page))
        previous = page
    return markers


def page_at(
    text: str, offset: int, first_page: int | None, last_page: int | None = None
) -> int | None:
    """The reporter page on which `offset` of the text stands, from the star markers."""
    page = first_page
    for marker in star_markers(text, first_page, last_page):
        if marker.start > offset:
            break
        page = marker.page
    return page


def anchor_for_page(page: int, marked_pages: list[int]) -> str | None:
    """The anchor for a pinpoint: the page's own marker, or that of the page it falls on."""
    earlier = [p for p in marked_pages if p <= page]
    return f"p{max(earlier)}" if earlier else None


def glued_breaks(text: str) -> list[int]:
    """Offsets just after a sentence glued to the next, where a paragraph break was lost."""
    return [
        match.end()
        for match in _GLUED_SENTENCE.finditer(text)
        if match.group(1) not in _ABBREVIATIONS
    ]


def _word_end(text: str, position: int) -> int:
    while position < len(text) and _WORD_CHARACTER.match(text[position]):
        position += 1
    return position


def _touches_word(text: str, position: int) -> bool:
    return 0 <= position < len(text) and bool(_WORD_CHARACTER.match(text[position]))


def _inside_word(text: str, start: int, end: int) -> bool:
    return _touches_word(text, start - 1) and _touches_word(text, end)


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _end_footnotes(text: str) -> tuple[int, list[tuple[int, int]]]:
    """Footnotes printed at the end, each a paragraph starting with ". ": (block start, spans)."""
    spans = []
    for start, end in reversed(_paragraph_spans(text)):
        if not text.startswith(". ", start):
            break
        spans.append((start + 2, end))
    spans.reverse()
    if not spans:
        return len(text), []
    return spans[0][0] - 2, spans


def _footnote_markers(
    body: str, count: int, forbidden: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Where the footnote numbers 1…count stand in the body, glued after a word or punctuation
    ("§ 1326(b)(2).1 Specifically"). All must be found, in order, or none is used."""
    found, position = [], 0
    for number in range(1, count + 1):
        pattern = re.compile(rf"(?<=[^\s\d*§]){number}(?!\d)(?=\s|$)")
        for match in pattern.finditer(body, position):
            if not any(s <= match.start() < e for s, e in forbidden):
                found.append((match.start(), match.end()))
                position = match.end()
                break
        else:
            return []
    return found


def render_opinion(
    text: str,
    *,
    links: Sequence[Link] = (),
    run_in_footnotes: Sequence[tuple[int, int]] = (),
    first_page: int | None = None,
    last_page: int | None = None,
) -> RenderedOpinion:
    markers = star_markers(text, first_page, last_page)
    block_start, end_spans = _end_footnotes(text)
    run_in = sorted((int(s), int(e)) for s, e in run_in_footnotes if 0 <= s < e <= block_start)
    protected = [(link.start, link.end) for link in links] + [(m.start, m.end) for m in markers]
    end_markers = _footnote_markers(text[:block_start], len(end_spans), protected + run_in)

    footnotes = [Footnote(0, s, e, (s, e)) for s, e in run_in]
    for index, (s, e) in enumerate(end_spans):
        footnotes.append(Footnote(0, s, e, end_markers[index] if end_markers else None))
    footnotes.sort(key=lambda f: (f.marker is None, f.marker or (f.start, f.start)))
    footnotes = [Footnote(n, f.start, f.end, f.marker) for n, f in enumerate(footnotes, start=1)]

    replacements: list[tuple[int, int, str]] = []
    for marker in markers:
        html = (
            f'<span class="page-marker" id="p{marker.page}" title="Page {marker.page}">'
            f"*{marker.page}</span>"
        )
        if _inside_word(text, marker.start, marker.end):
            # "Unit*971ed States": the page turns inside the word; show it after the word.
            after = _word_end(text, marker.end)
            replacements += [(marker.start, marker.end, ""), (after, after, " " + html)]
        else:
            # "is *972achieved": set apart from the word it touches.
            before = " " if _touches_word(text, marker.start - 1) else ""
            after_space = " " if _touches_word(text, marker.end) else ""
            replacements.append((marker.start, marker.end, before + html + after_space))
    replacements += [
        (
            *note.marker,
            f'<sup class="footnote-ref" id="fnref{note.number}">'
            f'<a href="#fn{note.number}">{note.number}</a></sup>',
        )
        for note in footnotes
        if note.marker is not None
    ]
    if end_spans:
        replacements.append((block_start, len(text), ""))

    builder = _Builder(text, replacements, links)
    body_paragraphs, paragraph_starts = builder.render(0, len(text))
    marked = [m.page for m in markers]
    opening = ""
    if first_page is not None and first_page not in marked:
        opening = f'<span class="page-marker page-start" id="p{first_page}"></span>'
        marked.insert(0, first_page)
    parts = [f'<div class="opinion-text">{opening}']
    for number, paragraph in enumerate(body_paragraphs, start=1):
        parts.append(f'<p id="para-{number}">{paragraph}</p>')
    parts.append("</div>")
    if footnotes:
        parts.append('<section class="footnotes"><h2 class="h6">Footnotes</h2><ol>')
        for note in footnotes:
            inner, _ = builder.render(note.start, note.end)
            back = (
                f' <a class="footnote-back" href="#fnref{note.number}" '
                f'aria-label="Back to the text">↩</a>'
                if note.marker is not None
                else ""
            )
            content = "".join(f"<p>{p}</p>" for p in inner)
            parts.append(f'<li id="fn{note.number}" value="{note.number}">{content}{back}</li>')
        parts.append("</ol></section>")
    return RenderedOpinion("".join(parts), marked, paragraph_starts, footnotes)


class _Builder:
    """Walks a range of the raw text, escaping it and inserting our markup."""

    def __init__(
        self, text: str, replacements: Iterable[tuple[int, int, str]], links: Iterable[Link]
    ) -> None:
        self.text = text
        self.replacements = sorted(replacements)
        self.links = sorted(links, key=lambda link: (link.start, link.end))
        self.glued = glued_breaks(text)

    def _events_in(self, start: int, end: int) -> list[tuple[int, int, int, str]]:
        chosen: list[tuple[int, int, str]] = []
        for s, e, html in self.replacements:
            inside = start <= s and e <= end and (not chosen or s >= chosen[-1][1])
            if inside and (s, e) != (start, end):
                chosen.append((s, e, html))
        events = [(s, 1, e, html) for s, e, html in chosen]
        last_link_end = start
        for link in self.links:
            if not (start <= link.start < link.end <= end) or link.start < last_link_end:
                continue
            if "\n" in self.text[link.start : link.end] or any(
                link.start < at < link.end for at in self.glued
            ):
                continue
            # A link may contain a replacement whole, never cut one.
            if any(
                s < link.end and link.start < e and not (link.start <= s and e <= link.end)
                for s, e, _ in chosen
            ):
                continue
            title = f' title="{escape(link.title)}"' if link.title else ""
            events.append(
                (
                    link.start,
                    0,
                    link.start,
                    f'<a class="{escape(link.css_class)}" href="{escape(link.href)}"{title}>',
                )
            )
            events.append((link.end, -1, link.end, "</a>"))
            last_link_end = link.end
        events.sort(key=lambda ev: (ev[0], ev[1]))
        return events

    def render(self, start: int, end: int) -> tuple[list[str], list[int]]:
        paragraphs: list[list[str]] = [[]]
        starts: list[int] = [start]

        def emit_text(s: int, e: int) -> None:
            segment = self.text[s:e]
            breaks = [(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(segment)]
            breaks += [(at - s, at - s) for at in self.glued if s < at < e]
            last = 0
            for break_start, break_end in sorted(breaks):
                paragraphs[-1].append(escape(segment[last:break_start], quote=False))
                paragraphs.append([])
                starts.append(s + break_end)
                last = break_end
            paragraphs[-1].append(escape(segment[last:], quote=False))

        position = start
        for at, _order, resume, html in self._events_in(start, end):
            if at > position:
                emit_text(position, at)
            paragraphs[-1].append(html)
            position = max(position, resume)
        if position < end:
            emit_text(position, end)

        kept, kept_starts = [], []
        for pieces, begin in zip(paragraphs, starts, strict=True):
            html = "".join(pieces).strip()
            if html:
                kept.append(html)
                kept_starts.append(begin)
        return kept, kept_starts
