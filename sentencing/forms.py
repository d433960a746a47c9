import datetime

from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseInlineFormSet, inlineformset_factory

from judiciary.districts import district_choices

from . import guidelines
from . import worksheet_rules as rules
from .models import Case, Count, OffenseDateLine, OffenseLine, PriorSentence
from .results import CaseResult, FieldError, case_result, saved_case_result
from .services import Row

AUTOMATIC_EDITION = ""
# The rules themselves live in worksheet_rules, shared with the JSON API.
MAX_ROWS = rules.MAX_ROWS
normalized_group = rules.normalized_group


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
        error_messages={"invalid_choice": rules.UNKNOWN_CATEGORY},
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
            "career_offender",
            "safety_valve",
            "armed_career_connection",
            "notes",
            "calculation_name",
            "calculation_role",
        ]
        labels = {
            "calculation_name": "Calculation",
            "calculation_role": "Role at sentencing",
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
            "career_offender": "Career offender (§4B1.1)",
            "safety_valve": "Safety valve (§5C1.2; 18 U.S.C. § 3553(f))",
            "armed_career_connection": (
                "Armed career criminal: firearm in connection with a crime of violence or "
                "controlled substance offense (§4B1.4(b)(3)(A))"
            ),
        }
        help_texts = {
            "under_criminal_justice_sentence": (
                "The offense was committed while under a criminal justice sentence: 2 points "
                "under §4A1.1(d) before Nov. 1, 2023; from then 1 point under (e), only with 7 "
                "or more points under (a) through (d) (Amendment 821)."
            ),
            "zero_point_offender_eligible": (
                "The defendant meets every criterion of §4C1.1(a) as the applied Manual numbers "
                "them: ten in the 2023 Manual, eleven from Nov. 1, 2024. The result lists them "
                "and checks those the worksheet shows (the points, and §§2D1.5, 2H1.1, 3A1.1, "
                "3A1.4, 3A1.5 and 3B1.1)."
            ),
        }
        widgets = {
            "offense_date": DateInput(),
            "sentencing_date": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "criminal_history_points": {
                "min_value": rules.NEGATIVE_POINTS,
                "invalid": "Enter criminal history points as a whole number.",
            },
            "early_disposition_levels": {
                "invalid": "Enter the levels of the motion as a whole number from 0 to 4.",
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criminal_history_points"].min_value = 0
        self.fields["criminal_history_points"].error_messages["min_value"] = rules.NEGATIVE_POINTS
        motion = self.fields["early_disposition_levels"]
        motion.required = False
        motion.min_value, motion.max_value = 0, guidelines.EARLY_DISPOSITION_MAX_LEVELS
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean_notes(self) -> str:
        notes = self.cleaned_data.get("notes") or ""
        if problem := rules.notes_problem(notes):
            raise ValidationError(problem)
        return notes

    def clean_early_disposition_levels(self) -> int:
        levels = self.cleaned_data.get("early_disposition_levels")
        if levels is None:
            return 0
        if problem := rules.early_disposition_problem(levels):
            raise ValidationError(problem)
        return levels

    def clean(self):
        cleaned = super().clean()
        offense_date = cleaned.get("offense_date")
        sentencing_date = cleaned.get("sentencing_date")
        problem = (
            offense_date and sentencing_date and rules.dates_problem(offense_date, sentencing_date)
        )
        if problem:
            self.add_error("sentencing_date", problem)
        return cleaned


class OffenseLineForm(forms.ModelForm):
    class Meta:
        model = OffenseLine
        fields = ["kind", "guideline", "description", "levels", "group", "count_group", "disputed"]
        labels = {
            "count_group": "Count group",
            "kind": "Kind",
            "guideline": "Guideline",
            "description": "Description",
            "levels": "Levels",
            "group": "Group (use the greater)",
            "disputed": "Disputed",
        }
        help_texts = {
            "group": "Lines with the same group are alternatives: only the greater counts.",
            "count_group": (
                "The Group of Closely Related Counts (§3D1.2) the line is scored in: 1 unless "
                "the counts make several groups, combined under §3D1.4."
            ),
        }
        error_messages = {
            "levels": {"invalid": "Enter the levels as a whole number."},
            "count_group": {
                "invalid": rules.COUNT_GROUP,
                "min_value": rules.COUNT_GROUP,
                "max_value": rules.COUNT_GROUP,
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A line posted without its count group (a script, an older page) is of group 1.
        self.fields["count_group"].required = False

    def clean_count_group(self) -> int:
        number = self.cleaned_data.get("count_group")
        return 1 if number is None else number

    def clean_group(self) -> str:
        return normalized_group(self.cleaned_data.get("group") or "")

    def clean_guideline(self) -> str:
        guideline = self.cleaned_data.get("guideline") or ""
        if problem := rules.guideline_problem(guideline):
            raise ValidationError(problem)
        return guideline

    def clean(self):
        cleaned = super().clean()
        kind, guideline = cleaned.get("kind") or "", cleaned.get("guideline") or ""
        if problem := rules.group_problem(kind, guideline, cleaned.get("group") or ""):
            self.add_error("group", problem)
        levels = cleaned.get("levels")
        if levels is not None and (problem := rules.levels_problem(kind, levels)):
            self.add_error("levels", problem)
        return cleaned


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
        limits = rules.count_limits(
            cleaned.get("statute") or "",
            cleaned.get("maximum_months"),
            cleaned.get("minimum_months"),
            _posted_case_date(self, "offense_date"),
            _posted_case_date(self, "sentencing_date"),
        )
        for name, problem in limits.problems:
            if name not in self.errors:
                self.add_error(name, problem)
        if "maximum_months" not in self.errors:
            cleaned["maximum_months"] = limits.maximum_months
        if "minimum_months" not in self.errors:
            cleaned["minimum_months"] = limits.minimum_months
        maximum, minimum = cleaned.get("maximum_months"), cleaned.get("minimum_months")
        if minimum is not None and (problem := rules.limits_problem(maximum, minimum)):
            self.add_error("minimum_months", problem)
        return cleaned


class PriorSentenceForm(forms.ModelForm):
    class Meta:
        model = PriorSentence
        fields = ["description", "subsection", "disputed"]
        labels = {
            "description": "Prior sentence",
            "subsection": "Scored under",
            "disputed": "Disputed",
        }
        help_texts = {
            "subsection": (
                "A crime-of-violence sentence that took no points because it was counted as a "
                "single sentence with another (before Nov. 1, 2007: related to it) takes the "
                "crime-of-violence point; list the other sentence under (a), (b) or (c)."
            ),
        }


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
        kept = [
            (form, getattr(form, "cleaned_data", None) or {})
            for form in self.forms
            if not (getattr(form, "cleaned_data", None) or {}).get("DELETE")
        ]
        lines = [
            (
                c.get("kind") or "",
                c.get("guideline") or "",
                c.get("group") or "",
                c.get("count_group") or 1,
            )
            for _, c in kept
        ]
        for index, problem in rules.group_clashes(lines).items():
            kept[index][0].add_error("group", problem)


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
        # Disputes are marked on the worksheet at sentencing, the one the parties argue over.
        fields = [name for name in OffenseLineForm.Meta.fields if name != "disputed"]


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

    # What the panel calls a row of each formset.
    row_names = {
        "lines": "Offense line",
        "counts": "Count",
        "priors": "Prior sentence",
        "earlier": "Offense-date line",
    }

    def field_errors(self) -> tuple[tuple[FieldError, ...], tuple[FieldError, ...]]:
        """Every error of an invalid worksheet, tied to its field: (errors to correct, required
        fields still blank), in page order. The live result shows them, since it does not
        re-render the form that would mark them."""
        errors: list[FieldError] = []
        missing: list[FieldError] = []

        def collect(form, label_prefix: str) -> None:
            for name, found in form.errors.as_data().items():
                if name == "__all__":
                    whole = label_prefix.rstrip(", ")
                    errors.extend(FieldError("", whole, _message(error)) for error in found)
                    continue
                bound = form[name]
                label = f"{label_prefix}{bound.label}"
                for error in found:
                    target = missing if error.code == "required" else errors
                    target.append(FieldError(bound.auto_id, label, _message(error)))

        collect(self.form, "")
        for formset in self.formsets:
            name = self.row_names[formset.prefix]
            errors.extend(FieldError("", f"{name}s", m) for m in formset.non_form_errors())
            for number, form in enumerate(formset.forms, start=1):
                collect(form, f"{name} {number}, ")
        return tuple(errors), tuple(missing)

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
            errors, missing = self.field_errors()
            return CaseResult(
                choice=None,
                problem="To see the result:" if errors or missing else "",
                errors=errors,
                missing=missing,
            )
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


def _message(error: ValidationError) -> str:
    return " ".join(error.messages)


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


class NewCalculationForm(forms.Form):
    """A named calculation to add to a case, as a copy of one it has."""

    name = forms.CharField(
        label="Name",
        max_length=Case._meta.get_field("calculation_name").max_length,
        required=False,
        help_text="Leave blank to name it after its role.",
    )
    role = forms.ChoiceField(
        label="Role at sentencing",
        choices=[("", "None")] + Case.Role.choices,
        required=False,
    )
    source = forms.TypedChoiceField(label="Start as a copy of", coerce=int)

    def __init__(self, *args, worksheets: list[Case], **kwargs):
        super().__init__(*args, **kwargs)
        self.worksheets = {w.pk: w for w in worksheets}
        self.fields["source"].choices = [(w.pk, w.calculation_title) for w in worksheets]
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("name") and not cleaned.get("role"):
            self.add_error("name", "Name the calculation, or choose its role.")
        return cleaned

    def source_worksheet(self) -> Case:
        return self.worksheets[self.cleaned_data["source"]]
