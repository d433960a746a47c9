"""Finding and resolving the citations in an opinion's text. The only module that imports eyecite.

The pipeline: mend the text's known quirks (keeping a map back to the raw offsets), find the
citations, resolve them (full, short, "Id.") to saved `Opinion`s or to authorities not yet in the
casebook, merge parallel cites into one authority, and report every mention with its raw-text span
and pinpoint so the linked HTML can be built from the raw text.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

from eyecite import get_citations as eyecite_get_citations
from eyecite import helpers as eyecite_helpers
from eyecite import resolve_citations as eyecite_resolve_citations
from eyecite.models import CaseCitation, CitationBase, Resource, UnknownCitation

# The kinds of citation, re-exported: the memo's typed text sorts its citations by them.
from eyecite.models import FullCaseCitation as FullCaseCitation
from eyecite.models import FullCitation as FullCitation
from eyecite.models import IdCitation as IdCitation
from eyecite.models import ShortCaseCitation as ShortCaseCitation
from eyecite.resolve import Resolutions, ResolvedFullCites
from eyecite.tokenizers import HyperscanTokenizer, default_tokenizer

from . import bluebook, courts

# eyecite warns about every overlap it cannot classify; those are not actionable here.
logging.getLogger("eyecite").setLevel(logging.ERROR)

# eyecite's tokenizer: its default (pure-Python regexes), or Hyperscan's, which finds the same
# citations about 3x faster but compiles its database once (some 30 s, then cached on disk).
_tokenizer: Any = default_tokenizer


def use_hyperscan(cache_dir: str) -> bool:
    """Switch to eyecite's Hyperscan tokenizer, compiled into ``cache_dir``; False (keeping the
    default) where the hyperscan package is not installed."""
    global _tokenizer
    try:
        import hyperscan  # noqa: F401
    except ImportError:
        return False
    _tokenizer = HyperscanTokenizer(cache_dir=cache_dir)
    return True


# eyecite maps a parenthetical's court ("9th Cir.") to its id by scanning all of courts-db's
# ~2,800 courts each time; the answer depends only on the string, so remember it.
if not hasattr(eyecite_helpers.get_court_by_paren, "cache_info"):
    eyecite_helpers.get_court_by_paren = lru_cache(maxsize=1024)(eyecite_helpers.get_court_by_paren)

# An opinion is rarely longer than this many pages; eyecite uses the same bound for "Id." pins.
MAX_OPINION_PAGES = 150


@dataclass(frozen=True, order=True)
class CiteKey:
    """One reporter citation: volume, reporter (eyecite's corrected spelling) and first page."""

    volume: int
    reporter: str
    page: int

    def __str__(self) -> str:
        return str(bluebook.reporter_cite(bluebook.Cite(self.volume, self.reporter, self.page)))


# ---------------------------------------------------------------------------------------------
# Mending: fix what trips eyecite, without touching the stored raw text.


# "(9th Cir.1999)": with no space eyecite loses court and year (and may read a page as a year).
_GLUED_YEAR = re.compile(r"(?<=[A-Za-z]\.)(?=(?:1[6-9]|20)\d\d\))")


@dataclass(frozen=True)
class MendedText:
    """The text eyecite reads, and where each of its offsets lies in the raw text."""

    text: str
    inserted_at: tuple[int, ...]  # offsets in `text` of the characters we inserted

    def to_raw(self, offset: int) -> int:
        return offset - bisect_right(self.inserted_at, offset - 1)


def mend_text(raw: str) -> MendedText:
    pieces: list[str] = []
    inserted: list[int] = []
    last = 0
    for match in _GLUED_YEAR.finditer(raw):
        pieces.append(raw[last : match.start()])
        inserted.append(match.start() + len(inserted))
        pieces.append(" ")
        last = match.start()
    pieces.append(raw[last:])
    return MendedText("".join(pieces), tuple(inserted))


# ---------------------------------------------------------------------------------------------
# Finding


def _is_bare_section(citation: CitationBase) -> bool:
    return isinstance(citation, UnknownCitation) and citation.matched_text().strip(" .") == "§"


def get_citations(text: str) -> list[CitationBase]:
    """The citations eyecite finds in the mended text (spans refer to `mend_text(text).text`).

    Bare "§" markers, which eyecite reports as unknown citations, are left out: "§ 1326(a)"
    between a case and its "Id. at 1358" must not cut the "Id." off from the case.
    """
    found = eyecite_get_citations(mend_text(text).text, tokenizer=_tokenizer)
    return [c for c in found if not _is_bare_section(c)]


def cite_key(citation: CaseCitation) -> CiteKey | None:
    groups = citation.groups
    try:
        return CiteKey(int(groups["volume"]), citation.corrected_reporter(), int(groups["page"]))
    except (KeyError, TypeError, ValueError):
        return None


@lru_cache(maxsize=4096)
def parse_citation(text: str) -> CiteKey | None:
    """The reporter citation a string holds, e.g. "116 S.Ct. 2035" → 116 S. Ct. 2035; else None."""
    for citation in get_citations(text):
        if isinstance(citation, FullCaseCitation):
            return cite_key(citation)
    return None


@dataclass(frozen=True)
class CitationQuery:
    """A search that is a reporter citation: the cite and, when one is given, the pinpoint page.

    "215 F.3d 969" and "215 F. 3d 969" name the opinion beginning at page 969 (`short` False);
    "215 F.3d 969, 978" the same, at page 978; "215 F.3d at 978" (`short` True) whichever opinion
    of volume 215 holds page 978, so its `key.page` is the pinpoint.
    """

    key: CiteKey
    pin: int | None
    short: bool


@lru_cache(maxsize=1024)
def parse_citation_query(text: str) -> CitationQuery | None:
    """The citation a search names, full ("215 F.3d 969, 978") or short ("215 F.3d at 978")."""
    for citation in get_citations(text):
        if not isinstance(citation, FullCaseCitation | ShortCaseCitation):
            continue
        key = cite_key(citation)
        if key is None:
            continue
        short = isinstance(citation, ShortCaseCitation)
        pin = _pin_page(citation.metadata.pin_cite) if not short else key.page
        return CitationQuery(key, pin, short)
    return None


def _pin_page(pin_cite: str | None) -> int | None:
    match = re.match(r"\D*(\d+)", pin_cite or "")
    return int(match.group(1)) if match else None


def normalize_reporter(reporter: str) -> str:
    """eyecite's spelling of a reporter ("S.Ct." → "S. Ct."); unknown ones are unchanged."""
    key = parse_citation(f"1 {reporter} 1")
    return key.reporter if key else reporter.strip()


# ---------------------------------------------------------------------------------------------
# Resolving


@dataclass(frozen=True)
class Mention:
    """One place the text cites an authority: raw-text span, the pinpoint as written, and form."""

    start: int
    end: int
    pin: str
    form: str  # "full", "short" or "id"


class SavedOpinion(Protocol):
    """What resolving needs of a saved opinion (a casebook `Opinion`): its primary key."""

    @property
    def pk(self) -> Any: ...


@dataclass(eq=False)
class CitedAuthority:
    """An authority the text cites: a saved opinion, or one known only from the citation."""

    opinion: SavedOpinion | None  # what the lookup found: a saved Opinion
    cites: list[CiteKey] = field(default_factory=list)
    case_name: str = ""
    court_id: str | None = None
    year: int | None = None
    mentions: list[Mention] = field(default_factory=list)
    # Parallel cites (one authority, several reporters) count as one mention.
    _groups: set[int] = field(default_factory=set, repr=False)

    @property
    def depth(self) -> int:
        return len(self._groups)

    @property
    def pin_cites(self) -> list[str]:
        return list(dict.fromkeys(m.pin for m in self.mentions if m.pin))


class AuthorityLookup(Protocol):
    """Finds the saved opinion a reporter citation names; `names` are the cite's party names,
    for a cite that names a page inside an opinion rather than its first page."""

    def find(self, key: CiteKey, names: Iterable[str] = ()) -> SavedOpinion | None: ...


def case_cite_keys(citations: Iterable[CitationBase]) -> list[CiteKey]:
    """The reporter citations of the full case cites: what resolving asks the lookup about."""
    return [k for c in citations if isinstance(c, FullCaseCitation) and (k := cite_key(c))]


_GENERIC_PARTIES = {"united states", "united states of america", "state", "people", "usa", "us"}


def party_names(case_name: str) -> list[str]:
    """A caption's distinctive party names: "United States v. Bonnet-Grullon" → bonnet-grullon."""
    parties = re.split(r"\s+v\.?\s+", case_name or "")
    return [
        p.strip().lower()
        for p in parties
        if p.strip() and p.strip().lower() not in _GENERIC_PARTIES
    ]


def same_authority(
    key: CiteKey,
    names: Iterable[str],
    own: CiteKey,
    first_page: int | None,
    last_page: int | None,
    case_name: str,
) -> bool:
    """Whether a cite naming a page inside an opinion ("212 F.3d 693") means the opinion that
    begins at `own` ("212 F.3d 692"): same volume and reporter, a page within the opinion, and a
    party name in common. An exact cite always does."""
    if key == own:
        return True
    if (key.volume, key.reporter) != (own.volume, own.reporter):
        return False
    last = last_page if first_page == own.page and last_page else own.page + MAX_OPINION_PAGES
    if not own.page < key.page <= last:
        return False
    wanted = [n.lower() for n in names if n and n.lower() not in _GENERIC_PARTIES]
    caption = case_name.lower()
    return any(n in caption for n in wanted)


_PARENTHETICAL_AFTER = re.compile(r"[^()]{0,60}?\(([^()]{0,80})\)")
_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")


def _court_and_year(text: str, end: int) -> tuple[str | None, int | None]:
    """Court and year from the parenthetical right after a cite group.

    eyecite sometimes takes the year of a later cite ("(1989). The holding … (9th Cir.1992)"),
    so only the first parenthetical after the group counts.
    """
    match = _PARENTHETICAL_AFTER.match(text, end)
    if not match:
        return None, None
    inside = match.group(1)
    years = _YEAR.findall(inside)
    year = int(years[-1]) if years else None
    court_text = _YEAR.sub("", inside).strip(" ,")
    court_id = courts.court_id_for_abbreviation(court_text) if court_text else None
    return court_id, year


def _case_name(citation: FullCaseCitation) -> str:
    m = citation.metadata
    if m.plaintiff and m.defendant:
        return f"{m.plaintiff} v. {m.defendant}"
    return m.defendant or m.plaintiff or ""


def _first_number(pin: str | None) -> int | None:
    match = re.search(r"\d+", pin or "")
    return int(match.group()) if match else None


class _Resolver:
    """Our callbacks for eyecite's resolve_citations; resources are `CitedAuthority` objects."""

    def __init__(self, citations: list[CitationBase], mended: MendedText, lookup: AuthorityLookup):
        self.citations = citations
        self.mended = mended
        self.lookup = lookup
        self.position = {id(c): i for i, c in enumerate(citations)}
        self.resolution_of: dict[int, Hashable] = {}
        self.by_key: dict[CiteKey, CitedAuthority] = {}
        self.by_opinion: dict[int, CitedAuthority] = {}
        self.group_start: dict[int, int] = {}  # citation → start of its cite group (parallels)
        self._group_parallels()

    def _group_parallels(self) -> None:
        """Parallel cites share a group: eyecite gives them the same full-span start."""
        previous = None
        for citation in self.citations:
            if isinstance(citation, CaseCitation):
                start = citation.full_span()[0]
                if (
                    isinstance(citation, FullCaseCitation)
                    and previous is not None
                    and previous.full_span()[0] == start
                ):
                    self.group_start[id(citation)] = self.group_start[id(previous)]
                else:
                    self.group_start[id(citation)] = citation.span()[0]
                previous = citation
            else:
                previous = None

    def _group_of(self, citation: FullCaseCitation) -> list[FullCaseCitation]:
        start = self.group_start[id(citation)]
        return [
            c
            for c in self.citations
            if isinstance(c, FullCaseCitation) and self.group_start.get(id(c)) == start
        ]

    def _authority_for_group(self, group: list[FullCaseCitation]) -> CitedAuthority:
        keys = [k for k in (cite_key(c) for c in group) if k]
        for key in keys:
            if key in self.by_key:
                authority = self.by_key[key]
                break
        else:
            lead = group[0]
            names = [lead.metadata.plaintiff or "", lead.metadata.defendant or ""]
            opinion = next((o for k in keys if (o := self.lookup.find(k, names))), None)
            if opinion is not None and opinion.pk in self.by_opinion:
                authority = self.by_opinion[opinion.pk]
            else:
                end = max(c.span()[1] for c in group)
                court_id, year = _court_and_year(self.mended.text, end)
                guessed = next((c.metadata.court for c in group if c.metadata.court), None)
                authority = CitedAuthority(
                    opinion=opinion,
                    case_name=_case_name(lead),
                    court_id=court_id or guessed,
                    year=year,
                )
                if opinion is not None:
                    self.by_opinion[opinion.pk] = authority
        for key in keys:
            if key not in authority.cites:
                authority.cites.append(key)
            self.by_key[key] = authority
        return authority

    def full(self, citation: FullCitation) -> Hashable:
        resource: CitedAuthority | Resource
        if isinstance(citation, FullCaseCitation) and cite_key(citation):
            resource = self._authority_for_group(self._group_of(citation))
        else:
            resource = Resource(citation)  # statutes and journals: tracked, never linked
        self.resolution_of[id(citation)] = resource
        return resource

    def short(
        self, citation: ShortCaseCitation, resolved_full_cites: ResolvedFullCites
    ) -> Hashable | None:
        candidates = {
            resource
            for full, resource in resolved_full_cites
            if isinstance(full, FullCaseCitation)
            and full.corrected_reporter() == citation.corrected_reporter()
            and full.groups.get("volume") == citation.groups.get("volume")
        }
        if len(candidates) > 1 and citation.metadata.antecedent_guess:
            guess = citation.metadata.antecedent_guess.strip(" ,.")
            candidates = {
                r for r in candidates if isinstance(r, CitedAuthority) and guess in r.case_name
            }
        resource = candidates.pop() if len(candidates) == 1 else None
        if resource is not None:
            self.resolution_of[id(citation)] = resource
        return resource

    def _pin_fits(self, authority: CitedAuthority, pin: str | None) -> bool:
        page = _first_number(pin)
        if page is None:
            return True
        return any(k.page <= page <= k.page + MAX_OPINION_PAGES for k in authority.cites)

    def id_(
        self, citation: IdCitation, last_resolution: Hashable, resolutions: Resolutions
    ) -> Hashable | None:
        after = self.mended.text[citation.span()[1] : citation.span()[1] + 3]
        if after.lstrip().startswith("§"):
            return None  # "id. § 6B1.2" points at a code or the Guidelines, not at a case
        pin = citation.metadata.pin_cite
        resource: Hashable | None
        if isinstance(last_resolution, CitedAuthority):
            resource = last_resolution if self._pin_fits(last_resolution, pin) else None
        elif isinstance(last_resolution, Resource) and _first_number(pin) is not None:
            # A statute has no pages: "Id. at 693" right after one points back to the case
            # cited just before it, if nothing else intervened.
            resource = self._case_before_statutes(citation)
            if resource is not None and not self._pin_fits(resource, pin):
                resource = None
        else:
            resource = last_resolution
        if resource is not None:
            self.resolution_of[id(citation)] = resource
        return resource

    def _case_before_statutes(self, citation: IdCitation) -> CitedAuthority | None:
        for earlier in reversed(self.citations[: self.position[id(citation)]]):
            resource = self.resolution_of.get(id(earlier))
            if isinstance(resource, CitedAuthority):
                return resource
            if not isinstance(resource, Resource):
                return None
        return None


_PAGE_AFTER = re.compile(r"\s*\d+(?:[-–]\d+)?")


def _through_page(text: str, end: int) -> int:
    """eyecite may end a short cite's span before its page ("215 F.3d at |973 (quoting …)")."""
    if text[:end].rstrip().endswith(" at"):
        match = _PAGE_AFTER.match(text, end)
        if match:
            return match.end()
    return end


def resolve_citations(
    citations: list[CitationBase], *, text: str, lookup: AuthorityLookup
) -> list[CitedAuthority]:
    """The case authorities `citations` (found in `text`) refer to, each with its mentions.

    Saved opinions are those `lookup` finds by any of their reporter citations; parallel cites
    merge into one authority; short cites and "Id." join the authority they refer to.
    """
    mended = mend_text(text)
    resolver = _Resolver(citations, mended, lookup)
    resolutions = eyecite_resolve_citations(
        citations,
        resolve_full_citation=resolver.full,
        resolve_shortcase_citation=resolver.short,
        resolve_id_citation=resolver.id_,
    )
    authorities: list[CitedAuthority] = []
    for resource, found in resolutions.items():
        if not isinstance(resource, CitedAuthority):
            continue
        for citation in found:
            start, end = citation.span()
            if isinstance(citation, ShortCaseCitation):
                end = _through_page(mended.text, end)
            if isinstance(citation, FullCaseCitation):
                form, pin = "full", citation.metadata.pin_cite
            elif isinstance(citation, ShortCaseCitation):
                form = "short"
                pin = citation.metadata.pin_cite or citation.groups.get("page")
            else:
                form, pin = "id", citation.metadata.pin_cite
            pin = re.sub(r"^at\s+", "", (pin or "").strip(" ,"))
            resource.mentions.append(Mention(mended.to_raw(start), mended.to_raw(end), pin, form))
            resource._groups.add(resolver.group_start.get(id(citation), start))
        resource.mentions.sort(key=lambda m: m.start)
        authorities.append(resource)
    authorities.sort(key=lambda a: a.mentions[0].start)
    return authorities


def extract_authorities(text: str, *, lookup: AuthorityLookup) -> list[CitedAuthority]:
    """Find and resolve, in one go: the case authorities an opinion's raw text cites."""
    return resolve_citations(get_citations(text), text=text, lookup=lookup)
