"""What the user entered about a case. Results are never stored: the engine derives them."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from judiciary import districts
from offices.models import Office

from . import guidelines

# The caption: the case's own, shared by each of its calculations (services.case_save copies it).
CAPTION_FIELDS = ("defendant", "docket_number", "district", "judge", "sentencing_date")
# What each calculation holds for itself, besides its rows (a party may argue another offense
# date, and so another Manual, as well as other lines).
WORKSHEET_FIELDS = (
    "offense_date",
    "manual_edition",
    "acceptance",
    "government_motion",
    "early_disposition_levels",
    "criminal_history_points",
    "criminal_history_category",
    "under_criminal_justice_sentence",
    "recency",
    "zero_point_offender_eligible",
    "career_offender",
    "safety_valve",
    "armed_career_connection",
    "notes",
)


class Case(models.Model):
    """A case and its own worksheet (the working calculation). A named calculation of the case
    (the presentence report's, the defense's...) is a row of this model too, linked to the case
    by ``calculation_of``: each is a whole worksheet, checked, recalculated and audited as the
    case's own is."""

    class Role(models.TextChoices):
        PRESENTENCE_REPORT = "psr", "Presentence report"
        DEFENSE = "defense", "Defense"
        GOVERNMENT = "government", "Government"
        PLEA_AGREEMENT = "plea", "Plea agreement"
        COURT = "court", "Court's ruling"

    class AcceptanceChoice(models.TextChoices):
        NONE = guidelines.Acceptance.NONE.value, "None"
        TWO = guidelines.Acceptance.TWO.value, "2 levels — §3E1.1(a)"
        THREE = guidelines.Acceptance.THREE.value, "3 levels — §3E1.1(a) and (b)"

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="cases")
    defendant = models.CharField(
        max_length=200, help_text="The defendant's name as in the caption."
    )
    docket_number = models.CharField(
        max_length=64, blank=True, help_text="The district court's criminal docket number."
    )
    district = models.CharField(
        max_length=8, help_text="The district court that will impose sentence (courts-db id)."
    )
    judge = models.CharField(max_length=120, blank=True, help_text="The sentencing judge.")
    offense_date = models.DateField(help_text="The date the offense of conviction was committed.")
    sentencing_date = models.DateField(help_text="The date of sentencing, actual or expected.")
    manual_edition = models.CharField(
        max_length=10,
        blank=True,
        help_text=(
            "The Guidelines Manual to apply. Leave blank to let §1B1.11 choose: the Manual in "
            "effect at sentencing unless the one in effect on the offense date gives a lower range."
        ),
    )
    acceptance = models.CharField(
        max_length=4, choices=AcceptanceChoice.choices, default=AcceptanceChoice.NONE
    )
    government_motion = models.BooleanField(
        default=False,
        help_text="The government moves for the third level under §3E1.1(b).",
    )
    criminal_history_points = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Total §4A1.1 points, when prior sentences are not listed one by one.",
    )
    criminal_history_category = models.CharField(
        max_length=3,
        blank=True,
        help_text="A category to use as found (e.g. career offender), overriding points.",
    )
    under_criminal_justice_sentence = models.BooleanField(
        default=False,
        help_text="The offense was committed while under a criminal justice sentence (status).",
    )
    recency = models.BooleanField(
        default=False,
        help_text=(
            "The offense was committed less than two years after release from a sentence counted "
            "under §4A1.1(a) or (b) (recency points, Manuals before Nov. 1, 2010)."
        ),
    )
    early_disposition_levels = models.PositiveSmallIntegerField(
        default=0,
        help_text=(
            "Levels the government moves for under an early disposition (fast-track) program: "
            "§3F1.1 from Nov. 1, 2025 (a decrease after acceptance), §5K3.1 from Oct. 27, 2003 "
            "(a departure); not more than 4. 0 if there is no motion."
        ),
    )
    zero_point_offender_eligible = models.BooleanField(
        default=False,
        help_text="The defendant meets every criterion of §4C1.1(a) (Manuals from Nov. 1, 2023).",
    )
    career_offender = models.BooleanField(
        "career offender (§4B1.1)",
        default=False,
        help_text=(
            "The court finds the defendant a career offender (§4B1.1(a)): the offense level is "
            "the §4B1.1(b) table's for the counts' offense statutory maximum where it is "
            "greater, and the category is VI."
        ),
    )
    safety_valve = models.BooleanField(
        "safety valve (§5C1.2)",
        default=False,
        help_text=(
            "The court finds the criteria of 18 U.S.C. § 3553(f)(1)–(5) met: the sentence on a "
            "count §5C1.2(a) lists is imposed without regard to its statutory minimum. The "
            "result checks the criminal history criterion where the worksheet decides it. The "
            "2-level §2D1.1 decrease is a line of the drug worksheet."
        ),
    )
    armed_career_connection = models.BooleanField(
        "firearm in connection with a crime of violence or drug offense (§4B1.4)",
        default=False,
        help_text=(
            "For an armed career criminal (a count under 18 U.S.C. § 924(e)): the firearm or "
            "ammunition was used or possessed in connection with a crime of violence or "
            "controlled substance offense, or was of a type in 26 U.S.C. § 5845(a). Level 34 "
            "and Category VI (§4B1.4(b)(3)(A), (c)(2)); otherwise 33 and IV."
        ),
    )
    notes = models.TextField(blank=True)
    calculation_of = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="calculations",
        help_text="The case this is a named calculation of; blank for a case.",
    )
    calculation_name = models.CharField(
        max_length=80,
        blank=True,
        help_text=(
            "Whose calculation this worksheet is, e.g. “Presentence report”, “Defense” or "
            "“Government (plea offer)”; blank for the case's working calculation."
        ),
    )
    calculation_role = models.CharField(
        max_length=12,
        choices=Role.choices,
        blank=True,
        help_text="The part the calculation plays at sentencing, if any.",
    )
    memo_calculation = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The calculation the memo argues from; blank for the working calculation.",
    )
    version = models.PositiveIntegerField(
        default=1, help_text="Raised on every save, so that two editors never overwrite each other."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # The result's figures for the case list, with the case version and engine they were
    # computed for (sentencing/summaries.py): stale as soon as either changes.
    summary = models.JSONField(null=True, blank=True, editable=False)
    summary_key = models.CharField(max_length=80, blank=True, editable=False)

    # Who changed what and when, with the old values: the case's History page reads it.
    history = HistoricalRecords(excluded_fields=["summary", "summary_key"])

    class Meta:
        ordering = ["-sentencing_date", "defendant"]

    def __str__(self) -> str:
        return f"United States v. {self.defendant}"  # the caption, as in the case list

    @property
    def is_calculation(self) -> bool:
        """A named calculation of a case, not a case."""
        return self.calculation_of_id is not None

    @property
    def case_pk(self) -> int:
        """The case this worksheet belongs to: its own id for a case."""
        return self.calculation_of_id or self.pk

    @property
    def calculation_title(self) -> str:
        """The calculation's name as the pages print it."""
        return (
            self.calculation_name
            or (self.get_calculation_role_display() if self.calculation_role else "")
            or ("Calculation" if self.is_calculation else "Working calculation")
        )

    @property
    def district_abbreviation(self) -> str:
        return districts.district_by_id(self.district).abbreviation

    @property
    def district_name(self) -> str:
        return districts.district_by_id(self.district).name


class WorksheetLine(models.Model):
    """An offense-level line of a worksheet (Chapters Two and Three, before acceptance)."""

    class Kind(models.TextChoices):
        BASE = "base", "Base offense level"
        SPECIFIC = "specific", "Specific offense characteristic"
        ADJUSTMENT = "adjustment", "Chapter 3 adjustment"

    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.SPECIFIC)
    guideline = models.CharField(max_length=40, help_text="The section applied, e.g. §2L1.2(b)(2).")
    description = models.CharField(max_length=300, blank=True)
    levels = models.SmallIntegerField(help_text="Levels added (negative to subtract).")
    group = models.CharField(
        "use-the-greater group",
        max_length=40,
        blank=True,
        help_text=(
            "Lines that share a group are alternatives the guideline prints under “If more than "
            "one applies, use the greater” (or “Apply the greatest”), so only the one with the "
            "most levels is counted; leave it blank for a line that always counts."
        ),
    )

    count_group = models.PositiveSmallIntegerField(
        "count group",
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(guidelines.MAX_COUNT_GROUPS)],
        help_text=(
            "The Group of Closely Related Counts (§3D1.2) the line belongs to. Enter each "
            "group's own lines, Chapters Two and Three; several groups are combined under "
            "§3D1.4."
        ),
    )

    # The case's history leaves "count group 1" out of a line added: it says nothing.
    history_silent_defaults = ("count_group",)

    class Meta:
        abstract = True
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.guideline} {self.levels:+d}"

    def to_engine(self) -> guidelines.OffenseLine:
        return guidelines.OffenseLine(
            section=self.guideline,
            description=self.description,
            levels=self.levels,
            kind=self.kind,
            group=self.group,
            count_group=self.count_group,
        )


