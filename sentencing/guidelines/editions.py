"""Guidelines Manual editions the engine carries, and what differs between them.

Everything that changes from one Manual to the next is a field here. The first carried
edition states every field; each later one is the edition before it plus the fields its
amendments changed, each change naming the amendments (or statute) that made it. Adding a
Manual is adding a few lines to ``EDITIONS``.

Carried: every Manual from Nov. 1, 1989 (Amendment 270 gave the Sentencing Table the cells it
has kept since, but two) to Nov. 1, 2025, and each amendment between two Novembers that bears
on what the engine computes, as that Manual "as amended" on its date (``MID_CYCLE_CHANGES``
lists them all). Not carried: the Manuals of 1987 and 1988, whose Sentencing Table is not in
the sources at hand. ``edition_in_effect`` returns the latest carried edition on a date.
"""

from dataclasses import dataclass, replace
from datetime import date
from typing import TypedDict, Unpack

# Status points (§4A1.1): "two_points" = +2 for any criminal justice sentence (1987 to
# Oct. 31, 2023); "one_if_seven_or_more" = +1 only with 7 or more points (Amendment 821).
STATUS_TWO_POINTS = "two_points"
STATUS_ONE_IF_SEVEN_OR_MORE = "one_if_seven_or_more"

# The crime-of-violence point (§4A1.1): "" = none (before Amendment 382); "related" = a
# sentence considered related to another crime-of-violence sentence, except offenses on the
# same occasion (Amendment 382, 1991); "single_sentence" = a sentence counted as a single
# sentence (Amendment 709, 2007).
CRIME_OF_VIOLENCE_NONE = ""
CRIME_OF_VIOLENCE_RELATED = "related"
CRIME_OF_VIOLENCE_SINGLE_SENTENCE = "single_sentence"

# Which text of the §4C1.1(a) criteria an edition prints: "" none; "2023" ten criteria, (a)(10)
# joining the aggravating role and the continuing criminal enterprise (Amendment 821);
# "2024" eleven, those two as (a)(10) and (a)(11) (Amendment 831).
ZERO_POINT_NONE = ""
ZERO_POINT_2023 = "2023"
ZERO_POINT_2024 = "2024"

_PROTECT_ACT = "PROTECT Act § 401(g), Pub. L. 108-21"


@dataclass(frozen=True)
class Change:
    """Fields of an edition set by the named amendments or statute."""

    fields: tuple[str, ...]
    amendments: tuple[int, ...] = ()  # Appendix C amendment numbers
    statute: str = ""  # a statute that amended the Manual directly


@dataclass(frozen=True)
class Edition:
    key: str  # ISO effective date, e.g. "1995-11-01"
    effective: date
    title: str  # "Guidelines Manual, Nov. 1, 1995"
    short_title: str  # "1995 Manual"
    zone_regime: str  # key into zones.ZONE_REGIMES
    sentencing_table: str  # key into table.TABLES
    status_points_rule: str  # STATUS_TWO_POINTS or STATUS_ONE_IF_SEVEN_OR_MORE
    status_subsection: str  # where §4A1.1 puts status points
    recency_points: bool  # §4A1.1(e) recency points (removed by Amendment 742)
    crime_of_violence_subsection: str  # where §4A1.1 puts the crime-of-violence point ("" none)
    crime_of_violence_rule: str  # CRIME_OF_VIOLENCE_NONE, _RELATED or _SINGLE_SENTENCE
    zero_point_offender: bool  # §4C1.1 exists (Amendment 821)
    zero_point_criteria: str  # ZERO_POINT_2023 or _2024; ZERO_POINT_NONE without §4C1.1
    acceptance_additional_level: bool  # §3E1.1(b)'s third level exists (Amendment 459)
    acceptance_b_requires_motion: bool  # §3E1.1(b) needs a government motion (PROTECT Act)
    illegal_reentry_text: str  # key into presets: which §2L1.2 text this Manual prints
    departures_in_manual: bool  # False once the 2025 amendments removed departures
    early_disposition_section: str  # where the fast-track reduction lives ("" = none)
    notes: tuple[str, ...] = ()
    # What set this edition's fields: for the first carried edition, the sources of the
    # values it states; for a later one, what changed since the edition before it.
    changes: tuple[Change, ...] = ()
    amendments: tuple[int, ...] = ()  # every amendment number ``changes`` names, ascending

    def __str__(self) -> str:
        return self.title


