"""Exported memos, kept as filed: the PDF bytes and the figures printed in them."""

from django.conf import settings
from django.db import models


class MemoExport(models.Model):
    """One export of a case's memo. Never recomputed: downloading it again returns these bytes."""

    case = models.ForeignKey(
        "sentencing.Case",
        on_delete=models.CASCADE,
        related_name="memo_exports",
        help_text="The case the memo was exported from.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        help_text="The person who exported (and signed) the memo.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    title = models.CharField(max_length=120, help_text="The document's title as printed.")
    filename = models.CharField(max_length=200, help_text="The PDF's file name.")
    edition_key = models.CharField(
        max_length=10, help_text="The Guidelines Manual the computation applied (its date)."
    )
    total_offense_level = models.SmallIntegerField(help_text="The total offense level printed.")
    criminal_history_category = models.CharField(
        max_length=3, help_text="The criminal history category printed."
    )
    guideline_range = models.CharField(max_length=40, help_text="The guideline range printed.")
    guideline_sentence = models.CharField(
        max_length=60, help_text="The guideline sentence printed, after statutory limits."
    )
    figures = models.JSONField(
        help_text="Everything the memo printed (caption, computation, sections, authorities), "
        "as computed on the day of the export."
    )
    html = models.TextField(help_text="The memo's HTML as rendered to PDF.")
    pdf = models.BinaryField(help_text="The PDF exactly as exported.")
    pdf_sha256 = models.CharField(max_length=64, help_text="SHA-256 of the PDF bytes.")
    page_count = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.title}, {self.case} ({self.created_at:%Y-%m-%d})"
