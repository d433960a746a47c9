"""Reads from the casebook, each in a fixed number of queries however large the graph grows."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from django.db.models import Case, F, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from . import courts
from .citations import (
    MAX_OPINION_PAGES,
    CitationQuery,
    CitedAuthority,
    CiteKey,
    case_cite_keys,
    get_citations,
    parse_citation_query,
    resolve_citations,
    same_authority,
)
from .folding import fold_accents, query_words
from .models import (
    CitationEdge,
    Court,
    Ground,
    Holding,
    HoldingQuerySet,
    Opinion,
    OpinionCitation,
    Treatment,
    UnmatchedCitation,
)
from .opinion_html import anchor_for_page


def _citations() -> Prefetch[str, QuerySet[OpinionCitation]]:
    return Prefetch("citations", queryset=OpinionCitation.objects.order_by("position", "pk"))


class OpinionLookup:
    """Finds saved opinions by reporter citation, in one query for a whole text.

    A cite that names a page inside an opinion rather than its first page ("212 F.3d 693" for an
    opinion beginning at 692) still finds it when the case names agree.
    """

    def __init__(self, keys: Iterable[CiteKey]):
        self.exact: dict[CiteKey, Opinion] = {}
        self.by_volume: dict[tuple[int, str], list[OpinionCitation]] = {}
        pairs = {(k.volume, k.reporter) for k in keys}
        if not pairs:
            return
        query = Q()
        for volume, reporter in pairs:
            query |= Q(volume=volume, reporter=reporter)
        rows = (
            OpinionCitation.objects.filter(query)
            .select_related("opinion")
            .defer("opinion__text", "opinion__html", "opinion__search_vector")
        )
        for row in rows:
            key = CiteKey(row.volume, row.reporter, row.page)
            self.exact[key] = row.opinion
            self.by_volume.setdefault((row.volume, row.reporter), []).append(row)

    def find(self, key: CiteKey, names: Iterable[str] = ()) -> Opinion | None:
        if key in self.exact:
            return self.exact[key]
        for row in self.by_volume.get((key.volume, key.reporter), []):
            opinion = row.opinion
            own = CiteKey(row.volume, row.reporter, row.page)
            if same_authority(
                key, names, own, opinion.first_page, opinion.last_page, opinion.case_name
            ):
                return opinion
        return None


def text_authorities(text: str) -> list[CitedAuthority]:
    """The case authorities a raw text cites, matched against the saved opinions in one query."""
    citations = get_citations(text)
    return resolve_citations(citations, text=text, lookup=OpinionLookup(case_cite_keys(citations)))


def holdings_queryset() -> HoldingQuerySet:
    """Holdings with what precedent and pages read: opinion, court, circuit, ground, source."""
    return Holding.objects.select_related(
        "opinion__court__circuit", "ground", "quoted_in__court", "in_light_of"
    ).prefetch_related(
        Prefetch("opinion__citations", queryset=OpinionCitation.objects.order_by("position", "pk")),
        Prefetch("quoted_in__citations", queryset=OpinionCitation.objects.order_by("position")),
        Prefetch("opinion__treatments", queryset=Treatment.objects.select_related("by")),
        Prefetch("treatments", queryset=Treatment.objects.select_related("by")),
    )


def unrecorded_authorities(grounds: Iterable[Ground]) -> QuerySet:
    """(ground, opinion) rows for the grounds' opinions known without a recorded holding, each
    opinion with its court and citations."""
    return (
        Ground.authorities.through.objects.filter(ground__in=list(grounds))
        .select_related("opinion__court")
        .prefetch_related(
            Prefetch(
                "opinion__citations", queryset=OpinionCitation.objects.order_by("position", "pk")
            )
        )
        .order_by("opinion__date_decided", "pk")
    )


def holdings_on_ground(*, ground: Ground, as_of: datetime.date | None = None) -> HoldingQuerySet:
    """The ground's holdings still in force, decided on or before `as_of` when given, newest
    first; each with its opinion's court and circuit, en banc flag and treatments loaded."""
    holdings = holdings_queryset().filter(ground=ground).in_force(as_of)
    if as_of is not None:
        holdings = holdings.decided_by(as_of)
    return holdings.order_by(F("opinion__date_decided").desc(nulls_last=True), "pk")


