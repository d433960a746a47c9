"""Which holdings bind a sentencing court on a ground, and which only persuade.

A district court is bound by the Supreme Court and by the court of appeals of its circuit
(28 U.S.C. § 41 places each district). Within a circuit an en banc decision controls over a
panel's, and the earliest panel decision controls over later panels (the prior-panel rule),
unless the Supreme Court intervened: the first panel to re-examine the question in the light of
an intervening Supreme Court decision states the circuit's rule from then on, whether it keeps
the earlier rule (11th Cir.: Vega-Castillo, 2008, after Kimbrough, keeping Castro, 2006) or
abrogates it (1st Cir.: Rodríguez, 2008, abrogating Andújar-Arias, 2007).
A withdrawn, superseded, overruled or abrogated opinion is no authority from the day that
happened; an opinion decided after the sentencing date was no authority at sentencing.

A departure and a variance are different requests (a departure applies the Manual, a variance
weighs 18 U.S.C. § 3553(a) after United States v. Booker, 543 U.S. 220 (2005)), so a holding on
a departure ground does not decide a variance: for a variance ground the binding holdings on its
departure ground are shown beside it for context, never as its rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import F, Q

from . import courts
from .models import Court, Ground, Holding, Opinion
from .selectors import holdings_queryset, unrecorded_authorities

NEWEST_FIRST = (F("opinion__date_decided").desc(nulls_last=True), "pk")

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve", "thirteen")  # fmt: skip


@dataclass(frozen=True)
class Precedent:
    ground: Ground | None
    district: str
    circuit_id: str | None
    as_of: date
    binding: tuple[Holding, ...]  # the controlling holding first
    persuasive: tuple[Holding, ...]  # other circuits' courts of appeals, newest first
    decided_later: tuple[Holding, ...]  # decided after `as_of`: not authority for this case
    district_courts: tuple[Holding, ...] = ()  # persuasive at most, and never a "circuit"
    undated: tuple[Holding, ...] = ()  # no date, or only the year of `as_of`: cannot be placed
    # For a variance ground: what binds on its departure ground; context, not its rule.
    departure_context: tuple[Holding, ...] = ()
    # The circuit's opinions known to decide the ground whose holding is not recorded.
    unrecorded: tuple[Opinion, ...] = ()
    # Holdings of courts courts-db does not know: set aside, never binding or persuasive.
    unrecognized: tuple[Holding, ...] = ()

    @property
    def circuit_name(self) -> str:
        return courts.circuit_name(self.circuit_id) if self.circuit_id else "this district"

    @property
    def where(self) -> str:
        """ "the Ninth Circuit", or "this district" when the district has no known circuit."""
        return _court_phrase(self.circuit_name)

    @property
    def controlling(self) -> Holding | None:
        return self.binding[0] if self.binding else None

    def persuasive_circuits(self, effect: str) -> list[str]:
        """The other circuits whose rule, their controlling holding (by the same order as
        binding ones), has this effect, in order: a circuit counts once, for what now controls
        there, not for an earlier holding a later panel re-examined."""
        controlling: dict[str, Holding] = {}
        for holding in sorted(self.persuasive, key=control_order):
            controlling.setdefault(_circuit_key(holding.opinion.court), holding)
        seen: list[str] = []
        for holding in self.persuasive:
            key = _circuit_key(holding.opinion.court)
            if controlling[key].effect == effect and key not in seen:
                seen.append(key)
        return seen


def _circuit_key(court: Court) -> str:
    if court.kind == Court.Kind.SUPREME:
        return court.id
    return court.circuit_id or court.id


def _binds(court: Court, circuit_id: str | None) -> bool:
    if court.kind == Court.Kind.SUPREME:
        return True
    return court.kind == Court.Kind.APPELLATE and circuit_id is not None and court.id == circuit_id


def control_order(holding: Holding) -> tuple[int, int, int, int]:
    """Supreme Court first; then en banc, newest first; then panels: those that re-examined the
    question after the latest intervening Supreme Court decision first, and among equals the
    oldest (the prior-panel rule)."""
    opinion = holding.opinion
    decided = opinion.date_decided or date.max
    if opinion.court.kind == Court.Kind.SUPREME:
        return (0, 0, -decided.toordinal(), holding.pk)
    if opinion.en_banc:
        return (1, 0, -decided.toordinal(), holding.pk)
    intervening = holding.in_light_of.date_decided if holding.in_light_of_id else None
    return (2, -(intervening or date.min).toordinal(), decided.toordinal(), holding.pk)


def year_only_in(holding: Holding, as_of: date) -> bool:
    opinion = holding.opinion
    return opinion.date_is_approximate and opinion.date_decided.year == as_of.year


def resolve_precedents(
    *, grounds: Iterable[Ground], district: str, as_of: date
) -> dict[int, Precedent]:
    """``resolve_precedent`` for several grounds at once, in a fixed number of queries."""
    grounds = list(grounds)
    circuit_id = courts.circuit_of(district)
    # A variance ground's departure ground is read in the same queries, for context.
    departure_ids = {g.departure_ground_id for g in grounds if g.departure_ground_id}
    holdings = holdings_queryset().filter(Q(ground__in=grounds) | Q(ground_id__in=departure_ids))
    in_force = list(holdings.in_force(as_of).decided_by(as_of).order_by(*NEWEST_FIRST))
    # A court courts-db does not know (imported as the source named it) is never precedent;
    # its holdings are set aside, and said to be.
    unrecognized = [h for h in in_force if not h.opinion.court.recognized]
    in_force = [h for h in in_force if h.opinion.court.recognized]
    # Only the year known (stored as January 1): in the sentencing year it may be later.
    in_doubt = [h for h in in_force if year_only_in(h, as_of)]
    in_force = [h for h in in_force if not year_only_in(h, as_of)]
    # Listed for information only: decided after the date and not since withdrawn or overruled.
    later = list(
        holdings.in_force().filter(opinion__date_decided__gt=as_of).order_by(*NEWEST_FIRST)
    )
    undated = in_doubt + list(holdings.in_force(as_of).filter(opinion__date_decided__isnull=True))
    unrecorded = [
        (row.ground_id, row.opinion)
        for row in unrecorded_authorities(grounds)
        if row.opinion.court_id == circuit_id
        and row.opinion.date_decided is not None
        and row.opinion.date_decided <= as_of
    ]
    result = {}
    for ground in grounds:
        mine = [h for h in in_force if h.ground_id == ground.pk]
        binding = sorted(
            (h for h in mine if _binds(h.opinion.court, circuit_id)), key=control_order
        )
        others = [h for h in mine if not _binds(h.opinion.court, circuit_id)]
        result[ground.pk] = Precedent(
            ground,
            district,
            circuit_id,
            as_of,
            tuple(binding),
            tuple(h for h in others if h.opinion.court.kind == Court.Kind.APPELLATE),
            tuple(h for h in later if h.ground_id == ground.pk),
            tuple(h for h in others if h.opinion.court.kind != Court.Kind.APPELLATE),
            tuple(h for h in undated if h.ground_id == ground.pk),
            tuple(
                sorted(
                    (
                        h
                        for h in in_force
                        if ground.departure_ground_id
                        and h.ground_id == ground.departure_ground_id
                        and _binds(h.opinion.court, circuit_id)
                    ),
                    key=control_order,
                )
            ),
            tuple(opinion for ground_id, opinion in unrecorded if ground_id == ground.pk),
            tuple(h for h in unrecognized if h.ground_id == ground.pk),
        )
    return result


def resolve_precedent(*, ground: Ground | None, district: str, as_of: date) -> Precedent:
    """The holdings on ``ground`` that bind or persuade a court in ``district`` on ``as_of``."""
    if ground is None:
        return Precedent(None, district, courts.circuit_of(district), as_of, (), (), ())
    return resolve_precedents(grounds=[ground], district=district, as_of=as_of)[ground.pk]


def _count(n: int, noun: str) -> str:
    word = NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)
    return f"{word} {noun}{'' if n == 1 else 's'}"


_HOLDS: dict[str, str] = {
    Holding.Effect.FORBIDS: "holds that a district court may not {verb} on this ground",
    Holding.Effect.PERMITS: "holds that a district court may {verb} on this ground",
    Holding.Effect.PERMITS_WITH_SHOWING: "holds that a district court may {verb} on this ground "
    "once the defendant makes the threshold showing it requires",
    Holding.Effect.NOT_REQUIRED: "holds that a district court need not {verb} on this ground",
    Holding.Effect.REQUIRES_CONSIDERATION: "requires the district court to consider this ground",
}
_VERDICT: dict[str, str] = {
    Holding.Effect.FORBIDS: "Foreclosed",
    Holding.Effect.PERMITS: "Available",
    Holding.Effect.PERMITS_WITH_SHOWING: "Available on a threshold showing",
    Holding.Effect.NOT_REQUIRED: "Not required",
    Holding.Effect.REQUIRES_CONSIDERATION: "Must be considered",
}
_PERSUASIVE = {
    Holding.Effect.FORBIDS: "{} this ground improper",
    Holding.Effect.PERMITS: "{} a {request} on this ground",
    Holding.Effect.PERMITS_WITH_SHOWING: "{} it on a threshold showing",
    Holding.Effect.NOT_REQUIRED: "{} it not required",
    Holding.Effect.REQUIRES_CONSIDERATION: "{} its consideration",
}
_VERB = {
    Holding.Effect.FORBIDS: ("holds", "hold"),
    Holding.Effect.PERMITS: ("allows", "allow"),
    Holding.Effect.PERMITS_WITH_SHOWING: ("allows", "allow"),
    Holding.Effect.NOT_REQUIRED: ("holds", "hold"),
    Holding.Effect.REQUIRES_CONSIDERATION: ("requires", "require"),
}


def _court_phrase(circuit_name: str) -> str:
    return f"the {circuit_name}" if circuit_name != "this district" else circuit_name


_DEPARTURE_HELD: dict[str, str] = {
    Holding.Effect.FORBIDS: "held a departure on this ground unavailable",
    Holding.Effect.PERMITS: "held a departure on this ground available",
    Holding.Effect.PERMITS_WITH_SHOWING: "held a departure on this ground available on a "
    "threshold showing",
    Holding.Effect.NOT_REQUIRED: "held a departure on this ground not required",
    Holding.Effect.REQUIRES_CONSIDERATION: "required the court to consider this ground",
}


def prediction(precedent: Precedent, *, variance: bool = False) -> str:
    """What the precedent says will happen to the request, in one plain sentence. For a
    variance (Manuals from Nov. 1, 2025) a departure holding decides nothing by itself."""
    where = precedent.where
    if precedent.ground is None:
        return (
            "The casebook holds no authority on this ground; the outcome is for the court's "
            "discretion."
        )
    controlling = precedent.controlling
    variance_ground = precedent.ground.kind == Ground.Kind.VARIANCE
    verb, request = ("vary", "variance") if variance_ground else ("depart", "departure")
    if controlling is not None and variance and not variance_ground:
        return (
            f"In {where}, {controlling.opinion.case_name} {_DEPARTURE_HELD[controlling.effect]}; "
            "whether that limits a variance under 18 U.S.C. § 3553(a) is not among the "
            "casebook's holdings."
        )
    if controlling is not None:
        return (
            f"{_VERDICT[controlling.effect]} in {where}: {controlling.opinion.case_name} "
            f"{_HOLDS[controlling.effect].format(verb=verb)}."
        )
    parts = []
    for effect in Holding.Effect.values:
        circuits = precedent.persuasive_circuits(effect)
        if circuits:
            singular, plural = _VERB[effect]
            agreeing = singular if len(circuits) == 1 else plural
            phrase = _count(len(circuits), "circuit") + " " + agreeing
            parts.append(_PERSUASIVE[effect].format(phrase, request=request))
    later = _unrecorded_note(precedent) + _decided_later_note(precedent)
    if not parts:
        return f"No authority in the casebook on this ground binds or persuades in {where}.{later}"
    return f"No binding authority in {where}; " + ", ".join(parts) + "." + later


def _unrecorded_note(precedent: Precedent) -> str:
    """Names the circuit's opinions on the ground whose holding the casebook has not recorded:
    "no binding authority" then means none recorded, not none decided."""
    if not precedent.unrecorded:
        return ""
    named = ", ".join(f"{o.case_name} ({o.year})" for o in precedent.unrecorded)
    return (
        f" The casebook knows {named} from {precedent.where} on this question but has not "
        "recorded its holding: read it before relying on this."
    )


def _decided_later_note(precedent: Precedent) -> str:
    """Names the circuit's own holding decided after the date, which was not yet the law."""
    mine = [h for h in precedent.decided_later if _binds(h.opinion.court, precedent.circuit_id)]
    if not mine:
        return ""
    first = min(mine, key=lambda h: h.opinion.date_decided or date.max)
    return (
        f" {first.opinion.case_name} ({first.opinion.year}) had not yet been decided on "
        f"{precedent.as_of:%B} {precedent.as_of.day}, {precedent.as_of.year}."
    )
