"""§5E1.2's Fine Table by edition and offense date, against a copy typed separately
(fines_copy.py); §5E1.3's special assessment by count and offense date."""

from datetime import date

import pytest

from sentencing.guidelines import EDITIONS, Count, edition_by_key
from sentencing.guidelines.fines import (
    AMENDMENT_791,
    STATUTE_ABOVE,
    fine_range,
    special_assessment,
)
from tests.guidelines import fines_copy as COPY

LEVELS = range(1, 44)


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.key)
def test_each_level_under_each_manual_is_the_copys(level, edition):
    offense = edition.effective  # an offense on the Manual's first day
    table = (
        COPY.TABLE_FROM_2015
        if edition.effective >= date.fromisoformat(COPY.AMENDMENT_EFFECTIVE)
        else COPY.TABLE_BEFORE_2015
    )
    found = fine_range(level, edition, offense)
    assert (found.minimum, found.maximum) == table[level]


@pytest.mark.parametrize("level", LEVELS)
def test_an_offense_before_nov_1_2015_takes_the_earlier_table_under_a_later_manual(level):
    # §5E1.2(h)(1), added by Amendment 791.
    found = fine_range(level, edition_by_key("2025-11-01"), date(2015, 10, 31))
    assert (found.minimum, found.maximum) == COPY.TABLE_BEFORE_2015[level]
    assert "§5E1.2(h)(1)" in found.note


def test_the_amendment_and_the_statute_cap_are_the_copys():
    assert date.fromisoformat(COPY.AMENDMENT_EFFECTIVE) == AMENDMENT_791
    assert STATUTE_ABOVE == {
        False: COPY.STATUTE_CAP_BEFORE_2015,
        True: COPY.STATUTE_CAP_FROM_2015,
    }


def test_the_range_is_printed_in_dollars():
    assert str(fine_range(21, edition_by_key("2016-11-01"), date(2016, 1, 1))) == (
        "$15,000–$150,000"
    )


def test_the_assessment_is_100_for_each_felony_count_from_april_24_1996():
    counts = (
        Count("21 U.S.C. § 841(b)(1)(C)", 240),
        Count("18 U.S.C. § 924(c)(1)(A)(i)", None, 60),
    )
    assert special_assessment(counts, date(1996, 4, 24)).amount == 200
    assert special_assessment(counts, date(1996, 4, 23)).amount == 100  # $50 each before


def test_a_misdemeanor_count_is_named_not_added():
    counts = (Count("8 U.S.C. § 1325(a)", 6), Count("8 U.S.C. § 1326(a)", 24))
    found = special_assessment(counts, date(2020, 1, 1))
    assert found.amount == 100
    assert "misdemeanor" in found.note


def test_no_count_no_assessment():
    assert special_assessment((), date(2020, 1, 1)) is None
