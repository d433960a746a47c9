"""After an edit conflict: the worksheet this editor sent, merged with what was saved meanwhile.

The base of the merge is the case as this editor loaded it, read back from its history (the
version they loaded); their own changes are the fields that differ from it, as Django's forms
judge a change. The merged data is rebound to the form, so that saving again keeps both editors'
work: mine where I changed something, theirs where only they did (`sentencing.merge`).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.http import QueryDict

from .forms import CaseForm, CaseWorksheet, shown_value
from .merge import Merged, TypedRow, merge_fields, merge_rows
from .models import Case
from .versioning import parse_version


@dataclass
class ConflictReport:
    """What the editor should read before saving again."""

    differences: list[tuple[str, str, str]] = field(default_factory=list)  # label, theirs, yours
    notes: list[str] = field(default_factory=list)


def posted_version(data: QueryDict) -> int | None:
    """The version the editor loaded, or None when what was sent is not one."""
    return parse_version(data.get("version", ""))


def _post_value(value: Any) -> str:
    if value is None or value is False:
        return ""
    if value is True:
        return "on"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _values(form, names) -> dict[str, str]:
    """A saved record's values as the form posts them."""
    return {
        name: _post_value(form.get_initial_for_field(form.fields[name], name)) for name in names
    }


def _base_state(case: Case, version: int | None):
    """(case, rows by kind) as the editor loaded them, from the history; None if unknown."""
    if version is None:
        return None
    records = case.history.filter(version__gt=version).order_by("history_date", "history_id")
    loaded = case.history.filter(version=version).order_by("-history_date").first()
    after = records.first()
    if loaded is None or after is None:
        return None
    # Rows are saved after their case in the same save: the state just before the next save.
    moment = after.history_date - datetime.timedelta(microseconds=1)
    rows = {}
    for kind, prefix in CaseWorksheet.prefixes.items():
        model = getattr(case, kind).model
        rows[prefix] = {row.pk: row for row in model.history.as_of(moment).filter(case_id=case.pk)}
    return loaded.instance, rows


def _label(kind: str, values) -> str:
    name = values.get("guideline") or values.get("statute") or values.get("description") or ""
    return f"{kind} {name}".strip()


def merged_after_conflict(*, data: QueryDict, current: Case) -> tuple[QueryDict, ConflictReport]:
    """The posted worksheet merged with ``current`` (the case as saved now), and the report.

    Without a base to merge from (a version the history does not know), everything typed is
    kept, as it was sent, and only the version moves on."""
    report = ConflictReport()
    base = _base_state(current, posted_version(data))
    merged = QueryDict(mutable=True)
    if base is None:
        merged = data.copy()
        merged["version"] = str(current.version)
        report.notes.append("Your version could not be compared with theirs: saving keeps yours.")
        return merged, report
    base_case, base_rows = base
    names = list(CaseForm.Meta.fields)
    mine_form = CaseForm(data, instance=base_case)
    theirs = _values(CaseForm(instance=current), names)
    # A field left out of the post (an unticked box) reads as blank, as the form reads it.
    mine = {name: _post_value(mine_form[name].data) for name in names}
    fields = merge_fields(
        base=_values(CaseForm(instance=base_case), names),
        mine=mine,
        mine_changed=set(mine_form.changed_data) & set(names),
        theirs=theirs,
    )
    for name, value in fields.values.items():
        if value != "":
            merged[name] = value
    merged["version"] = str(current.version)
    for name in fields.theirs:
        label = mine_form.fields[name].label or name
        their_value = getattr(current, name)
        report.differences.append(
            (label, shown_value(mine_form.fields[name], their_value), "(kept)")
        )
    for name in fields.clashes:
        label = mine_form.fields[name].label or name
        report.differences.append(
            (
                label,
                shown_value(mine_form.fields[name], getattr(current, name)),
                f"{mine[name]} (yours kept)",
            )
        )
    worksheet = CaseWorksheet(instance=current)
    for formset in worksheet.formsets:
        if f"{formset.prefix}-TOTAL_FORMS" in data:  # a worksheet not sent stays as saved
            _merge_formset(formset, data, base_rows[formset.prefix], merged, report)
    return merged, report


def _merge_formset(formset, data: QueryDict, base_rows, merged: QueryDict, report) -> None:
    prefix = formset.prefix
    form_class = formset.form
    own = [n for n in form_class._meta.fields if n not in ("id", formset.fk.name)]
    try:
        total = min(int(data.get(f"{prefix}-TOTAL_FORMS", "0")), formset.absolute_max)
    except ValueError:
        total = 0
    typed = []
    for index in range(total):
        row_prefix = f"{prefix}-{index}"
        raw_id = data.get(f"{row_prefix}-id", "")
        row_id = int(raw_id) if raw_id.isdigit() else None
        loaded = base_rows.get(row_id) if row_id is not None else None
        row_form = form_class(data, prefix=row_prefix, instance=loaded)
        typed.append(
            TypedRow(
                id=row_id if loaded is not None else None,
                values={n: _post_value(row_form[n].data) for n in own},
                changed=frozenset(set(row_form.changed_data) & set(own)),
                deleted=bool(data.get(f"{row_prefix}-DELETE")),
            )
        )
    kind = str(formset.model._meta.verbose_name).capitalize()
    rows: Merged = merge_rows(
        base={pk: _values(form_class(instance=row), own) for pk, row in base_rows.items()},
        mine=typed,
        theirs={row.pk: _values(form_class(instance=row), own) for row in formset.queryset},
        label=lambda values: _label(kind, values),
    )
    report.notes += [f"{note} (changed by them)" for note in rows.theirs]
    report.notes += [f"{note} (changed by both: yours kept)" for note in rows.clashes]
    report.notes += [
        f"{note} was deleted by them and changed by you: kept as a new row" for note in rows.revived
    ]
    with_ids = [(pk, values) for pk, values in rows.values if pk is not None]
    new = [(pk, values) for pk, values in rows.values if pk is None]
    merged[f"{prefix}-TOTAL_FORMS"] = str(len(with_ids) + len(new))
    merged[f"{prefix}-INITIAL_FORMS"] = str(len(with_ids))
    for index, (pk, values) in enumerate(with_ids + new):
        if pk is not None:
            merged[f"{prefix}-{index}-id"] = str(pk)
        for name, value in values.items():
            if value != "":
                merged[f"{prefix}-{index}-{name}"] = value
