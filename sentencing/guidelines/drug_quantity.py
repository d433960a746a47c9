"""The Drug Quantity Table of §2D1.1(c), by the amendment that set each drug's column.

A drug's column applies from its amendment's effective date until the next column for the
same drug; an edition reads the column in force on its own effective date, so a Manual added
to ``EDITIONS`` later finds its column without a change here. The table's levels step by two
from its top row down; rows read "At least X but less than Y", so X is inclusive, and a
quantity below the last row's X takes the last row's level ("Less than X").

Quantities are grams of the mixture or substance (Note (A) to the table), or of the
substance itself for "methamphetamine_actual" (Note (B)). "ice" is a mixture of at least 80%
purity (Note (C)), weighed whole.

Each column is typed from the amendment or Manual text named on it. Line numbers are those
of the text copies of Appendix C and of the Manuals used here (see ``SOURCE_FILES``).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from .editions import Edition

DRUGS = (
    "heroin",
    "cocaine",
    "cocaine_base",
    "methamphetamine",
    "methamphetamine_actual",
    "ice",
    "fentanyl",
    "fentanyl_analogue",
    "marihuana",
)

# How the table names each drug.
DRUG_NAMES = {
    "heroin": "Heroin",
    "cocaine": "Cocaine",
    "cocaine_base": "Cocaine Base",
    "methamphetamine": "Methamphetamine",
    "methamphetamine_actual": "Methamphetamine (actual)",
    "ice": "“Ice”",
    "fentanyl": "Fentanyl",
    "fentanyl_analogue": "a Fentanyl Analogue",
    "marihuana": "Marihuana",
}

SOURCE_FILES = {
    "App. C I": "APPENDIX_C_Vol_I.txt",
    "App. C II": "APPENDIX_C_Vol_II.txt",
    "App. C III": "APPENDIX_C_Vol_III.txt",
    "App. C Supp.": "APPENDIX_C_Supplement.txt",
    "GLM2016": "GLM2016.txt",
    "GLM2025": "GLM2025.txt",
}

_UNITS = {"MG": Decimal("0.001"), "G": Decimal(1), "KG": Decimal(1000)}


def table_grams(quantity: str) -> Decimal:
    """A quantity as the table prints it ("1.5 KG", "500 MG", "90,000 KG"), in grams."""
    number, _, unit = quantity.strip().partition(" ")
    try:
        return Decimal(number.replace(",", "")) * _UNITS[unit.upper()]
    except (KeyError, InvalidOperation):
        raise ValueError(f"Not a table quantity: {quantity!r}.") from None


@dataclass(frozen=True)
class Column:
    """One drug's entries in the table, from its first row (``top``) down."""

    drug: str
    effective: date
    source: str  # the amendment that set the column, and where its text is
    top: int  # the level of the first row
    at_least: tuple[Decimal, ...]  # each row's "At least X", in grams, first row first

    @property
    def lowest(self) -> int:
        """The level of the last row, "Less than" the last ``at_least``."""
        return self.top - 2 * len(self.at_least)

    def level(self, quantity: Decimal) -> int:
        for row, least in enumerate(self.at_least):
            if quantity >= least:
                return self.top - 2 * row
        return self.lowest


def _column(drug: str, effective: str, source: str, top: int, *rows: str) -> Column:
    at_least = tuple(table_grams(row) for row in rows)
    if any(later >= earlier for earlier, later in zip(at_least, at_least[1:], strict=False)):
        raise ValueError(f"The {drug} column of {effective} does not descend.")
    return Column(drug, date.fromisoformat(effective), source, top, at_least)


