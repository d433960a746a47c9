"""Every citation the app prints, in the forms of The Bluebook: A Uniform System of Citation
(21st ed. 2020). The rule behind each form is named where the form is built.

Pure: frozen dataclasses in (`Case`, `Cite`), strings out. A form returns a `Citation`, which
is a `str` (its plain text) that also keeps its `parts`, so that a page can set case names and
explanatory phrases in italics (B2), link them, and mark a citation with a cite nobody has
checked yet (`UNVERIFIED`). Nothing here reads the database or knows of Django.

  full(case, "978")      United States v. Banuelos-Rodriguez, 215 F.3d 969, 978 (9th Cir. 2000)
                         (en banc)
  short(case, "978")     Banuelos-Rodriguez, 215 F.3d at 978
  pinpoint(case, "978")  215 F.3d at 978
  table(case)            United States v. Banuelos-Rodriguez, 215 F.3d 969 (9th Cir. 2000)
                         (en banc)
  quoted_in(full(bonnet, "710"), full(armenta))
                         United States v. Bonnet-Grullon, 212 F.3d 692, 710 (2d Cir. 2000),
                         quoted in United States v. Armenta-Castro, 227 F.3d 1255 (10th Cir. 2000)
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Self

UNITED_STATES = "United States"

# The marker every page puts after a reporter citation nobody has confirmed against a copy of
# the reporter, and what it means (the marker's title, and the notice before a memo is filed).
UNVERIFIED = "unverified citation"
UNVERIFIED_MEANING = "not yet confirmed against a copy of the reporter"

# R10.4(a), B10.1.3: a Supreme Court case cited to its own reporters (T1: U.S., S. Ct., L. Ed.)
# gives no court in the parenthetical, only the year. Cited elsewhere (a slip opinion, U.S.L.W.)
# the court is "U.S." (T1).
SUPREME_COURT = "U.S."
SUPREME_COURT_REPORTERS = frozenset(
    {"U.S.", "S. Ct.", "S.Ct.", "L. Ed.", "L. Ed. 2d", "L.Ed.", "L.Ed.2d"}
)

# T12: months in dates are abbreviated, except May, June and July.
MONTHS = (
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)

# The parts of a printed citation, for pages that style them.
NAME = "name"  # a case name: italics (B2, B10.1.1)
PHRASE = "phrase"  # an explanatory phrase such as "quoted in": italics (B2, R1.6)
CITE = "cite"  # a reporter citation, whole ("215 F.3d 969") or short ("215 F.3d at 978")
PIN = "pin"  # a pinpoint standing alone ("215 F.3d at 978"), linked to the passage on screen
TEXT = ""  # punctuation, pinpoints after a full cite, parentheticals

_REPORTER_CITE = re.compile(r"^\s*(\d+)\s+(.+?)\s+(\d+)\s*$")


@dataclass(frozen=True)
class Cite:
    """One reporter citation: volume, reporter (as T1 abbreviates it), first page."""

    volume: int
    reporter: str
    page: int
    verified: bool = True  # False until checked against a copy of the reporter


@dataclass(frozen=True)
class Case:
    """A decision as a citation names it.

    ``cites`` are its reporter citations, the primary one first (no cite: a slip opinion);
    ``court`` the court's Bluebook abbreviation ("9th Cir."), ``supreme_court`` whether it is the
    Supreme Court of the United States; ``date`` the exact date of decision when known (a slip
    opinion needs it), else ``year`` alone; ``docket`` the deciding court's docket number.
    """

    name: str
    cites: tuple[Cite, ...] = ()
    court: str = ""
    supreme_court: bool = False
    year: int | None = None
    date: datetime.date | None = None
    docket: str = ""
    en_banc: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "cites", tuple(self.cites))
        if self.year is None and self.date is not None:
            object.__setattr__(self, "year", self.date.year)

    @property
    def primary(self) -> Cite | None:
        return self.cites[0] if self.cites else None


@dataclass(frozen=True)
class Part:
    """A run of a citation's text and what it is (NAME, PHRASE, CITE, PIN or TEXT)."""

    text: str
    role: str = TEXT
    unverified: bool = False  # a reporter cite not yet confirmed against the reporter


