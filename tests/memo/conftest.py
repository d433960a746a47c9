"""Memo fixtures: the founding case in alice's office, sentenced after the fast-track holdings,
and departure sections built the way the memo builds them, from saved requests."""

import datetime

import pytest

from departures.forms import ARGUMENT_MAX_CHARACTERS, ARGUMENT_MAX_LINES
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


WORDS = "the court should weigh what the record shows about his family work and history".split()


def _words(length: int, start: int = 0) -> str:
    """Ordinary words, exactly ``length`` characters."""
    text, n = "", start
    while len(text) < length:
        text += WORDS[n % len(WORDS)] + " "
        n += 1
    return text[:length].rstrip().ljust(length, "x")


def argument_at_the_cap(shape: str) -> str:
    """An argument of exactly as many characters as the request form allows, in one of the shapes
    that cost the layout most:

    - "prose": paragraphs of some 700 characters with a blank line between them;
    - "lines": as many lines as allowed, each a little longer than a printed line, so that each
      prints as two;
    - "word": one run of characters with nowhere to break.
    """
    size, lines = ARGUMENT_MAX_CHARACTERS, ARGUMENT_MAX_LINES
    if shape == "prose":
        paragraphs, used = [], 0
        while used < size:
            paragraph = _words(min(700, size - used - 2 * bool(paragraphs)), used)
            paragraphs.append(paragraph)
            used += len(paragraph) + 2 * (len(paragraphs) > 1)
        return "\n\n".join(paragraphs)
    if shape == "lines":
        width = (size - (lines - 1)) // lines
        text = "\n".join(_words(width, n) for n in range(lines))
        return text + "x" * (size - len(text))
    if shape == "word":
        return "x" * size
    raise ValueError(shape)
