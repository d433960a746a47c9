import datetime
import re

from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseInlineFormSet, inlineformset_factory

from judiciary.districts import district_choices

from . import guidelines
from .guidelines.sections import SECTION, section_family
from .models import Case, Count, OffenseDateLine, OffenseLine, PriorSentence
from .results import CaseResult, case_result, saved_case_result
from .services import Row

AUTOMATIC_EDITION = ""
# The Sentencing Table stops at level 43 (U.S.S.G. Ch. 5 Pt. A): a single worksheet line larger
# than that is a typing error, not a calculation.
MAX_LINE_LEVELS = 43
# The case's notes print on its page and in its history: ample for notes, bounded for the page.
MAX_NOTES = 10_000


def edition_choices() -> list[tuple[str, str]]:
    return [(AUTOMATIC_EDITION, "Chosen by §1B1.11 (Manual in effect at sentencing)")] + [
        (edition.key, edition.title) for edition in reversed(guidelines.EDITIONS)
    ]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class CaseForm(forms.ModelForm):
    # Static choices, built once: the live recalculation builds a form on every keystroke.
    district = forms.ChoiceField(label="District", choices=district_choices())
    manual_edition = forms.ChoiceField(
        label="Guidelines Manual",
        choices=edition_choices(),
        required=False,
        help_text=Case._meta.get_field("manual_edition").help_text,
    )
    criminal_history_category = forms.ChoiceField(
        label="Criminal history category",
        choices=[("", "From points")] + [(c, c) for c in guidelines.CATEGORIES],
        required=False,
        error_messages={"invalid_choice": "Criminal history category must be one of I–VI."},
        help_text=Case._meta.get_field("criminal_history_category").help_text,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Case
        fields = [
            "defendant",
            "docket_number",
            "district",
            "judge",
            "offense_date",
            "sentencing_date",
            "manual_edition",
            "acceptance",
            "government_motion",
            "early_disposition_levels",
            "criminal_history_points",
            "criminal_history_category",
            "under_criminal_justice_sentence",
            "recency",
            "zero_point_offender_eligible",
            "notes",
        ]
        labels = {
            "defendant": "Defendant",
            "docket_number": "Docket number",
            "judge": "Judge",
            "offense_date": "Offense date",
            "sentencing_date": "Sentencing date",
            "acceptance": "Acceptance of responsibility",
            "government_motion": "Government motion under §3E1.1(b)",
            "early_disposition_levels": "Early disposition motion (levels)",
            "criminal_history_points": "Criminal history points",
            "under_criminal_justice_sentence": "Under a criminal justice sentence at the offense",
            "recency": "Recency (released less than two years before the offense)",
            "zero_point_offender_eligible": "Zero-point offender (§4C1.1) criteria met",
        }
        widgets = {
            "offense_date": DateInput(),
            "sentencing_date": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "criminal_history_points": {
                "min_value": "Criminal history points cannot be negative.",
                "invalid": "Enter criminal history points as a whole number.",
            },
            "early_disposition_levels": {
                "invalid": "Enter the levels of the motion as a whole number from 0 to 4.",
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criminal_history_points"].min_value = 0
        self.fields["criminal_history_points"].error_messages["min_value"] = (
            "Criminal history points cannot be negative."
        )
        motion = self.fields["early_disposition_levels"]
        motion.required = False
        motion.min_value, motion.max_value = 0, guidelines.EARLY_DISPOSITION_MAX_LEVELS
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean_notes(self) -> str:
        # Checked here, not by a maxlength in the page: a browser would cut a pasted text short.
        notes = self.cleaned_data.get("notes") or ""
        if len(notes) > MAX_NOTES:
            raise ValidationError(
                f"Keep the notes within {MAX_NOTES:,} characters (they have {len(notes):,})."
            )
        return notes

    def clean_early_disposition_levels(self) -> int:
        levels = self.cleaned_data.get("early_disposition_levels")
        if levels is None:
            return 0
        if not 0 <= levels <= guidelines.EARLY_DISPOSITION_MAX_LEVELS:
            # §3F1.1 (2025 Manual) and §5K3.1 (2003-2024): "not more than 4 levels".
            raise ValidationError(
                "An early disposition decrease is not more than 4 levels (§3F1.1; §5K3.1 "
                "before Nov. 1, 2025)."
            )
        return levels

    def clean(self):
        cleaned = super().clean()
        offense_date = cleaned.get("offense_date")
        sentencing_date = cleaned.get("sentencing_date")
        if offense_date and sentencing_date and sentencing_date < offense_date:
            self.add_error(
                "sentencing_date", "The sentencing date cannot be before the offense date."
            )
        return cleaned


# Sections the case form takes elsewhere than as a worksheet line: the early disposition motion
# is applied after acceptance (§1B1.1(a)(5), 2025 Manual) or as a departure (§5K3.1).
NOT_A_LINE = {"3F1.1", "5K3.1"}


def normalized_group(text: str) -> str:
    """ "§ 2L1.2(b) " and "2L1.2(b)" name one group: no spaces, no leading section sign."""
    return re.sub(r"\s+", "", text).lstrip("§")


class OffenseLineForm(forms.ModelForm):
    class Meta:
        model = OffenseLine
        fields = ["kind", "guideline", "description", "levels", "group"]
        labels = {
            "kind": "Kind",
            "guideline": "Guideline",
            "description": "Description",
            "levels": "Levels",
            "group": "Group (use the greater)",
        }
        help_texts = {
            "group": "Lines with the same group are alternatives: only the greater counts.",
        }
        error_messages = {"levels": {"invalid": "Enter the levels as a whole number."}}

    def clean_group(self) -> str:
        return normalized_group(self.cleaned_data.get("group") or "")

    def clean_guideline(self) -> str:
        guideline = self.cleaned_data.get("guideline") or ""
        if SECTION.search(guideline) and section_family(guideline) in NOT_A_LINE:
            raise ValidationError(
                "Enter the early disposition (fast-track) decrease as the government's motion "
                "under Early disposition motion, not as a line: it applies after acceptance "
                "(§3F1.1) or as a departure (§5K3.1)."
            )
        return guideline

    def clean(self):
        cleaned = super().clean()
        self._check_group(cleaned)
        levels = cleaned.get("levels")
        if levels is None:
            return cleaned
        if cleaned.get("kind") == OffenseLine.Kind.BASE and not 1 <= levels <= 43:
            # Base offense levels in Chapter 2 run from 1 to 43 (U.S.S.G. Ch. 5 Pt. A).
            self.add_error("levels", "A base offense level must be between 1 and 43.")
        elif abs(levels) > MAX_LINE_LEVELS:
            self.add_error("levels", "A line adds or subtracts at most 43 levels.")
        return cleaned

    def _check_group(self, cleaned) -> None:
        group, guideline = cleaned.get("group"), cleaned.get("guideline")
        if not group:
            return
        if cleaned.get("kind") == OffenseLine.Kind.BASE:
            self.add_error(
                "group",
                "A base offense level is not one of a group of alternatives: leave the group "
                "blank (groups are for specific offense characteristics and adjustments).",
            )
        elif guideline and SECTION.search(group) and SECTION.search(guideline):
            named, applied = section_family(group), section_family(guideline)
            if named != applied:
                self.add_error(
                    "group",
                    f"Group {group} is a group of §{named}, but this line applies {guideline}: "
                    "a group holds lines of one guideline only.",
                )


def _statute_key(citation: str) -> str:
    return re.sub(r"[\s.§]|usc", "", citation.lower().replace("u.s.c.", "usc"))


# Each citation the statute table knows, by a key that ignores spacing, dots and "§".
KNOWN_CITATIONS = {_statute_key(s.citation): s.citation for s in guidelines.STATUTE_HISTORY}


def _months(n: int | None) -> str:
    return "life" if n is None else f"{n} months"


def _posted_case_date(form, name: str) -> datetime.date | None:
    """The case's offense or sentencing date as the worksheet posts it with the counts (the case
    form has no prefix), else as saved: a count takes its statute as it then stood."""
    posted = form.data.get(name) if form.is_bound else None
    if posted:
        try:
            return forms.DateField().clean(posted)
        except ValidationError:
            return None
    case = getattr(form.instance, "case", None) if form.instance.case_id else None
    return getattr(case, name) if case else None


class CountForm(forms.ModelForm):
    _reached_at_sentencing = False  # the statute's text came from the sentencing date

    class Meta:
        model = Count
        fields = ["statute", "maximum_months", "minimum_months"]
        labels = {
            "statute": "Statute",
            "maximum_months": "Statutory maximum (months)",
            "minimum_months": "Statutory minimum (months)",
        }
        help_texts = {
            "maximum_months": "Blank: the statute's maximum as it stood on the offense date, if "
            "listed; otherwise life.",
        }
        error_messages = {
            "maximum_months": {"invalid": "Enter the maximum in whole months."},
            "minimum_months": {"invalid": "Enter the minimum in whole months."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["statute"].widget.attrs["list"] = "known-statutes"
        self.fields["minimum_months"].required = False
        if self.instance.pk is None:  # blank, not the model's 0: the statute's minimum fills it
            self.initial["minimum_months"] = None

    def clean(self):
        cleaned = super().clean()
        statute = self._statute_on_offense_date(cleaned)
        for name in ("maximum_months", "minimum_months"):
            if name in self.errors:
                continue
            if cleaned.get(name) is None:
                if statute:
                    cleaned[name] = getattr(statute, name)
                elif name == "minimum_months":
                    cleaned[name] = 0
            elif statute:
                self._check_against_table(name, cleaned[name], statute)
        maximum, minimum = cleaned.get("maximum_months"), cleaned.get("minimum_months")
        if maximum is not None and minimum is not None and minimum > maximum:
            self.add_error("minimum_months", "The minimum cannot exceed the maximum.")
        return cleaned

    def _statute_on_offense_date(self, cleaned) -> guidelines.Statute | None:
        """The table's text of the typed statute in force on the offense date, if it has one;
        a statute that did not exist yet, or a date before the table's earliest text with no
        maximum typed, is an error."""
        citation = KNOWN_CITATIONS.get(_statute_key(cleaned.get("statute") or ""))
        offense_date = _posted_case_date(self, "offense_date")
        if not citation or not offense_date:
            return None
        sentencing_date = _posted_case_date(self, "sentencing_date")
        statute = guidelines.statute_on(citation, offense_date, sentencing_date)
        self._reached_at_sentencing = bool(statute and not statute.in_force_on(offense_date))
        if statute is None:
            reason = guidelines.not_in_force_reason(citation, offense_date, sentencing_date)
            if guidelines.statute_history(citation)[0].created:
                self.add_error("statute", reason)
            elif cleaned.get("maximum_months") is None and "maximum_months" not in self.errors:
                self.add_error("maximum_months", reason)
        return statute

    def _check_against_table(self, name: str, typed: int, statute: guidelines.Statute) -> None:
        """A typed limit above the statutory maximum, or one another text of the statute set
        (a value filled in under another offense date), is an error; a lower one stands."""
        table = getattr(statute, name)
        what = "maximum" if name == "maximum_months" else "minimum"
        when = (
            "at sentencing (a later, lesser penalty reaching sentences not yet imposed)"
            if self._reached_at_sentencing
            else "on the offense date"
        )
        on_date = f"{when} {statute.citation} sets {_months(table)}"
        if name == "maximum_months" and table is not None and typed > table:
            self.add_error(
                name,
                f"Above the statutory maximum: {on_date} ({statute.enacted_by}). A higher "
                "maximum enacted after the offense cannot apply to it.",
            )
            return
        if typed == table or (name == "minimum_months" and typed == 0):
            return  # no minimum typed stands: the safety valve (§ 3553(f)) can lift one
        for other in guidelines.statute_history(statute.citation):
            if getattr(other, name) == typed:
                self.add_error(
                    name,
                    f"{_months(typed)} is the {what} of {other.citation} as the "
                    f"{other.enacted_by} set it, but {on_date}: clear the field to take it "
                    "from the table.",
                )
                return


class PriorSentenceForm(forms.ModelForm):
    class Meta:
        model = PriorSentence
        fields = ["description", "subsection"]
        labels = {"description": "Prior sentence", "subsection": "Scored under"}


# Rows of each kind a worksheet takes. Every row prints in the memo's computation (and counts in
# its table of authorities): 25 keeps the largest memo the forms allow to a few seconds' export.
MAX_ROWS = 25


class WorksheetRows(BaseInlineFormSet):
    """A worksheet's rows. A saved row sent twice (or as a new row) is refused, not duplicated."""

    def clean(self):
        super().clean()

        def foreign(form) -> bool:  # Django checks a row id against every row of the table
            saved = (getattr(form, "cleaned_data", None) or {}).get("id")
            return "id" in form.errors or (saved is not None and saved.case_id != self.instance.pk)

        if any(foreign(form) for form in self.forms):
            raise ValidationError(
                "A row sent with the form is not a row of this case (it may have been deleted). "
                "Reload the case and make your change again.",
                code="unknown_row",
            )
        seen = set()
        for index, form in enumerate(self.forms):
            row_id = form["id"].value() if "id" in form.fields else None
            if row_id in (None, ""):
                continue
            if index >= self.initial_form_count() or str(row_id) in seen:
                raise ValidationError(
                    "The same row was sent twice. Reload the case and make your change again.",
                    code="duplicate_row",
                )
            seen.add(str(row_id))


class OffenseLineRows(WorksheetRows):
    """Offense lines; a group's lines must be alternatives under one guideline, of one kind."""

    def clean(self):
        super().clean()
        first_of_group: dict[str, dict] = {}
        for form in self.forms:
            cleaned = getattr(form, "cleaned_data", None) or {}
            group, guideline = cleaned.get("group"), cleaned.get("guideline")
            if not group or not guideline or cleaned.get("DELETE"):
                continue
            first = first_of_group.setdefault(group, cleaned)
            if first is cleaned:
                continue
            if section_family(guideline) != section_family(first["guideline"]):
                form.add_error(
                    "group",
                    f"Group {group} already holds {first['guideline']}, and this line applies "
                    f"{guideline}: only lines of one guideline are alternatives. Give this line "
                    "a group of its own, or none.",
                )
            elif cleaned.get("kind") != first.get("kind"):
                form.add_error(
                    "group",
                    f"Group {group} already holds {first['guideline']} as another kind of line: "
                    "the lines of a group are all of one kind.",
                )


def _formset(model, form, rows=WorksheetRows):
    # absolute_max: a forged TOTAL_FORMS of a billion builds (and renders) at most MAX_ROWS rows,
    # not Django's default of max_num + 1,000.
    return inlineformset_factory(
        Case,
        model,
        form=form,
        formset=rows,
        extra=0,
        can_delete=True,
        max_num=MAX_ROWS,
        absolute_max=MAX_ROWS,
        validate_max=True,
    )


class OffenseDateLineForm(OffenseLineForm):
    class Meta(OffenseLineForm.Meta):
        model = OffenseDateLine


OffenseLineFormSet = _formset(OffenseLine, OffenseLineForm, OffenseLineRows)
OffenseDateLineFormSet = _formset(OffenseDateLine, OffenseDateLineForm, OffenseLineRows)
CountFormSet = _formset(Count, CountForm)
PriorSentenceFormSet = _formset(PriorSentence, PriorSentenceForm)


class CaseWorksheet:
    """The case form and its three formsets, validated and read as one."""

    prefixes = {
        "offense_lines": "lines",
        "counts": "counts",
        "prior_sentences": "priors",
        "offense_date_lines": "earlier",
    }

    def __init__(self, data=None, *, instance: Case | None = None):
        instance = instance or Case()
        self.form = CaseForm(data, instance=instance)
        self.offense_lines = OffenseLineFormSet(
            data, instance=instance, prefix=self.prefixes["offense_lines"]
        )
        self.counts = CountFormSet(data, instance=instance, prefix=self.prefixes["counts"])
        self.prior_sentences = PriorSentenceFormSet(
            data, instance=instance, prefix=self.prefixes["prior_sentences"]
        )
        # Optional in a post: a page or script that does not send this worksheet leaves it as saved.
        prefix = self.prefixes["offense_date_lines"]
        sent = data is None or f"{prefix}-TOTAL_FORMS" in data
        self.offense_date_lines = OffenseDateLineFormSet(
            data if sent else None, instance=instance, prefix=prefix
        )

    @property
    def formsets(self):
        """The formsets the post holds (all four on an unbound form)."""
        every = (self.offense_lines, self.counts, self.prior_sentences, self.offense_date_lines)
        return tuple(f for f in every if f.is_bound or not self.form.is_bound)

    def is_valid(self) -> bool:
        # Validate everything (not `all(...)`, which stops early) so every error is shown at once.
        results = [self.form.is_valid()] + [formset.is_valid() for formset in self.formsets]
        return all(results)

    @staticmethod
    def kept_rows(formset):
        """The rows a valid formset keeps, as unsaved model instances, in page order."""
        return [form.instance for form in formset.forms if _is_kept(form)]

    def loaded_version(self) -> int | None:
        """The case version the editor loaded (sent back with the form)."""
        return self.form.cleaned_data.get("version")

    def data_to_save(self) -> dict:
        """What a valid worksheet saves, as `services.case_save` takes it: the case's fields and
        each kind of row in page order (a saved row with its id), deleted rows left out."""
        fields = {name: self.form.cleaned_data[name] for name in CaseForm.Meta.fields}
        sent = {formset.prefix: formset for formset in self.formsets}
        return {
            "fields": fields,
            **{
                kind: [_row(form, sent[prefix]) for form in sent[prefix].forms if _is_kept(form)]
                for kind, prefix in self.prefixes.items()
                if prefix in sent
            },
        }

    def result(self) -> CaseResult:
        """The engine's result for what was typed, or the errors that stand in its way; before
        anything is typed, the saved case's result (a new case has none yet)."""
        if not self.form.is_bound:
            if self.form.instance.pk is None:
                return CaseResult(choice=None, problem="Fill in the worksheet to see the result.")
            return saved_case_result(self.form.instance)
        if not self.is_valid():
            return CaseResult(choice=None, problem="Correct the marked fields to see the result.")
        return case_result(
            self.form.instance,
            offense_lines=self.kept_rows(self.offense_lines),
            counts=self.kept_rows(self.counts),
            prior_sentences=self.kept_rows(self.prior_sentences),
            offense_date_lines=(
                self.kept_rows(self.offense_date_lines)
                if self.offense_date_lines.is_bound
                else self.form.instance.offense_date_lines.all()
                if self.form.instance.pk
                else ()
            ),
        )


def _is_kept(form) -> bool:
    return bool(form.cleaned_data) and not form.cleaned_data.get("DELETE")


def _row(form, formset) -> Row:
    """The row's own fields; not the id, DELETE and case fields the formset adds (Django's
    inline formset appends the case to the form's Meta.fields, so it is left out by name)."""
    saved = form.cleaned_data.get("id")
    own = [name for name in form._meta.fields if name != formset.fk.name]
    values = {name: form.cleaned_data.get(name) for name in own}
    return Row(values=values, id=saved.pk if saved else None)


def shown_value(field, value) -> str:
    """A value as the form shows it: the choice's label, or "(blank)"."""
    if value in (None, ""):
        return "(blank)"
    choices = dict(getattr(field, "flat_choices", None) or getattr(field, "choices", []) or [])
    return str(choices.get(value, value))
