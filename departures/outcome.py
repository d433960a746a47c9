"""A request's outcome for its case: the precedent, the numbers, the prediction and the what-ifs.

Reads the case through `sentencing.results` and the casebook through `casebook.precedent`;
computes, never stores.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from casebook.models import Ground
from casebook.precedent import Precedent, prediction, resolve_precedent, resolve_precedents
from sentencing.guidelines import Calculation, CaseFacts, Count, early_disposition
from sentencing.guidelines.departures import (
    AlternativeCharge,
    DepartureOutcome,
    Direction,
    Extent,
    WhatIf,
    departure_outcome,
    early_disposition_decrease,
    what_if,
)
from sentencing.guidelines.statutes import not_in_force_reason, statute_on
from sentencing.models import Case
from sentencing.results import CaseResult, result_for_facts, saved_case_facts
from sentencing.selectors import argued_worksheet

from .models import DepartureRequest

FAST_TRACK = "fast-track-disparity"


# A § 1326(a) plea is capped at 24 months only because the government charges (a) alone: a
# prior conviction under § 1326(b) is a sentencing factor the court finds, not an element
# (Almendarez-Torres v. United States, 523 U.S. 224 (1998)), so a § 1326(a) conviction with a
# (b) enhancement found carries (b)'s maximum.
REENTRY_A_ASSUMES = (
    "Assumes the government charges § 1326(a) alone and seeks no § 1326(b) enhancement. A "
    "§ 1326(a) conviction with a § 1326(b) prior conviction found is not capped at 24 months: "
    "it carries § 1326(b)'s maximum (Almendarez-Torres v. United States, 523 U.S. 224 (1998))."
)


def _charge(
    offense_date: date, label: str, *citations: str, assumes: str = ""
) -> AlternativeCharge:
    """The charge with each count's limits as its statute stood on the offense date."""
    counts = []
    for citation in citations:
        statute = statute_on(citation, offense_date)
        if statute is None:  # these statutes stand unchanged since 1952
            raise ValueError(not_in_force_reason(citation, offense_date))
        counts.append(statute.count())
    return AlternativeCharge(label, tuple(counts), assumes)


def _enhanced_counts(counts: Iterable[Count]) -> str:
    """The case's own § 1326(b) counts, as the what-if's assumption names them."""
    enhanced = [c for c in counts if c.statute.replace(" ", "").startswith("8U.S.C.§1326(b)")]
    return "".join(
        f" This case's count under {c.statute} carries "
        f"{'life' if c.maximum_months is None else f'{c.maximum_months} months'}."
        for c in enhanced
    )


def alternative_charges(
    slug: str, offense_date: date, counts: Iterable[Count] = ()
) -> tuple[AlternativeCharge, ...]:
    """The charges a fast-track district offers for the same reentry (the disparity both
    founding opinions turn on): a § 1326(a) plea alone, or a § 1325(a) misdemeanor plus a
    § 1325(a) felony for a subsequent entry, run consecutively (§5G1.2(d))."""
    if slug != FAST_TRACK:
        return ()
    return (
        _charge(
            offense_date,
            "A plea to 8 U.S.C. § 1326(a) alone",
            "8 U.S.C. § 1326(a)",
            assumes=REENTRY_A_ASSUMES + _enhanced_counts(counts),
        ),
        _charge(
            offense_date,
            "Two 8 U.S.C. § 1325(a) counts (first and subsequent entry), run consecutively",
            "8 U.S.C. § 1325(a) (first offense)",
            "8 U.S.C. § 1325(a) (subsequent offense)",
        ),
    )


