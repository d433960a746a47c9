"""Each carried edition is the one before it plus what its amendments changed."""

from dataclasses import fields
from datetime import date

import pytest

from sentencing.guidelines import EDITIONS, Edition
from sentencing.guidelines import editions as module

# Effective dates as Appendix C states them ("Effective Date: ..."); Amendments 821, 831 and
# 836 as the historical notes of the 2025 Manual state them.
AMENDMENT_EFFECTIVE = {
    38: date(1988, 1, 15),
    46: date(1988, 1, 15),
    193: date(1989, 11, 1),
    259: date(1989, 11, 1),
    270: date(1989, 11, 1),
    375: date(1991, 11, 1),
    382: date(1991, 11, 1),
    459: date(1992, 11, 1),
    462: date(1992, 11, 1),
    562: date(1997, 11, 1),
    632: date(2001, 11, 1),
    649: date(2003, 4, 30),
    651: date(2003, 10, 27),
    709: date(2007, 11, 1),
    738: date(2010, 11, 1),
    742: date(2010, 11, 1),
    754: date(2011, 11, 1),
    802: date(2016, 11, 1),
    821: date(2023, 11, 1),
    831: date(2024, 11, 1),
    836: date(2025, 11, 1),
}
# Statutes that amended the Manual directly: Pub. L. 108-21 (the PROTECT Act), § 401(g).
STATUTE_EFFECTIVE = {"Pub. L. 108-21": date(2003, 4, 30)}

# Fields every edition has of its own: its date and names, and the record of its changes.
OWN_FIELDS = {"key", "effective", "title", "short_title", "changes", "amendments"}
RULE_FIELDS = [f.name for f in fields(Edition) if f.name not in OWN_FIELDS]

PAIRS = list(zip(EDITIONS, EDITIONS[1:], strict=False))


def named_fields(edition):
    return [name for change in edition.changes for name in change.fields]


def window(edition):
    """Dates after the carried edition before ``edition``, up to and including its own."""
    index = EDITIONS.index(edition)
    start = EDITIONS[index - 1].effective if index else date.min
    return start, edition.effective


@pytest.mark.parametrize(("previous", "edition"), PAIRS, ids=lambda e: e.key)
def test_an_edition_differs_from_the_one_before_exactly_in_the_fields_it_names(previous, edition):
    differing = {name for name in RULE_FIELDS if getattr(edition, name) != getattr(previous, name)}
    named = named_fields(edition)
    assert len(named) == len(set(named)), "a field is changed twice"
    assert set(named) == differing


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.key)
def test_its_changes_name_real_fields_and_what_made_them(edition):
    for change in edition.changes:
        assert change.fields
        assert set(change.fields) <= set(RULE_FIELDS)
        assert change.amendments or change.statute


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.key)
def test_it_records_every_amendment_its_changes_cite(edition):
    cited = {number for change in edition.changes for number in change.amendments}
    assert edition.amendments == tuple(sorted(cited))


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.key)
def test_each_amendment_cited_took_effect_since_the_previous_edition(edition):
    after, by = window(edition)
    for number in edition.amendments:
        assert number in AMENDMENT_EFFECTIVE, f"Amendment {number} has no date in the test"
        assert after < AMENDMENT_EFFECTIVE[number] <= by, f"Amendment {number}"


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.key)
def test_each_statute_cited_took_effect_since_the_previous_edition(edition):
    after, by = window(edition)
    for change in edition.changes:
        if change.statute:
            [effective] = [d for law, d in STATUTE_EFFECTIVE.items() if law in change.statute]
            assert after < effective <= by


def test_the_later_editions_cite_what_changed_their_rules():
    def sources(key, name):
        edition = next(e for e in EDITIONS if e.key == key)
        [change] = [c for c in edition.changes if name in c.fields]
        return change.amendments, change.statute

    assert sources("2003-04-30", "acceptance_b_requires_motion")[1].startswith("PROTECT Act")
    assert sources("2003-10-27", "early_disposition_section") == ((651,), "")
    assert sources("2010-11-01", "zone_regime") == ((738,), "")
    assert sources("2010-11-01", "recency_points") == ((742,), "")
    assert sources("2016-11-01", "illegal_reentry_text") == ((802,), "")
    assert sources("2023-11-01", "zero_point_offender") == ((821,), "")
    assert sources("2025-11-01", "departures_in_manual") == ((836,), "")


def test_a_new_manual_is_the_latest_plus_its_changes():
    latest = EDITIONS[-1]
    new = module._amended(latest, "2026-11-01", module._by(901, zone_regime="2026"))
    assert (new.key, new.effective) == ("2026-11-01", date(2026, 11, 1))
    assert (new.title, new.short_title) == ("Guidelines Manual, Nov. 1, 2026", "2026 Manual")
    assert new.amendments == (901,)
    assert new.zone_regime == "2026"
    assert all(getattr(new, n) == getattr(latest, n) for n in RULE_FIELDS if n != "zone_regime")


def test_it_refuses_a_restatement_or_an_edition_out_of_order():
    latest = EDITIONS[-1]
    with pytest.raises(ValueError, match="restates departures_in_manual"):
        module._amended(latest, "2026-11-01", module._by(901, departures_in_manual=False))
    with pytest.raises(ValueError, match="changes a field twice"):
        module._amended(
            latest,
            "2026-11-01",
            module._by(901, zone_regime="a"),
            module._by(902, zone_regime="b"),
        )
    with pytest.raises(ValueError, match="does not follow"):
        module._amended(latest, latest.key, module._by(901, zone_regime="2026"))
    with pytest.raises(ValueError, match="names at least one field"):
        module._by(zone_regime="2026")
