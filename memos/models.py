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
    docx = models.BinaryField(
        default=b"", help_text="The same memo as a Word document, for an office to edit."
    )
    page_count = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.title}, {self.case} ({self.created_at:%Y-%m-%d})"


class MemoDraft(models.Model):
    """The memo's own sections for a case, as its author writes them; the computation and the
    departure arguments come from the case and its requests."""

    case = models.OneToOneField(
        "sentencing.Case", on_delete=models.CASCADE, related_name="memo_draft"
    )
    introduction = models.TextField(blank=True, help_text="What the memo asks, and why, in brief.")
    facts = models.TextField(
        blank=True,
        help_text="The offense and the defendant's history and characteristics "
        "(18 U.S.C. § 3553(a)(1)).",
    )
    factors = models.TextField(
        blank=True, help_text="The other 18 U.S.C. § 3553(a) factors, one by one."
    )
    conclusion = models.TextField(blank=True, help_text="The closing paragraph.")
    sentence_asked = models.CharField(
        max_length=200,
        blank=True,
        help_text='The sentence the memo asks for, e.g. "46 months" or "time served".',
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Memo draft for {self.case}"


class ArgumentOptions(models.Model):
    """What the memo prints with one departure or variance argument besides the argument."""

    request = models.OneToOneField(
        "departures.DepartureRequest", on_delete=models.CASCADE, related_name="memo_options"
    )
    show_if_denied = models.BooleanField(
        default=False, help_text='Print the "If denied" range after this argument.'
    )
    show_what_if = models.BooleanField(
        default=False, help_text='Print the "What if" alternatives after this argument.'
    )

    def __str__(self) -> str:
        return f"Memo options for {self.request}"


class AuthorityRole(models.Model):
    """How one argument uses one holding: in support, or as adverse authority it distinguishes."""

    class Role(models.TextChoices):
        SUPPORTS = "supports", "Supports the request"
        ADVERSE = "adverse", "Adverse (to be distinguished)"

    request = models.ForeignKey(
        "departures.DepartureRequest", on_delete=models.CASCADE, related_name="memo_authorities"
    )
    holding = models.ForeignKey(
        "casebook.Holding", on_delete=models.CASCADE, related_name="memo_roles"
    )
    role = models.CharField(max_length=10, choices=Role.choices)
    distinction = models.TextField(
        blank=True, help_text="Why an adverse holding does not decide this request."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["request", "holding"], name="memos_one_role_a_holding")
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.holding}"


class AttorneyProfile(models.Model):
    """What the signature block prints under a staff member's name."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attorney_profile"
    )
    bar_number = models.CharField(max_length=40, blank=True, help_text="State bar number.")
    address = models.TextField(blank=True, help_text="The office's mailing address, as printed.")
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)

    def __str__(self) -> str:
        return f"Signature block of {self.user}"
