"""The memo's departure and variance sections, one per saved request, as computed today.

The memo reads the departures app (never the reverse): authorities come from
`casebook.precedent` through the request's outcome, the figures from the engine.
"""

from casebook.models import Holding
from departures.models import DepartureRequest
from departures.outcome import VARIANCE, RequestOutcome, saved_request_outcomes
from departures.selectors import requests_of
from sentencing.models import Case

from .models import ArgumentOptions, AuthorityRole
from .sections import Authority, DepartureSection


def _heading(request: DepartureRequest, outcome: RequestOutcome) -> str:
    if outcome.program:
        section = f" ({outcome.section})" if outcome.section else ""
        return f"The government's early disposition motion{section}"
    if outcome.framing == VARIANCE:
        return f"{request.get_direction_display()} variance under 18 U.S.C. § 3553(a)"
    return f"{request.get_direction_display()} departure"


def departure_sections(case: Case) -> list[DepartureSection]:
    """One section per saved request on the case, in the order they are argued."""
    sections = []
    rows = saved_request_outcomes(case, requests_of(case))
    request_ids = [request.pk for request, _ in rows]
    roles = {
        (role.request_id, role.holding_id): role
        for role in AuthorityRole.objects.filter(request__in=request_ids)
    }
    options = {o.request_id: o for o in ArgumentOptions.objects.filter(request__in=request_ids)}

    def cited(request: DepartureRequest, holding: Holding) -> Authority:
        role = roles.get((request.pk, holding.pk))
        if role is None:
            return Authority.from_holding(holding)
        return Authority.from_holding(holding, role=role.role, distinction=role.distinction)

    for request, outcome in rows:
        precedent, numbers = outcome.precedent, outcome.numbers
        # A program motion is not decided by the holdings on a defendant's request.
        binding, persuasive = (
            (precedent.binding, precedent.persuasive) if outcome.shows_precedent else ((), ())
        )
        shown = options.get(request.pk) or ArgumentOptions(request=request)
        granted = (
            numbers.description if numbers else ""
        )  # "Level 21 − 4 = 17, category V: 46–57 months"
        denied = str(outcome.calculation.guideline_sentence) if outcome.calculation else ""
        sections.append(
            DepartureSection(
                heading=_heading(request, outcome),
                ground=request.ground_name,
                argument=request.argument,
                binding=tuple(cited(request, h) for h in binding),
                persuasive=tuple(cited(request, h) for h in persuasive),
                if_granted=granted,
                if_denied=denied,
                what_if=tuple(f"{w.label}: {w.guideline_sentence}" for w in outcome.what_ifs),
                show_if_denied=shown.show_if_denied,
                show_what_if=shown.show_what_if,
                request_id=request.pk,
                variance=outcome.framing == VARIANCE,
            )
        )
    return sections