@dataclass(frozen=True)
class RequestOutcome:
    precedent: Precedent
    framing: str  # DEPARTURE, VARIANCE or DECREASE
    framing_note: str  # what the request is under the Manual applied, when not plain
    prediction: str
    calculation: Calculation | None  # the calculation the request starts from
    numbers: DepartureOutcome | None
    what_ifs: tuple[WhatIf, ...]
    problem: str = ""  # why there are no numbers
    program: bool = False  # the government's early disposition motion, not the defendant's
    section: str = ""  # the motion's section under the Manual applied: §3F1.1 or §5K3.1

    @property
    def shows_precedent(self) -> bool:
        """The holdings decide a defendant's request; a program motion is not one."""
        return not self.program


DEPARTURE, VARIANCE, DECREASE = "departure", "variance", "decrease"


def _framing(calculation: Calculation | None, ground: Ground | None) -> tuple[str, str]:
    """A defendant's request: a departure under a Manual with departures, a § 3553(a)
    variance under the 2025 Manual (Amendment 836 removed departures)."""
    if calculation is None or calculation.edition.departures_in_manual:
        return DEPARTURE, ""
    edition = calculation.edition
    early = (
        f" Early disposition (fast-track) is now {edition.early_disposition_section}, a Chapter "
        "Three decrease available only on the government's motion."
        if edition.early_disposition_section
        else ""
    )
    holdings = (
        " The holdings below decided variance requests under § 3553(a)."
        if ground is not None and ground.kind == Ground.Kind.VARIANCE
        else " The holdings below decided departure requests under earlier Manuals; they bear "
        "on a variance only by analogy."
    )
    return VARIANCE, (
        f"The {edition.short_title} has no departures (Amendment 836): the request is framed "
        "as a variance under 18 U.S.C. § 3553(a)." + early + holdings
    )


_NOT_THE_DEFENDANTS = (
    "The casebook's holdings on this ground decide a defendant's own request in a district "
    "without a program; they do not govern the government's motion."
)


def _program_outcome(
    precedent: Precedent, calculation: Calculation, direction: str, extent: Extent | None
) -> RequestOutcome:
    """The government's early disposition motion, by the Manual applied: a §3F1.1 decrease
    (2025 Manual), a §5K3.1 departure (Oct. 27, 2003 to Oct. 31, 2025), or nothing."""
    edition = calculation.edition
    section = edition.early_disposition_section
    levels = extent.levels if extent is not None else None
    if levels is not None and levels > early_disposition.MAX_LEVELS:
        levels, extent = None, None  # the form says why: "not more than 4 levels"
    if not section:
        problem = (
            f"The {edition.short_title} has no early disposition provision (§5K3.1 began "
            "Oct. 27, 2003, Amendment 651): only the defendant's own request can be made."
        )
        return RequestOutcome(precedent, DEPARTURE, "", "", calculation, None, (), problem, True)
    if section == early_disposition.DECREASE:
        note = (
            f"Under the {edition.short_title} the government's early disposition motion is "
            "§3F1.1 (Amendment 836): a decrease of not more than 4 levels in the calculation "
            "itself, with acceptance of responsibility — not a departure or a variance. "
            + _NOT_THE_DEFENDANTS
        )
        said = "On the government's motion the court may decrease the offense level (§3F1.1)."
        if levels is None:
            return RequestOutcome(
                precedent, DECREASE, note, said, calculation, None, (), "", True, section
            )
        without, numbers = early_disposition_decrease(calculation, levels)
        return RequestOutcome(
            precedent, DECREASE, note, said, without, numbers, (), "", True, section
        )
    note = (
        f"Under the {edition.short_title} the government's early disposition motion is a "
        "§5K3.1 downward departure of not more than 4 levels (Amendment 651), under a program "
        "the Attorney General and the United States Attorney authorized. " + _NOT_THE_DEFENDANTS
    )
    said = "On the government's motion the court may depart downward (§5K3.1)."
    numbers = None
    if extent is not None:
        numbers = departure_outcome(
            calculation, calculation.sentenced_counts, Direction(direction), extent
        )
    return RequestOutcome(
        precedent, DEPARTURE, note, said, calculation, numbers, (), "", True, section
    )


