"""The casebook: courts, opinions, their reporter citations, the citation graph, grounds for a
departure or variance, holdings on those grounds and later treatment.

Precedent is resolved through flat joins: Holding → Opinion (date, en banc) → Court (circuit),
and Treatment on the opinion or holding.
"""

from __future__ import annotations

import datetime
from typing import Any, Self

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse

from . import bluebook


class Court(models.Model):
    """A court, keyed by its courts-db id."""

    class Kind(models.TextChoices):
        SUPREME = "supreme", "Supreme Court"
        APPELLATE = "appellate", "Court of appeals"
        DISTRICT = "district", "District court"
        OTHER = "other", "Other court"

    id = models.CharField(
        primary_key=True,
        max_length=20,
        help_text="The court's courts-db identifier, for example ca9, cacd, utd or scotus.",
    )
    name = models.CharField(
        max_length=200,
        help_text="The court's full name, e.g. United States Court of Appeals for the Ninth "
        "Circuit.",
    )
    abbreviation = models.CharField(
        max_length=40,
        blank=True,
        help_text='The Bluebook abbreviation used in a citation\'s parenthetical, e.g. "9th Cir.".',
    )
    kind = models.CharField(
        max_length=16,
        choices=Kind.choices,
        help_text="Whether this is the Supreme Court, a court of appeals, a district court or "
        "another court.",
    )
    circuit = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="courts_in_circuit",
        help_text="The court of appeals whose decisions bind this court: for a district court its "
        "circuit, for a court of appeals itself; empty for the Supreme Court.",
    )
    recognized = models.BooleanField(
        default=True,
        help_text="False for a court courts-db does not know, kept under the name a source gave "
        "it; precedent resolution ignores its opinions.",
    )

    class Meta:
        ordering = ["kind", "id"]

    def __str__(self) -> str:
        return self.abbreviation or self.name


class OpinionQuerySet(models.QuerySet["Opinion"]):
    def in_force(self, as_of: datetime.date | None = None) -> Self:
        """Opinions not withdrawn, superseded, overruled or abrogated (as of a date, if given)."""
        ending = Treatment.objects.filter(kind__in=Treatment.ENDING_KINDS, opinion__isnull=False)
        if as_of is not None:
            ending = ending.filter(date__lte=as_of)
        return self.exclude(pk__in=ending.values("opinion"))


