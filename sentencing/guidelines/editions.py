"""Guidelines Manual editions the engine carries, and what differs between them.

Everything that changes from one Manual to the next is a field here. The first carried
edition states every field; each later one is the edition before it plus the fields its
amendments changed, each change naming the amendments (or statute) that made it. Adding a
Manual is adding a few lines to ``EDITIONS``.

Not carried: the Manuals between those listed. ``edition_in_effect`` returns the latest
carried edition, and ``gap_warning`` says when a Manual we do not carry may have been in
effect on the date instead.
"""

from dataclasses import dataclass, replace
from datetime import date
from typing import TypedDict, Unpack

# Status points (§4A1.1): "two_points" = +2 for any criminal justice sentence (1987 to
# Oct. 31, 2023); "one_if_seven_or_more" = +1 only with 7 or more points (Amendment 821).
STATUS_TWO_POINTS = "two_points"
STATUS_ONE_IF_SEVEN_OR_MORE = "one_if_seven_or_more"

# The crime-of-violence point (§4A1.1): "related" = a sentence considered related to another
# crime-of-violence sentence, except offenses on the same occasion (Amendment 382, 1991);
# "single_sentence" = a sentence counted as a single sentence (Amendment 709, 2007).
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
    status_points_rule: str  # STATUS_TWO_POINTS or STATUS_ONE_IF_SEVEN_OR_MORE
    status_subsection: str  # where §4A1.1 puts status points
    recency_points: bool  # §4A1.1(e) recency points (removed by Amendment 742)
    crime_of_violence_subsection: str  # where §4A1.1 puts the crime-of-violence point
    crime_of_violence_rule: str  # CRIME_OF_VIOLENCE_RELATED or _SINGLE_SENTENCE
    zero_point_offender: bool  # §4C1.1 exists (Amendment 821)
    zero_point_criteria: str  # ZERO_POINT_2023 or _2024; ZERO_POINT_NONE without §4C1.1
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
    status_points_rule: str
    status_subsection: str
    recency_points: bool
    crime_of_violence_subsection: str
    crime_of_violence_rule: str
    zero_point_offender: bool
    zero_point_criteria: str
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


def _dated(key: str) -> _Dated:
    effective = date.fromisoformat(key)
    month = _MONTHS[effective.month - 1]
    return _Dated(
        key=key,
        effective=effective,
        title=f"Guidelines Manual, {month} {effective.day}, {effective.year}",
        short_title=f"{effective.year} Manual",
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
    Change(("zone_regime",), (462,)),  # Sentencing Table zones A-D, Amendment 462 (1992)
    Change(("acceptance_b_requires_motion",), (459,)),  # §3E1.1(b), Amendment 459 (1992)
    Change(("illegal_reentry_text",), (375,)),  # §2L1.2(b)(1)-(2), Amendment 375 (1991)
    # §4A1.1(f), added by Amendment 382 (Nov. 1, 1991).
    Change(("crime_of_violence_subsection", "crime_of_violence_rule"), (382,)),
)

_MANUAL_1995 = Edition(
    **_dated("1995-11-01"),
    zone_regime="1992",
    status_points_rule=STATUS_TWO_POINTS,
    status_subsection="§4A1.1(d)",
    recency_points=True,  # §4A1.1(e), in the Manual since 1987 (amended by 259 in 1989)
    crime_of_violence_subsection="§4A1.1(f)",
    crime_of_violence_rule=CRIME_OF_VIOLENCE_RELATED,
    zero_point_offender=False,
    zero_point_criteria=ZERO_POINT_NONE,
    acceptance_b_requires_motion=False,
    # Amendment 523 (1995) changed only the commentary; Amendment 562 (Nov. 1, 1997)
    # replaced (b) with (b)(1)(A)-(B), a text no carried edition prints.
    illegal_reentry_text="1991",
    departures_in_manual=True,
    early_disposition_section="",  # none before §5K3.1 (Amendment 651, 2003)
    changes=_FIRST_SOURCES,
    amendments=_cited(_FIRST_SOURCES),
)

_MANUAL_2001 = _amended(
    _MANUAL_1995,
    "2001-11-01",
    _by(632, illegal_reentry_text="2001"),  # §2L1.2 struck and replaced (Nov. 1, 2001)
)