class _Dated(TypedDict):
    key: str
    effective: date
    title: str
    short_title: str


class _Amendable(TypedDict, total=False):
    zone_regime: str
    sentencing_table: str
    status_points_rule: str
    status_subsection: str
    recency_points: bool
    crime_of_violence_subsection: str
    crime_of_violence_rule: str
    zero_point_offender: bool
    zero_point_criteria: str
    acceptance_additional_level: bool
    acceptance_b_requires_motion: bool
    illegal_reentry_text: str
    departures_in_manual: bool
    early_disposition_section: str
    notes: tuple[str, ...]


@dataclass(frozen=True)
class _Step:
    change: Change
    values: _Amendable


_MONTHS = "Jan. Feb. Mar. Apr. May June July Aug. Sept. Oct. Nov. Dec.".split()


def _day(on: date) -> str:
    return f"{_MONTHS[on.month - 1]} {on.day}, {on.year}"


def _dated(key: str) -> _Dated:
    """A Manual of Nov. 1 is named by its year; amendments that took effect between two
    Novembers amend the Manual of the November before them ("2002 Manual as amended Jan. 25,
    2003"), as the Commission's supplements do."""
    effective = date.fromisoformat(key)
    if (effective.month, effective.day) == (11, 1):
        return _Dated(
            key=key,
            effective=effective,
            title=f"Guidelines Manual, {_day(effective)}",
            short_title=f"{effective.year} Manual",
        )
    year = effective.year if (effective.month, effective.day) > (11, 1) else effective.year - 1
    return _Dated(
        key=key,
        effective=effective,
        title=f"Guidelines Manual, Nov. 1, {year}, as amended {_day(effective)}",
        short_title=f"{year} Manual as amended {_day(effective)}",
    )


def _by(*amendments: int, statute: str = "", **values: Unpack[_Amendable]) -> _Step:
    """Fields set to ``values`` by ``amendments`` (Appendix C numbers) or ``statute``."""
    if not values or not (amendments or statute):
        raise ValueError("A change names at least one field and what made it.")
    return _Step(Change(tuple(values), tuple(amendments), statute), values)


def _cited(changes: tuple[Change, ...]) -> tuple[int, ...]:
    return tuple(sorted({number for change in changes for number in change.amendments}))


def _amended(previous: Edition, key: str, *steps: _Step) -> Edition:
    """The edition effective on ``key``: ``previous`` with only what ``steps`` changed."""
    dated = _dated(key)
    if dated["effective"] <= previous.effective:
        raise ValueError(f"Edition {key} does not follow {previous.key}.")
    values: _Amendable = {}
    for step in steps:
        if values.keys() & step.values.keys():
            raise ValueError(f"Edition {key} changes a field twice.")
        for name, value in step.values.items():
            if getattr(previous, name) == value:
                raise ValueError(f"Edition {key} restates {name} of {previous.key}.")
        values.update(step.values)
    changes = tuple(step.change for step in steps)
    return replace(previous, **dated, **values, changes=changes, amendments=_cited(changes))


_FIRST_SOURCES = (
    # Every range with a minimum of zero made 0-6 (Amendment 270, Nov. 1, 1989).
    Change(("sentencing_table",), (270,)),
    # §2L1.2(a) 8 and the former (b) struck (Amendment 38, Jan. 15, 1988); (b)(1) +4 for a
    # deportation after a felony (Amendment 193, Nov. 1, 1989).
    Change(("illegal_reentry_text",), (38, 193)),
    # §4A1.1(e), recency, as amended by Amendment 259 (Nov. 1, 1989).
    Change(("recency_points",), (259,)),
    # §3E1.1(a), 2 levels, as amended by Amendment 46 (Jan. 15, 1988); no (b) level yet.
    Change(("acceptance_additional_level",), (46,)),
)

