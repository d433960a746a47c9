"""Three-way merge of a worksheet after an edit conflict: what this editor loaded (the base),
what they typed (mine) and what another editor saved meanwhile (theirs).

A field takes the change whoever made it: mine where I changed it, theirs where only they did.
Where both changed a field to different values, mine is kept and the clash is reported, so the
editor decides knowingly before saving again. Rows merge the same way, by row: a row they deleted
stays deleted unless I edited it (then it comes back as a new row, and that is reported); a row I
deleted stays deleted; rows they added are kept. Plain data in, plain data out: no Django.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class TypedRow:
    """A row as this editor sent it: the saved row it edits (None for a new one), its values and
    the names of the fields they changed from what they loaded."""

    id: int | None
    values: Mapping[str, Any]
    changed: frozenset[str] = frozenset()
    deleted: bool = False


@dataclass
class Merged:
    """The merged fields or rows, and what the editor should know before saving again."""

    values: Any
    theirs: list[str] = field(default_factory=list)  # what only the other editor changed
    clashes: list[str] = field(default_factory=list)  # changed by both; mine kept
    revived: list[str] = field(default_factory=list)  # deleted by them, edited by me: kept


def merge_fields(
    *,
    base: Mapping[str, Any],
    mine: Mapping[str, Any],
    mine_changed: set[str] | frozenset[str],
    theirs: Mapping[str, Any],
) -> Merged:
    """Field by field: mine where I changed it, theirs otherwise."""
    merged: dict[str, Any] = {}
    result = Merged(merged)
    for name, loaded in base.items():
        they_changed = theirs.get(name) != loaded
        if name in mine_changed:
            merged[name] = mine[name]
            if they_changed and theirs.get(name) != mine[name]:
                result.clashes.append(name)
        else:
            merged[name] = theirs.get(name)
            if they_changed:
                result.theirs.append(name)
    return result


def merge_rows(
    *,
    base: Mapping[int, Mapping[str, Any]],
    mine: Sequence[TypedRow],
    theirs: Mapping[int, Mapping[str, Any]],
    label: Any = str,
) -> Merged:
    """Rows as ``[(id or None, values)]``: theirs in their order, merged with mine, then my new
    rows. ``label(values)`` names a row in the reports ("§2L1.2(b)(2)")."""
    typed = {row.id: row for row in mine if row.id is not None}
    rows: list[tuple[int | None, Mapping[str, Any]]] = []
    result = Merged(rows)
    for row_id, their_values in theirs.items():
        loaded = base.get(row_id)
        row = typed.get(row_id)
        if loaded is None:  # they added it
            rows.append((row_id, their_values))
            result.theirs.append(f"{label(their_values)} added")
        elif row is None or row.deleted:  # I deleted it (or did not send it): it goes
            if row is None:
                rows.append((row_id, their_values))
        else:
            fields = merge_fields(
                base=loaded, mine=row.values, mine_changed=row.changed, theirs=their_values
            )
            rows.append((row_id, fields.values))
            result.theirs += [f"{label(their_values)}: {name}" for name in fields.theirs]
            result.clashes += [f"{label(their_values)}: {name}" for name in fields.clashes]
    for row in mine:
        if row.deleted:
            continue
        if row.id is None:
            rows.append((None, row.values))
        elif row.id not in theirs:  # they deleted it
            if row.changed:
                rows.append((None, row.values))
                result.revived.append(label(row.values))
            else:
                result.theirs.append(f"{label(row.values)} deleted")
    return result
