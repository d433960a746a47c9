"""The case form's §2D1.1 (drug trafficking) worksheet: the drugs, their quantities and the
characteristics typed, and the lines the Manual's own Drug Quantity Table and text give for
them (sentencing/guidelines/drugs.py), ticked to be added as offense lines.

The Manual is the main worksheet's (picker.main_manual).
"""

from decimal import Decimal

from django import forms

from . import guidelines
from .guidelines import drug_quantity, drugs
from .picker import PresetPicker, main_manual
from .theft_fraud_picker import WorkedLines

DRUG_WORKSHEET = "drugs"
DRUG_CHOICES = [("", "—"), *drug_quantity.DRUG_NAMES.items()]


class DrugInput(forms.Form):
    """Up to two drugs (§2D1.1, comment. (n.8(B)): different drugs are combined by their
    converted weight) and the characteristics the worksheet models."""

    drug = forms.ChoiceField(label="Drug", choices=DRUG_CHOICES)
    grams = forms.DecimalField(
        label="Quantity (grams)",
        min_value=0,
        decimal_places=3,
        help_text="Of the mixture; of the substance itself for methamphetamine (actual).",
    )
    other_drug = forms.ChoiceField(label="Another drug", choices=DRUG_CHOICES, required=False)
    other_grams = forms.DecimalField(
        label="Its quantity (grams)", min_value=0, decimal_places=3, required=False
    )
    mitigating_role = forms.TypedChoiceField(
        label="Mitigating role (§3B1.2)",
        choices=[("0", "None"), ("2", "Minor (−2)"), ("3", "Between (−3)"), ("4", "Minimal (−4)")],
        coerce=int,
        initial="0",
        required=False,
        empty_value=0,
        help_text="It caps the base offense level where the edition says (§2D1.1(a)).",
    )
    weapon = forms.BooleanField(label="A dangerous weapon was possessed", required=False)
    premises = forms.BooleanField(
        label="Maintained premises for drugs (from Nov. 1, 2010)", required=False
    )
    safety_valve = forms.BooleanField(
        label="Meets the safety-valve criteria of §5C1.2(a)(1)–(5)", required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="dq", **kwargs)

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("other_drug")) != (cleaned.get("other_grams") is not None):
            self.add_error("other_grams", "Give both the other drug and its quantity, or neither.")
        return cleaned

    def quantities(self) -> tuple[tuple[str, Decimal], ...]:
        data = self.cleaned_data
        found = [(data["drug"], data["grams"])]
        if data.get("other_drug"):
            found.append((data["other_drug"], data["other_grams"]))
        return tuple(found)


def drug_lines_for(data) -> tuple[DrugInput, WorkedLines]:
    """The typed facts (with their errors) and the §2D1.1 lines they give under the Manual."""
    facts = DrugInput(data)
    edition, how = main_manual(data)
    if edition is None:
        return facts, WorkedLines(PresetPicker(None, how, worksheet=DRUG_WORKSHEET))
    if not facts.is_valid():
        return facts, WorkedLines(
            PresetPicker(edition, "Correct the marked facts.", worksheet=DRUG_WORKSHEET)
        )
    values = facts.cleaned_data
    try:
        sheet = drugs.worksheet(
            drugs.DrugFacts(
                facts.quantities(),
                mitigating_role=values["mitigating_role"],
                weapon=values["weapon"],
                premises=values["premises"],
                safety_valve=values["safety_valve"],
            ),
            edition,
        )
    except ValueError as error:
        return facts, WorkedLines(PresetPicker(edition, str(error), worksheet=DRUG_WORKSHEET))
    lines = tuple(
        guidelines.PresetLine(line.section, line.description, line.levels, line.kind)
        for line in sheet.lines
    )
    picker = PresetPicker(
        edition,
        f"{how}, prints the Drug Quantity Table of §2D1.1(c) as it then stood.",
        tuple(guidelines.PresetGroup("", "", (line,)) for line in lines),
        worksheet=DRUG_WORKSHEET,
    )
    return facts, WorkedLines(picker, sheet.notes)