_MANUAL_1989 = Edition(
    **_dated("1989-11-01"),
    zone_regime="1989",  # no zones: §§5B1.1(a) and 5C1.1(c)-(f) by the range's minimum
    sentencing_table="1989",
    status_points_rule=STATUS_TWO_POINTS,
    status_subsection="§4A1.1(d)",
    recency_points=True,
    crime_of_violence_subsection="",
    crime_of_violence_rule=CRIME_OF_VIOLENCE_NONE,
    zero_point_offender=False,
    zero_point_criteria=ZERO_POINT_NONE,
    acceptance_additional_level=False,
    acceptance_b_requires_motion=False,
    illegal_reentry_text="1989",
    departures_in_manual=True,
    early_disposition_section="",  # none before §5K3.1 (Amendment 651, 2003)
    changes=_FIRST_SOURCES,
    amendments=_cited(_FIRST_SOURCES),
)

# No field of this table changed (Amendment 351 amended only §3E1.1's commentary).
_MANUAL_1990 = _amended(_MANUAL_1989, "1990-11-01")

_MANUAL_1991 = _amended(
    _MANUAL_1990,
    "1991-11-01",
    _by(375, illegal_reentry_text="1991"),  # §2L1.2(b)(2), +16 for an aggravated felony
    # §4A1.1(f) added: a crime-of-violence sentence considered related to another.
    _by(
        382,
        crime_of_violence_subsection="§4A1.1(f)",
        crime_of_violence_rule=CRIME_OF_VIOLENCE_RELATED,
    ),
)

_MANUAL_1992 = _amended(
    _MANUAL_1991,
    "1992-11-01",
    # Zones A-D drawn, and levels 7 and 8 of Category I made 0-6.
    _by(462, zone_regime="1992", sentencing_table="1992"),
    _by(459, acceptance_additional_level=True),  # §3E1.1 replaced; (b), 1 additional level
)

# 1993 to 1996: no field of this table changed (Amendment 523 of 1995 amended only §2L1.2's
# commentary; the tables that did change, such as the Drug Quantity Table by Amendment 505
# of 1994, are kept by their amendments' dates).
_MANUAL_1993 = _amended(_MANUAL_1992, "1993-11-01")
# Amendment 509 (Sept. 23, 1994) added §5C1.2, the safety valve (kept by its date).
_MANUAL_1994_09_23 = _amended(_MANUAL_1993, "1994-09-23")
_MANUAL_1994 = _amended(_MANUAL_1994_09_23, "1994-11-01")
_MANUAL_1995 = _amended(_MANUAL_1994, "1995-11-01")
_MANUAL_1996 = _amended(_MANUAL_1995, "1996-11-01")

# §2L1.2(b) replaced: (b)(1)(A) +16 aggravated felony, (B) +4 any other felony or three
# misdemeanor crimes of violence or controlled substance offenses, "use the greater".
_MANUAL_1997 = _amended(_MANUAL_1996, "1997-11-01", _by(562, illegal_reentry_text="1997"))

# No amendment took effect in 1999 (Appendix C); 1998 and 2000 changed no field of this table.
_MANUAL_1998 = _amended(_MANUAL_1997, "1998-11-01")
_MANUAL_2000 = _amended(_MANUAL_1998, "2000-11-01")

# Amendment 608 (Dec. 16, 2000) inserted §2D1.1(b)(6) and redesignated (6) as (7) (kept by its
# date in drugs.py).
_MANUAL_2000_12_16 = _amended(_MANUAL_2000, "2000-12-16")

_MANUAL_2001 = _amended(
    _MANUAL_2000_12_16,
    "2001-11-01",
    _by(632, illegal_reentry_text="2001"),  # §2L1.2 struck and replaced (Nov. 1, 2001)
)

