from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError

from casebook.models import Ground
from sentencing.guidelines import Calculation
from sentencing.guidelines.departures import Direction, Extent
from sentencing.guidelines.early_disposition import MAX_LEVELS as MAX_MOTION_LEVELS
from sentencing.guidelines.table import MAX_LEVEL, MIN_LEVEL
from sentencing.models import Case
from sentencing.versioning import parse_version

from .models import DepartureRequest
from .outcome import FAST_TRACK
from .selectors import requests_of

MOST_LEVELS = MAX_LEVEL - MIN_LEVEL  # Ch. 5 Pt. A: the Sentencing Table runs from level 1 to 43

# What the memo prints of a request is bounded, so that exporting the largest memo a case can
# hold stays quick (benchmarks/memo.py: some 40 pages, under 2 s). 15,000 characters is some
# 2,500 words, about nine double-spaced pages of a brief: more than one ground of a sentencing
# memo needs, when local rules commonly hold a whole memo to 20 or 25 pages. Lines holding text
# are counted too, because the layout's cost follows the lines printed: 15,000 characters of
# one-word lines would print some 3,000 lines, 80 pages, where the same characters in
# paragraphs print 5. Blank lines between paragraphs are not counted.
ARGUMENT_MAX_CHARACTERS = 15_000
ARGUMENT_MAX_LINES = 120
MAX_REQUESTS = 5  # per case: each one is a section of the memo


def argument_characters(text: str) -> int:
    """Characters as the user sees them: a line break is one (a browser sends it as two)."""
    return len(text.replace("\r\n", "\n"))


def argument_lines(text: str) -> int:
    """Lines that hold text."""
    return sum(1 for line in text.splitlines() if line.strip())


def _below(months: int, bound: int | None) -> bool:
    """``months`` is below ``bound`` months, where None is life (above every term of months)."""
    return bound is None or months < bound


def _above(months: int, bound: int | None) -> bool:
    """Nothing is above life."""
    return bound is not None and months > bound


