"""What the user asked for. The precedent and the outcome are computed every time they are shown,
so a change to the case or to the casebook changes them too."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from casebook.models import Ground
from sentencing.guidelines.departures import Direction
from sentencing.models import Case


class DepartureRequest(models.Model):
    class DirectionChoice(models.TextChoices):
        DOWNWARD = Direction.DOWNWARD.value, "Downward"
        UPWARD = Direction.UPWARD.value, "Upward"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="departure_requests")
    ground = models.ForeignKey(
        Ground,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="departure_requests",
        help_text="The casebook's ground for the request, when the casebook knows it.",
    )
    ground_text = models.CharField(
        max_length=200,
        blank=True,
        help_text="The ground in the user's words, when the casebook does not know it.",
    )

    class Basis(models.TextChoices):
        # Who asks: the defendant, or the government under an early disposition program
        # (§5K3.1 from Oct. 27, 2003, Amendment 651; §3F1.1 from Nov. 1, 2025, Amendment 836).
        DEFENDANT = "defendant", "The defendant's request"
        PROGRAM = "program", "The government's early disposition (fast-track) motion"

    basis = models.CharField(
        max_length=10,
        choices=Basis.choices,
        default=Basis.DEFENDANT,
        help_text="The defendant's own request, or the government's motion under an early "
        "disposition program.",
    )
    direction = models.CharField(
        max_length=10, choices=DirectionChoice.choices, default=DirectionChoice.DOWNWARD
    )
    extent_levels = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="How many offense levels the request moves the range."
    )
    target_months = models.PositiveIntegerField(
        null=True, blank=True, help_text="The sentence asked for, in months, instead of levels."
    )
    argument = models.TextField(blank=True, help_text="The argument as it will be filed.")
    version = models.PositiveIntegerField(
        default=1, help_text="Raised on every save, so that two editors never overwrite each other."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ground__isnull=False) | ~Q(ground_text=""),
                name="departures_request_has_a_ground",
            ),
            models.CheckConstraint(
                condition=Q(extent_levels__isnull=True) ^ Q(target_months__isnull=True),
                name="departures_request_has_one_extent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_direction_display()} request: {self.ground_name}"

    @property
    def ground_name(self) -> str:
        return self.ground.name if self.ground_id else self.ground_text

    @property
    def extent_in_words(self) -> str:
        if self.extent_levels is not None:
            return f"{self.extent_levels} level{'' if self.extent_levels == 1 else 's'}"
        return f"a sentence of {self.target_months} months"
