"""21 U.S.C. §§ 841(b)(1)(A)-(C), 846 and 960(b)(1)-(3): drug trafficking, by quantity, by the
facts that raise the penalty, and by date.

Sources: 21 U.S.C. § 841(b)(1) before the First Step Act as United States v. Johnson, 850 F.3d
515 (2d Cir. 2017) sets it out ((A): 10 years to life; a prior felony drug offense, 20; two, life);
the First Step Act of 2018, Pub. L. 115-391, § 401 (Dec. 21, 2018): a prior "serious drug felony
or serious violent felony", 15 years in (A) and 25 for two or more, 10 in (B); its § 401(c)
applies the change to every offense whose sentence was not imposed by Dec. 21, 2018. Quantity
thresholds: the current § 841(b)(1)(A)-(B) as the U.S. Attorney's Office for the District of New
Hampshire lists them; cocaine base 50 g / 5 g until the Fair Sentencing Act of 2010, Pub. L.
111-220 (Aug. 3, 2010), 280 g / 28 g after it.
"""

from dataclasses import dataclass, replace
from datetime import date

from .text import LIFE, Statute, Text, chain

FAIR_SENTENCING_2010 = "Fair Sentencing Act of 2010, Pub. L. 111-220 (Aug. 3, 2010)"
FIRST_STEP_2018 = "First Step Act of 2018, Pub. L. 115-391, § 401 (Dec. 21, 2018)"
AUGUST_3_2010 = date(2010, 8, 3)
DECEMBER_21_2018 = date(2018, 12, 21)

_CARRIED_FROM_2010 = (
    "Carried from the Fair Sentencing Act of 2010; the penalties before Aug. 3, 2010 are not "
    "yet in the table."
)
_BY_851 = "The prior conviction raises the penalty only on an information filed under § 851."
_MANDATORY_LIFE = (
    "Before Dec. 21, 2018 two or more prior felony drug offenses carried mandatory life, a "
    "minimum the calculator cannot yet hold: enter that count's limits by hand."
)

_2D1_1 = ("§2D1.1",)  # Appendix A (2025): § 841(b)(1)-(3) and § 960(a),(b) → §2D1.1


@dataclass(frozen=True)
class Threshold:
    """The quantity that takes an offense into § 841(b)(1)(A) or (B) (and § 960(b)(1)-(2))."""

    substance: str
    subparagraph_a: str
    subparagraph_b: str
    note: str = ""


QUANTITY_THRESHOLDS: tuple[Threshold, ...] = (
    Threshold("heroin (mixture or substance)", "1 kilogram", "100 grams"),
    Threshold("cocaine (mixture or substance)", "5 kilograms", "500 grams"),
    Threshold(
        "cocaine base",
        "280 grams",
        "28 grams",
        "50 grams and 5 grams before the Fair Sentencing Act of 2010 (Aug. 3, 2010).",
    ),
    Threshold("PCP", "100 grams (or 1 kilogram of a mixture)", "10 grams"),
    Threshold("LSD", "10 grams", "1 gram"),
    Threshold("fentanyl", "400 grams", "40 grams"),
    Threshold("marijuana", "1,000 kilograms or 1,000 plants", "100 kilograms or 100 plants"),
    Threshold(
        "methamphetamine",
        "50 grams (or 500 grams of a mixture)",
        "5 grams (or 50 grams of a mixture)",
    ),
)


def _fsa_2010(description: str, maximum: int | None, minimum: int, note: str) -> Text:
    """A text carried from the Fair Sentencing Act of 2010, which reaches offenses committed
    before it and sentenced after it (Dorsey v. United States, 567 U.S. 260 (2012))."""
    return Text(
        AUGUST_3_2010,
        FAIR_SENTENCING_2010,
        description,
        maximum,
        minimum,
        note,
        reaches_unsentenced=True,
    )


