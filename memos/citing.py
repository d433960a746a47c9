"""Bluebook forms for the memo's citations and the table of authorities they add up to.

Full form on the first mention, short form after it (Bluebook R10.9):
  *United States v. Banuelos-Rodriguez*, 215 F.3d 969, 978 (9th Cir. 2000) (en banc)
  *Banuelos-Rodriguez*, 215 F.3d at 978
Each mention carries an anchor; the table lists every anchor of an authority and the PDF prints
the page each one falls on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sections import Authority

GOVERNMENT = "United States"


def _spaced(section: str) -> str:
    """ "§2L1.2(a)" as the Manual prints it → "§ 2L1.2(a)" as a citation (Bluebook R6.2(c))."""
    return re.sub(r"§\s*", "§ ", section)


def short_name(case_name: str) -> str:
    """The party name a short form uses: the first party, unless it is the United States
    ("United States v. Banuelos-Rodriguez" → "Banuelos-Rodriguez"; Bluebook R10.9, B10.1.3)."""
    parties = case_name.split(" v. ", 1)
    if len(parties) == 2 and parties[0].strip() == GOVERNMENT:
        return parties[1].strip()
    return parties[0].strip()


def full_form(authority: Authority) -> tuple[str, str]:
    """(name, rest): the italic case name and what follows it, e.g. ", 215 F.3d 969, 978
    (9th Cir. 2000) (en banc)"."""
    rest = ""
    if authority.volume is not None and authority.page is not None:
        rest = f", {authority.volume} {authority.reporter} {authority.page}"
        if authority.pinpoint:
            rest += f", {authority.pinpoint}"
    parenthetical = " ".join(str(part) for part in (authority.court, authority.year) if part)
    if parenthetical:
        rest += f" ({parenthetical})"
    if authority.en_banc:
        rest += " (en banc)"
    return authority.case_name, rest


def short_form(authority: Authority) -> tuple[str, str]:
    """(name, rest): "Banuelos-Rodriguez", ", 215 F.3d at 978"; without a pinpoint the first
    page stands in: ", 227 F.3d 1255"."""
    name = short_name(authority.case_name)
    if authority.volume is None or authority.page is None:
        return name, ""
    if authority.pinpoint:
        return name, f", {authority.volume} {authority.reporter} at {authority.pinpoint}"
    return name, f", {authority.volume} {authority.reporter} {authority.page}"


def table_form(authority: Authority) -> tuple[str, str]:
    """The table of authorities lists the full citation without a pinpoint."""
    unpinned = Authority(
        case_name=authority.case_name,
        volume=authority.volume,
        reporter=authority.reporter,
        page=authority.page,
        court=authority.court,
        year=authority.year,
        en_banc=authority.en_banc,
        verified=authority.verified,
    )
    return full_form(unpinned)


@dataclass(frozen=True)
class Mention:
    """One citation as printed at one place in the memo."""

    anchor: str
    name: str  # printed in italics (empty for statutes and Guidelines sections)
    rest: str
    verified: bool = True


@dataclass(frozen=True)
class TableEntry:
    """One line of the table of authorities and the anchors of every mention of it."""

    name: str
    rest: str
    anchors: tuple[str, ...]
    verified: bool = True


def _natural(text: str) -> tuple:
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
        self._cases: dict[tuple, tuple[Authority, list[str]]] = {}
        self._statutes: dict[str, list[str]] = {}
        self._guidelines: dict[str, list[str]] = {}

    def _anchor(self) -> str:
        self._count += 1
        return f"cite-{self._count}"

    def case(self, authority: Authority) -> Mention:
        anchor = self._anchor()
        seen = self._cases.get(authority.key)
        if seen is None:
            self._cases[authority.key] = (authority, [anchor])
            name, rest = full_form(authority)
        else:
            seen[1].append(anchor)
            name, rest = short_form(authority)
        return Mention(anchor, name, rest, authority.verified)

    def statute(self, statute: str) -> Mention:
        anchor = self._anchor()
        self._statutes.setdefault(statute.strip(), []).append(anchor)
        return Mention(anchor, "", statute)

    def guideline(self, section: str) -> Mention:
        anchor = self._anchor()
        self._guidelines.setdefault(section.strip(), []).append(anchor)
        return Mention(anchor, "", section)

    def cases(self) -> tuple[TableEntry, ...]:
        """Alphabetical by case name, as written (then by citation)."""
        entries = []
        for authority, anchors in self._cases.values():
            name, rest = table_form(authority)
            entries.append(TableEntry(name, rest, tuple(anchors), authority.verified))
        return tuple(sorted(entries, key=lambda e: (e.name.casefold(), _natural(e.rest))))

    def statutes(self) -> tuple[TableEntry, ...]:
        return tuple(
            TableEntry("", statute, tuple(anchors))
            for statute, anchors in sorted(self._statutes.items(), key=lambda i: _natural(i[0]))
        )

    def guidelines(self) -> tuple[TableEntry, ...]:
        """U.S.S.G. sections, with the year of the Manual applied (Bluebook R14.9)."""
        suffix = f" (U.S. Sent'g Comm'n {self.edition_year})" if self.edition_year else ""
        return tuple(
            TableEntry("", f"U.S.S.G. {_spaced(section)}{suffix}", tuple(anchors))
            for section, anchors in sorted(self._guidelines.items(), key=lambda i: _natural(i[0]))
        )

    def unverified(self) -> tuple[str, ...]:
        """Full citations of the authorities whose reporter citation is not verified."""
        return tuple(
            "".join(table_form(authority))
            for authority, _ in self._cases.values()
            if not authority.verified
        )
