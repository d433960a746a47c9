"""The case form's §2B1.1 (theft, fraud) worksheet: the facts typed, the lines the Manual's text
gives for them (sentencing/guidelines/theft_fraud.py), ticked to be added as offense lines.

The Manual is the main worksheet's: the one chosen on the form, else the one in effect on the
sentencing date (§1B1.11(a)). Before Nov. 1, 2001 fraud has its own guideline, §2F1.1.
"""

from dataclasses import dataclass

from django import forms

from . import guidelines
from .guidelines import loss, theft_fraud
from .picker import PresetPicker, main_manual

THEFT_FRAUD = "theft-fraud"


class TheftFraudInput(forms.Form):
    """The facts §2B1.1's characteristics turn on; prefixed so as not to mix with the case's."""

    guideline = forms.ChoiceField(
        label="Guideline",
        choices=[
            (loss.THEFT, "§2B1.1 (theft; from Nov. 1, 2001 also fraud)"),
            (loss.FRAUD, "§2F1.1 (fraud and deceit, before Nov. 1, 2001)"),
        ],
        initial=loss.THEFT,
    )
    loss = forms.IntegerField(
        label="Loss ($)", min_value=0, help_text="The greater of actual or intended loss."
    )
    twenty_years = forms.TypedChoiceField(
        label="Statutory maximum of the offense of conviction",
        choices=[("1", "20 years or more"), ("0", "Less than 20 years")],
        coerce=lambda value: value == "1",
        initial="1",
        required=False,
        empty_value=True,
        help_text="§2B1.1(a)(1)–(2) from Nov. 1, 2003.",
    )
    victims = forms.IntegerField(label="Victims", min_value=0, initial=0, required=False)
    hardship_victims = forms.IntegerField(
        label="Victims caused substantial financial hardship",
        min_value=0,
        initial=0,
        required=False,
        help_text="§2B1.1(b)(2) from Nov. 1, 2015 (Amendment 792).",
    )
    mass_marketing = forms.BooleanField(label="Committed through mass-marketing", required=False)
    theft_from_person = forms.BooleanField(label="Theft from the person", required=False)
    receiving_stolen_property_business = forms.BooleanField(
        label="In the business of receiving and selling stolen property", required=False
    )
    misrepresentation_or_order = forms.BooleanField(
        label="Misrepresented acting for a charity or government, or violated a prior order",
        required=False,
    )
    relocated_scheme = forms.BooleanField(
        label="Scheme relocated to evade law enforcement", required=False
    )
    outside_united_states = forms.BooleanField(
        label="Substantial part of the scheme committed from abroad", required=False
    )
    sophisticated_means = forms.BooleanField(label="Sophisticated means", required=False)
    identification_means = forms.BooleanField(
        label="Access devices or means of identification", required=False
    )
    more_than_minimal_planning = forms.BooleanField(
        label="More than minimal planning (before Nov. 1, 2001)", required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="tf", **kwargs)


@dataclass(frozen=True)
class WorkedLines:
    """A guideline's lines worked out from facts, as a picker of ticked lines, with notes."""

    picker: PresetPicker
    notes: tuple[str, ...] = ()


def theft_fraud_lines_for(data) -> tuple[TheftFraudInput, WorkedLines]:
    """The typed facts (with their errors) and the lines they give under the Manual."""
    facts = TheftFraudInput(data)
    edition, how = main_manual(data)
    if edition is None:
        return facts, WorkedLines(PresetPicker(None, how, worksheet=THEFT_FRAUD))
    if not facts.is_valid():
        return facts, WorkedLines(
            PresetPicker(edition, "Correct the marked facts.", worksheet=THEFT_FRAUD)
        )
    values = facts.cleaned_data
    try:
        worksheet = theft_fraud.theft_fraud_worksheet(
            edition,
            loss=values["loss"],
            # §2B1.1(a)(1)-(2) turn on "20 years or more" alone: life, or just under 20 years.
            statutory_maximum_months=(
                None if values["twenty_years"] else theft_fraud.TWENTY_YEARS_MONTHS - 1
            ),
            victims=values["victims"] or 0,
            hardship_victims=values["hardship_victims"] or 0,
            guideline=values["guideline"],
            **{name: values[name] for name in _FLAGS},
        )
    except ValueError as error:
        return facts, WorkedLines(PresetPicker(edition, str(error), worksheet=THEFT_FRAUD))
    text = worksheet.text
    reason = f"{how}, prints §{text.guideline} as set by {text.source}."
    lines = tuple(
        guidelines.PresetLine(line.section, line.description, line.levels, line.kind)
        for line in worksheet.lines
    )
    groups = tuple(guidelines.PresetGroup("", "", (line,)) for line in lines)
    picker = PresetPicker(edition, reason, groups, worksheet=THEFT_FRAUD)
    return facts, WorkedLines(picker, worksheet.notes)


_FLAGS = (
    "mass_marketing",
    "theft_from_person",
    "receiving_stolen_property_business",
    "misrepresentation_or_order",
    "relocated_scheme",
    "outside_united_states",
    "sophisticated_means",
    "identification_means",
    "more_than_minimal_planning",
)