def _841(
    sub: str,
    what: str,
    base: tuple[int, int | None],
    death: tuple[int, int | None],
    prior_2010: tuple[int, int | None],
    prior_2018: tuple[int, int | None],
) -> tuple[Statute, ...]:
    """One subparagraph's texts: (minimum, maximum) months for the quantity alone, with death or
    serious bodily injury resulting, and after one prior conviction before and after the First
    Step Act."""
    cite = f"21 U.S.C. § 841(b)(1)({sub})"
    return (
        *chain(
            cite,
            _2D1_1,
            _fsa_2010(what, base[1], base[0], _CARRIED_FROM_2010),
        ),
        *chain(
            f"{cite} (death or serious bodily injury)",
            _2D1_1,
            _fsa_2010(
                f"{what}, death or serious bodily injury resulting",
                death[1],
                death[0],
                _CARRIED_FROM_2010,
            ),
        ),
        *chain(
            f"{cite} (one prior conviction, § 851)",
            _2D1_1,
            _fsa_2010(
                f"{what}, after a prior conviction for a felony drug offense",
                prior_2010[1],
                prior_2010[0],
                f"{_CARRIED_FROM_2010} {_BY_851}",
            ),
            *(
                ()
                if sub == "C"  # the First Step Act left (C)'s "felony drug offense" as it was
                else (
                    Text(
                        DECEMBER_21_2018,
                        FIRST_STEP_2018,
                        f"{what}, after a prior conviction for a serious drug felony or serious "
                        "violent felony",
                        prior_2018[1],
                        prior_2018[0],
                        _BY_851,
                        reaches_unsentenced=True,
                    ),
                )
            ),
        ),
    )


DISTRIBUTION: tuple[Statute, ...] = (
    # (A): "not less than 10 years or more than life"; death or serious bodily injury, "not less
    # than 20 years"; one prior: 20 years to life, from the First Step Act 15.
    *_841(
        "A",
        "Drug trafficking, (b)(1)(A) quantity",
        (120, LIFE),
        (240, LIFE),
        (240, LIFE),
        (180, LIFE),
    ),
    # (A), two or more priors: 25 years to life from the First Step Act (before it, life).
    *chain(
        "21 U.S.C. § 841(b)(1)(A) (two or more prior convictions, § 851)",
        _2D1_1,
        Text(
            DECEMBER_21_2018,
            FIRST_STEP_2018,
            "Drug trafficking, (b)(1)(A) quantity, after two or more prior convictions for a "
            "serious drug felony or serious violent felony",
            LIFE,
            300,
            f"{_MANDATORY_LIFE} {_BY_851}",
            reaches_unsentenced=True,
        ),
    ),
    # (B): "not less than 5 years and not more than 40 years"; death or serious bodily injury,
    # 20 years to life; one prior, 10 years to life before and after the First Step Act.
    *_841(
        "B",
        "Drug trafficking, (b)(1)(B) quantity",
        (60, 480),
        (240, LIFE),
        (120, LIFE),
        (120, LIFE),
    ),
    # (C): "not more than 20 years"; death or serious bodily injury, 20 years to life; a prior
    # felony drug offense, "not more than 30 years".
    *_841("C", "Drug trafficking, any quantity", (0, 240), (240, LIFE), (0, 360), (0, 360)),
)


def _conspiracy(object_: Statute) -> Statute:
    """§ 846: "the same penalties as those prescribed for the offense, the commission of which
    was the object of the attempt or conspiracy"."""
    return replace(
        object_,
        citation=f"21 U.S.C. § 846 (object: {object_.citation.removeprefix('21 U.S.C. ')})",
        description=f"Attempt or conspiracy: {object_.description[0].lower()}"
        f"{object_.description[1:]}",
        guidelines=("§2D1.1",),  # Appendix A (2025) lists §2D1.1 first among § 846's guidelines
    )


CONSPIRACY: tuple[Statute, ...] = tuple(_conspiracy(s) for s in DISTRIBUTION)

IMPORTATION: tuple[Statute, ...] = (
    # § 960(b)(1)-(3) carry the ranges of § 841(b)(1)(A)-(C) for the same quantities: 10 years to
    # life, 5 to 40, and up to 20. The death, injury and prior-conviction variants are not yet
    # in the table.
    *chain(
        "21 U.S.C. § 960(b)(1)",
        _2D1_1,
        _fsa_2010(
            "Drug importation, (b)(1) quantity",
            LIFE,
            120,
            _CARRIED_FROM_2010,
        ),
    ),
    *chain(
        "21 U.S.C. § 960(b)(2)",
        _2D1_1,
        _fsa_2010(
            "Drug importation, (b)(2) quantity",
            480,
            60,
            _CARRIED_FROM_2010,
        ),
    ),
    *chain(
        "21 U.S.C. § 960(b)(3)",
        _2D1_1,
        _fsa_2010(
            "Drug importation, any quantity",
            240,
            0,
            _CARRIED_FROM_2010,
        ),
    ),
)
