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

from .models import Case, Count, OffenseDateLine, OffenseLine, PriorSentence
from .versioning import EditConflict, claim_next_version, set_history_user

__all__ = ["EditConflict", "Row", "case_save"]


@dataclass(frozen=True)
class Row:
    """One worksheet row as typed: the saved row it edits (``id``; None for a new row) and its
    field values, e.g. ``Row(values={"kind": "base", "guideline": "§2L1.2(a)", "levels": 8})``."""

    values: Mapping[str, Any] = field(default_factory=dict)
    id: int | None = None


def _save_rows(
    case: Case,
    model: type[OffenseLine] | type[OffenseDateLine] | type[Count] | type[PriorSentence],
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
) -> Case:
    """Saves a case as its worksheet shows it: these fields and exactly these rows, or nothing.
    A kind of row given as None is left as it is (none, for a new case).

    ``case`` None creates a case in ``office``. An existing case is saved only if it is still at
    ``loaded_version`` (the version its editor loaded); otherwise EditConflict is raised and
    nothing changes.
    """
    if case is None:
        case = Case(office=office, created_by=user, version=1)
    else:
        case.version = claim_next_version(Case, pk=case.pk, loaded_version=loaded_version)
    for name, value in fields.items():
        setattr(case, name, value)
    case.updated_by = user
    set_history_user(case, user)
    case.save()
    for model, rows in (
        (OffenseLine, offense_lines),
        (Count, counts),
        (PriorSentence, prior_sentences),
        (OffenseDateLine, offense_date_lines),
    ):
        if rows is not None:
            _save_rows(case, model, rows, user)
    return case
