"""The memo's citations, in the forms of `casebook.bluebook`, and the table of authorities they
add up to.

Full form on the first mention, short form after it (Bluebook R10.9):
  *United States v. Banuelos-Rodriguez*, 215 F.3d 969, 978 (9th Cir. 2000) (en banc)
  *Banuelos-Rodriguez*, 215 F.3d at 978
Each mention carries an anchor; the table lists every anchor of an authority and the PDF prints
the page each one falls on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from casebook import bluebook

from . import typed
from .sections import Authority
from .text import breakable, raw_paragraphs

# How far past its first page a pinpoint may fall and still be read as the same opinion.
MAX_OPINION_PAGES = 150


@dataclass(frozen=True)
class Mention:
    """One citation as printed at one place in the memo.

    ``name`` (printed in italics; empty for statutes and Guidelines sections) and ``rest`` are
    its text; ``citation`` the case citation they make up, which the page styles part by part.
    """

    anchor: str
    name: str
    rest: str
    verified: bool = True
    citation: str = ""


@dataclass(frozen=True)
class Run:
    """A stretch of typed text as printed: plain, or one citation found in it."""

    text: str
    mention: Mention | None = None


# A paragraph as printed: its runs in order.
Paragraph = tuple[Run, ...]


@dataclass(frozen=True)
class TableEntry:
    """One line of the table of authorities and the anchors of every mention of it."""

    name: str
    rest: str
    anchors: tuple[str, ...]
    verified: bool = True
    citation: str = ""


def _identity(case: bluebook.Case) -> tuple[int | str, ...]:
    """What makes two mentions the same authority (for short forms and the table)."""
    cite = case.primary
    return (cite.volume, cite.reporter, cite.page) if cite else (case.name,)


def _split(citation: bluebook.Citation) -> tuple[str, str]:
    """(name, rest): the case name it opens with and the text after it."""
    return citation.name, citation[len(citation.name) :]


def _natural(text: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key that orders "§2L1.2" before "§3E1.1" and "8 U.S.C." before "18 U.S.C."."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
        for part in re.split(r"(\d+)", text)
        if part
    )


class Citer:
    """Hands out anchors and forms in the order the memo prints its mentions."""

    def __init__(self, *, edition_year: int | None = None):
        self.edition_year = edition_year
        self._count = 0
        self._cases: dict[tuple[int | str, ...], tuple[bluebook.Case, list[str]]] = {}
        self._statutes: dict[str, list[str]] = {}
        self._guidelines: dict[str, list[str]] = {}
        # Opinions the memo will cite, known before their first mention, so that a short cite
        # the author types before it ("215 F.3d at 978") resolves to them.
        self._known: dict[tuple[int | str, ...], bluebook.Case] = {}
        self._last: tuple[str, tuple[int | str, ...] | str] | None = None  # for "Id."
        self._in_full: set[tuple[int | str, ...]] = set()  # cited in full already

    def know(self, case: bluebook.Case) -> None:
        self._known.setdefault(_identity(case), case)

    def _anchor(self) -> str:
        self._count += 1
        return f"cite-{self._count}"

    def _cite(self, case: bluebook.Case, pinpoint: str, anchor: str) -> bluebook.Citation:
        identity = _identity(case)
        self._last = ("case", identity)
        seen = self._cases.get(identity)
        if seen is None:
            self._cases[identity] = (case, [anchor])
        if identity not in self._in_full:  # a short form the author typed is no full one
            self._in_full.add(identity)
            if seen is not None:
                seen[1].append(anchor)
            return bluebook.full(case, pinpoint)
        assert seen is not None
        seen[1].append(anchor)
        return bluebook.short(case, pinpoint)

    def case(self, authority: Authority) -> Mention:
        """The authority's citation; a quote taken from another opinion cites that one too, at
        the same anchor."""
        anchor = self._anchor()
        citation = self._cite(authority.case, authority.pinpoint, anchor)
        if authority.quoted_in is not None:
            citation = bluebook.quoted_in(citation, self._cite(authority.quoted_in, "", anchor))
        return Mention(anchor, *_split(citation), citation.verified, citation)

    def statute(self, statute: str, printed: str = "") -> Mention:
        anchor = self._anchor()
        key = re.sub(r"\s+", " ", statute.strip())
        self._statutes.setdefault(key, []).append(anchor)
        self._last = ("statute", key)
        return Mention(anchor, "", printed or statute)

    def guideline(self, section: str, printed: str = "") -> Mention:
        anchor = self._anchor()
        key = re.sub(r"§\s*", "§", section.strip())
        self._guidelines.setdefault(key, []).append(anchor)
        self._last = ("guideline", key)
        return Mention(anchor, "", printed or section)

    def _resolve_short(self, volume: int, reporter: str, page: int) -> bluebook.Case | None:
        """The cited or known opinion a short cite points into: same volume and reporter, the
        nearest first page at or before the pinpoint."""
        candidates = [case for case, _ in self._cases.values()] + list(self._known.values())
        best = None
        for case in candidates:
            cite = case.primary
            if (
                cite
                and (cite.volume, cite.reporter) == (volume, reporter)
                and cite.page <= page <= cite.page + MAX_OPINION_PAGES
                and (best is None or cite.page > best.primary.page)  # type: ignore[union-attr]
            ):
                best = case
        return best

    def _typed_mention(self, found: typed.Found, text: str) -> Mention | None:
        """The mention of a citation found in typed text, printed as typed with its case name
        in italics; None for a short cite or "Id." that names nothing cited before."""
        name, rest = text[found.start : found.name_end], text[found.name_end : found.end]
        if found.kind in (typed.STATUTE, typed.GUIDELINE):
            assert isinstance(found.key, str)
            add = self.statute if found.kind == typed.STATUTE else self.guideline
            return add(found.key, text[found.start : found.end])
        if found.kind == typed.ID:
            last = self._last
            if last is None:
                return None
            anchor = self._anchor()
            kind, key = last
            if kind == "case":
                self._cases[key][1].append(anchor)  # type: ignore[index]
            else:
                table = self._statutes if kind == "statute" else self._guidelines
                table[key].append(anchor)  # type: ignore[index]
        else:
            if found.kind == typed.CASE:
                assert found.case is not None
                identity = _identity(found.case)
                self._in_full.add(identity)
                # The casebook's citation of an opinion it holds, in the table.
                case = self._known.get(identity, found.case)
            else:
                volume, reporter, page = found.key  # type: ignore[misc]
                resolved = self._resolve_short(volume, reporter, page)
                if resolved is None:
                    return None
                case = resolved
            anchor = self._anchor()
            identity = _identity(case)
            self._last = ("case", identity)
            if identity in self._cases:
                self._cases[identity][1].append(anchor)
            else:
                self._cases[identity] = (case, [anchor])
        parts = [bluebook.Part(name, bluebook.NAME), bluebook.Part(rest)]
        return Mention(anchor, name, rest, True, bluebook.Citation(parts))

    def text(self, typed_text: str) -> tuple[Paragraph, ...]:
        """Typed text as printed: its paragraphs, each in runs, every citation found in it
        (`memos.typed`) a mention with its anchor, for the table of authorities."""
        printed = []
        for paragraph in raw_paragraphs(typed_text):
            runs: list[Run] = []
            position = 0
            for found in typed.find(paragraph):
                mention = self._typed_mention(found, paragraph)
                if mention is None:
                    continue
                if found.start > position:
                    runs.append(Run(breakable(paragraph[position : found.start])))
                runs.append(Run(paragraph[found.start : found.end], mention))
                position = found.end
            if position < len(paragraph):
                runs.append(Run(breakable(paragraph[position:])))
            printed.append(tuple(runs))
        return tuple(printed)

    def cases(self) -> tuple[TableEntry, ...]:
        """Alphabetical by case name, as written (then by citation)."""
        entries = []
        for case, anchors in self._cases.values():
            citation = bluebook.table(case)
            entries.append(
                TableEntry(*_split(citation), tuple(anchors), citation.verified, citation)
            )
        return tuple(sorted(entries, key=lambda e: (e.name.casefold(), _natural(e.rest))))

    def statutes(self) -> tuple[TableEntry, ...]:
        return tuple(
            TableEntry("", statute, tuple(anchors))
            for statute, anchors in sorted(self._statutes.items(), key=lambda i: _natural(i[0]))
        )

    def guidelines(self) -> tuple[TableEntry, ...]:
        """U.S.S.G. sections, with the year of the Manual applied."""
        return tuple(
            TableEntry("", bluebook.guidelines_section(section, self.edition_year), tuple(anchors))
            for section, anchors in sorted(self._guidelines.items(), key=lambda i: _natural(i[0]))
        )

    def unverified(self) -> tuple[bluebook.Citation, ...]:
        """Full citations of the authorities whose reporter citation is not verified."""
        citations = (bluebook.table(case) for case, _ in self._cases.values())
        return tuple(citation for citation in citations if not citation.verified)