class DepartureRequestForm(forms.ModelForm):
    """A request on a case. ``calculation`` is the case's current result: the extent is checked
    against it (and its statutory limits) so that a request that makes no sense is refused.
    ``case`` is the case a new request is added to, which holds at most MAX_REQUESTS."""

    ground = forms.ModelChoiceField(
        label="Ground",
        queryset=Ground.objects.all(),
        required=False,
        empty_label="Another ground (describe it below)",
    )

    class Meta:
        model = DepartureRequest
        fields = [
            "basis",
            "ground",
            "ground_text",
            "direction",
            "extent_levels",
            "target_months",
            "argument",
        ]
        labels = {
            "basis": "Who asks",
            "ground_text": "Ground not in the casebook",
            "direction": "Direction",
            "extent_levels": "Extent (offense levels)",
            "target_months": "Or a target sentence (months)",
            "argument": "Argument",
        }
        help_texts = {
            "argument": (
                f"Up to {ARGUMENT_MAX_CHARACTERS:,} characters in {ARGUMENT_MAX_LINES} lines. "
                "A blank line starts a new paragraph."
            ),
        }
        widgets = {
            "basis": forms.RadioSelect,
            "direction": forms.RadioSelect,
            "argument": forms.Textarea(attrs={"rows": 8}),
        }
        error_messages = {
            "extent_levels": {
                "invalid": "Enter the levels as a whole number.",
                "min_value": f"A departure moves the offense level by 1 to {MOST_LEVELS} levels.",
            },
            "target_months": {
                "invalid": "Enter the target sentence in whole months.",
                "min_value": "A target sentence cannot be negative.",
            },
        }

    # Read with `parse_version`: a forged or out-of-range version is a conflict, not an error.
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(
        self, *args, calculation: Calculation | None = None, case: Case | None = None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.calculation = calculation
        self.case = case
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version
        self.fields["basis"].required = False
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean_basis(self) -> str:
        """Unsent (an older page, a script): the defendant's own request, as before."""
        return self.cleaned_data.get("basis") or DepartureRequest.Basis.DEFENDANT

    def clean_argument(self) -> str:
        argument = self.cleaned_data["argument"]
        characters = argument_characters(argument)
        if characters > ARGUMENT_MAX_CHARACTERS:
            raise ValidationError(
                f"Keep the argument within {ARGUMENT_MAX_CHARACTERS:,} characters "
                f"(it has {characters:,}).",
                code="max_length",
            )
        lines = argument_lines(argument)
        if lines > ARGUMENT_MAX_LINES:
            raise ValidationError(
                f"Keep the argument within {ARGUMENT_MAX_LINES} lines (it has {lines:,}): "
                "a paragraph needs no line breaks of its own.",
                code="max_lines",
            )
        return argument

    def clean(self):
        cleaned = super().clean()
        if self.case_is_full():
            self.add_error(None, self.case_is_full_message)
        if not cleaned.get("ground") and not (cleaned.get("ground_text") or "").strip():
            self.add_error("ground", "Choose a ground from the casebook or describe one below.")
        levels, target = cleaned.get("extent_levels"), cleaned.get("target_months")
        if "extent_levels" in self.errors or "target_months" in self.errors:
            return cleaned
        if levels is None and target is None:
            self.add_error("extent_levels", "Say how far: a number of levels or a target sentence.")
        elif levels is not None and target is not None:
            self.add_error("target_months", "Give levels or a target sentence, not both.")
        elif cleaned.get("basis") == DepartureRequest.Basis.PROGRAM:
            self._check_program_motion(cleaned)
        elif levels is not None:
            self._check_levels(levels, cleaned.get("direction"))
        else:
            self._check_target(target, cleaned.get("direction"))
        return cleaned

    def _check_program_motion(self, cleaned: dict) -> None:
        """§5K3.1 (Amendment 651) and §3F1.1 (Amendment 836): a downward move of "not more
        than 4 levels", on the government's motion, for a fast-track program."""
        ground = cleaned.get("ground")
        if ground is None or ground.slug != FAST_TRACK:
            self.add_error(
                "basis",
                "The government's early disposition motion is the fast-track ground: choose "
                "that ground, or make this the defendant's request.",
            )
        if cleaned.get("direction") != Direction.DOWNWARD:
            self.add_error("direction", "An early disposition motion is downward.")
        levels = cleaned.get("extent_levels")
        if levels is None:
            self.add_error(
                "extent_levels",
                f"An early disposition motion is stated in levels: 1 to {MAX_MOTION_LEVELS} "
                "(§3F1.1; §5K3.1 before Nov. 1, 2025), not as a target sentence.",
            )
        elif not 1 <= levels <= MAX_MOTION_LEVELS:
            self.add_error(
                "extent_levels",
                f"An early disposition motion is for not more than {MAX_MOTION_LEVELS} levels "
                "(§3F1.1; §5K3.1 before Nov. 1, 2025).",
            )

    case_is_full_message = (
        f"A case holds at most {MAX_REQUESTS} requests, one memo section each: this one cannot "
        "be added. Delete a request, or make this argument part of another."
    )

    def case_is_full(self) -> bool:
        """Whether this is a new request on a case that already holds as many as it may."""
        if self.case is None or self.instance.pk is not None:
            return False
        return requests_of(self.case).count() >= MAX_REQUESTS

    def _check_levels(self, levels: int, direction: str | None) -> None:
        if not 1 <= levels <= MOST_LEVELS:
            self.add_error(
                "extent_levels",
                f"A departure moves the offense level by 1 to {MOST_LEVELS} levels "
                f"(the Sentencing Table runs from level {MIN_LEVEL} to {MAX_LEVEL}).",
            )
            return
        if self.calculation is None or direction is None:
            return
        level = self.calculation.table_offense_level
        room = level - MIN_LEVEL if direction == Direction.DOWNWARD else MAX_LEVEL - level
        if levels > room:
            way = "down" if direction == Direction.DOWNWARD else "up"
            self.add_error(
                "extent_levels",
                f"From level {level} a departure can move at most {room} levels {way}.",
            )

    def _check_target(self, target: int, direction: str | None) -> None:
        calc = self.calculation
        if calc is None or direction is None:
            return
        sentence = calc.guideline_sentence
        maximum, minimum = calc.statutory_maximum_months, calc.statutory_minimum_months
        if maximum is not None and target > maximum:
            self.add_error(
                "target_months",
                f"The target is above the statutory maximum of {maximum} months.",
            )
        elif target < minimum:
            self.add_error(
                "target_months",
                f"The target is below the statutory minimum of {minimum} months; only a motion "
                "under 18 U.S.C. § 3553(e) or the safety valve of § 3553(f) allows that.",
            )
        elif direction == Direction.DOWNWARD and not _below(target, sentence.low_months):
            self.add_error(
                "target_months",
                f"A downward request asks for less than the guideline sentence ({sentence}).",
            )
        elif direction == Direction.UPWARD and not _above(target, sentence.high_months):
            self.add_error(
                "target_months",
                f"An upward request asks for more than the guideline sentence ({sentence}).",
            )

    def data_to_save(self) -> dict:
        """What a valid form saves, as `services.departure_request_submit` takes it."""
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        return {**data, "loaded_version": parse_version(self.cleaned_data.get("version"))}

    def extent(self) -> Extent | None:
        """The extent typed, when it is valid."""
        if not hasattr(self, "cleaned_data") or not self.is_valid():
            return None
        data = self.cleaned_data
        return Extent(levels=data.get("extent_levels"), target_months=data.get("target_months"))