class OffenseLine(WorksheetLine):
    """A line of the worksheet: under the Manual requested, else the one at sentencing."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="offense_lines")
    disputed = models.BooleanField(
        default=False,
        help_text=(
            "A party disputes this line: the result shows the range with and without it, and "
            "across every finding of the disputed rows (Fed. R. Crim. P. 32(i)(3)(B))."
        ),
    )
    history = HistoricalRecords()

    class Meta(WorksheetLine.Meta):
        pass


class OffenseDateLine(WorksheetLine):
    """A line of the worksheet under the Manual in effect on the offense date, for a guideline
    that Manual prints in another text (§1B1.11(b)(1)-(2))."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="offense_date_lines")
    history = HistoricalRecords()

    class Meta(WorksheetLine.Meta):
        verbose_name = "offense-date worksheet line"


class Count(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="counts")
    position = models.PositiveSmallIntegerField(default=0)
    statute = models.CharField(max_length=80, help_text="The statute of conviction.")
    maximum_months = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Statutory maximum in months; blank means life."
    )
    minimum_months = models.PositiveSmallIntegerField(
        default=0, help_text="Statutory (mandatory) minimum in months; 0 if none."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.statute

    def to_engine(self) -> guidelines.Count:
        return guidelines.Count(
            statute=self.statute,
            maximum_months=self.maximum_months,
            minimum_months=self.minimum_months or 0,
        )


class PriorSentence(models.Model):
    class Subsection(models.TextChoices):
        A = "a", "§4A1.1(a) — over 13 months (3 points)"
        B = "b", "§4A1.1(b) — at least 60 days (2 points)"
        C = "c", "§4A1.1(c) — other (1 point)"
        # The letter moved: §4A1.1(f) from 1991, (e) from Nov. 1, 2010, (d) from Nov. 1, 2023.
        CRIME_OF_VIOLENCE = (
            guidelines.criminal_history.CRIME_OF_VIOLENCE,
            "Crime of violence counted with another sentence, no points under (a)–(c): "
            "1 point, up to 3 (§4A1.1(d) from 2023; (e) 2010–2023; (f) 1991–2010)",
        )

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="prior_sentences")
    position = models.PositiveSmallIntegerField(default=0)
    description = models.CharField(max_length=300)
    subsection = models.CharField(max_length=1, choices=Subsection.choices)
    disputed = models.BooleanField(
        default=False,
        help_text=(
            "A party disputes this sentence (that it exists, or how it is scored): the result "
            "shows the range with and without it (Fed. R. Crim. P. 32(i)(3)(B))."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.description} ({self.get_subsection_display()})"

    def to_engine(self) -> guidelines.PriorSentence:
        return guidelines.PriorSentence(description=self.description, subsection=self.subsection)
