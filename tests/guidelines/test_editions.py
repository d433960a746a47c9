"""What the engine knows about each Manual edition."""

from datetime import date

import pytest

from sentencing.guidelines import EDITIONS, edition_by_key, edition_in_effect, gap_warning


def test_it_carries_the_required_editions_oldest_first():
    keys = [edition.key for edition in EDITIONS]
    assert {"1995-11-01", "2023-11-01", "2024-11-01", "2025-11-01"} <= set(keys)
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.key)
def test_each_key_is_the_iso_effective_date_and_the_titles_agree(edition):
    assert edition.key == edition.effective.isoformat()
    assert edition.title == f"Guidelines Manual, Nov. 1, {edition.effective.year}"
    assert edition.short_title == f"{edition.effective.year} Manual"


def test_it_finds_an_edition_by_key_and_rejects_an_unknown_one():
    assert edition_by_key("1995-11-01").short_title == "1995 Manual"
    with pytest.raises(ValueError, match="No Guidelines Manual edition '1999-11-01'"):
        edition_by_key("1999-11-01")


@pytest.mark.parametrize(
    ("on", "key"),
    [
        (date(1995, 11, 1), "1995-11-01"),
        (date(2001, 10, 31), "1995-11-01"),
        (date(2002, 10, 31), "2001-11-01"),
        (date(2003, 10, 31), "2002-11-01"),
        (date(2008, 6, 1), "2007-11-01"),
        (date(2012, 6, 1), "2011-11-01"),
        (date(2015, 6, 1), "2014-11-01"),
        (date(2018, 10, 31), "2016-11-01"),
        (date(2019, 6, 1), "2018-11-01"),
        (date(2023, 10, 31), "2018-11-01"),
        (date(2023, 11, 1), "2023-11-01"),
        (date(2025, 10, 31), "2024-11-01"),
        (date(2025, 11, 1), "2025-11-01"),
        (date(2030, 1, 1), "2025-11-01"),
    ],
)
def test_it_finds_the_latest_edition_on_or_before_a_date(on, key):
    assert edition_in_effect(on).key == key


def test_it_rejects_a_date_before_the_earliest_edition():
    with pytest.raises(ValueError, match="before the earliest Manual the engine carries"):
        edition_in_effect(date(1995, 10, 31))


def test_it_warns_only_for_dates_a_manual_it_lacks_may_cover():
    assert gap_warning(date(1996, 10, 31)) is None
    assert "1995 Manual and the 2001 Manual" in gap_warning(date(1996, 11, 1))
    assert gap_warning(date(2017, 10, 31)) is None
    assert "2016 Manual and the 2018 Manual" in gap_warning(date(2017, 11, 1))
    assert gap_warning(date(2024, 12, 1)) is None
    assert "latest Manual the engine carries" in gap_warning(date(2026, 11, 1))


def test_only_the_2025_manual_lacks_departures():
    assert [e.key for e in EDITIONS if not e.departures_in_manual] == ["2025-11-01"]
    assert edition_by_key("2025-11-01").early_disposition_section == "§3F1.1"
    assert edition_by_key("2024-11-01").early_disposition_section == "§5K3.1"


def test_it_switches_the_rules_at_the_amendments_that_changed_them():
    def switched(attribute):
        return [e.key for e in EDITIONS if getattr(e, attribute)]

    # Amendment 742, 2010
    assert switched("recency_points") == [e.key for e in EDITIONS if e.key < "2010-11-01"]
    related = [e.key for e in EDITIONS if e.crime_of_violence_rule == "related"]
    assert related[-1] == "2006-11-01"  # Amendment 709, Nov. 1, 2007
    assert switched("zero_point_offender") == ["2023-11-01", "2024-11-01", "2025-11-01"]
    assert "1995-11-01" not in switched("acceptance_b_requires_motion")  # PROTECT Act, 2003
    assert switched("acceptance_b_requires_motion")[0] == "2003-11-01"
    zones = {e.key: e.zone_regime for e in EDITIONS}  # Amendment 738
    assert (zones["2003-11-01"], zones["2010-11-01"]) == ("1992", "2010")
    texts = {e.key: e.illegal_reentry_text for e in EDITIONS}
    assert [texts[k] for k in ("1995-11-01", "2001-11-01", "2010-11-01")] == [
        "1991",
        "2001",
        "2001",
    ]
    assert [texts[k] for k in ("2011-11-01", "2015-11-01", "2016-11-01")] == [
        "2011",
        "2011",
        "2016",
    ]


def test_it_names_the_protect_act_change_the_2002_manual_lacks_in_mid_2003():
    # Between Apr. 30 and Oct. 31, 2003 the carried edition is the 2002 Manual, which has no
    # motion requirement in §3E1.1(b); the warning must say that the statute changed it.
    assert edition_in_effect(date(2003, 6, 2)).key == "2002-11-01"
    assert "PROTECT Act" in gap_warning(date(2003, 6, 2))
    assert gap_warning(date(2003, 4, 29)) is None  # before the Act, and within the year
    assert gap_warning(date(2003, 11, 3)) is None  # the 2003 Manual prints the change
