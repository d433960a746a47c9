"""Objections to the presentence report's calculation, and the court's rulings on them.

An objection belongs to a case and is made by one of its calculations (the defense's, the
government's) against another (the presentence report's), on one row where they differ: it
records that row as `sentencing.guidelines.rulings.RowRef` does (kind, key, occurrence).
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from casebook.models import Holding
from sentencing.guidelines.rulings import RowRef
from sentencing.models import Case


class Objection(models.Model):
    class Ruling(models.TextChoices):
        PENDING = "pending", "Pending"
        SUSTAINED = "sustained", "Sustained"
        OVERRULED = "overruled", "Overruled"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class RowKind(models.TextChoices):
        OFFENSE_LINE = "offense line", "Offense line"
        OFFENSE_DATE_LINE = "offense-date line", "Offense-date worksheet line"
        PRIOR_SENTENCE = "prior sentence", "Prior sentence"
        COUNT = "count", "Count"
        FINDING = "finding", "Finding"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="objections")
    calculation = models.ForeignKey(
        Case,
        on_delete=models.CASCADE,
        related_name="objections_made",
        help_text="The calculation that objects (the defense's, the government's…).",
    )
    against = models.ForeignKey(
        Case,
        on_delete=models.CASCADE,
        related_name="objections_against",
        help_text="The calculation objected to: the presentence report's.",
    )
    row_kind = models.CharField(max_length=20, choices=RowKind.choices)
    row_key = models.CharField(
        max_length=300,
        help_text="What the row is lined up by: its section, description or statute.",
    )
    row_occurrence = models.PositiveSmallIntegerField(
        default=0, help_text="Which of the rows with that key (0 for the first)."
    )
    row_content = models.TextField(
        blank=True,
        help_text="Both sides of the row when the objection was made (rulings.row_content).",
    )
    subject = models.CharField(
        max_length=400,
        help_text="The row as the two calculations had it when the objection was made.",
    )
    psr_paragraph = models.CharField(
        "paragraph of the report",
        max_length=20,
        blank=True,
        help_text="The presentence report's paragraph objected to, e.g. ¶ 23.",
    )
    ground = models.CharField(max_length=200, help_text="The ground of the objection, in a line.")
    argument = models.TextField(blank=True, help_text="The argument, as the memo will print it.")
    holding = models.ForeignKey(
        Holding,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="objections",
        help_text="The casebook holding the objection relies on, if any.",
    )
    ruling = models.CharField(max_length=10, choices=Ruling.choices, default=Ruling.PENDING)
    version = models.PositiveIntegerField(
        default=1, help_text="Raised on every save, so that two editors never overwrite each other."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    # What the case's history leaves out of each change (sentencing/history.py).
    history_unshown = (
        "calculation",
        "against",
        "row_kind",
        "row_key",
        "row_occurrence",
        "row_content",
        "subject",
        "version",
    )

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["calculation", "against", "row_kind", "row_key", "row_occurrence"],
                name="one_objection_per_row",
            )
        ]

    def __str__(self) -> str:
        return f"Objection to {self.subject}"

    @property
    def history_subject(self) -> str:
        return f"Objection to {self.subject}"

    @property
    def ref(self) -> RowRef:
        return RowRef(self.row_kind, self.row_key, self.row_occurrence)
