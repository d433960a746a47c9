"""Memo fixtures: the Banuelos-Rodriguez case of alice's office, and departure sections built
from the seeded casebook the way the departures app builds them."""

import datetime

import pytest

from casebook.selectors import holdings_on_ground
from judiciary import districts
from memos.sections import Authority, DepartureSection
from sentencing import guidelines
from sentencing.models import Case, Count, OffenseLine
from sentencing.selectors import case_queryset
from tests.browser.conftest import (  # noqa: F401
    browser_type_launch_args,
    logged_in_page,
    screenshot,
)
from tests.casebook.conftest import casebook  # noqa: F401

MEMO_DATE = datetime.date(2026, 11, 20)


def make_case(office, user, **overrides) -> Case:
    """The facts of Banuelos-Rodriguez: 8 + 16 − 3 = 21, category V, 1995 Manual."""
    lines = overrides.pop("lines", None) or [
        ("base", "§2L1.2(a)", "Unlawfully entering or remaining in the United States", 8),
        ("specific", "§2L1.2(b)(2)", "Deported after a conviction for an aggravated felony", 16),
    ]
    counts = overrides.pop("counts", None) or [("8 U.S.C. § 1326(b)(2)", 240)]
    fields = {
        "defendant": "Rogelio Banuelos-Rodriguez",
        "docket_number": "CR 95-0123",
        "district": office.district,
        "judge": "Hon. Jane Doe",
        "offense_date": datetime.date(1995, 8, 1),
        "sentencing_date": datetime.date(1996, 2, 1),
        "manual_edition": "1995-11-01",
        "acceptance": Case.AcceptanceChoice.THREE,
        "criminal_history_category": "V",
        **overrides,
    }
    case = Case.objects.create(office=office, created_by=user, updated_by=user, **fields)
    for i, (kind, section, text, levels) in enumerate(lines):
        OffenseLine.objects.create(
            case=case, position=i, kind=kind, guideline=section, description=text, levels=levels
        )
    for i, (statute, maximum) in enumerate(counts):
        Count.objects.create(case=case, position=i, statute=statute, maximum_months=maximum)
    return case_queryset().get(pk=case.pk)


@pytest.fixture
def banuelos_case(alice):
    return make_case(alice.staff_member.office, alice)


def fast_track_sections(case, ground, *, count: int = 1, argument: str = "") -> list:
    """One section per request on the fast-track ground: holdings of the case's circuit bind,
    the others persuade; the outcome comes from the engine."""
    circuit = districts.circuit_of(case.district)
    holdings = list(holdings_on_ground(ground=ground))
    binding = [Authority.from_holding(h) for h in holdings if h.opinion.court.circuit_id == circuit]
    persuasive = [
        Authority.from_holding(h) for h in holdings if h.opinion.court.circuit_id != circuit
    ]
    calc = guidelines.calculate(
        guidelines.CaseFacts(
            offense_lines=tuple(line.to_engine() for line in case.offense_lines.all()),
            acceptance=case.acceptance,
            criminal_history=guidelines.CriminalHistory(category=case.criminal_history_category),
        ),
        guidelines.edition_by_key(case.manual_edition),
    )
    sections = []
    for number in range(1, count + 1):
        levels = 2 * number
        granted = guidelines.lookup(
            calc.total_offense_level - levels, calc.criminal_history_category
        )
        sections.append(
            DepartureSection(
                heading=f"Downward departure of {levels} levels for fast-track disparity",
                ground=ground.name,
                argument=argument
                or (
                    "Defendants charged in districts with early-disposition programs receive "
                    "lower sentences for the same conduct.\n\nThe Court should depart."
                ),
                binding=binding,
                persuasive=persuasive,
                if_granted=f"{granted} (level {calc.total_offense_level - levels})",
                if_denied=str(calc.range),
                what_if=(f"With {levels + 1} levels: {levels + 1} levels below 21.",),
            )
        )
    return sections