def request_outcome(
    *,
    case: Case,
    result: CaseResult,
    facts: CaseFacts,
    ground: Ground | None,
    direction: str,
    extent: Extent | None,
    basis: str = DepartureRequest.Basis.DEFENDANT,
    precedent: Precedent | None = None,
) -> RequestOutcome:
    if precedent is None:
        precedent = resolve_precedent(
            ground=ground, district=case.district, as_of=case.sentencing_date
        )
    calculation = result.calculation
    if basis == DepartureRequest.Basis.PROGRAM and calculation is not None:
        return _program_outcome(precedent, calculation, direction, extent)
    framing, note = _framing(calculation, ground)
    said = prediction(precedent, variance=framing == VARIANCE)
    if calculation is None:
        return RequestOutcome(
            precedent, framing, note, said, None, None, (), result.problem or "No calculation."
        )
    numbers = None
    if extent is not None:
        numbers = departure_outcome(
            calculation, calculation.sentenced_counts, Direction(direction), extent
        )
    alternatives = (
        alternative_charges(ground.slug, case.offense_date, facts.counts) if ground else ()
    )
    what_ifs = tuple(what_if(calculation, alternative) for alternative in alternatives)
    return RequestOutcome(precedent, framing, note, said, calculation, numbers, what_ifs)


def saved_request_outcomes(
    case: Case, requests: Iterable[DepartureRequest]
) -> list[tuple[DepartureRequest, RequestOutcome]]:
    """Each saved request of a case with its outcome, for a case loaded with
    `sentencing.selectors.case_queryset()`; the casebook is read once for all of them."""
    requests = list(requests)
    result, facts = case_inputs(case)
    grounds = {r.ground.pk: r.ground for r in requests if r.ground is not None}
    precedents = resolve_precedents(
        grounds=grounds.values(), district=case.district, as_of=case.sentencing_date
    )
    rows = []
    for request in requests:
        outcome = request_outcome(
            case=case,
            result=result,
            facts=facts,
            ground=request.ground,
            direction=request.direction,
            extent=Extent(levels=request.extent_levels, target_months=request.target_months),
            basis=request.basis,
            precedent=precedents.get(request.ground_id)
            or resolve_precedent(ground=None, district=case.district, as_of=case.sentencing_date),
        )
        rows.append((request, outcome))
    return rows


def case_inputs(case: Case) -> tuple[CaseResult, CaseFacts]:
    """The result and engine facts of the calculation the case argues from, for a case loaded
    with `case_queryset()`."""
    worksheet = argued_worksheet(case)
    facts = saved_case_facts(worksheet)
    return result_for_facts(worksheet, facts), facts


def _extent_or_none(levels: int | None, target_months: int | None) -> Extent | None:
    try:
        return Extent(levels=levels, target_months=target_months)
    except ValueError:
        return None


def typed_request_outcome(
    *, case: Case, result: CaseResult, facts: CaseFacts, form
) -> RequestOutcome:
    """The outcome of what the request form holds, as far as it can be read: for a form not yet
    submitted, the request it edits; for a typed one, the precedent as soon as a ground is chosen
    and the numbers once the extent is valid."""
    if not form.is_bound:
        request = form.instance
        ground = request.ground if request.ground_id else None
        direction = request.direction or Direction.DOWNWARD
        basis = request.basis
        extent = _extent_or_none(request.extent_levels, request.target_months)
    else:
        form.is_valid()
        data = form.cleaned_data
        ground = data.get("ground")
        direction = data.get("direction") or Direction.DOWNWARD
        basis = data.get("basis") or DepartureRequest.Basis.DEFENDANT
        extent = None
        if not {"extent_levels", "target_months", "direction", "basis"} & set(form.errors):
            extent = _extent_or_none(data.get("extent_levels"), data.get("target_months"))
    return request_outcome(
        case=case,
        result=result,
        facts=facts,
        ground=ground,
        direction=direction,
        extent=extent,
        basis=basis,
    )