class Citation(str):
    """A citation as printed: the plain text, which this is, and the `parts` it is made of."""

    parts: tuple[Part, ...]

    def __new__(cls, parts: Iterable[Part] = ()) -> Self:
        parts = tuple(part for part in parts if part.text)
        self = super().__new__(cls, "".join(part.text for part in parts))
        object.__setattr__(self, "parts", parts)
        return self

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Citation is immutable (setting {name!r})")

    def __reduce__(self) -> tuple[type[Citation], tuple[tuple[Part, ...]]]:
        return (Citation, (self.parts,))

    def __copy__(self) -> Self:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Self:
        return self

    @property
    def name(self) -> str:
        """The case name it opens with, "" when it opens with a reporter cite."""
        first = self.parts[0] if self.parts else None
        return first.text if first is not None and first.role == NAME else ""

    @property
    def unverified(self) -> tuple[str, ...]:
        """The reporter cites in it that nobody has confirmed against the reporter."""
        return tuple(part.text for part in self.parts if part.unverified)

    @property
    def verified(self) -> bool:
        return not self.unverified


def _joined(*pieces: Citation | Part | str) -> Citation:
    parts: list[Part] = []
    for piece in pieces:
        if isinstance(piece, Citation):
            parts.extend(piece.parts)
        elif isinstance(piece, Part):
            parts.append(piece)
        else:
            parts.append(Part(piece))
    return Citation(parts)


def _pin(pin: str | int | None) -> str:
    return "" if pin is None else str(pin).strip()


def _date(day: datetime.date) -> str:
    """ "Sept. 12, 2000" (T12)."""
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def versus(first: str, second: str) -> str:
    """ "United States v. Banuelos-Rodriguez": the parties joined by "v." (R10.2)."""
    return f"{first} v. {second}"


def short_name(case_name: str) -> str:
    """The party a short form names: the first, unless it is the United States, a governmental
    litigant (R10.9(a), B10.2): "United States v. Banuelos-Rodriguez" → "Banuelos-Rodriguez",
    "Koon v. United States" → "Koon"."""
    parties = case_name.split(" v. ", 1)
    if len(parties) == 2 and parties[0].strip() in (UNITED_STATES, "United States of America"):
        return parties[1].strip()
    return parties[0].strip()


def reporter_cite(cite: Cite) -> Citation:
    """ "215 F.3d 969": volume, reporter, first page (R10.3, R3.1)."""
    text = f"{cite.volume} {cite.reporter} {cite.page}"
    return Citation([Part(text, CITE, not cite.verified)])


def parse_reporter_cite(text: str, *, verified: bool = True) -> Cite | None:
    """The inverse of `reporter_cite`, for cites stored as their text ("116 S. Ct. 2035")."""
    match = _REPORTER_CITE.match(text or "")
    if not match:
        return None
    return Cite(int(match[1]), match[2], int(match[3]), verified)


def parenthetical(case: Case) -> str:
    """ "9th Cir. 2000": the court and the year (R10.4, R10.5(a)); the court left out for the
    Supreme Court in its own reporters (R10.4(a)); a slip opinion gives the exact date
    (R10.5(b), R10.8.1(a)): "9th Cir. Jan. 1, 2000"."""
    primary = case.primary
    if case.supreme_court:
        in_own_reporter = primary is not None and primary.reporter in SUPREME_COURT_REPORTERS
        court = "" if in_own_reporter else SUPREME_COURT
    else:
        court = case.court.strip()
    if primary is None and case.date is not None:
        when = _date(case.date)
    else:
        when = str(case.year) if case.year else ""
    return " ".join(part for part in (court, when) if part)


def cite_with_pinpoint(
    case: Case, pin: str | int | None = "", *, parallel: bool = False
) -> Citation:
    """ "215 F.3d 969, 978": the cite and the page of the passage (R3.2(a)). A passage on the
    first page repeats it ("215 F.3d 969, 969", R3.2(a)). Parallel cites follow, each with its
    first page (R10.3.1): "518 U.S. 81, 116 S. Ct. 2035". A slip opinion gives its docket number
    and "slip op. at" the page (R10.8.1(a)): "No. 99-50000, slip op. at 5"."""
    pin = _pin(pin)
    if case.primary is None:
        docket = f"No. {case.docket.strip()}" if case.docket.strip() else ""
        slip = f"slip op. at {pin}" if pin else ""
        return Citation([Part(", ".join(p for p in (docket, slip) if p))])
    cites = case.cites if parallel else case.cites[:1]
    pieces: list[Citation | str] = [reporter_cite(cites[0])]
    if pin:
        pieces.append(f", {pin}")
    for cite in cites[1:]:
        pieces += [", ", reporter_cite(cite)]
    return _joined(*pieces)