def opinion_detail(pk: int) -> Opinion:
    """One opinion with its citations, holdings, authorities, citing opinions and treatments."""
    edges_out = CitationEdge.objects.select_related("cited__court").prefetch_related(
        Prefetch("cited__citations", queryset=OpinionCitation.objects.order_by("position", "pk"))
    )
    edges_in = (
        CitationEdge.objects.select_related("citing__court")
        .prefetch_related(
            Prefetch(
                "citing__citations", queryset=OpinionCitation.objects.order_by("position", "pk")
            )
        )
        .order_by(F("citing__date_decided").desc(nulls_last=True), "citing__case_name")
    )
    queryset = Opinion.objects.select_related("court__circuit", "lower_court").prefetch_related(
        _citations(),
        Prefetch("holdings", queryset=holdings_queryset()),
        Prefetch("quoted_holdings", queryset=holdings_queryset()),
        Prefetch("cited_opinions", queryset=edges_out),
        Prefetch("citing_opinions", queryset=edges_in),
        Prefetch("unmatched_citations", queryset=UnmatchedCitation.objects.select_related("court")),
        Prefetch(
            "treatments",
            queryset=Treatment.objects.select_related("by__court").prefetch_related(
                Prefetch("by__citations", queryset=OpinionCitation.objects.order_by("position"))
            ),
        ),
        Prefetch(
            "treatments_given",
            queryset=Treatment.objects.select_related("opinion__court").prefetch_related(
                Prefetch(
                    "opinion__citations", queryset=OpinionCitation.objects.order_by("position")
                )
            ),
        ),
    )
    return get_object_or_404(queryset, pk=pk)


@dataclass(frozen=True)
class AuthorityCited:
    """A row of "authorities cited": a casebook opinion (edge) or an unmatched citation."""

    edge: CitationEdge | None
    unmatched: UnmatchedCitation | None
    first_mention: int

    @property
    def depth(self) -> int:
        return (self.edge or self.unmatched).depth

    @property
    def pin_cites(self) -> list[str]:
        return (self.edge or self.unmatched).pin_cites


def authorities_cited(opinion: Opinion) -> list[AuthorityCited]:
    """In the order the text first cites them (reads the prefetched edges and unmatched rows)."""
    rows = [
        AuthorityCited(edge, None, edge.mentions[0][0] if edge.mentions else 0)
        for edge in opinion.cited_opinions.all()
    ] + [
        AuthorityCited(None, row, row.mentions[0][0] if row.mentions else 0)
        for row in opinion.unmatched_citations.all()
    ]
    return sorted(rows, key=lambda row: row.first_mention)


def _rows_named_by(cite: CitationQuery) -> QuerySet[OpinionCitation]:
    """The reporter citation a citation search names, in a queryset of at most one row: the
    opinion beginning at the page of a full cite, or the one holding the page of a short cite."""
    key = cite.key
    rows = OpinionCitation.objects.filter(volume=key.volume, reporter=key.reporter)
    if not cite.short:
        return rows.filter(page=key.page)
    return (
        rows.filter(page__lte=key.page, page__gt=key.page - MAX_OPINION_PAGES)
        .filter(
            Q(opinion__last_page__isnull=True)
            | Q(opinion__last_page__gte=key.page)
            | ~Q(opinion__first_page=F("page"))  # a parallel cite: the last page is another's
        )
        .order_by("-page")[:1]
    )


@dataclass(frozen=True)
class NamedOpinion:
    """The opinion a citation search names, and where on its page to land."""

    opinion: Opinion
    pin: int | None

    @property
    def url(self) -> str:
        """The opinion's page, at the pinpoint's reporter page when its text marks that page."""
        url = self.opinion.get_absolute_url()
        marked = self.opinion.marked_pages or []
        if self.pin is None or not marked or self.pin < min(marked):
            return url
        if self.pin > (self.opinion.last_page or max(marked)):
            return url
        anchor = anchor_for_page(self.pin, marked)
        return f"{url}#{anchor}" if anchor else url


def opinion_named_by(query: str) -> NamedOpinion | None:
    """The casebook opinion a search that is a citation names ("215 F.3d 969", "215 F. 3d 969",
    "215 F.3d 969, 978", "215 F.3d at 978"), with the pinpoint given; in one query, or none
    when the search is no citation."""
    cite = parse_citation_query(query.strip()) if query.strip() else None
    if cite is None:
        return None
    row = (
        _rows_named_by(cite)
        .select_related("opinion")
        .only("opinion__id", "opinion__marked_pages", "opinion__first_page", "opinion__last_page")
        .first()
    )
    return NamedOpinion(row.opinion, cite.pin) if row else None