# §2D1.1 as first promulgated (Nov. 1, 1987), as Amendment 125 deleted it (App. C I, lines
# 2158-2260): ranges such as "3-9.9 KG" with small gaps between rows, read here as "at least
# the lower figure" (a quantity in a gap takes the lower row). Levels 36 to 6; no
# methamphetamine entry (the equivalency tables converted it to cocaine).
_1987 = "§2D1.1 as first promulgated (Nov. 1, 1987); App. C I 2158-2260"
_1987_COLUMNS = (
    _column(
        "heroin", "1987-11-01", _1987, 36,
        "10 KG", "3 KG", "1 KG", "700 G", "400 G", "100 G", "80 G", "60 G", "40 G", "20 G",
        "10 G", "5 G",
    ),
    _column(
        "cocaine", "1987-11-01", _1987, 36,
        "50 KG", "15 KG", "5 KG", "3.5 KG", "2 KG", "500 G", "400 G", "300 G", "200 G",
        "100 G", "50 G", "25 G",
    ),
    _column(
        "cocaine_base", "1987-11-01", _1987, 36,
        "500 G", "150 G", "50 G", "35 G", "20 G", "5 G", "4 G", "3 G", "2 G", "1 G", "500 MG",
        "250 MG",
    ),
    _column(
        "fentanyl", "1987-11-01", _1987, 36,
        "4 KG", "1.2 KG", "400 G", "280 G", "160 G", "40 G", "32 G", "24 G", "16 G", "8 G",
        "4 G", "2 G",
    ),
    _column(
        "fentanyl_analogue", "1987-11-01", _1987, 36,
        "1 KG", "300 G", "100 G", "70 G", "40 G", "10 G", "8 G", "6 G", "4 G", "2 G", "1 G",
        "500 MG",
    ),
    _column(
        "marihuana", "1987-11-01", _1987, 36,
        "10,000 KG", "3,000 KG", "1,000 KG", "700 KG", "400 KG", "100 KG", "80 KG", "60 KG",
        "40 KG", "20 KG", "10 KG", "5 KG", "2.5 KG", "1 KG", "250 G",
    ),
)  # fmt: skip

# Amendment 125 (Nov. 1, 1989) replaced the table: "(1)" at level 42 to "(19)" at level 6,
# with methamphetamine and "Pure Methamphetamine" entries (App. C I 2262-2557). Amendment 395
# (1991) renamed "Pure Methamphetamine" "Methamphetamine (actual)" without changing figures.
_125 = "Amendment 125 (Nov. 1, 1989); App. C I 2262-2557"
_HEROIN_125 = (
    "300 KG", "100 KG", "30 KG", "10 KG", "3 KG", "1 KG", "700 G", "400 G", "100 G", "80 G",
    "60 G", "40 G", "20 G", "10 G", "5 G",
)  # fmt: skip
_METH_ACTUAL_125 = (
    "30 KG", "10 KG", "3 KG", "1 KG", "300 G", "100 G", "70 G", "40 G", "10 G", "8 G", "6 G",
    "4 G", "2 G", "1 G", "500 MG",
)  # fmt: skip
_1989_COLUMNS = (
    _column("heroin", "1989-11-01", _125, 42, *_HEROIN_125),
    _column(
        "cocaine", "1989-11-01", _125, 42,
        "1500 KG", "500 KG", "150 KG", "50 KG", "15 KG", "5 KG", "3.5 KG", "2 KG", "500 G",
        "400 G", "300 G", "200 G", "100 G", "50 G", "25 G",
    ),
    _column(
        "cocaine_base", "1989-11-01", _125, 42,
        "15 KG", "5 KG", "1.5 KG", "500 G", "150 G", "50 G", "35 G", "20 G", "5 G", "4 G",
        "3 G", "2 G", "1 G", "500 MG", "250 MG",
    ),
    _column("methamphetamine", "1989-11-01", _125, 42, *_HEROIN_125),
    _column("methamphetamine_actual", "1989-11-01", _125, 42, *_METH_ACTUAL_125),
    _column(
        "fentanyl", "1989-11-01", _125, 42,
        "120 KG", "40 KG", "12 KG", "4 KG", "1.2 KG", "400 G", "280 G", "160 G", "40 G",
        "32 G", "24 G", "16 G", "8 G", "4 G", "2 G",
    ),
    _column("fentanyl_analogue", "1989-11-01", _125, 42, *_METH_ACTUAL_125),
    _column(
        "marihuana", "1989-11-01", _125, 42,
        "300,000 KG", "100,000 KG", "30,000 KG", "10,000 KG", "3,000 KG", "1,000 KG",
        "700 KG", "400 KG", "100 KG", "80 KG", "60 KG", "40 KG", "20 KG", "10 KG", "5 KG",
        "2.5 KG", "1 KG", "250 G",
    ),
    # Amendment 370 (Nov. 1, 1991) inserted "Ice" after each "Pure Methamphetamine" entry,
    # with the same figures (App. C I 8661-8683).
    _column(
        "ice", "1991-11-01", "Amendment 370 (Nov. 1, 1991); App. C I 8661-8683", 42,
        *_METH_ACTUAL_125,
    ),
)  # fmt: skip

