"""The memo's departure and variance sections, one per saved request, as computed today.

The memo reads the departures app (never the reverse): authorities come from
`casebook.precedent` through the request's outcome, the figures from the engine.
"""

from departures.models import DepartureRequest
from departures.outcome import VARIANCE, RequestOutcome, saved_request_outcomes
from departures.selectors import requests_of
from sentencing.models import Case

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
    for request, outcome in saved_request_outcomes(case, requests_of(case)):
        precedent, numbers = outcome.precedent, outcome.numbers
        # A program motion is not decided by the holdings on a defendant's request.
        binding, persuasive = (
            (precedent.binding, precedent.persuasive) if outcome.shows_precedent else ((), ())
        )
        granted = (
            numbers.description if numbers else ""
        )  # "Level 21 − 4 = 17, category V: 46–57 months"
        denied = str(outcome.calculation.guideline_sentence) if outcome.calculation else ""
        sections.append(
            DepartureSection(
                heading=_heading(request, outcome),
                ground=request.ground_name,
                argument=request.argument,
                binding=tuple(Authority.from_holding(h) for h in binding),
                persuasive=tuple(Authority.from_holding(h) for h in persuasive),
                if_granted=granted,
                if_denied=denied,
                what_if=tuple(f"{w.label}: {w.guideline_sentence}" for w in outcome.what_ifs),
            )
        )
    return sections
