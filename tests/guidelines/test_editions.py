"""What the engine knows about each Manual edition."""

from datetime import date

import pytest

from sentencing.guidelines import EDITIONS, edition_by_key, edition_in_effect, gap_warning
from sentencing.guidelines.editions import MID_CYCLE_CHANGES

# Second copy, typed from the effective dates Appendix C prints for Amendments 1-804 and from
# the 2025 Manual's historical notes: the years amendments took effect on November 1, from
# 1989 (none in 1999, 2017, 2019, 2020, 2021 or 2022).
NOVEMBERS = [1989, 1990, 1991, 1992, 1993, 1994, 1995, 1996, 1997, 1998]
NOVEMBERS += [2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010]
NOVEMBERS += [2011, 2012, 2013, 2014, 2015, 2016, 2018, 2023, 2024, 2025]


def test_it_carries_the_required_editions_oldest_first():
    keys = [edition.key for edition in EDITIONS]
    assert {"1995-11-01", "2023-11-01", "2024-11-01", "2025-11-01"} <= set(keys)
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


def novembers():
    return [e for e in EDITIONS if (e.effective.month, e.effective.day) == (11, 1)]


def test_it_carries_every_november_amendments_took_effect_from_1989_and_the_2021_reprint():
    assert [edition.effective.year for edition in novembers()] == sorted([*NOVEMBERS, 2021])


def test_it_carries_each_amendment_between_two_novembers_that_bears_on_the_engine():
    mid_cycle = [e.effective for e in EDITIONS if e not in novembers()]
    assert mid_cycle == [day for day, _, carried in MID_CYCLE_CHANGES if carried]
    # Second copy: the dates of Amendments 509, 608, 647, 649, 651, 681, 715 and 798.
    assert [d.isoformat() for d in mid_cycle] == [
        "1994-09-23",
        "2000-12-16",
        "2003-01-25",
        "2003-04-30",
        "2003-10-27",
        "2006-03-27",
        "2008-05-01",
        "2016-08-01",
    ]


def test_an_amended_manual_is_named_for_the_november_manual_it_amends():
    edition = edition_in_effect(date(2003, 2, 1))
    assert edition.key == "2003-01-25"
    assert edition.title == "Guidelines Manual, Nov. 1, 2002, as amended Jan. 25, 2003"
    assert edition.short_title == "2002 Manual as amended Jan. 25, 2003"
    assert (
        edition_in_effect(date(2000, 12, 31)).short_title == "2000 Manual as amended Dec. 16, 2000"
    )


def test_the_2021_manual_reprints_the_2018_rules():
    m2018, m2021 = edition_by_key("2018-11-01"), edition_by_key("2021-11-01")
    assert m2021.changes == ()
    assert m2021.illegal_reentry_text == m2018.illegal_reentry_text
    assert m2021.zone_regime == m2018.zone_regime


def test_the_amendments_between_two_novembers_are_in_date_order_and_none_is_a_november_1():
    days = [day for day, _, _ in MID_CYCLE_CHANGES]
    assert days == sorted(days)
    assert all((day.month, day.day) != (11, 1) for day in days)


@pytest.mark.parametrize("edition", novembers(), ids=lambda e: e.key)
def test_each_key_is_the_iso_effective_date_and_the_titles_agree(edition):
    assert edition.key == edition.effective.isoformat()
    assert edition.title == f"Guidelines Manual, Nov. 1, {edition.effective.year}"
    assert edition.short_title == f"{edition.effective.year} Manual"


def test_it_finds_an_edition_by_key_and_rejects_an_unknown_one():
    assert edition_by_key("1995-11-01").short_title == "1995 Manual"
    with pytest.raises(ValueError, match="No Guidelines Manual edition '1999-11-01'"):
        edition_by_key("1999-11-01")  # no amendment took effect in 1999


@pytest.mark.parametrize(
    ("on", "key"),
    [
        (date(1989, 11, 1), "1989-11-01"),
        (date(1992, 10, 31), "1991-11-01"),
        (date(1995, 11, 1), "1995-11-01"),
        (date(1997, 6, 1), "1996-11-01"),
        (date(1999, 12, 1), "1998-11-01"),
        (date(2000, 12, 15), "2000-11-01"),
        (date(2001, 10, 31), "2000-12-16"),
        (date(2002, 10, 31), "2001-11-01"),
        (date(2003, 1, 24), "2002-11-01"),
        (date(2003, 10, 31), "2003-10-27"),
        (date(2008, 4, 30), "2007-11-01"),
        (date(2008, 6, 1), "2008-05-01"),
        (date(2012, 6, 1), "2011-11-01"),
        (date(2015, 6, 1), "2014-11-01"),
        (date(2018, 10, 31), "2016-11-01"),
        (date(2019, 6, 1), "2018-11-01"),
        (date(2021, 11, 1), "2021-11-01"),
        (date(2023, 10, 31), "2021-11-01"),
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
        edition_in_effect(date(1989, 10, 31))


@pytest.mark.parametrize(
    "on",
    [
        date(1990, 6, 1),
        date(1994, 10, 3),
        date(1999, 11, 2),
        date(2003, 6, 2),
        date(2017, 11, 2),
        date(2020, 6, 1),
        date(2022, 12, 1),
        date(2026, 10, 31),
    ],
)
def test_it_warns_only_a_year_after_the_latest_manual(on):
    assert gap_warning(on) is None


def test_after_the_latest_manual_it_says_a_later_one_may_apply():
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
    assert switched("acceptance_b_requires_motion")[0] == "2003-04-30"
    zones = {e.key: e.zone_regime for e in EDITIONS}  # Amendment 738
    assert (zones["2003-11-01"], zones["2010-11-01"]) == ("1992", "2010")
    texts = {e.key: e.illegal_reentry_text for e in EDITIONS}
    assert [texts[k] for k in ("1989-11-01", "1991-11-01", "1997-11-01", "2000-11-01")] == [
        "1989",
        "1991",
        "1997",
        "1997",
    ]
    assert [texts[k] for k in ("1995-11-01", "2001-11-01", "2010-11-01")] == [
        "1991",
        "2001",
        "2001",
    ]
    # Amendment 462 (1992): zones and the two Category I cells; Amendment 459 (1992): the
    # third acceptance level; Amendment 382 (1991): the crime-of-violence point.
    assert switched("acceptance_additional_level")[0] == "1992-11-01"
    assert [e.key for e in EDITIONS if e.sentencing_table == "1989"][-1] == "1991-11-01"
    assert [e.key for e in EDITIONS if e.zone_regime == "1989"][-1] == "1991-11-01"
    assert switched("crime_of_violence_subsection")[0] == "1991-11-01"
    assert [texts[k] for k in ("2011-11-01", "2015-11-01", "2016-11-01")] == [
        "2011",
        "2011",
        "2016",
    ]


def test_the_protect_act_and_5k3_1_take_effect_on_their_own_dates():
    assert edition_in_effect(date(2003, 4, 29)).acceptance_b_requires_motion is False
    assert edition_in_effect(date(2003, 4, 30)).acceptance_b_requires_motion is True
    assert edition_in_effect(date(2003, 10, 26)).early_disposition_section == ""
    assert edition_in_effect(date(2003, 10, 27)).early_disposition_section == "§5K3.1"