# Amendment 505 (Nov. 1, 1994) struck rows (1)-(3), levels 42 to 38, for a new (1) at level
# 38 holding row (3)'s lower figures "or more", and renumbered (4)-(19) as (2)-(17) (App. C
# I 16048-16120); the rows below are Amendment 125's. The 1995 Manual's table, with Ice.
_505 = "Amendment 505 (Nov. 1, 1994); App. C I 16048-16120, rows below from Amendment 125"
_HEROIN_505 = _HEROIN_125[2:]
_METH_ACTUAL_505 = _METH_ACTUAL_125[2:]
_1994_COLUMNS = (
    _column("heroin", "1994-11-01", _505, 38, *_HEROIN_505),
    _column(
        "cocaine", "1994-11-01", _505, 38,
        "150 KG", "50 KG", "15 KG", "5 KG", "3.5 KG", "2 KG", "500 G", "400 G", "300 G",
        "200 G", "100 G", "50 G", "25 G",
    ),
    _column(
        "cocaine_base", "1994-11-01", _505, 38,
        "1.5 KG", "500 G", "150 G", "50 G", "35 G", "20 G", "5 G", "4 G", "3 G", "2 G", "1 G",
        "500 MG", "250 MG",
    ),
    _column("methamphetamine", "1994-11-01", _505, 38, *_HEROIN_505),
    _column("methamphetamine_actual", "1994-11-01", _505, 38, *_METH_ACTUAL_505),
    _column("ice", "1994-11-01", _505, 38, *_METH_ACTUAL_505),
    _column(
        "fentanyl", "1994-11-01", _505, 38,
        "12 KG", "4 KG", "1.2 KG", "400 G", "280 G", "160 G", "40 G", "32 G", "24 G", "16 G",
        "8 G", "4 G", "2 G",
    ),
    _column("fentanyl_analogue", "1994-11-01", _505, 38, *_METH_ACTUAL_505),
    _column(
        "marihuana", "1994-11-01", _505, 38,
        "30,000 KG", "10,000 KG", "3,000 KG", "1,000 KG", "700 KG", "400 KG", "100 KG",
        "80 KG", "60 KG", "40 KG", "20 KG", "10 KG", "5 KG", "2.5 KG", "1 KG", "250 G",
    ),
)  # fmt: skip

# Methamphetamine and cocaine base, amended between the 1995 and the 2014 tables.
_METH_ACTUAL_594 = (
    "1.5 KG", "500 G", "150 G", "50 G", "35 G", "20 G", "5 G", "4 G", "3 G", "2 G", "1 G",
    "500 MG", "250 MG",
)  # fmt: skip
_594 = "Amendment 594 (Nov. 1, 2000); App. C II 2287-2339"
_AMENDED_COLUMNS = (
    # Amendment 555 (Nov. 1, 1997) halved the methamphetamine mixture figures, leaving
    # (actual) and Ice alone (App. C I 20068-20097; its "1.5 G but less than 5 KG" in (3)
    # is read as 1.5 KG, the figure the 2016 table still prints one row lower).
    _column(
        "methamphetamine", "1997-11-01", "Amendment 555 (Nov. 1, 1997); App. C I 20068-20097",
        38,
        "15 KG", "5 KG", "1.5 KG", "500 G", "350 G", "200 G", "50 G", "40 G", "30 G", "20 G",
        "10 G", "5 G", "2.5 G",
    ),
    # Amendment 594 (Nov. 1, 2000) halved the (actual) and Ice figures.
    _column("methamphetamine_actual", "2000-11-01", _594, 38, *_METH_ACTUAL_594),
    _column("ice", "2000-11-01", _594, 38, *_METH_ACTUAL_594),
    # Amendment 706 (Nov. 1, 2007) moved each cocaine base entry up a row, two levels lower
    # (App. C III 9160-9189).
    _column(
        "cocaine_base", "2007-11-01", "Amendment 706 (Nov. 1, 2007); App. C III 9160-9189", 38,
        "4.5 KG", "1.5 KG", "500 G", "150 G", "50 G", "35 G", "20 G", "5 G", "4 G", "3 G",
        "2 G", "1 G", "500 MG",
    ),
    # Amendment 748 (Fair Sentencing Act emergency amendment, Nov. 1, 2010; App. C III
    # 15652-15668), repromulgated without change by Amendment 750 Part A (Nov. 1, 2011). The
    # Nov. 1, 2010 Manual went to print without it: it is in the Supplement to the 2010
    # Manual, effective the same day (Amendment 750, App. C III 16278-16281), so the 2010
    # edition takes it.
    _column(
        "cocaine_base", "2010-11-01", "Amendment 748 (Nov. 1, 2010); App. C III 15652-15668",
        38,
        "8.4 KG", "2.8 KG", "840 G", "280 G", "196 G", "112 G", "28 G", "22.4 G", "16.8 G",
        "11.2 G", "5.6 G", "2.8 G", "1.4 G",
    ),
)  # fmt: skip

