"""Writes. Views, the demo loader and tests call these; none saves models itself.

Services take data, not forms: a case's fields and its rows as plain values, already checked
(the case form checks what a user types; the demo and the tests pass known-good values).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from offices.models import Office

from .models import (
    CAPTION_FIELDS,
    WORKSHEET_FIELDS,
    Case,
    Count,
    OffenseDateLine,
    OffenseLine,
    PriorSentence,
)
from .versioning import EditConflict, claim_next_version, set_history_user

__all__ = [
    "EditConflict",
    "Row",
    "calculation_create",
    "calculation_delete",
    "case_save",
    "memo_calculation_set",
]
RowModel = OffenseLine | Count | PriorSentence | OffenseDateLine
ROW_MODELS: tuple[type[RowModel], ...] = (OffenseLine, Count, PriorSentence, OffenseDateLine)


@dataclass(frozen=True)
class Row:
    """One worksheet row as typed: the saved row it edits (``id``; None for a new row) and its
    field values, e.g. ``Row(values={"kind": "base", "guideline": "§2L1.2(a)", "levels": 8})``."""

    values: Mapping[str, Any] = field(default_factory=dict)
    id: int | None = None


def _save_rows(
    case: Case,
    model: type[RowModel],
    rows: Sequence[Row],
    user: User,
) -> None:
    """The case keeps exactly these rows, in this order; its other rows are deleted."""
    existing = {row.pk: row for row in model._default_manager.filter(case=case)}
    kept = []
    for position, row in enumerate(rows):
        if row.id is not None and row.id not in existing:
            raise ValueError(f"{model._meta.verbose_name} {row.id} is not a row of {case}.")
        instance = existing.get(row.id) if row.id is not None else None
        kept.append((position, instance or model(case=case), row.values))
    kept_ids = {instance.pk for _, instance, _ in kept if instance.pk}
    for pk, instance in existing.items():
        if pk not in kept_ids:
            set_history_user(instance, user)
            instance.delete()
    for position, instance, values in kept:
        for name, value in values.items():
            setattr(instance, name, value)
        instance.position = position
        set_history_user(instance, user)  # the audit trail's "who", also outside a request
        instance.save()


@transaction.atomic
def case_save(
    *,
    user: User,
    office: Office,
    fields: Mapping[str, Any],
    offense_lines: Sequence[Row] | None = None,
    counts: Sequence[Row] | None = None,
    prior_sentences: Sequence[Row] | None = None,
    offense_date_lines: Sequence[Row] | None = None,
    case: Case | None = None,
    loaded_version: int | None = None,
    calculation_of: Case | None = None,
) -> Case:
    """Saves a case as its worksheet shows it: these fields and exactly these rows, or nothing.
    A kind of row given as None is left as it is (none, for a new case).

    ``case`` None creates a case in ``office`` (with ``calculation_of``, a named calculation of
    that case). An existing case is saved only if it is still at ``loaded_version`` (the
    version its editor loaded); otherwise EditConflict is raised and nothing changes.

    A calculation's caption is its case's: given caption fields are ignored, and saving a case
    copies its caption to each of its calculations.
    """
    if case is None:
        case = Case(office=office, created_by=user, version=1, calculation_of=calculation_of)
    else:
        case.version = claim_next_version(Case, pk=case.pk, loaded_version=loaded_version)
    parent = case.calculation_of
    for name, value in fields.items():
        if parent is None or name not in CAPTION_FIELDS:
            setattr(case, name, value)
    if parent is not None:
        case.office = parent.office
        for name in CAPTION_FIELDS:
            setattr(case, name, getattr(parent, name))
    case.updated_by = user
    set_history_user(case, user)
    case.save()
    if parent is None:
        caption = {name: getattr(case, name) for name in CAPTION_FIELDS}
        Case.objects.filter(calculation_of=case).update(office=case.office, **caption)
    for model, rows in zip(
        ROW_MODELS, (offense_lines, counts, prior_sentences, offense_date_lines), strict=True
    ):
        if rows is not None:
            _save_rows(case, model, rows, user)
    return case


def _rows_of(worksheet: Case, model: type[RowModel]) -> list[Row]:
    """The worksheet's rows of one kind as new rows (no ids), for a copy."""
    unsaved = {"id", "case", "position"}
    return [
        Row(
            values={
                f.name: getattr(row, f.name)
                for f in model._meta.concrete_fields
                if f.name not in unsaved
            }
        )
        for row in model._default_manager.filter(case=worksheet)
    ]


def calculation_create(*, user: User, case: Case, source: Case, name: str, role: str = "") -> Case:
    """A new named calculation of ``case``: a copy of ``source`` (the case's own worksheet or
    another of its calculations), every field and row, under its own name."""
    if case.is_calculation or source.case_pk != case.pk:
        raise ValueError(f"{source.calculation_title} is not a calculation of {case}.")
    fields = {name: getattr(source, name) for name in WORKSHEET_FIELDS}
    fields |= {"calculation_name": name, "calculation_role": role}
    rows = [_rows_of(source, model) for model in ROW_MODELS]
    return case_save(
        user=user,
        office=case.office,
        calculation_of=case,
        fields=fields,
        offense_lines=rows[0],
        counts=rows[1],
        prior_sentences=rows[2],
        offense_date_lines=rows[3],
    )


@transaction.atomic
def calculation_delete(*, user: User, calculation: Case) -> None:
    """Deletes a named calculation and its rows (never a case: that is not done here)."""
    if not calculation.is_calculation:
        raise ValueError(f"{calculation} is a case, not a named calculation.")
    case = calculation.calculation_of
    assert case is not None  # a calculation has its case
    if case.memo_calculation_id == calculation.pk:
        memo_calculation_set(user=user, case=case, calculation=case)
    for model in ROW_MODELS:
        for row in model._default_manager.filter(case=calculation):
            set_history_user(row, user)
            row.delete()
    set_history_user(calculation, user)
    calculation.delete()


def memo_calculation_set(*, user: User, case: Case, calculation: Case) -> None:
    """The calculation the case's memo argues from: one of its own (the case itself for its
    working calculation)."""
    if calculation.case_pk != case.pk:
        raise ValueError(f"{calculation.calculation_title} is not a calculation of {case}.")
    case.memo_calculation = calculation if calculation.is_calculation else None
    case.updated_by = user
    set_history_user(case, user)
    case.save(update_fields=["memo_calculation", "updated_by", "updated_at"])
