"""A case's audit trail in words, from django-simple-history's records.

One entry per save: the case's own record, followed by the records of its offense lines, counts,
prior sentences (and any other model that hangs off a case and keeps history) written by the
same save. Each change reads like "Offense line §2L1.2(b)(2): levels 16 → 12".
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import formats

from .forms import CaseForm
from .models import Case, Count, OffenseDateLine, OffenseLine, PriorSentence

# Bookkeeping that every save changes; not a change anyone made.
UNSHOWN = {
    "id",
    "version",
    "created_at",
    "updated_at",
    "created_by",
    "updated_by",
    "office",
    "summary",
    "summary_key",
    "calculation_of",
}
UNSHOWN_IN_ROWS = {"id", "case", "position", "created_at", "updated_at", "created_by"}
LONGEST_VALUE = 80
# How long after a case record the same save may still be writing its rows.
SAME_SAVE = datetime.timedelta(seconds=5)

ROW_SUBJECTS = {
    OffenseLine: lambda row: f"Offense line {row.guideline}",
    OffenseDateLine: lambda row: f"Offense-date worksheet line {row.guideline}",
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
    # A model that hangs off a case may leave more out (its `history_unshown`).
    unshown = set(unshown) | set(getattr(model, "history_unshown", ()))
    return [f for f in model._meta.concrete_fields if f.name not in unshown]


def _case_changes(record, previous, titles: dict[int, str]) -> list[str]:
    """A save of the case, or of one of its calculations (``titles``: each one's name)."""
    calculation = titles.get(record.id) if record.calculation_of_id else None
    if record.history_type in ("+", "-"):
        done = "opened" if record.history_type == "+" else "deleted"
        if calculation is not None:
            return [f"Calculation “{calculation}” {'added' if done == 'opened' else done}"]
        return [f"Case {done}"]
    changes = []
    form_fields = CaseForm.base_fields
    for model_field in _tracked_fields(Case, UNSHOWN):
        old, new = getattr(previous, model_field.attname), getattr(record, model_field.attname)
        if old != new and model_field.name == "memo_calculation":
            changes.append(
                f"The memo argues from {titles.get(old, 'the working calculation')}"
                f" → {titles.get(new, 'the working calculation')}"
            )
        elif old != new:
            form_field = form_fields.get(model_field.name)
            changes.append(
                f"{_label(model_field, form_field)} {_in_words(model_field, old, form_field)}"
                f" → {_in_words(model_field, new, form_field)}"
            )
    return changes


def _foreign_key_labels(model, records) -> dict[tuple[str, object], str]:
    """What the records' foreign keys point at, by name: one query per key, not per record."""
    labels = {}
    for model_field in _tracked_fields(model, UNSHOWN_IN_ROWS):
        if model_field.is_relation:
            ids = {getattr(record, model_field.attname) for record in records} - {None}
            targets = model_field.related_model._default_manager.in_bulk(ids)
            for pk, target in targets.items():
                labels[(model_field.name, pk)] = str(target)
    return labels


def _row_value(model_field, value, labels) -> str:
    if model_field.is_relation and (model_field.name, value) in labels:
        return labels[(model_field.name, value)]
    return _in_words(model_field, value)


def _row_subject(model, record, labels) -> str:
    if model in ROW_SUBJECTS:
        return ROW_SUBJECTS[model](record)
    if hasattr(model, "history_subject"):  # a model that hangs off a case names itself
        return record.instance.history_subject
    name = str(model._meta.verbose_name).capitalize()
    for model_field in _tracked_fields(model, UNSHOWN_IN_ROWS):
        label = labels.get((model_field.name, getattr(record, model_field.attname)))
        if label:
            return f"{name} “{label}”"
    return f"{name} “{record.instance}”"


def _row_changes(model, record, previous, labels) -> list[str]:
    subject = _row_subject(model, previous or record, labels)
    fields = _tracked_fields(model, UNSHOWN_IN_ROWS)
    # Fields whose default says nothing of the row (a line of count group 1, the only one).
    silent = getattr(model, "history_silent_defaults", ())
    if record.history_type in ("+", "-") or previous is None:
        values = ", ".join(
            f"{f.verbose_name} {_row_value(f, getattr(record, f.attname), labels)}"
            for f in fields
            # A blank, or a box left unticked (a line not disputed), says nothing of the row.
            if getattr(record, f.attname) not in (None, "")
            and getattr(record, f.attname) is not False
            and not (f.name in silent and getattr(record, f.attname) == f.default)
        )
        verb = "removed" if record.history_type == "-" else "added"
        return [f"{subject} {verb} ({values})"]
    parts = [
        f"{f.verbose_name} {_row_value(f, getattr(previous, f.attname), labels)}"
        f" → {_row_value(f, getattr(record, f.attname), labels)}"
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


def _written_by_the_same_save(case_record, row_record) -> bool:
    """A case save writes its rows in the same transaction, by the same user, moments later;
    deleting a calculation removes its rows moments before."""
    if case_record.history_user_id != row_record.history_user_id:
        return False
    if case_record.history_type == "-":
        earliest, latest = case_record.history_date - SAME_SAVE, case_record.history_date
    else:
        earliest, latest = case_record.history_date, case_record.history_date + SAME_SAVE
    return earliest <= row_record.history_date <= latest


def _calculation_title(record) -> str:
    return record.calculation_name or record.get_calculation_role_display() or "Calculation"


def case_history(case: Case) -> list[HistoryEntry]:
    """Every save of the case and of its calculations (deleted ones too), newest first, each
    with its changes in words. A row changed on its own (e.g. a departure request saved from its
    own form) is an entry of its own. A calculation's changes are named after it."""
    records = list(
        Case.history.filter(Q(id=case.pk) | Q(calculation_of_id=case.pk)).select_related(
            "history_user"
        )
    )
    titles = {}  # each calculation's latest name
    for record, _previous in _with_previous(records):
        if record.calculation_of_id:
            titles[record.id] = _calculation_title(record)
    saves = []  # (case or calculation record, its entry)
    for record, previous in _with_previous(records):
        entry = HistoryEntry(
            record.history_date, _who(record), _case_changes(record, previous, titles)
        )
        if record.id in titles and record.history_type == "~":
            entry.changes = [f"{titles[record.id]}: {change}" for change in entry.changes]
        saves.append((record, entry))
    entries = [entry for _record, entry in saves]
    for model in _rows_with_history():
        worksheet_ids = [case.pk, *titles]
        rows = list(model.history.filter(case_id__in=worksheet_ids).select_related("history_user"))
        labels = _foreign_key_labels(model, rows)
        for record, previous in _with_previous(rows):
            changes = _row_changes(model, record, previous, labels)
            if not changes:
                continue
            if record.case_id in titles:
                changes = [f"{titles[record.case_id]}: {change}" for change in changes]
            owner = next(
                (entry for case_record, entry in reversed(saves)
                 if case_record.id == record.case_id
                 and _written_by_the_same_save(case_record, record)),
                None,
            )  # fmt: skip
            if owner is None:
                owner = HistoryEntry(record.history_date, _who(record), [])
                entries.append(owner)
            owner.changes.extend(changes)
    for entry in entries:
        if not entry.changes:
            entry.changes.append("Saved without changes")
    return sorted(entries, key=lambda entry: entry.when, reverse=True)