# No field of this table changed from 2001 (the mitigating role cap, Amendment 640, and §4B1.1(c),
# Amendment 642, are kept by their amendments' dates).
_MANUAL_2002 = _amended(_MANUAL_2001, "2002-11-01")

# Amendment 647 (emergency, Jan. 25, 2003): §2B1.1's loss rows above $200 million and its
# six-level victims row (kept by their date in loss.py and theft_fraud.py).
_MANUAL_2003_01_25 = _amended(_MANUAL_2002, "2003-01-25")
_MANUAL_2003_04_30 = _amended(
    _MANUAL_2003_01_25,
    "2003-04-30",
    # §3E1.1(b) amended by the Act itself, eff. Apr. 30, 2003; entered as Amendment 649.
    _by(649, statute=_PROTECT_ACT, acceptance_b_requires_motion=True),
)
_MANUAL_2003_10_27 = _amended(
    _MANUAL_2003_04_30,
    "2003-10-27",
    # §5K3.1 added on the Act's § 401(m)(2)(B) directive, eff. Oct. 27, 2003.
    _by(651, early_disposition_section="§5K3.1"),
)
_MANUAL_2003 = _amended(_MANUAL_2003_10_27, "2003-11-01")

# 2004 to 2006: no field of this table changed from 2003 (the Drug Quantity Table's and
# §2D1.1's numbering changes are kept by their amendments' dates).
_MANUAL_2004 = _amended(_MANUAL_2003, "2004-11-01")
_MANUAL_2005 = _amended(_MANUAL_2004, "2005-11-01")
# Amendment 681 (Mar. 27, 2006) redesignated §2D1.1(b); the safety-valve decrease became (b)(9).
_MANUAL_2006_03_27 = _amended(_MANUAL_2005, "2006-03-27")
_MANUAL_2006 = _amended(_MANUAL_2006_03_27, "2006-11-01")

_MANUAL_2007 = _amended(
    _MANUAL_2006,
    "2007-11-01",
    # §4A1.1(f): "counted as a single sentence" for "considered related", and the
    # same-occasion proviso struck (Nov. 1, 2007).
    _by(709, crime_of_violence_rule=CRIME_OF_VIOLENCE_SINGLE_SENTENCE),
)
# Amendment 715 (May 1, 2008) changed how cocaine base combines with other drugs (§2D1.1,
# comment. (n.10(D))), a rule the engine does not model (drugs.py).
_MANUAL_2008_05_01 = _amended(_MANUAL_2007, "2008-05-01")
_MANUAL_2008 = _amended(_MANUAL_2008_05_01, "2008-11-01")
_MANUAL_2009 = _amended(_MANUAL_2008, "2009-11-01")

_MANUAL_2010 = _amended(
    _MANUAL_2009,
    "2010-11-01",
    _by(738, zone_regime="2010"),  # Sentencing Table Zones B and C expanded
    # §4A1.1(e) struck, and (f) redesignated (e).
    _by(742, recency_points=False, crime_of_violence_subsection="§4A1.1(e)"),
    # §2L1.2 unchanged here: Amendment 754 changed (b)(1)(A)-(B) later, Nov. 1, 2011.
)

# §2L1.2(b)(1)(A)-(B) by whether the prior conviction scores criminal history points.
_MANUAL_2011 = _amended(_MANUAL_2010, "2011-11-01", _by(754, illegal_reentry_text="2011"))

# 2012 to 2015: no field of this table changed from 2011: the Manual's tables that did (the
# Drug Quantity Table by Amendment 782, Nov. 1, 2014; the loss and fine tables by Amendment
# 791, Nov. 1, 2015) are kept by their amendments' dates.
_MANUAL_2012 = _amended(_MANUAL_2011, "2012-11-01")
_MANUAL_2013 = _amended(_MANUAL_2012, "2013-11-01")
_MANUAL_2014 = _amended(_MANUAL_2013, "2014-11-01")
_MANUAL_2015 = _amended(_MANUAL_2014, "2015-11-01")

