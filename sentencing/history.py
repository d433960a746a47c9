"""A case's audit trail in words, from django-simple-history's records.

One entry per save: the case's own record, followed by the records of its offense lines, counts,
prior sentences (and any other model that hangs off a case and keeps history) written by the
same save. Each change reads like "Offense line §2L1.2(b)(2): levels 16 → 12".
"""

import datetime
from dataclasses import dataclass, field

from django.utils import formats

from .forms import CaseForm
from .models import Case, Count, OffenseLine, PriorSentence

# Bookkeeping that every save changes; not a change anyone made.
UNSHOWN = {"id", "version", "created_at", "updated_at", "created_by", "updated_by", "office"}
UNSHOWN_IN_ROWS = {"id", "case", "position", "created_at", "updated_at", "created_by"}
LONGEST_VALUE = 80

ROW_SUBJECTS = {
    OffenseLine: lambda row: f"Offense line {row.guideline}",
    Count: lambda row: f"Count {row.statute}",
    PriorSentence: lambda row: f"Prior sentence “{row.description}”",
}


@dataclass
class HistoryEntry:
    when: datetime.datetime
    who: str
    changes: list[str] = field(default_factory=list)


def _who(record) -> str:
    user = record.history_user
    if user is None:
        return "Unknown (not saved through the site)"
    return user.get_full_name() or user.username


def _in_words(model_field, value, form_field=None) -> str:
    if value is None or value == "":
        return "(blank)"
    choices = None
    if form_field is not None and hasattr(form_field, "choices"):
        choices = dict(form_field.choices)
    elif model_field.choices:
        choices = dict(model_field.flatchoices)
    if choices and value in choices:
        value = choices[value]
    elif isinstance(value, bool):
        value = "yes" if value else "no"
    elif isinstance(value, datetime.date):
        value = formats.date_format(value, "N j, Y")
    text = str(value)
    return text if len(text) <= LONGEST_VALUE else text[: LONGEST_VALUE - 1] + "…"


def _label(model_field, form_field=None) -> str:
    label = (form_field.label if form_field is not None else None) or model_field.verbose_name
    return str(label)[:1].upper() + str(label)[1:]


def _tracked_fields(model, unshown):
    return [f for f in model._meta.concrete_fields if f.name not in unshown]


def _case_changes(record, previous) -> list[str]:
    if record.history_type == "+":
        return ["Case opened"]
    if record.history_type == "-":
        return ["Case deleted"]
    changes = []
    form_fields = CaseForm.base_fields
    for model_field in _tracked_fields(Case, UNSHOWN):
        old, new = getattr(previous, model_field.attname), getattr(record, model_field.attname)
        if old != new:
            form_field = form_fields.get(model_field.name)
            changes.append(
                f"{_label(model_field, form_field)} {_in_words(model_field, old, form_field)}"
                f" → {_in_words(model_field, new, form_field)}"
            )
    return changes


def _row_subject(model, record) -> str:
    if model in ROW_SUBJECTS:
        return ROW_SUBJECTS[model](record)
    return f"{str(model._meta.verbose_name).capitalize()} “{record.instance}”"


def _row_changes(model, record, previous) -> list[str]:
    subject = _row_subject(model, previous or record)
    fields = _tracked_fields(model, UNSHOWN_IN_ROWS)
    if record.history_type in ("+", "-") or previous is None:
        values = ", ".join(
            f"{f.verbose_name} {_in_words(f, getattr(record, f.attname))}"
            for f in fields
            if getattr(record, f.attname) not in (None, "")
        )
        verb = "removed" if record.history_type == "-" else "added"
        return [f"{subject} {verb} ({values})"]
    parts = [
        f"{f.verbose_name} {_in_words(f, getattr(previous, f.attname))}"
        f" → {_in_words(f, getattr(record, f.attname))}"
        for f in fields
        if getattr(previous, f.attname) != getattr(record, f.attname)
    ]
    return [f"{subject}: {', '.join(parts)}"] if parts else []


def _with_previous(records):
    """(record, the same object's record before it) in time order."""
    last_by_object = {}
    for record in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        yield record, last_by_object.get(record.id)
        last_by_object[record.id] = record


def _rows_with_history():
    """Models that hang off a case and keep history (ours, and any added later)."""
    return [
        relation.related_model
        for relation in Case._meta.related_objects
        if hasattr(relation.related_model, "history")
        and relation.field.name == "case"
        and not relation.related_model.__name__.startswith("Historical")
    ]


def case_history(case: Case) -> list[HistoryEntry]:
    """Every save of the case, newest first, each with its changes in words."""
    case_records = list(case.history.select_related("history_user"))
    entries = []
    for record, previous in _with_previous(case_records):
        entries.append((record.history_date, HistoryEntry(record.history_date, _who(record), [])))
        entries[-1][1].changes.extend(_case_changes(record, previous))
    for model in _rows_with_history():
        rows = model.history.filter(case_id=case.pk).select_related("history_user")
        for record, previous in _with_previous(rows):
            changes = _row_changes(model, record, previous)
            if not changes:
                continue
            # The save this row belongs to: the case's latest record at or before it.
            owner = None
            for when, entry in entries:
                if when <= record.history_date:
                    owner = entry
            if owner is None:
                owner = HistoryEntry(record.history_date, _who(record), [])
                entries.insert(0, (record.history_date, owner))
            owner.changes.extend(changes)
    shown = [entry for _when, entry in sorted(entries, key=lambda pair: pair[0])]
    for entry in shown:
        if not entry.changes:
            entry.changes.append("Saved without changes")
    return list(reversed(shown))
