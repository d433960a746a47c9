"""A posted case form read straight into the engine's facts, for the live recalculation.

Building the case form and its four formsets costs most of a keystroke's time (copies of every
field, bound fields, formset machinery), though the result panel needs only the facts. This
reads the post the way the form would, with the form's own fields (built once per process, as
the forms' __init__ leave them) and the rules of worksheet_rules, and accepts only what the form
would accept in the same meaning. On any doubt it returns None: the caller then builds the form,
which remains the one place that words what is wrong with a worksheet.
"""

import datetime
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError

from . import guidelines
from . import worksheet_rules as rules
from .forms import (
    CaseForm,
    CaseWorksheet,
    CountForm,
    OffenseDateLineForm,
    OffenseLineForm,
    PriorSentenceForm,
)
from .guidelines.disputed_facts import DisputedRow
from .models import OffenseDateLine
from .results import CaseResult, dated_result, disputed_rows

PREFIXES = CaseWorksheet.prefixes
ROW_FORMS = {
    PREFIXES["offense_lines"]: OffenseLineForm,
    PREFIXES["offense_date_lines"]: OffenseDateLineForm,
    PREFIXES["counts"]: CountForm,
    PREFIXES["prior_sentences"]: PriorSentenceForm,
}
# A saved row's id as the form renders it; anything else ("05", " 5") is left to the formset.
ROW_ID = re.compile(r"[1-9][0-9]{0,17}")
# The fields Django's formset reads its row counts and DELETE boxes with (formsets.py).
ROW_COUNT = forms.IntegerField()
DELETE_BOX = forms.BooleanField(required=False)


class _Doubt(Exception):
    """The post holds something the form may refuse, or read otherwise: let the form say."""


@dataclass(frozen=True)
class PostedWorksheet:
    facts: guidelines.CaseFacts
    offense_date: datetime.date
    sentencing_date: datetime.date
    manual_edition: str
    disputed: frozenset[DisputedRow] = frozenset()

    def result(self) -> CaseResult:
        return dated_result(
            self.facts,
            offense_date=self.offense_date,
            sentencing_date=self.sentencing_date,
            manual_edition=self.manual_edition,
            disputed=self.disputed,
        )


@functools.cache
def _prototype(form_class: type[forms.ModelForm]) -> forms.ModelForm:
    """An unbound form of a new row: its fields as its __init__ leaves them, and its initial
    values (what an untouched new row holds). Fields keep no state between `clean` calls."""
    return form_class(instance=form_class._meta.model())


def _raw(form: forms.ModelForm, name: str, data: Mapping, key: str):
    return form.fields[name].widget.value_from_datadict(data, None, key)


def _clean(form: forms.ModelForm, name: str, data: Mapping, key: str, *, model: bool = True):
    """The value as the form's field takes it, then the model's field in the form's
    full_clean (which skips a blank the form allows where the model has a default to fill)."""
    field = form.fields[name]
    try:
        value = field.clean(_raw(form, name, data, key))
        model_field = form._meta.model._meta.get_field(name) if model else None
        skipped = not field.required and value in field.empty_values
        if model_field is not None and not (skipped and not model_field.blank):
            model_field.clean(value, None)
    except ValidationError as exc:
        raise _Doubt from exc
    return value


def _deleted(data: Mapping, key: str) -> bool:
    """The formset's DELETE box, as Django's formset adds and reads it."""
    return bool(DELETE_BOX.clean(DELETE_BOX.widget.value_from_datadict(data, None, key)))


def _check(*problems: str) -> None:
    if any(problems):
        raise _Doubt


def _case_fields(data: Mapping) -> dict:
    form = _prototype(CaseForm)
    values = {name: _clean(form, name, data, name) for name in CaseForm.Meta.fields}
    _clean(form, "version", data, "version", model=False)  # not saved from the form
    if values["early_disposition_levels"] is None:  # as CaseForm.clean_early_disposition_levels
        values["early_disposition_levels"] = 0
    _check(
        rules.notes_problem(values["notes"]),
        rules.early_disposition_problem(values["early_disposition_levels"]),
        rules.dates_problem(values["offense_date"], values["sentencing_date"]),
    )
    return values


def _management(data: Mapping, prefix: str) -> tuple[int, int]:
    try:
        total = ROW_COUNT.clean(data.get(f"{prefix}-TOTAL_FORMS"))
        initial = ROW_COUNT.clean(data.get(f"{prefix}-INITIAL_FORMS"))
    except ValidationError as exc:
        raise _Doubt from exc
    _check("" if 0 <= initial <= total <= rules.MAX_ROWS else "rows")
    return total, initial