# No field of this table changed from 2001 (the mitigating role cap, Amendment 640, and §4B1.1(c),
# Amendment 642, are kept by their amendments' dates).
_MANUAL_2002 = _amended(_MANUAL_2001, "2002-11-01")

_MANUAL_2003 = _amended(
    _MANUAL_2002,
    "2003-11-01",
    # §3E1.1(b) amended by the Act itself, eff. Apr. 30, 2003; entered as Amendment 649.
    _by(649, statute=_PROTECT_ACT, acceptance_b_requires_motion=True),
    # §5K3.1 added on the Act's § 401(m)(2)(B) directive, eff. Oct. 27, 2003.
    _by(651, early_disposition_section="§5K3.1"),
)

# 2004 to 2006: no field of this table changed from 2003 (the Drug Quantity Table's and
# §2D1.1's numbering changes are kept by their amendments' dates).
_MANUAL_2004 = _amended(_MANUAL_2003, "2004-11-01")
_MANUAL_2005 = _amended(_MANUAL_2004, "2005-11-01")
_MANUAL_2006 = _amended(_MANUAL_2005, "2006-11-01")

_MANUAL_2007 = _amended(
    _MANUAL_2006,
    "2007-11-01",
    # §4A1.1(f): "counted as a single sentence" for "considered related", and the
    # same-occasion proviso struck (Nov. 1, 2007).
    _by(709, crime_of_violence_rule=CRIME_OF_VIOLENCE_SINGLE_SENTENCE),
)
_MANUAL_2008 = _amended(_MANUAL_2007, "2008-11-01")
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

_MANUAL_2016 = _amended(
    _MANUAL_2015,
    "2016-11-01",
    _by(802, illegal_reentry_text="2016"),  # §2L1.2(b) rewritten
)

# No field of this table changed from 2016 (Amendment 809 amended §2L1.2 without changing
# its levels, as the 2025 Manual prints them).
_MANUAL_2018 = _amended(_MANUAL_2016, "2018-11-01")

_MANUAL_2023 = _amended(
    _MANUAL_2018,
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
    _MANUAL_1995,
    _MANUAL_2001,
    _MANUAL_2002,
    _MANUAL_2003,
    _MANUAL_2004,
    _MANUAL_2005,
    _MANUAL_2006,
    _MANUAL_2007,
    _MANUAL_2008,
    _MANUAL_2009,
    _MANUAL_2010,
    _MANUAL_2011,
    _MANUAL_2012,
    _MANUAL_2013,
    _MANUAL_2014,
    _MANUAL_2015,
    _MANUAL_2016,
    _MANUAL_2018,
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


# Changes that took effect between the November editions carried, so that the edition
# returned for a date after them does not yet print them: (effective date, what changed).
MID_CYCLE_CHANGES: tuple[tuple[date, str], ...] = (
    (
        # PROTECT Act § 401(g), Pub. L. 108-21, amended §3E1.1(b) itself, eff. Apr. 30, 2003
        # (Amendment 649).
        date(2003, 4, 30),
        "From Apr. 30, 2003 the PROTECT Act made the third §3E1.1(b) level depend on a "
        "motion of the government.",
    ),
)


def gap_warning(on: date) -> str | None:
    """Say so when a Manual we do not carry may have been in effect on ``on``.

    Manuals are amended most Novembers, so a date a year or more after the edition we found,
    and before the next one we carry, may fall under an edition we do not have. A change in
    ``MID_CYCLE_CHANGES`` that took effect after that edition and by ``on`` is named, gap or
    not.
    """
    edition = edition_in_effect(on)
    following = [e for e in EDITIONS if e.effective > edition.effective]
    missed = [text for day, text in MID_CYCLE_CHANGES if edition.effective < day <= on]
    if on < date(edition.effective.year + 1, 11, 1):
        return " ".join(missed) or None
    if following:
        warning = (
            f"The engine carries no Manual between the {edition.short_title} and the "
            f"{following[0].short_title}; a Manual it does not carry may have been in effect "
            f"on {on.isoformat()}."
        )
    else:
        warning = (
            f"The {edition.short_title} is the latest Manual the engine carries; a later "
            f"Manual may have been in effect on {on.isoformat()}."
        )
    return " ".join([warning, *missed])
