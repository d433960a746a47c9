"""§4C1.1, Adjustment for Certain Zero-Point Offenders (Amendment 821, from Nov. 1, 2023): its
criteria as each Manual numbers them, which of them the worksheet decides, and the decrease.

The criteria are given in short, in our words; the Manual's text governs. The 2023 Manual's
(a)(1)-(9) are taken as the 2025 Manual prints them (the 2023 text of those nine not seen);
its (a)(10) as quoted in summaries of United States v. Morales, 122 F.4th 590 (5th Cir. 2024),
and United States v. Lall, No. 24-1960 (3d Cir. Dec. 2, 2024) (the opinions' text not seen).
"""

from dataclasses import dataclass

from .editions import ZERO_POINT_2023, ZERO_POINT_2024, Edition
from .offense_level import OffenseLine, counted_lines
from .sections import section_family

DECREASE = -2  # §4C1.1(a): "decrease the offense level ... by 2 levels"

# How a criterion stands for a case.
MET = "met"  # the worksheet shows it
NOT_MET = "not met"  # the worksheet shows it fails
ASSERTED = "asserted"  # a fact outside the worksheet: the user's assertion of eligibility covers it
UNKNOWN = "unknown"  # the worksheet cannot say (a category entered without points)


@dataclass(frozen=True)
class Criterion:
    """One criterion of §4C1.1(a). ``sections``: guidelines whose application on the worksheet
    fails it; ``whole``: their absence from the worksheet meets it (False when the criterion
    also asks a fact the worksheet does not hold); ``points``: it is zero criminal history
    points."""

    number: str  # "(a)(10)"
    summary: str
    sections: tuple[str, ...] = ()
    whole: bool = False
    points: bool = False


@dataclass(frozen=True)
class CriterionCheck:
    criterion: Criterion
    status: str  # MET, NOT_MET, ASSERTED or UNKNOWN
    reason: str = ""


_ROLE = "3B1.1"
# §2D1.5 (Continuing Criminal Enterprise) is the guideline of 21 U.S.C. § 848 (its Statutory
# Provision, 2025 Manual): a worksheet that applies it fails the enterprise criterion.
_CCE_GUIDELINE = "2D1.5"
_CCE = "not engaged in a continuing criminal enterprise (21 U.S.C. § 848)"

# (a)(1)-(9): the same in the 2023 Manual and after (see the module's note).
_FIRST_NINE = (
    Criterion("(a)(1)", "No criminal history points under Chapter Four, Part A", points=True),
    Criterion("(a)(2)", "No adjustment under §3A1.4 (terrorism)", ("3A1.4",), whole=True),
    Criterion(
        "(a)(3)", "No violence or credible threat of violence in connection with the offense"
    ),
    Criterion("(a)(4)", "The offense resulted in no death or serious bodily injury"),
    Criterion("(a)(5)", "The offense of conviction is not a sex offense (§4C1.1(b)(2))"),
    Criterion("(a)(6)", "The defendant personally caused no substantial financial hardship"),
    Criterion(
        "(a)(7)",
        "The defendant did not possess or deal in a firearm or other dangerous weapon, or "
        "induce another participant to, in connection with the offense",
    ),
    Criterion(
        "(a)(8)", "The offense of conviction is not covered by §2H1.1", ("2H1.1",), whole=True
    ),
    Criterion(
        "(a)(9)",
        "No adjustment under §3A1.1 (hate crime motivation or vulnerable victim) or §3A1.5 "
        "(serious human rights offense)",
        ("3A1.1", "3A1.5"),
        whole=True,
    ),
)

CRITERIA: dict[str, tuple[Criterion, ...]] = {
    # 2023 Manual (Amendment 821): one criterion for the role and the enterprise. Read as
    # failed by either: United States v. Cervantes, 109 F.4th 944 (7th Cir. 2024) (a §3B1.1
    # adjustment alone); Morales and Lall (above).
    ZERO_POINT_2023: _FIRST_NINE
    + (
        Criterion(
            "(a)(10)",
            f"No adjustment under §3B1.1 (aggravating role), and {_CCE}",
            (_ROLE, _CCE_GUIDELINE),
        ),
    ),
    # From the 2024 Manual: the two as separate criteria.
    ZERO_POINT_2024: _FIRST_NINE
    + (
        Criterion("(a)(10)", "No adjustment under §3B1.1 (aggravating role)", (_ROLE,), whole=True),
        Criterion("(a)(11)", _CCE[0].upper() + _CCE[1:], (_CCE_GUIDELINE,)),
    ),
}


def criteria(edition: Edition) -> tuple[Criterion, ...]:
    """The §4C1.1(a) criteria the edition prints; () before the 2023 Manual."""
    return CRITERIA.get(edition.zero_point_criteria, ())


def _check(
    criterion: Criterion, applied: dict[str, OffenseLine], points: int | None
) -> CriterionCheck:
    if criterion.points:
        if points is None:
            return CriterionCheck(criterion, UNKNOWN, "the category was entered, not points")
        if points:
            return CriterionCheck(criterion, NOT_MET, f"{points} criminal history points")
        return CriterionCheck(criterion, MET, "0 criminal history points")
    found = [applied[s] for s in criterion.sections if s in applied]
    if found:
        return CriterionCheck(criterion, NOT_MET, f"the worksheet applies {found[0].section}")
    if criterion.whole:
        names = " or ".join(f"§{s}" for s in criterion.sections)
        return CriterionCheck(criterion, MET, f"the worksheet applies no {names}")
    return CriterionCheck(criterion, ASSERTED)


def check(
    edition: Edition, offense_lines: tuple[OffenseLine, ...], points: int | None
) -> tuple[CriterionCheck, ...]:
    """Each criterion of the edition's §4C1.1(a) as the worksheet decides it, or ASSERTED when
    it is a fact the worksheet does not hold."""
    applied: dict[str, OffenseLine] = {}
    for line, counted in counted_lines(offense_lines):
        if counted and line.levels:
            applied.setdefault(section_family(line.section), line)
    return tuple(_check(c, applied, points) for c in criteria(edition))


def adjustment(
    asserted: bool,
    points: int | None,
    edition: Edition,
    offense_lines: tuple[OffenseLine, ...] = (),
) -> tuple[int, str | None, tuple[CriterionCheck, ...]]:
    """§4C1.1: −2 offense levels when eligibility is asserted and no criterion the worksheet
    decides fails. Returns (levels, note when refused, the criteria as checked). The criteria
    are returned whenever the edition has §4C1.1 and eligibility is asserted or the points
    are zero, so that the user sees the list to check."""
    checks = check(edition, offense_lines, points)
    shown = checks if asserted or points == 0 else ()
    if not asserted:
        return 0, None, shown
    if not edition.zero_point_offender:
        return (
            0,
            (
                "§4C1.1 not applied: the zero-point offender adjustment begins with the 2023 "
                f"Manual (Amendment 821); the {edition.short_title} has none."
            ),
            (),
        )
    if points is None:
        return (
            0,
            "§4C1.1 not applied: the category was entered directly, so zero points is unknown.",
            shown,
        )
    if points:
        return (
            0,
            f"§4C1.1 not applied: it needs zero criminal history points; there are {points}.",
            shown,
        )
    failed = [c for c in checks if c.status == NOT_MET]
    if failed:
        reasons = "; ".join(f"§4C1.1{c.criterion.number}: {c.reason}" for c in failed)
        return (
            0,
            f"§4C1.1 not applied: under the {edition.short_title} the case fails {reasons}.",
            shown,
        )
    return DECREASE, None, shown
