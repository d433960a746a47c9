"""Court rows: the courts an opinion names, created from courts-db when missing."""

from __future__ import annotations

from collections.abc import Iterable

from .. import courts
from ..models import Court


def courts_ensure(*, court_ids: Iterable[str]) -> dict[str, Court]:
    """The Court rows for these courts-db ids, created (with their circuits) when missing.

    Ids that neither courts-db nor our district table knows are left out of the result.
    """
    wanted = {c for c in court_ids if c}
    infos = {c: info for c in wanted if (info := courts.court_info(c))}
    circuits = {info.circuit_id for info in infos.values() if info.circuit_id}
    for circuit_id in circuits - set(infos):
        if info := courts.court_info(circuit_id):
            infos[circuit_id] = info
    existing = {court.pk: court for court in Court.objects.filter(pk__in=infos)}
    missing = [info for court_id, info in infos.items() if court_id not in existing]
    # Courts of appeals first: a district's circuit must exist before it.
    for info in sorted(missing, key=lambda i: i.kind != courts.Kind.APPELLATE):
        court = Court(id=info.id, name=info.name, abbreviation=info.abbreviation, kind=info.kind)
        court.circuit_id = info.circuit_id if info.circuit_id in infos else None
        court.save()
        existing[info.id] = court
    return {c: existing[c] for c in wanted if c in existing}


def court_unrecognized_ensure(*, named: str) -> Court:
    """The Court row for a court courts-db does not know, under the name the source gives it:
    kept, never guessed, and marked unrecognized so that precedent resolution ignores it."""
    court, _ = Court.objects.get_or_create(
        id=courts.unrecognized_court_id(named),
        defaults={"name": named[:200], "kind": Court.Kind.OTHER, "recognized": False},
    )
    return court
