"""Memo fixtures: the founding case in alice's office, sentenced after the fast-track holdings,
and departure sections built the way the memo builds them, from saved requests."""

import datetime

import pytest

from memos.arguments import departure_sections
from memos.sections import DepartureSection
from tests.browser.conftest import (  # noqa: F401
    browser_type_launch_args,
    logged_in_page,
    screenshot,
)
from tests.casebook.conftest import casebook  # noqa: F401
from tests.factories import CaseFactory, DepartureRequestFactory

MEMO_DATE = datetime.date(2026, 11, 20)
# After Banuelos-Rodriguez (June 2000) and Armenta-Castro (Sept. 2000): both are authority.
SENTENCED = datetime.date(2001, 3, 1)


def make_case(office, user, **fields):
    """The founding case (tests/founding.py), saved by ``user`` in ``office``."""
    return CaseFactory(by=user.staff_member, **fields)


@pytest.fixture
def banuelos_case(alice):
    return make_case(alice.staff_member.office, alice, sentencing_date=SENTENCED)


def fast_track_sections(case, ground, *, count: int = 1, argument: str = "") -> list:
    """Saves ``count`` fast-track requests on the case (2, 4, … levels down) and returns the
    memo's sections for it, as an export builds them (`memos.arguments.departure_sections`)."""
    for number in range(1, count + 1):
        DepartureRequestFactory(
            case=case,
            ground=ground,
            ground_text="",
            extent_levels=2 * number,
            argument=argument
            or (
                "Defendants charged in districts with early-disposition programs receive "
                "lower sentences for the same conduct.\n\nThe Court should depart."
            ),
        )
    sections: list[DepartureSection] = departure_sections(case)
    return sections