def full(case: Case, pin: str | int | None = "", *, parallel: bool = False) -> Citation:
    """The full citation (R10.1, B10.1): name, cite with the pinpoint, court and date, and the
    weight of authority (R10.6.1: "(en banc)"):
    "United States v. Banuelos-Rodriguez, 215 F.3d 969, 978 (9th Cir. 2000) (en banc)",
    "Koon v. United States, 518 U.S. 81 (1996)",
    "United States v. X, No. 99-50000, slip op. at 5 (9th Cir. Jan. 1, 2000)" (R10.8.1(a)).
    Only the primary reporter unless `parallel` (R10.3.1: parallel cites where the page lists
    every reporter)."""
    cite = cite_with_pinpoint(case, pin, parallel=parallel)
    name = Part(case.name.strip(), NAME)
    pieces: list[Citation | Part | str] = [name, ", ", cite] if name.text and cite else [name, cite]
    court_and_date = parenthetical(case)
    if court_and_date:
        pieces.append(f" ({court_and_date})")
    if case.en_banc:
        pieces.append(" (en banc)")
    return _joined(*pieces)


def table(case: Case) -> Citation:
    """The table of authorities' entry: the full citation without a pinpoint (R10.1; the table
    gives the pages of the brief instead)."""
    return full(case)


def pinpoint(case: Case, pin: str | int | None, *, unpaged: str = "") -> Citation:
    """The pinpoint alone, "215 F.3d at 978" (R3.2(a), R10.9(a)); "slip op. at 5" for a slip
    opinion (R10.8.1(a)). Without a page: `unpaged`, what locates the passage instead (the
    casebook's "slip op." for a quote in a text without reporter pages), else nothing."""
    pin = _pin(pin)
    primary = case.primary
    if not pin:
        return Citation([Part(unpaged, PIN)])
    if primary is None:
        return Citation([Part(f"slip op. at {pin}", PIN)])
    text = f"{primary.volume} {primary.reporter} at {pin}"
    return Citation([Part(text, PIN, not primary.verified)])


def short(case: Case, pin: str | int | None = "") -> Citation:
    """The short form after a full citation (R10.9(a), B10.2): "Banuelos-Rodriguez, 215 F.3d at
    978"; "X, slip op. at 5" for a slip opinion.

    A short form locates a passage: "at" is followed by its page (R10.9(a), R3.2(a)). Without a
    pinpoint there is no short form, and "Armenta-Castro, 227 F.3d 1255" would print the first
    page where the page of the passage belongs; the citation is given in full again, which the
    Bluebook always allows (short forms "may" be used)."""
    located = pinpoint(case, pin)
    if not located:
        return full(case)
    (part,) = located.parts
    return _joined(Part(short_name(case.name), NAME), ", ", Part(part.text, CITE, part.unverified))


def quoted_in(citation: Citation, source: Citation) -> Citation:
    """An authority whose words are taken from another opinion that quotes them, the source we
    hold: the authority, then "quoted in" and the source (R5.2, R1.5(b) and R1.6: "quoted in"
    introduces the related authority; "(quoting …)" is the converse, citing the source first):
    "United States v. Bonnet-Grullon, 212 F.3d 692, 710 (2d Cir. 2000), quoted in United States
    v. Armenta-Castro, 227 F.3d 1255 (10th Cir. 2000)"."""
    return _joined(citation, ", ", Part("quoted in", PHRASE), " ", source)


def guidelines_section(section: str, year: int | None = None) -> str:
    """ "U.S.S.G. § 2L1.2(b)(2) (U.S. Sent'g Comm'n 1995)": the Sentencing Guidelines with the
    year of the Manual (R12.9.5), a space after the section symbol (R6.2(c))."""
    spaced = re.sub(r"§\s*", "§ ", section.strip())
    edition = f" (U.S. Sent'g Comm'n {year})" if year else ""
    return f"U.S.S.G. {spaced}{edition}"


def unverified_notice(citations: Iterable[str]) -> str:
    """What a memo with unverified citations says before it is exported."""
    listed = "; ".join(str(citation) for citation in citations)
    return f"Unverified citations ({UNVERIFIED_MEANING}): {listed}"
