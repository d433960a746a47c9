"""The edit lock: a record is saved only if it is still at the version its editor loaded.

Every editable record (a case, a departure request) carries a `version` raised on each save.
Claiming the next version is one UPDATE … WHERE version = loaded, so of two editors who loaded
the same version exactly one wins; the other gets `EditConflict` and saves nothing. Each save
also names its author in the record's audit trail (`set_history_user`).
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import models


class EditConflict(Exception):
    """Someone else saved the record after this editor loaded it; ``current`` is what they saved."""

    def __init__(self, current: models.Model) -> None:
        self.current = current
        super().__init__(str(self))

    def __str__(self) -> str:
        user = getattr(self.current, "updated_by", None)
        who = (user.get_full_name() or user.username) if user is not None else "Someone else"
        return f"{who} saved this {self.current._meta.verbose_name} while you were editing."


def parse_version(text: object) -> int | None:
    """A version as a form sends it back ("3"), or None when it is not one (forged, or out of
    the column's range): saving then is a conflict, never an error."""
    try:
        version = int(str(text))
    except ValueError:
        return None
    return version if 0 < version < 2**31 else None


def claim_next_version(model: type[models.Model], *, pk: int, loaded_version: int | None) -> int:
    """The version the save will write; EditConflict when the record moved on meanwhile."""
    loaded = loaded_version or 0
    claimed = model._default_manager.filter(pk=pk, version=loaded).update(version=loaded + 1)
    if not claimed:
        related = ["updated_by"] if any(f.name == "updated_by" for f in model._meta.fields) else []
        raise EditConflict(model._default_manager.select_related(*related).get(pk=pk))
    return loaded + 1


def set_history_user(instance: models.Model, user: User) -> None:
    """Names ``user`` as the author of the instance's next save or delete in its audit trail,
    also outside a request (where simple_history's middleware would tell it)."""
    # simple_history reads this attribute, which the models do not declare.
    setattr(instance, "_history_user", user)  # noqa: B010