# Amendment 798 (Aug. 1, 2016) replaced §4B1.2(a)(2)'s residual clause with a list of
# offenses, which bears on a career offender finding the worksheet enters.
_MANUAL_2016_08_01 = _amended(_MANUAL_2015, "2016-08-01")

_MANUAL_2016 = _amended(
    _MANUAL_2016_08_01,
    "2016-11-01",
    _by(802, illegal_reentry_text="2016"),  # §2L1.2(b) rewritten
)

# No field of this table changed from 2016 (Amendment 809 amended §2L1.2 without changing
# its levels, as the 2025 Manual prints them).
_MANUAL_2018 = _amended(_MANUAL_2016, "2018-11-01")

# No amendment took effect between Nov. 1, 2018 (Amendments 805-813) and Nov. 1, 2023
# (Amendment 814 on): the 2025 Manual's historical notes name none. The Commission issued a
# 2021 Manual all the same, which PSRs of 2021-23 cite; it is the 2018 text.
_MANUAL_2021 = _amended(_MANUAL_2018, "2021-11-01")

_MANUAL_2023 = _amended(
    _MANUAL_2021,
    "2023-11-01",
    # Part A: status points limited, moved to §4A1.1(e); the crime-of-violence point
    # redesignated (d), so it is counted before the status point.
    _by(
        821,
        status_points_rule=STATUS_ONE_IF_SEVEN_OR_MORE,
        status_subsection="§4A1.1(e)",
        crime_of_violence_subsection="§4A1.1(d)",
    ),
    # Part B, Subpart 1: §4C1.1
    _by(821, zero_point_offender=True, zero_point_criteria=ZERO_POINT_2023),
    # §2L1.2 keeps Amendment 802's levels: 809 (2018) and 822 (2023) amended it, and the
    # 2016 and 2025 Manuals print the same levels. Which of them reworded (b)(2)-(3) is
    # not verified.
)

# §2L1.2 has no 2024 amendment. Amendment 831 amended §4A1.1 and §4C1.1 (historical notes of
# the 2025 Manual): the 2023 status rule and crime-of-violence point are printed unchanged in
# the 2025 Manual, so taken as unchanged. §4C1.1(a)(10) became (a)(10) and (a)(11); that
# 831 (and not 830, also in §4C1.1's note) made the split is not verified from its text.
_MANUAL_2024 = _amended(_MANUAL_2023, "2024-11-01", _by(831, zero_point_criteria=ZERO_POINT_2024))

_MANUAL_2025 = _amended(
    _MANUAL_2024,
    "2025-11-01",
    # Amendment 836: departures removed (Ch. 1, Pt. A, intro. comment.); §5K3.1 deleted and
    # replaced by §3F1.1. §2L1.2 keeps the 2016 levels.
    _by(
        836,
        departures_in_manual=False,
        early_disposition_section="§3F1.1",
        notes=(
            "The 2025 Manual removed departures; after the range the court turns to 18 U.S.C. "
            "§ 3553(a). Early disposition (fast-track) is now §3F1.1; substantial assistance "
            "remains §5K1.1.",
        ),
    ),
)

EDITIONS: tuple[Edition, ...] = (
    _MANUAL_1989,
    _MANUAL_1990,
    _MANUAL_1991,
    _MANUAL_1992,
    _MANUAL_1993,
    _MANUAL_1994_09_23,
    _MANUAL_1994,
    _MANUAL_1995,
    _MANUAL_1996,
    _MANUAL_1997,
    _MANUAL_1998,
    _MANUAL_2000,
    _MANUAL_2000_12_16,
    _MANUAL_2001,
    _MANUAL_2002,
    _MANUAL_2003_01_25,
    _MANUAL_2003_04_30,
    _MANUAL_2003_10_27,
    _MANUAL_2003,
    _MANUAL_2004,
    _MANUAL_2005,
    _MANUAL_2006_03_27,
    _MANUAL_2006,
    _MANUAL_2007,
    _MANUAL_2008_05_01,
    _MANUAL_2008,
    _MANUAL_2009,
    _MANUAL_2010,
    _MANUAL_2011,
    _MANUAL_2012,
    _MANUAL_2013,
    _MANUAL_2014,
    _MANUAL_2015,
    _MANUAL_2016_08_01,
    _MANUAL_2016,
    _MANUAL_2018,
    _MANUAL_2021,
    _MANUAL_2023,
    _MANUAL_2024,
    _MANUAL_2025,
)