class Opinion(models.Model):
    """One decision of a court. It may be known only by its citation, with no text at all."""

    class Source(models.TextChoices):
        SEED = "seed", "Founding material"
        COURTLISTENER = "courtlistener", "CourtListener"
        CAP = "cap", "Caselaw Access Project"
        TEXT = "text", "Plain text with metadata"
        CITATION = "citation", "Known only from a citation"
        MANUAL = "manual", "Entered by hand"

    class Type(models.TextChoices):
        COURT = "court", "Opinion of the court"
        PLURALITY = "plurality", "Plurality opinion"
        CONCURRENCE = "concurrence", "Concurring opinion"
        CONCURRENCE_IN_PART = "concurrence_in_part", "Concurring in part and dissenting in part"
        DISSENT = "dissent", "Dissenting opinion"
        ADDENDUM = "addendum", "Addendum"
        REHEARING = "rehearing", "Opinion on rehearing"
        REMITTITUR = "remittitur", "Remittitur"
        OTHER = "other", "Other opinion"

    case_name = models.CharField(
        max_length=300,
        help_text='The short caption, e.g. "United States v. Banuelos-Rodriguez".',
    )
    court = models.ForeignKey(
        Court,
        on_delete=models.PROTECT,
        related_name="opinions",
        help_text="The court that decided the case.",
    )
    date_decided = models.DateField(
        null=True,
        blank=True,
        help_text="The date the decision was filed; empty when not even the year is known.",
    )
    date_is_approximate = models.BooleanField(
        default=False,
        help_text="True when only the year is known (from a citation); the date is then "
        "January 1 of that year and pages show only the year.",
    )
    en_banc = models.BooleanField(
        null=True,
        blank=True,
        default=None,
        help_text="True when the full court (en banc) decided the case, false for a panel, empty "
        "when the source does not tell.",
    )
    opinion_type = models.CharField(
        max_length=24,
        choices=Type.choices,
        default=Type.COURT,
        help_text="Whether this is the opinion of the court or a separate opinion in the case (a "
        "dissent, a concurrence, an addendum…), as the source types it.",
    )
    court_as_named = models.CharField(
        max_length=200,
        blank=True,
        help_text='The court as the source named it (e.g. "U.S.", "ca9"), kept as received.',
    )
    author = models.CharField(
        max_length=100, blank=True, help_text="The judge who wrote the opinion of the court."
    )
    judges = models.CharField(
        max_length=300,
        blank=True,
        help_text="The judges who heard the case, as the source lists them.",
    )
    docket_number = models.CharField(
        max_length=100, blank=True, help_text="The deciding court's docket number, e.g. 99-4155."
    )
    lower_court = models.ForeignKey(
        Court,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="opinions_on_appeal",
        help_text="The court whose judgment was reviewed, when the case came on appeal.",
    )
    lower_court_docket_number = models.CharField(
        max_length=100, blank=True, help_text="The lower court's docket number, e.g. 98-CR-500-W."
    )
    first_page = models.PositiveIntegerField(
        null=True, blank=True, help_text="The first page in the primary reporter."
    )
    last_page = models.PositiveIntegerField(
        null=True, blank=True, help_text="The last page in the primary reporter, when known."
    )
    text = models.TextField(
        blank=True,
        help_text="The opinion's text exactly as received, with star pagination (*974) where the "
        "source has it. Empty for an authority known only by its citation.",
    )
    run_in_footnotes = models.JSONField(
        default=list,
        blank=True,
        help_text="Character ranges [start, end) of the text that are footnotes the source ran "
        "into the body; each is shown as a footnote whose marker stands where it began.",
    )
    notes = models.TextField(
        blank=True,
        help_text="Editorial notes on the source, e.g. parts of the opinion not included.",
    )
    source = models.CharField(
        max_length=16,
        choices=Source.choices,
        default=Source.MANUAL,
        help_text="Where the record came from.",
    )
    source_id = models.CharField(
        max_length=100,
        blank=True,
        help_text="The record's identifier at its source (e.g. a CourtListener cluster id), "
        "so that importing it again updates this opinion.",
    )
    # Derived from the text and the citation graph; rebuilt by services, never edited.
    html = models.TextField(blank=True, editable=False)
    marked_pages = models.JSONField(default=list, blank=True, editable=False)
    search_vector = SearchVectorField(null=True, blank=True, editable=False)
    # SQLite only: the folded words of the names and text (see casebook.folding), matched as
    # substrings; PostgreSQL searches the vector instead and leaves this empty.
    search_text = models.TextField(blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OpinionQuerySet.as_manager()

    class Meta:
        ordering = [models.F("date_decided").desc(nulls_last=True), "case_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_id"],
                condition=~Q(source_id=""),
                name="casebook_opinion_unique_source_id",
            )
        ]
        indexes = [models.Index(fields=["court", "date_decided"])]

    def __str__(self) -> str:
        return self.case_name

    def get_absolute_url(self) -> str:
        return reverse("casebook:opinion_detail", args=[self.pk])

    @property
    def has_text(self) -> bool:
        return bool(self.text.strip())

    @property
    def year(self) -> int | None:
        return self.date_decided.year if self.date_decided else None

    @property
    def primary_citation(self) -> OpinionCitation | None:
        """The first reporter citation (reads prefetched citations when there are some)."""
        citations = self.citations.all()
        return citations[0] if citations else None

    @property
    def bluebook_case(self) -> bluebook.Case:
        """The opinion as its citations name it (reads the court and prefetched citations)."""
        return bluebook.Case(
            name=self.case_name,
            cites=tuple(cite.bluebook_cite for cite in self.citations.all()),
            court=self.court.abbreviation,
            supreme_court=self.court.kind == Court.Kind.SUPREME,
            year=self.year,
            date=None if self.date_is_approximate else self.date_decided,
            docket=self.docket_number,
            en_banc=bool(self.en_banc),
        )

    @property
    def full_citation(self) -> bluebook.Citation:
        """ "United States v. Banuelos-Rodriguez, 215 F.3d 969 (9th Cir. 2000) (en banc)", with
        every reporter it is cited to."""
        return bluebook.full(self.bluebook_case, parallel=True)


