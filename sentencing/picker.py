"""The case form's §2L1.2 preset pickers: which Manual's lines each lists, and why.

The main worksheet's picker lists the Manual chosen on the form, or (left to §1B1.11) the one
in effect on the sentencing date. §1B1.11(b)(1) may still apply the Manual in effect on the
offense date; when that Manual prints another text of §2L1.2, the offense-date worksheet has a
picker of its own listing that text (§1B1.11(b)(2): each Manual is applied as a whole).
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.utils import formats

from . import guidelines

# The two worksheets a picker can fill: the main one, and the one under the offense-date Manual.
MAIN, OFFENSE_DATE = "main", "offense-date"


@dataclass(frozen=True)
class PresetPicker:
    edition: guidelines.Edition | None
    reason: str  # which Manual and why, or why none
    groups: tuple[guidelines.PresetGroup, ...] = ()
    offense_date_note: str = ""  # the Manual at the offense date prints another text
    worksheet: str = MAIN  # which worksheet the ticked lines go to


class PickerInput(forms.Form):
    """The three case form fields the picker reads; anything unreadable counts as blank."""

    manual_edition = forms.CharField(required=False)
    offense_date = forms.DateField(required=False)
    sentencing_date = forms.DateField(required=False)

    def value(self, name: str):
        self.is_valid()
        return self.cleaned_data.get(name) if name not in self.errors else None


def day_label(on: datetime.date) -> str:
    return formats.date_format(on, "N j, Y")


def _text(edition: guidelines.Edition) -> str:
    text = edition.illegal_reentry_text
    return f"the {text} text of §2L1.2 ({guidelines.ILLEGAL_REENTRY_SOURCES[text]})"


def picker_for(data) -> PresetPicker:
    """The picker for the case form's values (submitted, or a saved case's)."""
    given = PickerInput(data)
    key = given.value("manual_edition") or ""
    offense_date, sentencing_date = given.value("offense_date"), given.value("sentencing_date")
    if key:
        try:
            edition = guidelines.edition_by_key(key)
        except ValueError:
            return PresetPicker(None, "Choose a Guidelines Manual to see its §2L1.2 lines.")
        reason = f"The {edition.short_title}, as chosen above, prints {_text(edition)}."
        return _listing(edition, reason)
    if sentencing_date is None:
        return PresetPicker(
            None, "Enter the sentencing date, or choose a Manual, to see its §2L1.2 lines."
        )
    try:
        edition = guidelines.edition_in_effect(sentencing_date)
    except ValueError as error:
        return PresetPicker(None, str(error))
    reason = (
        f"§1B1.11(a): the {edition.short_title}, in effect on the sentencing date "
        f"({day_label(sentencing_date)}), prints {_text(edition)}."
    )
    note = ""
    if offense_date is not None and offense_date <= sentencing_date:
        try:
            earlier = guidelines.edition_in_effect(offense_date)
        except ValueError:
            earlier = None
        if earlier is not None and earlier.illegal_reentry_text != edition.illegal_reentry_text:
            note = (
                f"The {earlier.short_title}, in effect on the offense date, prints "
                f"{_text(earlier)}; if it gives a lower range §1B1.11(b)(1) applies it. Enter "
                "its lines in the offense-date worksheet below, which lists them."
            )
    return _listing(edition, reason, note)


def _listing(
    edition: guidelines.Edition, reason: str, note: str = "", worksheet: str = MAIN
) -> PresetPicker:
    return PresetPicker(
        edition=edition,
        reason=reason,
        groups=guidelines.illegal_reentry_groups(edition),
        offense_date_note=note,
        worksheet=worksheet,
    )


def offense_date_picker_for(data) -> PresetPicker:
    """The offense-date worksheet's picker: the §2L1.2 lines of the Manual then in effect."""
    given = PickerInput(data)
    offense_date = given.value("offense_date")
    if offense_date is None:
        return PresetPicker(
            None,
            "Enter the offense date to see the §2L1.2 lines of the Manual then in effect.",
            worksheet=OFFENSE_DATE,
        )
    try:
        edition = guidelines.edition_in_effect(offense_date)
    except ValueError as error:
        return PresetPicker(None, str(error), worksheet=OFFENSE_DATE)
    reason = (
        f"§1B1.11(b)(1): the {edition.short_title}, in effect on the offense date "
        f"({day_label(offense_date)}), prints {_text(edition)}."
    )
    return _listing(edition, reason, worksheet=OFFENSE_DATE)


def _form_values(form) -> object:
    """What was submitted, or else the saved case's values."""
    if form.is_bound:
        return form.data
    case = form.instance
    return {
        "manual_edition": case.manual_edition,
        "offense_date": case.offense_date,
        "sentencing_date": case.sentencing_date,
    }


def picker_for_form(form) -> PresetPicker:
    """The main worksheet's picker for the case form as shown."""
    return picker_for(_form_values(form))


def offense_date_picker_for_form(form) -> PresetPicker:
    """The offense-date worksheet's picker for the case form as shown."""
    return offense_date_picker_for(_form_values(form))


def main_manual(data) -> tuple[guidelines.Edition | None, str]:
    """The main worksheet's Manual: the one chosen, else the one in effect on the sentencing
    date (§1B1.11(a)); None with what is missing."""
    given = PickerInput(data)
    key = given.value("manual_edition") or ""
    if key:
        try:
            edition = guidelines.edition_by_key(key)
        except ValueError:
            return None, "Choose a Guidelines Manual."
        return edition, f"The {edition.short_title}, as chosen above"
    sentencing_date = given.value("sentencing_date")
    if sentencing_date is None:
        return None, "Enter the sentencing date, or choose a Manual, to work out the lines."
    try:
        edition = guidelines.edition_in_effect(sentencing_date)
    except ValueError as error:
        return None, str(error)
    return edition, (
        f"§1B1.11(a): the {edition.short_title}, in effect on the sentencing date "
        f"({day_label(sentencing_date)})"
    )