def edition_by_key(key: str) -> Edition:
    for edition in EDITIONS:
        if edition.key == key:
            return edition
    known = ", ".join(e.key for e in EDITIONS)
    raise ValueError(f"No Guidelines Manual edition {key!r}; known editions: {known}.")


def edition_in_effect(on: date) -> Edition:
    """The latest carried edition effective on or before ``on``."""
    earlier = [e for e in EDITIONS if e.effective <= on]
    if not earlier:
        first = EDITIONS[0]
        raise ValueError(
            f"{on.isoformat()} is before the earliest Manual the engine carries ({first.title})."
        )
    return earlier[-1]


# Every amendment that took effect between two Novembers after Nov. 1, 1989 (Appendix C's
# effective dates), and whether the engine carries it as an edition ("as amended ..."): it
# does for each that changes what the engine computes or a finding the worksheet enters; the
# others amend a guideline the engine does not model, commentary only, or §1B1.10.
MID_CYCLE_CHANGES: tuple[tuple[date, tuple[int, ...], bool], ...] = (
    (date(1991, 11, 27), (435, 436, 437), False),  # §§2G2.2, 2G2.4, 2G3.1
    (date(1994, 9, 23), (509,), True),  # §5C1.2
    (date(1997, 5, 1), (541, 542, 543, 544), False),  # §§2D1.11, 2H4.1, 2L1.1, 2L2.1-2L2.2
    (date(2000, 5, 1), (590,), False),  # §2B5.3
    (date(2000, 12, 16), (608,), True),  # §2D1.1(b) renumbered
    (date(2001, 5, 1), (609, 610, 611, 612), False),  # drugs the engine does not model; §2H4.1
    (date(2003, 1, 25), (647, 648), True),  # §2B1.1 loss and victims tables
    (date(2003, 4, 30), (649,), True),  # §3E1.1(b), the PROTECT Act
    (date(2003, 5, 30), (650,), False),  # §2A4.1
    (date(2003, 10, 27), (651,), True),  # §5K3.1
    (date(2003, 11, 5), (662,), False),  # §1B1.10
    (date(2005, 10, 24), (675, 676), False),  # §§2B5.3, 2J1.2
    (date(2006, 3, 27), (681,), True),  # §2D1.1(b) renumbered
    (date(2006, 9, 12), (682,), False),  # §2B5.3 commentary
    (date(2007, 5, 1), (697,), False),  # §2H3.1
    (date(2008, 2, 6), (714,), False),  # §2B1.1(b)(16), disaster fraud, not modelled
    (date(2008, 3, 3), (712, 713), False),  # §1B1.10
    (date(2008, 5, 1), (715, 716), True),  # §2D1.1 cocaine base combination
    (date(2016, 8, 1), (798,), True),  # §4B1.2(a)(2)
)


def gap_warning(on: date) -> str | None:
    """Say so when a Manual we do not carry may have been in effect on ``on``: every
    amendment from Nov. 1, 1989 to Nov. 1, 2025 that bears on the engine is in a carried
    edition, so only a date a year or more after the latest one may fall under a Manual the
    engine does not know."""
    latest = EDITIONS[-1]
    if edition_in_effect(on) is latest and on >= date(latest.effective.year + 1, 11, 1):
        return (
            f"The {latest.short_title} is the latest Manual the engine carries; a later "
            f"Manual may have been in effect on {on.isoformat()}."
        )
    return None