# Amendment 782 (Nov. 1, 2014) lowered the table two levels: a new row (1) at level 38, rows
# (1)-(16) redesignated (2)-(17) a level pair lower, the old row (17) struck (App. C Supp.
# 2813-2930). Printed as typed here in the 2016 Manual (GLM2016 8932-9294) and, with the
# same figures for these drugs, in the 2025 Manual (GLM2025 7904-8286): the amendments
# between changed none of them (807 gave fentanyl its chemical name "each place such term
# appears", USSC Appendix C online; 808 added converted drug weight).
_782 = "Amendment 782 (Nov. 1, 2014); App. C Supp. 2813-2930; GLM2016 8932-9294"
_2014_COLUMNS = (
    _column(
        "heroin", "2014-11-01", _782, 38,
        "90 KG", "30 KG", "10 KG", "3 KG", "1 KG", "700 G", "400 G", "100 G", "80 G", "60 G",
        "40 G", "20 G", "10 G",
    ),
    _column(
        "cocaine", "2014-11-01", _782, 38,
        "450 KG", "150 KG", "50 KG", "15 KG", "5 KG", "3.5 KG", "2 KG", "500 G", "400 G",
        "300 G", "200 G", "100 G", "50 G",
    ),
    _column(
        "cocaine_base", "2014-11-01", _782, 38,
        "25.2 KG", "8.4 KG", "2.8 KG", "840 G", "280 G", "196 G", "112 G", "28 G", "22.4 G",
        "16.8 G", "11.2 G", "5.6 G", "2.8 G",
    ),
    _column(
        "methamphetamine", "2014-11-01", _782, 38,
        "45 KG", "15 KG", "5 KG", "1.5 KG", "500 G", "350 G", "200 G", "50 G", "40 G", "30 G",
        "20 G", "10 G", "5 G",
    ),
    _column(
        "methamphetamine_actual", "2014-11-01", _782, 38,
        "4.5 KG", "1.5 KG", "500 G", "150 G", "50 G", "35 G", "20 G", "5 G", "4 G", "3 G",
        "2 G", "1 G", "500 MG",
    ),
    _column(
        "ice", "2014-11-01", _782, 38,
        "4.5 KG", "1.5 KG", "500 G", "150 G", "50 G", "35 G", "20 G", "5 G", "4 G", "3 G",
        "2 G", "1 G", "500 MG",
    ),
    _column(
        "fentanyl", "2014-11-01", _782, 38,
        "36 KG", "12 KG", "4 KG", "1.2 KG", "400 G", "280 G", "160 G", "40 G", "32 G", "24 G",
        "16 G", "8 G", "4 G",
    ),
    _column(
        "fentanyl_analogue", "2014-11-01", _782, 38,
        "9 KG", "3 KG", "1 KG", "300 G", "100 G", "70 G", "40 G", "10 G", "8 G", "6 G", "4 G",
        "2 G", "1 G",
    ),
    _column(
        "marihuana", "2014-11-01", _782, 38,
        "90,000 KG", "30,000 KG", "10,000 KG", "3,000 KG", "1,000 KG", "700 KG", "400 KG",
        "100 KG", "80 KG", "60 KG", "40 KG", "20 KG", "10 KG", "5 KG", "2.5 KG", "1 KG",
    ),
)  # fmt: skip

