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

from .sections import Authority
from .text import paragraphs


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

    def _anchor(self) -> str:
        self._count += 1
        return f"cite-{self._count}"

    def _cite(self, case: bluebook.Case, pinpoint: str, anchor: str) -> bluebook.Citation:
        seen = self._cases.get(_identity(case))
        if seen is None:
            self._cases[_identity(case)] = (case, [anchor])
            return bluebook.full(case, pinpoint)
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

    def statute(self, statute: str) -> Mention:
        anchor = self._anchor()
        self._statutes.setdefault(statute.strip(), []).append(anchor)
        return Mention(anchor, "", statute)

    def guideline(self, section: str) -> Mention:
        anchor = self._anchor()
        self._guidelines.setdefault(section.strip(), []).append(anchor)
        return Mention(anchor, "", section)

    def text(self, typed: str) -> tuple[Paragraph, ...]:
        """Typed text as printed: its paragraphs (`memos.text.paragraphs`), each in runs."""
        return tuple((Run(paragraph),) for paragraph in paragraphs(typed))

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