def opinion_search(
    *, query: str = "", court_id: str = "", ground_slug: str = ""
) -> QuerySet[Opinion]:
    """Opinions matching the words (case name, citation, docket, text), court and ground.

    Accents never matter ("Rodríguez" finds "Rodriguez"), nor do hyphens ("banuelos rodriguez"
    finds "Banuelos-Rodriguez", "fast track" finds "fast-track"). Full-text search with ranking on
    PostgreSQL; on SQLite every word of the query must stand in the folded names or text.
    A query that is a reporter citation ("116 S.Ct. 2035", "215 F.3d at 978") also finds the
    opinion it names, first.
    """
    queryset = (
        Opinion.objects.select_related("court")
        .prefetch_related(
            _citations(), Prefetch("holdings", queryset=Holding.objects.select_related("ground"))
        )
        .defer("search_text")
    )
    if court_id:
        queryset = queryset.filter(court_id=court_id)
    if ground_slug:
        queryset = queryset.filter(
            pk__in=Holding.objects.filter(ground__slug=ground_slug).values("opinion")
        )
    query = query.strip()
    if not query:
        return queryset
    matches = Q(case_name__icontains=query) | Q(docket_number__icontains=query)
    cite = parse_citation_query(query)
    named = Q(pk__in=[])
    if cite:
        named = Q(pk__in=_rows_named_by(cite).values("opinion"))
    # The opinion a citation names comes before the opinions that merely cite it.
    queryset = queryset.annotate(
        is_named=Case(When(named, then=Value(1)), default=Value(0), output_field=IntegerField())
    )
    newest = F("date_decided").desc(nulls_last=True)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank

        words = SearchQuery(fold_accents(query), search_type="websearch", config="english")
        # ts_rank gives non-matching rows a tiny positive rank: filter on the match itself.
        return (
            queryset.annotate(rank=SearchRank(F("search_vector"), words))
            .filter(matches | named | Q(search_vector=words))
            .order_by("-is_named", "-rank", newest, "case_name")
        )
    folded = Q()
    for word in query_words(query):
        folded &= Q(search_text__contains=f" {word} " if word.isdigit() else f" {word}")
    if not folded:  # punctuation only
        folded = Q(pk__in=[])
    return queryset.filter(matches | named | folded).order_by("-is_named", newest, "case_name")


def courts_with_opinions() -> QuerySet[Court]:
    return Court.objects.filter(opinions__isnull=False).distinct().order_by("kind", "id")


def grounds() -> QuerySet[Ground]:
    return Ground.objects.all()


@dataclass(frozen=True)
class CircuitHoldings:
    key: str
    name: str
    holdings: list[Holding]


def _circuit_order(key: str) -> tuple[int, int | str]:
    if key == courts.SUPREME_COURT:
        return (0, 0)
    if key in courts.COURTS_OF_APPEALS:
        return (1, courts.COURTS_OF_APPEALS.index(key))
    return (2, key)


def ground_holdings_by_circuit(ground: Ground) -> list[CircuitHoldings]:
    """The ground's holdings grouped by circuit (Supreme Court first), newest first in each."""
    holdings = (
        holdings_queryset()
        .filter(ground=ground)
        .order_by(F("opinion__date_decided").desc(nulls_last=True), "pk")
    )
    groups: dict[str, list[Holding]] = {}
    for holding in holdings:
        court = holding.opinion.court
        key = court.id if court.kind == Court.Kind.SUPREME else (court.circuit_id or court.id)
        groups.setdefault(key, []).append(holding)
    result = []
    for key in sorted(groups, key=_circuit_order):
        name = "Supreme Court" if key == courts.SUPREME_COURT else courts.circuit_name(key)
        result.append(CircuitHoldings(key, name, groups[key]))
    return result


@dataclass(frozen=True)
class SplitGround:
    ground: Ground
    holdings: list[Holding]
    authorities: list[Opinion]  # known to decide the ground, holding not recorded


def split_grounds(slug: str) -> list[SplitGround]:
    """The ground and the grounds beside it (a variance ground's departure ground, a departure
    ground's variance grounds), the ground itself first, each with all its holdings, read in a
    fixed number of queries whatever the number of circuits and opinions."""
    ground = get_object_or_404(Ground.objects.select_related("departure_ground"), slug=slug)
    related = Ground.objects.filter(
        Q(pk=ground.departure_ground_id) | Q(departure_ground=ground)
    ).order_by("kind", "name")
    grounds = [ground, *related]
    holdings = list(
        holdings_queryset()
        .filter(ground__in=grounds)
        .prefetch_related(
            Prefetch(
                "in_light_of__citations", queryset=OpinionCitation.objects.order_by("position")
            )
        )
        .order_by(F("opinion__date_decided").asc(nulls_last=True), "pk")
    )
    known = list(unrecorded_authorities(grounds))
    return [
        SplitGround(
            g,
            [h for h in holdings if h.ground_id == g.pk],
            [row.opinion for row in known if row.ground_id == g.pk],
        )
        for g in grounds
    ]


def ground_detail(slug: str) -> Ground:
    return get_object_or_404(Ground, slug=slug)


def unmatched_citation_detail(pk: int) -> tuple[UnmatchedCitation, list[UnmatchedCitation]]:
    """The unmatched citation and every opinion citing the same authority (same reporter cite)."""
    row = get_object_or_404(UnmatchedCitation.objects.select_related("court"), pk=pk)
    citing = list(
        UnmatchedCitation.objects.filter(
            Q(volume=row.volume, reporter=row.reporter, page=row.page)
            | Q(cite_keys__contains=f"|{CiteKey(row.volume, row.reporter, row.page)}|")
        )
        .select_related("citing__court")
        .prefetch_related(
            Prefetch("citing__citations", queryset=OpinionCitation.objects.order_by("position"))
        )
        .order_by(F("citing__date_decided").desc(nulls_last=True))
    )
    return row, citing
