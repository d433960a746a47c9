"""Chapter Five, Part E: the guideline fine range (§5E1.2) and the special assessment (§5E1.3).

The Fine Table's amounts: the table Amendment 791 struck (as Amendment 281 left it, Nov. 1,
1989, in every carried Manual before Nov. 1, 2015), and the one it inserted, adjusted for
inflation. §5E1.2(h)(1), added with it: for an offense committed before Nov. 1, 2015, use
the table in effect on Nov. 1, 2014. The range also meets the statute's maximum fine, which the
worksheet does not hold; the result says so.
"""

from dataclasses import dataclass
from datetime import date

from .editions import Edition
from .outcome import Count, felony

AMENDMENT_791 = date(2015, 11, 1)
# (the band's highest offense level, column A minimum, column B maximum); None: "and above".
_BANDS_1989 = (
    (3, 100, 5_000),
    (5, 250, 5_000),
    (7, 500, 5_000),
    (9, 1_000, 10_000),
    (11, 2_000, 20_000),
    (13, 3_000, 30_000),
    (15, 4_000, 40_000),
    (17, 5_000, 50_000),
    (19, 6_000, 60_000),
    (22, 7_500, 75_000),
    (25, 10_000, 100_000),
    (28, 12_500, 125_000),
    (31, 15_000, 150_000),
    (34, 17_500, 175_000),
    (37, 20_000, 200_000),
    (None, 25_000, 250_000),
)
_BANDS_2015 = (  # Amendment 791
    (3, 200, 9_500),
    (5, 500, 9_500),
    (7, 1_000, 9_500),
    (9, 2_000, 20_000),
    (11, 4_000, 40_000),
    (13, 5_500, 55_000),
    (15, 7_500, 75_000),
    (17, 10_000, 95_000),
    (19, 10_000, 100_000),
    (22, 15_000, 150_000),
    (25, 20_000, 200_000),
    (28, 25_000, 250_000),
    (31, 30_000, 300_000),
    (34, 35_000, 350_000),
    (37, 40_000, 400_000),
    (None, 50_000, 500_000),
)
# §5E1.2(c)(4): the table's maximum does not bind under a statute authorizing more than this.
STATUTE_ABOVE = {False: 250_000, True: 500_000}


@dataclass(frozen=True)
class FineRange:
    minimum: int
    maximum: int
    section: str
    note: str

    def __str__(self) -> str:
        return f"${self.minimum:,}–${self.maximum:,}"


def _amounts(level: int, bands: tuple[tuple[int | None, int, int], ...]) -> tuple[int, int]:
    for highest, minimum, maximum in bands:
        if highest is None or level <= highest:
            return minimum, maximum
    raise AssertionError("the last band has no upper level")


def fine_range(level: int, edition: Edition, offense_date: date) -> FineRange:
    """The §5E1.2(c) range for the total offense level (as the Sentencing Table takes it)."""
    inflated = edition.effective >= AMENDMENT_791
    note = ""
    if inflated and offense_date < AMENDMENT_791:
        inflated = False
        note = (
            "§5E1.2(h)(1): the offense was committed before Nov. 1, 2015, so the Fine Table in "
            "effect on Nov. 1, 2014 applies. "
        )
    minimum, maximum = _amounts(level, _BANDS_2015 if inflated else _BANDS_1989)
    note += (
        f"The table's maximum gives way where the statute of conviction authorizes a fine above "
        f"${STATUTE_ABOVE[inflated]:,} (§5E1.2(c)(4)); no fine may exceed the statute's."
    )
    return FineRange(minimum, maximum, "§5E1.2(c)(3)", note)


# §5E1.3 comment. (n.2), 18 U.S.C. § 3013: for each count of a felony, by the offense date.
ASSESSMENT_RAISED = date(1996, 4, 24)
FELONY_FROM_1996, FELONY_BEFORE = 100, 50


@dataclass(frozen=True)
class SpecialAssessment:
    amount: int  # dollars, for the felony counts
    note: str

    def __str__(self) -> str:
        return f"${self.amount:,}"


def special_assessment(counts: tuple[Count, ...], offense_date: date) -> SpecialAssessment | None:
    """§5E1.3: the assessment of each felony count (None with no count entered)."""
    if not counts:
        return None
    each = FELONY_FROM_1996 if offense_date >= ASSESSMENT_RAISED else FELONY_BEFORE
    felonies = [c for c in counts if felony(c)]
    note = (
        f"${each} for each felony count (§5E1.3; 18 U.S.C. § 3013(a)(2)(A)), "
        f"{len(felonies)} of {len(counts)}."
    )
    if len(felonies) < len(counts):
        note += (
            " A misdemeanor's assessment depends on its class (§5E1.3 comment. (n.2)) and is "
            "not added."
        )
    return SpecialAssessment(each * len(felonies), note)