def _rows(data: Mapping, prefix: str, saved_ids: frozenset[int]) -> list[dict]:
    """The values of each row the formset would keep, in page order. A saved row must name a
    row of this case once; a new row names none; an untouched new row is left out, as Django's
    formset leaves it."""
    form = _prototype(ROW_FORMS[prefix])
    own = list(form.fields)  # not Meta.fields: the inline formset adds the case there
    total, initial = _management(data, prefix)
    seen: set[str] = set()
    kept = []
    for index in range(total):
        key = f"{prefix}-{index}-"
        row_id = data.get(f"{key}id") or ""
        if f"{key}case" in data:
            raise _Doubt
        if index < initial:
            if not ROW_ID.fullmatch(row_id) or int(row_id) not in saved_ids or row_id in seen:
                raise _Doubt
            seen.add(row_id)
        elif row_id:
            raise _Doubt
        if _deleted(data, f"{key}DELETE"):
            continue
        if index >= initial and not any(
            form.fields[name].has_changed(
                form.get_initial_for_field(form.fields[name], name),
                _raw(form, name, data, f"{key}{name}"),
            )
            for name in own
        ):
            continue
        kept.append({name: _clean(form, name, data, f"{key}{name}") for name in own})
    return kept


def _lines(rows: list[dict]) -> tuple[guidelines.OffenseLine, ...]:
    lines = []
    for row in rows:
        kind, guideline = row["kind"], row["guideline"]
        group = rules.normalized_group(row["group"])
        _check(
            rules.guideline_problem(guideline),
            rules.group_problem(kind, guideline, group),
            rules.levels_problem(kind, row["levels"]),
        )
        lines.append(
            (kind, guideline, row["description"], row["levels"], group, row["count_group"])
        )
    _check("clash" if rules.group_clashes((k, g, grp, n) for k, g, _, _, grp, n in lines) else "")
    return tuple(
        guidelines.OffenseLine(
            section=guideline,
            description=description,
            levels=levels,
            kind=kind,
            group=group,
            count_group=count_group,
        )
        for kind, guideline, description, levels, group, count_group in lines
    )


def _counts(rows: list[dict], case: dict) -> tuple[guidelines.Count, ...]:
    counts = []
    for row in rows:
        limits = rules.count_limits(
            row["statute"],
            row["maximum_months"],
            row["minimum_months"],
            case["offense_date"],
            case["sentencing_date"],
        )
        _check(
            "limits" if limits.problems else "",
            rules.limits_problem(limits.maximum_months, limits.minimum_months),
        )
        counts.append(
            guidelines.Count(
                statute=row["statute"],
                maximum_months=limits.maximum_months,
                minimum_months=limits.minimum_months or 0,
            )
        )
    return tuple(counts)


def read_posted(
    data: Mapping,
    saved_ids: Mapping[str, frozenset[int]],
    saved_offense_date_lines: Callable[[], Iterable[OffenseDateLine]],
) -> PostedWorksheet | None:
    """The facts of a posted worksheet, or None when the form must judge it.

    `saved_ids` holds the ids of the case's saved rows by formset prefix (none for a new case);
    `saved_offense_date_lines` is called only when the post leaves that worksheet out."""
    try:
        case = _case_fields(data)
        rows = {
            prefix: _rows(data, prefix, saved_ids.get(prefix, frozenset()))
            for prefix in ROW_FORMS
            if prefix != PREFIXES["offense_date_lines"] or f"{prefix}-TOTAL_FORMS" in data
        }
        earlier = rows.get(PREFIXES["offense_date_lines"])
        facts = guidelines.CaseFacts(
            offense_lines=_lines(rows[PREFIXES["offense_lines"]]),
            offense_date_lines=(
                _lines(earlier)
                if earlier is not None
                else tuple(line.to_engine() for line in saved_offense_date_lines())
            ),
            early_disposition_levels=case["early_disposition_levels"],
            acceptance=guidelines.Acceptance(case["acceptance"]),
            government_motion=case["government_motion"],
            criminal_history=guidelines.CriminalHistory(
                prior_sentences=tuple(
                    guidelines.PriorSentence(
                        description=row["description"], subsection=row["subsection"]
                    )
                    for row in rows[PREFIXES["prior_sentences"]]
                ),
                points=case["criminal_history_points"],
                category=case["criminal_history_category"] or None,
                under_criminal_justice_sentence=case["under_criminal_justice_sentence"],
                recency=case["recency"],
                zero_point_offender_eligible=case["zero_point_offender_eligible"],
            ),
            counts=_counts(rows[PREFIXES["counts"]], case),
            career_offender=case["career_offender"],
            safety_valve=case["safety_valve"],
            armed_career_connection=case["armed_career_connection"],
        )
    except (_Doubt, ValueError):  # ValueError: the engine's own checks, worded by the form path
        return None
    return PostedWorksheet(
        facts=facts,
        offense_date=case["offense_date"],
        sentencing_date=case["sentencing_date"],
        manual_edition=case["manual_edition"],
        disputed=disputed_rows(
            (row["disputed"] for row in rows[PREFIXES["offense_lines"]]),
            (row["disputed"] for row in rows[PREFIXES["prior_sentences"]]),
        ),
    )
