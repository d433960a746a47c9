from crispy_forms.helper import FormHelper
from django import forms

from casebook.models import Ground
from sentencing.guidelines import Calculation
from sentencing.guidelines.departures import Direction, Extent
from sentencing.guidelines.table import MAX_LEVEL, MIN_LEVEL
from sentencing.versioning import parse_version

from .models import DepartureRequest

MOST_LEVELS = MAX_LEVEL - MIN_LEVEL  # Ch. 5 Pt. A: the Sentencing Table runs from level 1 to 43


def _below(months: int, bound: int | None) -> bool:
    """``months`` is below ``bound`` months, where None is life (above every term of months)."""
    return bound is None or months < bound


def _above(months: int, bound: int | None) -> bool:
    """Nothing is above life."""
    return bound is not None and months > bound


class DepartureRequestForm(forms.ModelForm):
    """A request on a case. ``calculation`` is the case's current result: the extent is checked
    against it (and its statutory limits) so that a request that makes no sense is refused."""

    ground = forms.ModelChoiceField(
        label="Ground",
        queryset=Ground.objects.all(),
        required=False,
        empty_label="Another ground (describe it below)",
    )

    class Meta:
        model = DepartureRequest
        fields = [
            "ground",
            "ground_text",
            "direction",
            "extent_levels",
            "target_months",
            "argument",
        ]
        labels = {
            "ground_text": "Ground not in the casebook",
            "direction": "Direction",
            "extent_levels": "Extent (offense levels)",
            "target_months": "Or a target sentence (months)",
            "argument": "Argument",
        }
        widgets = {
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

    def __init__(self, *args, calculation: Calculation | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.calculation = calculation
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("ground") and not (cleaned.get("ground_text") or "").strip():
            self.add_error("ground", "Choose a ground from the casebook or describe one below.")
        levels, target = cleaned.get("extent_levels"), cleaned.get("target_months")
        if "extent_levels" in self.errors or "target_months" in self.errors:
            return cleaned
        if levels is None and target is None:
            self.add_error("extent_levels", "Say how far: a number of levels or a target sentence.")
        elif levels is not None and target is not None:
            self.add_error("target_months", "Give levels or a target sentence, not both.")
        elif levels is not None:
            self._check_levels(levels, cleaned.get("direction"))
        else:
            self._check_target(target, cleaned.get("direction"))
        return cleaned

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