class OpinionCitation(models.Model):
    """A reporter citation of an opinion; an opinion may have several (parallel cites)."""

    opinion = models.ForeignKey(Opinion, on_delete=models.CASCADE, related_name="citations")
    volume = models.PositiveIntegerField(help_text="The reporter volume, e.g. 215.")
    reporter = models.CharField(
        max_length=40, help_text='The reporter abbreviation as eyecite spells it, e.g. "F.3d".'
    )
    page = models.PositiveIntegerField(help_text="The page on which the opinion begins.")
    verified = models.BooleanField(
        default=True,
        help_text="False until someone has confirmed the citation against a copy of the "
        "reporter; pages mark an unverified citation as such.",
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order among the opinion's citations; the first is the primary one."
    )

    class Meta:
        ordering = ["position", "pk"]
        # Two cases may begin on one reporter page (table decisions, short per curiams), so a
        # citation is unique only within its opinion.
        constraints = [
            models.UniqueConstraint(
                fields=["opinion", "volume", "reporter", "page"],
                name="casebook_citation_unique_per_opinion",
            )
        ]
        indexes = [models.Index(fields=["volume", "reporter", "page"])]

    def __str__(self) -> str:
        return str(self.citation)

    @property
    def bluebook_cite(self) -> bluebook.Cite:
        return bluebook.Cite(self.volume, self.reporter, self.page, self.verified)

    @property
    def citation(self) -> bluebook.Citation:
        """ "215 F.3d 969", marked unverified on pages when it is."""
        return bluebook.reporter_cite(self.bluebook_cite)


class CitationEdge(models.Model):
    """One opinion citing another, with how often and at which pages."""

    citing = models.ForeignKey(Opinion, on_delete=models.CASCADE, related_name="cited_opinions")
    cited = models.ForeignKey(Opinion, on_delete=models.CASCADE, related_name="citing_opinions")
    depth = models.PositiveIntegerField(
        default=1, help_text="How many times the citing opinion cites the cited one."
    )
    pin_cites = models.JSONField(
        default=list,
        blank=True,
        help_text='The pinpoints used, as written, e.g. ["978", "973-74"].',
    )
    mentions = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="Where the citing text cites it: [start, end, pinpoint] per mention.",
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["citing", "cited"], name="casebook_edge_unique")
        ]

    def __str__(self) -> str:
        return f"{self.citing} → {self.cited}"


class UnmatchedCitation(models.Model):
    """An authority an opinion cites that the casebook does not (yet) hold.

    Kept and shown; when an opinion with a matching citation is added, it becomes an edge.
    """

    citing = models.ForeignKey(
        Opinion, on_delete=models.CASCADE, related_name="unmatched_citations"
    )
    volume = models.PositiveIntegerField(help_text="The reporter volume of the first cite given.")
    reporter = models.CharField(max_length=40, help_text="The reporter of the first cite given.")
    page = models.PositiveIntegerField(help_text="The first page, as the citing opinion gives it.")
    parallel_citations = models.CharField(
        max_length=300, blank=True, help_text="Other reporters' cites given alongside, if any."
    )
    cite_keys = models.CharField(
        max_length=400,
        blank=True,
        editable=False,
        help_text="Every cite of this authority, as |volume reporter page|, to find it when "
        "relinking.",
    )
    case_name = models.CharField(
        max_length=300, blank=True, help_text="The case name as the citing opinion gives it."
    )
    court = models.ForeignKey(
        Court,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The court, from the citation's parenthetical or its reporter, when given.",
    )
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The year from the citation's parenthetical, when given."
    )
    depth = models.PositiveIntegerField(
        default=1, help_text="How many times the citing opinion cites it."
    )
    pin_cites = models.JSONField(default=list, blank=True, help_text="The pinpoints used.")
    mentions = models.JSONField(default=list, blank=True, editable=False)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["citing", "volume", "reporter", "page"], name="casebook_unmatched_unique"
            )
        ]
        indexes = [models.Index(fields=["volume", "reporter"])]

    def __str__(self) -> str:
        return str(bluebook.full(self.bluebook_case))

    def get_absolute_url(self) -> str:
        return reverse("casebook:unmatched_citation", args=[self.pk])

    @property
    def citation(self) -> str:
        """The first cite given, "906 F.2d 1356"."""
        return str(bluebook.reporter_cite(bluebook.Cite(self.volume, self.reporter, self.page)))

    @property
    def bluebook_case(self) -> bluebook.Case:
        """The authority as the citing opinion gives it: first cite, parallel cites, court and
        year (reads the court)."""
        parallel = (bluebook.parse_reporter_cite(c) for c in self.parallel_citations.split(","))
        return bluebook.Case(
            name=self.case_name,
            cites=(bluebook.Cite(self.volume, self.reporter, self.page),)
            + tuple(cite for cite in parallel if cite),
            court=self.court.abbreviation if self.court else "",
            supreme_court=bool(self.court and self.court.kind == Court.Kind.SUPREME),
            year=self.year,
        )

    @property
    def full_citation(self) -> bluebook.Citation:
        """ "United States v. Castillo, 140 F.3d 874 (10th Cir. 1998)", with the parallel cites."""
        return bluebook.full(self.bluebook_case, parallel=True)