COLUMNS: tuple[Column, ...] = (
    *_1987_COLUMNS,
    *_1989_COLUMNS,
    *_1994_COLUMNS,
    *_AMENDED_COLUMNS,
    *_2014_COLUMNS,
)

# Amendment 808 (Nov. 1, 2018) renamed the marihuana equivalency "converted drug weight" and
# gave it its own entry in each row; typed from the 2025 Manual (GLM2025 7926-8286), whose
# Note (K) to the table defines it. Before, equivalents were weighed as marihuana.
CONVERTED_DRUG_WEIGHT = _column(
    "converted_drug_weight", "2018-11-01", "Amendment 808 (Nov. 1, 2018); GLM2025 7926-8286", 38,
    "90,000 KG", "30,000 KG", "10,000 KG", "3,000 KG", "1,000 KG", "700 KG", "400 KG",
    "100 KG", "80 KG", "60 KG", "40 KG", "20 KG", "10 KG", "5 KG", "2.5 KG", "1 KG",
)  # fmt: skip


def column(drug: str, edition: Edition) -> Column:
    """The ``drug`` column of the table in force on ``edition``'s effective date."""
    if drug not in DRUGS:
        raise ValueError(f"No Drug Quantity Table entry {drug!r}; known: {', '.join(DRUGS)}.")
    in_force = [c for c in COLUMNS if c.drug == drug and c.effective <= edition.effective]
    if not in_force:
        first = min(c.effective for c in COLUMNS if c.drug == drug)
        raise ValueError(
            f"The Drug Quantity Table of the {edition.short_title} has no entry for "
            f"{DRUG_NAMES[drug]}: the table lists it from {first.isoformat()}."
        )
    return max(in_force, key=lambda c: c.effective)


def _quantity(grams: Decimal) -> Decimal:
    try:
        quantity = Decimal(grams)
    except (TypeError, ValueError, InvalidOperation):
        quantity = Decimal("NaN")
    if isinstance(grams, bool) or not quantity.is_finite() or quantity < 0:
        raise ValueError(f"A drug quantity is a finite number of grams, not {grams!r}.")
    return quantity


def drug_quantity_level(drug: str, grams: Decimal, edition: Edition) -> int:
    """The base offense level §2D1.1(c) of ``edition`` gives ``grams`` of ``drug``."""
    return column(drug, edition).level(_quantity(grams))


def equivalent_weight_column(edition: Edition) -> Column:
    """The entry that takes a total of converted drug weight (from Amendment 808) or, before
    it, of marihuana equivalents (§2D1.1, comment. (n.8(B)) of the 2016 Manual, n.10 of the
    1995 Manual: "look up the total in the Drug Quantity Table")."""
    if edition.effective >= CONVERTED_DRUG_WEIGHT.effective:
        return CONVERTED_DRUG_WEIGHT
    return column("marihuana", edition)


def equivalent_weight_level(grams: Decimal, edition: Edition) -> int:
    """The level for ``grams`` of converted drug weight (or marihuana equivalent)."""
    return equivalent_weight_column(edition).level(_quantity(grams))


def printed(grams: Decimal) -> str:
    """A quantity as the table prints it: "500 MG", "22.4 G", "1.5 KG", "90,000 KG"."""
    if grams >= 1000:
        amount, unit = grams / 1000, "KG"
    elif 0 < grams < 1:
        amount, unit = grams * 1000, "MG"
    else:
        amount, unit = grams, "G"
    return f"{amount.normalize():,f} {unit}"


def row_text(drug: str, grams: Decimal, edition: Edition) -> str:
    """The table's entry that ``grams`` of ``drug`` fall in, worded as the Manual words it."""
    table = column(drug, edition)
    quantity = _quantity(grams)
    name = DRUG_NAMES[drug]
    bounds = table.at_least
    for row, least in enumerate(bounds):
        if quantity >= least:
            if row == 0:
                return f"{printed(least)} or more of {name}"
            return f"At least {printed(least)} but less than {printed(bounds[row - 1])} of {name}"
    return f"Less than {printed(bounds[-1])} of {name}"
