"""The circuit split on a ground: each numbered circuit's rule on a date, what it replaced and
when, and a timeline of when the circuits spoke; computed from holdings already loaded (see
`selectors.split_grounds`), so the page costs the same queries whatever the number of circuits
and opinions. The rules applied are those of `casebook.precedent`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from . import courts
from .models import Court, Holding, Opinion, Treatment
from .precedent import control_order, year_only_in
from .selectors import SplitGround

NUMBERED_CIRCUITS = courts.COURTS_OF_APPEALS[:11]  # ca1…ca11: the circuits with districts


@dataclass(frozen=True)
class Replaced:
    holding: Holding
    why: str  # "abrogated Jun 4, 2008 by …" or "re-examined after … by …"


@dataclass(frozen=True)
class CircuitRule:
    circuit_id: str
    name: str
    as_of: date
    controlling: Holding | None
    binding: tuple[Holding, ...]
    replaced: tuple[Replaced, ...]  # the circuit's earlier holdings that no longer control
    decided_later: tuple[Holding, ...]  # the circuit's holdings after `as_of`, oldest first
    unrecorded: tuple[Opinion, ...] = ()  # decided by `as_of`, holding not recorded
    unrecorded_later: tuple[Opinion, ...] = ()


def _ending(holding: Holding, as_of: date) -> Treatment | None:
    """The first treatment ending the holding or its opinion on or before `as_of` (reads the
    prefetched treatments), or None."""
    treatments = [*holding.treatments.all(), *holding.opinion.treatments.all()]
    ended = [t for t in treatments if t.kind in Treatment.ENDING_KINDS and t.date <= as_of]
    return min(ended, key=lambda t: t.date) if ended else None


def _decided_by(holding: Holding, as_of: date) -> bool:
    opinion = holding.opinion
    if opinion.date_decided is None or year_only_in(holding, as_of):
        return False
    return opinion.date_decided <= as_of


def _decided_on(holding: Holding) -> date:
    return holding.opinion.date_decided or date.min


def _why_replaced(holding: Holding, controlling: Holding | None, as_of: date) -> str | None:
    """Why an earlier holding no longer states the circuit's rule: a treatment ended it, or a
    panel re-examined it after the Supreme Court intervened. None for a holding that still
    stands beside the controlling one (a later panel merely following it displaces nothing)."""
    ending = _ending(holding, as_of)
    if ending is not None:
        by = f" by {ending.by.case_name}" if ending.by_id else ""
        when = f"{ending.date:%b} {ending.date.day}, {ending.date.year}"
        return f"{ending.get_kind_display().lower()} {when}{by}"
    if (
        controlling is not None
        and controlling.in_light_of_id
        and _decided_on(holding) < _decided_on(controlling)
    ):
        return (
            f"re-examined after {controlling.in_light_of.case_name} "
            f"by {controlling.opinion.case_name}, which now states the rule"
        )
    return None


def circuit_split(
    holdings: Iterable[Holding], as_of: date, authorities: Iterable[Opinion] = ()
) -> list[CircuitRule]:
    """Each numbered circuit's rule on the ground on `as_of`, from holdings loaded with
    `holdings_queryset()` (treatments prefetched), with the opinions known without a recorded
    holding beside it: no query per circuit or per opinion."""
    holdings = list(holdings)
    authorities = list(authorities)
    supreme = [
        h
        for h in holdings
        if h.opinion.court.kind == Court.Kind.SUPREME
        and _decided_by(h, as_of)
        and _ending(h, as_of) is None
    ]
    rows = []
    for circuit_id in NUMBERED_CIRCUITS:
        mine = [
            h
            for h in holdings
            if h.opinion.court.kind == Court.Kind.APPELLATE and h.opinion.court_id == circuit_id
        ]
        decided = [h for h in mine if _decided_by(h, as_of)]
        in_force = [h for h in decided if _ending(h, as_of) is None]
        binding = tuple(sorted(supreme + in_force, key=control_order))
        controlling = binding[0] if binding else None
        replaced = tuple(
            Replaced(h, why)
            for h in sorted(decided, key=_decided_on)
            if h is not controlling and (why := _why_replaced(h, controlling, as_of))
        )
        later = tuple(
            sorted(
                (h for h in mine if h.opinion.date_decided and h.opinion.date_decided > as_of),
                key=lambda h: h.opinion.date_decided or date.max,
            )
        )
        known = [o for o in authorities if o.court_id == circuit_id and o.date_decided]
        rows.append(
            CircuitRule(
                circuit_id, courts.circuit_name(circuit_id), as_of, controlling, binding,
                replaced, later,
                tuple(o for o in known if o.date_decided <= as_of),
                tuple(o for o in known if o.date_decided > as_of),
            )
        )  # fmt: skip
    return rows


@dataclass(frozen=True)
class TimelineEvent:
    date: date
    approximate: bool
    what: str  # "holding", "treatment" or "supreme"
    holding: Holding | None = None
    text: str = ""


def split_timeline(grounds: Iterable[SplitGround]) -> list[TimelineEvent]:
    """When each circuit spoke or changed, and the Supreme Court decisions they re-examined
    their law after, oldest first (from the holdings already loaded)."""
    events: dict[tuple, TimelineEvent] = {}
    for entry in grounds:
        for holding in entry.holdings:
            opinion = holding.opinion
            if opinion.date_decided:
                events[("h", holding.pk)] = TimelineEvent(
                    opinion.date_decided, opinion.date_is_approximate, "holding", holding
                )
            for treatment in [*holding.treatments.all(), *opinion.treatments.all()]:
                by = f" by {treatment.by.case_name}" if treatment.by_id else ""
                events[("t", treatment.pk)] = TimelineEvent(
                    treatment.date,
                    False,
                    "treatment",
                    holding,
                    f"{opinion.case_name}: {treatment.get_kind_display().lower()}{by}",
                )
            intervening = holding.in_light_of
            if intervening is not None and intervening.date_decided:
                events[("s", intervening.pk)] = TimelineEvent(
                    intervening.date_decided,
                    intervening.date_is_approximate,
                    "supreme",
                    None,
                    intervening.case_name,
                )
    order = {"supreme": 0, "holding": 1, "treatment": 2}
    return sorted(events.values(), key=lambda e: (e.date, order[e.what]))