class Ground(models.Model):
    """A ground on which a defendant may ask for a departure or a variance."""

    class Kind(models.TextChoices):
        DEPARTURE = "departure", "Departure"
        VARIANCE = "variance", "Variance"

    name = models.CharField(
        max_length=200,
        unique=True,
        help_text='The ground in a few words, e.g. "Inter-district sentencing disparity from '
        'fast-track / early-disposition programs".',
    )
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True, help_text="What the request argues, in a sentence.")
    kind = models.CharField(
        max_length=16,
        choices=Kind.choices,
        default=Kind.DEPARTURE,
        help_text="A departure under the Guidelines Manual, or a variance under 18 U.S.C. "
        "§ 3553(a) (after United States v. Booker); a holding on one does not decide the other.",
    )
    departure_ground = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="variance_grounds",
        help_text="For a variance ground: the departure ground argued on the same facts, whose "
        "holdings are shown beside it for context only.",
    )
    context = models.TextField(
        blank=True,
        help_text="What changed the practice without being a holding (e.g. a Justice Department "
        "policy), with its date and source.",
    )
    authorities: models.ManyToManyField[Opinion, Any] = models.ManyToManyField(
        Opinion,
        blank=True,
        related_name="grounds_discussed",
        help_text="Opinions known to decide this ground whose holding is not recorded (no copy "
        "was checked word for word with its page); shown so that no one reads their silence as "
        "the circuit's.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("casebook:ground_detail", args=[self.slug])


class HoldingQuerySet(models.QuerySet["Holding"]):
    def decided_by(self, date: datetime.date) -> Self:
        return self.filter(opinion__date_decided__lte=date)

    def in_force(self, as_of: datetime.date | None = None) -> Self:
        """Holdings whose opinion is in force and which no treatment has ended."""
        ending = Treatment.objects.filter(kind__in=Treatment.ENDING_KINDS, holding__isnull=False)
        if as_of is not None:
            ending = ending.filter(date__lte=as_of)
        return self.filter(opinion__in=Opinion.objects.in_force(as_of).values("pk")).exclude(
            pk__in=ending.values("holding")
        )


class Holding(models.Model):
    """What an opinion holds about requests on a ground, in its own words, with the pinpoint."""

    class Effect(models.TextChoices):
        FORBIDS = "forbids", "Forbids"
        PERMITS = "permits", "Permits"
        PERMITS_WITH_SHOWING = "permits_with_showing", "Permits on a threshold showing"
        NOT_REQUIRED = "not_required", "Does not require"
        REQUIRES_CONSIDERATION = "requires_consideration", "Requires consideration"

    opinion = models.ForeignKey(Opinion, on_delete=models.CASCADE, related_name="holdings")
    ground = models.ForeignKey(Ground, on_delete=models.PROTECT, related_name="holdings")
    effect = models.CharField(
        max_length=32,
        choices=Effect.choices,
        help_text="What the holding does to a request on this ground: forbids granting it, permits "
        "it (perhaps only on a threshold showing), does not require it, or requires the "
        "sentencing court to consider it.",
    )
    quote = models.TextField(
        help_text="The opinion's own words stating the holding, copied exactly from its text (or, "
        "when we lack that text, from the opinion that quotes it)."
    )
    pinpoint = models.CharField(
        max_length=60,
        help_text="Where the quote stands: the reporter page, from the star pagination "
        '(e.g. "978"), or "slip op." when the text has no reporter pages.',
    )
    pinpoint_page = models.PositiveIntegerField(
        null=True, blank=True, help_text="The pinpoint as a reporter page number, when it is one."
    )
    quoted_in = models.ForeignKey(
        Opinion,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="quoted_holdings",
        help_text="When the casebook lacks this opinion's text: the opinion whose text quotes the "
        "holding, from which the quote is taken.",
    )
    anchor = models.CharField(
        max_length=40,
        blank=True,
        editable=False,
        help_text="The anchor on the page of the text holding the quote, e.g. p978.",
    )
    quote_source = models.URLField(
        max_length=300,
        blank=True,
        help_text="When the casebook lacks the text: the public copy of the opinion the quote and "
        "its star page were checked against.",
    )
    in_light_of = models.ForeignKey(
        Opinion,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reexamined_holdings",
        help_text="The intervening Supreme Court decision in whose light this panel re-examined "
        "its circuit's earlier holdings; such a panel states the circuit's rule from then on "
        "(the prior-panel rule yields to the Supreme Court).",
    )

    objects = HoldingQuerySet.as_manager()

    class Meta:
        ordering = ["-opinion__date_decided", "pk"]

    def __str__(self) -> str:
        return f"{self.opinion}: {self.get_effect_display()} ({self.ground})"

    @property
    def source_opinion(self) -> Opinion:
        """The opinion whose text holds the quote."""
        return self.quoted_in or self.opinion

    @property
    def pinpoint_citation(self) -> bluebook.Citation:
        """ "215 F.3d at 978", or the stored pinpoint ("slip op.") when the opinion has no
        reporter page for it."""
        case = self.opinion.bluebook_case
        return bluebook.pinpoint(case, self.pinpoint_page, unpaged=self.pinpoint)

    @property
    def full_citation(self) -> bluebook.Citation:
        """The opinion's full citation at the holding: "United States v. Banuelos-Rodriguez,
        215 F.3d 969, 978 (9th Cir. 2000) (en banc)"."""
        return bluebook.full(self.opinion.bluebook_case, self.pinpoint_page)

    @property
    def quote_citation(self) -> bluebook.Citation:
        """Where the quote stands: "215 F.3d at 978"; for a quote taken from the opinion that
        quotes it, "212 F.3d at 710, quoted in United States v. Armenta-Castro, 227 F.3d 1255
        (10th Cir. 2000)"."""
        if self.quoted_in is None:
            return self.pinpoint_citation
        source = bluebook.full(self.quoted_in.bluebook_case)
        return bluebook.quoted_in(self.pinpoint_citation, source)

    @property
    def quote_url(self) -> str:
        """Where the quote stands: the page of the opinion whose text holds it, at the paragraph;
        the public copy it was checked against when the casebook lacks the text."""
        if self.quote_source and not self.source_opinion.has_text:
            return self.quote_source
        url = self.source_opinion.get_absolute_url()
        return f"{url}#{self.anchor}" if self.anchor else url


class Treatment(models.Model):
    """What later happened to an opinion or a holding: withdrawn, superseded, overruled…"""

    class Kind(models.TextChoices):
        WITHDRAWN = "withdrawn", "Withdrawn"
        SUPERSEDED_EN_BANC = "superseded_en_banc", "Superseded en banc"
        OVERRULED = "overruled", "Overruled"
        ABROGATED = "abrogated", "Abrogated"
        LIMITED = "limited", "Limited"

    # Treatments after which the opinion (or holding) no longer states the law.
    ENDING_KINDS = (Kind.WITHDRAWN, Kind.SUPERSEDED_EN_BANC, Kind.OVERRULED, Kind.ABROGATED)

    opinion = models.ForeignKey(
        Opinion,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="treatments",
        help_text="The opinion treated, when the treatment concerns the whole opinion.",
    )
    holding = models.ForeignKey(
        Holding,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="treatments",
        help_text="The holding treated, when the treatment concerns only that holding.",
    )
    by = models.ForeignKey(
        Opinion,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="treatments_given",
        help_text="The opinion that did it; empty when it was an order, e.g. one granting "
        "rehearing en banc.",
    )
    kind = models.CharField(
        max_length=24, choices=Kind.choices, help_text="What happened to the opinion or holding."
    )
    date = models.DateField(help_text="The date it happened.")
    note = models.TextField(blank=True, help_text="The circumstances, in a sentence.")

    class Meta:
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(opinion__isnull=False) & Q(holding__isnull=True))
                | (Q(opinion__isnull=True) & Q(holding__isnull=False)),
                name="casebook_treatment_of_opinion_or_holding",
            )
        ]

    def __str__(self) -> str:
        return f"{self.opinion or self.holding}: {self.get_kind_display()} {self.date}"
