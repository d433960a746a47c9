"""Guidelines Manual editions the engine carries, and what differs between them.

Everything that changes from one Manual to the next is a field here, so adding an edition
is adding an entry to ``EDITIONS``. Field values name the amendment that set them.

Not carried: the Manuals between those listed. ``edition_in_effect`` returns the latest
carried edition, and ``gap_warning`` says when a Manual we do not carry may have been in
effect on the date instead.
"""

from dataclasses import dataclass
from datetime import date

# Status points (§4A1.1): "two_points" = +2 for any criminal justice sentence (1987 to
# Oct. 31, 2023); "one_if_seven_or_more" = +1 only with 7 or more points (Amendment 821).
STATUS_TWO_POINTS = "two_points"
STATUS_ONE_IF_SEVEN_OR_MORE = "one_if_seven_or_more"


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
    zero_point_offender: bool  # §4C1.1 exists (Amendment 821)
    acceptance_b_requires_motion: bool  # §3E1.1(b) needs a government motion (PROTECT Act)
    illegal_reentry_text: str  # key into presets: which §2L1.2 text this Manual prints
    departures_in_manual: bool  # False once the 2025 amendments removed departures
    early_disposition_section: str  # where the fast-track reduction lives ("" = none)
    notes: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.title


EDITIONS: tuple[Edition, ...] = (
    Edition(
        key="1995-11-01",
        effective=date(1995, 11, 1),
        title="Guidelines Manual, Nov. 1, 1995",
        short_title="1995 Manual",
        zone_regime="1992",  # Amendment 462
        status_points_rule=STATUS_TWO_POINTS,  # §4A1.1(d)
        status_subsection="§4A1.1(d)",
        recency_points=True,  # §4A1.1(e), in the Manual since 1987
        zero_point_offender=False,
        acceptance_b_requires_motion=False,  # §3E1.1(b) as written by Amendment 459 (1992)
        # §2L1.2 as amended by Amendment 375 (Nov. 1, 1991); Amendment 562 (Nov. 1, 1997)
        # replaced (b) with (b)(1)(A)-(B), a text no carried edition prints.
        illegal_reentry_text="1991",
        departures_in_manual=True,
        early_disposition_section="",  # no fast-track provision before the PROTECT Act
    ),
    Edition(
        key="2003-11-01",
        effective=date(2003, 11, 1),
        title="Guidelines Manual, Nov. 1, 2003",
        short_title="2003 Manual",
        zone_regime="1992",
        status_points_rule=STATUS_TWO_POINTS,
        status_subsection="§4A1.1(d)",
        recency_points=True,
        zero_point_offender=False,
        # PROTECT Act § 401(g), Pub. L. 108-21, amended §3E1.1(b) directly, eff. Apr. 30, 2003.
        acceptance_b_requires_motion=True,
        illegal_reentry_text="2001",  # §2L1.2 as rewritten by Amendment 632 (Nov. 1, 2001)
        departures_in_manual=True,
        # §5K3.1, on the PROTECT Act's directive (USSC early-disposition page); its exact
        # effective date (late 2003) was not verified.
        early_disposition_section="§5K3.1",
    ),
    Edition(
        key="2010-11-01",
        effective=date(2010, 11, 1),
        title="Guidelines Manual, Nov. 1, 2010",
        short_title="2010 Manual",
        zone_regime="2010",  # Amendment 738
        status_points_rule=STATUS_TWO_POINTS,
        status_subsection="§4A1.1(d)",
        recency_points=False,  # Amendment 742 struck §4A1.1(e) recency points
        zero_point_offender=False,
        acceptance_b_requires_motion=True,
        illegal_reentry_text="2001",  # Amendment 754 changed (b)(1)(A)-(B) later, Nov. 1, 2011
        departures_in_manual=True,
        early_disposition_section="§5K3.1",
    ),
    Edition(
        key="2016-11-01",
        effective=date(2016, 11, 1),
        title="Guidelines Manual, Nov. 1, 2016",
        short_title="2016 Manual",
        zone_regime="2010",
        status_points_rule=STATUS_TWO_POINTS,
        status_subsection="§4A1.1(d)",
        recency_points=False,
        zero_point_offender=False,
        acceptance_b_requires_motion=True,
        illegal_reentry_text="2016",  # Amendment 802 (Nov. 1, 2016)
        departures_in_manual=True,
        early_disposition_section="§5K3.1",
    ),
    Edition(
        key="2023-11-01",
        effective=date(2023, 11, 1),
        title="Guidelines Manual, Nov. 1, 2023",
        short_title="2023 Manual",
        zone_regime="2010",
        status_points_rule=STATUS_ONE_IF_SEVEN_OR_MORE,  # Amendment 821, Part A
        status_subsection="§4A1.1(e)",
        recency_points=False,
        zero_point_offender=True,  # §4C1.1, Amendment 821, Part B
        acceptance_b_requires_motion=True,
        # Amendment 802 levels; Amendment 809 (2018) reworded (b)(2)/(b)(3), levels unchanged.
        illegal_reentry_text="2016",
        departures_in_manual=True,
        early_disposition_section="§5K3.1",
    ),
    Edition(
        key="2024-11-01",
        effective=date(2024, 11, 1),
        title="Guidelines Manual, Nov. 1, 2024",
        short_title="2024 Manual",
        zone_regime="2010",
        status_points_rule=STATUS_ONE_IF_SEVEN_OR_MORE,
        status_subsection="§4A1.1(e)",
        recency_points=False,
        zero_point_offender=True,
        acceptance_b_requires_motion=True,
        illegal_reentry_text="2016",  # no 2024 change to §2L1.2 levels found (not verified)
        departures_in_manual=True,
        early_disposition_section="§5K3.1",
    ),
    Edition(
        key="2025-11-01",
        effective=date(2025, 11, 1),
        title="Guidelines Manual, Nov. 1, 2025",
        short_title="2025 Manual",
        zone_regime="2010",
        status_points_rule=STATUS_ONE_IF_SEVEN_OR_MORE,
        status_subsection="§4A1.1(e)",
        recency_points=False,
        zero_point_offender=True,
        acceptance_b_requires_motion=True,
        illegal_reentry_text="2016",  # §2L1.2 levels unchanged as far as checked (not verified)
        # Amendment 836 (Nov. 1, 2025; cited so in the 2025 Manual's App. B, Part III):
        # departures removed, sentencing is two steps (range, then 18 U.S.C. § 3553(a)).
        departures_in_manual=False,
        early_disposition_section="§3F1.1",  # from §5K3.1 (secondary sources, not the Manual)
        notes=(
            "The 2025 Manual removed departures; after the range the court turns to 18 U.S.C. "
            "§ 3553(a). Early disposition (fast-track) is now §3F1.1; substantial assistance "
            "remains §5K1.1.",
        ),
    ),
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
        # PROTECT Act § 401(g), Pub. L. 108-21, amended §3E1.1(b) itself, eff. Apr. 30, 2003.
        date(2003, 4, 30),
        "From Apr. 30, 2003 the PROTECT Act made the third §3E1.1(b) level depend on a "
        "motion of the government.",
    ),
)


def gap_warning(on: date) -> str | None:
    """Say so when a Manual we do not carry may have been in effect on ``on``.

    Manuals are amended most Novembers, so a date a year or more after the edition we found,
    and before the next one we carry, may fall under an edition we do not have. A change in
    ``MID_CYCLE_CHANGES`` that took effect after that edition and by ``on`` is named too.
    """
    edition = edition_in_effect(on)
    following = [e for e in EDITIONS if e.effective > edition.effective]
    if on < date(edition.effective.year + 1, 11, 1):
        return None
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
    missed = [text for day, text in MID_CYCLE_CHANGES if edition.effective < day <= on]
    return " ".join([warning, *missed])
