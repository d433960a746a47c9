"""The Drug Quantity Table of §2D1.1(c) by edition.

The expected levels come from the Manual's own commentary examples, the Commission's reasons
for the amendments that set the table (Appendix C), and the statutory quantities the table
is built on (21 U.S.C. § 841(b)(1)), never from the typed table. Where an amendment says what
it did to the table ("reduced by one-half the quantity", "two levels lower"), the test checks
the two tables it joins against each other.
"""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sentencing.guidelines import EDITIONS, edition_by_key
from sentencing.guidelines.drug_quantity import (
    DRUGS,
    column,
    drug_quantity_level,
    equivalent_weight_level,
    row_text,
)

M1995 = edition_by_key("1995-11-01")
M2003 = edition_by_key("2003-11-01")
M2010 = edition_by_key("2010-11-01")
M2016 = edition_by_key("2016-11-01")
M2025 = edition_by_key("2025-11-01")
AFTER_782 = [e for e in EDITIONS if e.effective >= date(2014, 11, 1)]


def manual_of(day: str, like=M1995):
    """An edition the engine does not carry (yet), effective on ``day``."""
    return replace(like, key=day, effective=date.fromisoformat(day))


M1988 = manual_of("1988-11-01")
M1990 = edition_by_key("1990-11-01")  # Amendment 125's table, before Ice (370) and the cap (505)
M1992 = edition_by_key("1992-11-01")
M2008 = manual_of("2008-11-01", M2003)  # Amendment 706's cocaine base, before 748
M2013 = manual_of("2013-11-01", M2010)
M2014 = manual_of("2014-11-01", M2010)
ALL = (*EDITIONS, M1988, M2008, M2013, M2014)


def level(drug, grams, edition):
    return drug_quantity_level(drug, Decimal(grams), edition)


def one_per_table(editions):
    """The first of the editions that print each distinct set of columns: a table amended
    only now and then is walked once, not once per Manual that reprints it."""
    seen, found = set(), []
    for edition in editions:
        columns = []
        for drug in DRUGS:
            try:
                columns.append(id(column(drug, edition)))
            except ValueError:
                columns.append(None)
        if tuple(columns) not in seen:
            seen.add(tuple(columns))
            found.append(edition)
    return found


# Quantities from a milligram to a thousand tonnes, spread over every order of magnitude.
quantities = st.builds(
    lambda digits, exponent: Decimal(digits).scaleb(exponent),
    st.integers(0, 99_999),
    st.integers(-3, 8),
)

# Every figure the tables print has at most three significant digits (22.4 G, 196 G, 1.5 KG,
# 90,000 KG): the amendment checks run on each such quantity from 1 mg to 999,000 kg and on
# a tenth of a milligram below it, so that every row's edge is crossed.
_ROUND = sorted({Decimal(d).scaleb(e) for d in range(1, 1000) for e in range(-3, 7)})
GRID = (Decimal(0), *sorted({*_ROUND, *(q - Decimal("0.0001") for q in _ROUND)}))


def drugs_of(edition):
    """The drugs the edition's table lists (methamphetamine from 1989, Ice from 1991)."""
    listed = []
    for drug in DRUGS:
        try:
            level(drug, 1, edition)
        except ValueError:
            continue
        listed.append(drug)
    return listed


# --- The Manual's own examples ------------------------------------------------------------


@pytest.mark.parametrize("edition", [M2016, M2025], ids=lambda e: e.key)
def test_the_combining_examples_of_the_2016_and_2025_manuals(edition):
    # §2D1.1, comment. (n.8(C)(ii)-(iii)) of the 2016 and 2025 Manuals: "500 grams of
    # marihuana (Level 6)"; "80 grams of cocaine (Level 14) and 2 grams of cocaine base
    # (Level 12)"; the total of 23.142 kilograms "has an offense level of 16"; 1.125 kilograms
    # "has an offense level of 8".
    assert level("marihuana", 500, edition) == 6
    assert level("cocaine", 80, edition) == 14
    assert level("cocaine_base", 2, edition) == 12
    assert equivalent_weight_level(Decimal("23142"), edition) == 16
    assert equivalent_weight_level(Decimal("1125"), edition) == 8
    # n.8(C)(i): 95 kilograms "for which the Drug Quantity Table provides an offense level
    # of 22"; n.8(A): 100 grams of oxymorphone is 500 kilograms, "a base offense level of 26".
    assert equivalent_weight_level(Decimal("95000"), edition) == 22
    assert equivalent_weight_level(Decimal("500000"), edition) == 26


@pytest.mark.parametrize("edition", [M1995, M2003], ids=lambda e: e.key)
def test_the_combining_examples_of_the_1995_and_2003_manuals(edition):
    # §2D1.1, comment. (n.10), examples as Amendment 396 (Nov. 1, 1991) wrote them and in
    # force until Amendment 748 (App. C Vol. I, Amendment 396): "80 grams of cocaine
    # (Level 16) and five kilograms of marihuana (Level 14) ... 21 kilograms of marihuana,
    # which has an offense level of 18"; "95 kilograms of marihuana, for which the Drug
    # Quantity Table provides an offense level of 24".
    assert level("cocaine", 80, edition) == 16
    assert level("marihuana", 5_000, edition) == 14
    assert equivalent_weight_level(Decimal("21000"), edition) == 18
    assert equivalent_weight_level(Decimal("95000"), edition) == 24


def test_the_2010_example_puts_two_grams_of_cocaine_base_at_level_14():
    # Amendment 748 (App. C Vol. III) rewrote n.10(C)(iii) "by striking 'five kilograms of
    # marihuana' and inserting '2 grams of cocaine base'", leaving "(Level 14)" after it, and
    # the total of 23.142 kilograms at "an offense level of 18".
    assert level("cocaine", 80, M2010) == 16
    assert level("cocaine_base", 2, M2010) == 14
    assert equivalent_weight_level(Decimal("23142"), M2010) == 18


def test_the_examples_struck_by_amendment_748_for_the_2008_manual():
    # n.10(D)(iii) as Amendment 748 struck it (App. C Vol. III, Amendment 748): "710 kg of
    # marihuana corresponds to a combined offense level of 30"; "310 kg ... 26"; "6,100 kg
    # ... 34"; "the 6,000 kg of marihuana corresponds to an offense level 34". Amendment 706's
    # example: "410 kg of marihuana, which corresponds to a combined base offense level of
    # 28".
    for kilograms, expected in ((710, 30), (310, 26), (6_100, 34), (6_000, 34), (410, 28)):
        assert equivalent_weight_level(Decimal(kilograms * 1000), M2008) == expected


# --- The statutory quantities the table is built on ----------------------------------------

# 21 U.S.C. § 841(b)(1)(A) and (B), clauses (i)-(iii) and (vi)-(viii), as in force since the
# Fair Sentencing Act of 2010 (cocaine base 280 and 28 grams): the ten-year and five-year
# quantities.
STATUTE_SINCE_2010 = {
    "heroin": (1_000, 100),
    "cocaine": (5_000, 500),
    "cocaine_base": (280, 28),
    "fentanyl": (400, 40),
    "fentanyl_analogue": (100, 10),
    "marihuana": (1_000_000, 100_000),
    "methamphetamine": (500, 50),
    "methamphetamine_actual": (50, 5),
}


@pytest.mark.parametrize("edition", AFTER_782, ids=lambda e: e.key)
@pytest.mark.parametrize("drug", sorted(STATUTE_SINCE_2010))
def test_the_statutory_quantities_start_levels_30_and_24_after_amendment_782(drug, edition):
    # §2D1.1, comment. (backg'd.) of the 2016 and 2025 Manuals: "Levels 30 and 24 in the Drug
    # Quantity Table are the distinctions provided by the Anti-Drug Abuse Act".
    ten_years, five_years = STATUTE_SINCE_2010[drug]
    assert level(drug, ten_years, edition) == 30
    assert level(drug, five_years, edition) == 24
    assert level(drug, Decimal(ten_years) - Decimal("0.001"), edition) == 28
    assert level(drug, Decimal(five_years) - Decimal("0.001"), edition) == 22


@pytest.mark.parametrize("drug", sorted(STATUTE_SINCE_2010))
def test_the_statutory_quantities_start_levels_32_and_26_in_the_2010_manual(drug):
    # Background of the 2010 Manual, "32 and 26" until Amendment 782 struck them (App. C
    # Supp., Amendment 782); for cocaine base, Amendment 748's reason: "offenses involving 28
    # grams or more of crack cocaine are assigned a base offense level of 26, offenses
    # involving 280 grams or more ... 32".
    ten_years, five_years = STATUTE_SINCE_2010[drug]
    assert level(drug, ten_years, M2010) == 32
    assert level(drug, five_years, M2010) == 26
    assert level(drug, Decimal(five_years) - Decimal("0.001"), M2010) == 24


@pytest.mark.parametrize("edition", [M1995, M2003], ids=lambda e: e.key)
def test_five_and_fifty_grams_of_cocaine_base_before_amendment_706(edition):
    # Amendment 706's reason (App. C Vol. III): under the 1986 Act "offenses involving 5 grams
    # or more of crack cocaine were assigned a base offense level (level 26) ... 50 grams or
    # more ... (level 32)"; the same Act's 500 and 5,000 grams of powder cocaine.
    assert level("cocaine_base", 5, edition) == 26
    assert level("cocaine_base", 50, edition) == 32
    assert level("cocaine", 500, edition) == 26
    assert level("cocaine", 5_000, edition) == 32


def test_amendment_706_assigned_five_and_fifty_grams_of_cocaine_base_24_and_30():
    # Amendment 706's reason: "5 grams of cocaine base are assigned a base offense level of
    # 24 ... and 50 grams of cocaine base are assigned a base offense level of 30".
    assert level("cocaine_base", 5, M2008) == 24
    assert level("cocaine_base", 50, M2008) == 30


@pytest.mark.parametrize("edition", [M2003, M2010], ids=lambda e: e.key)
def test_methamphetamine_matches_the_1998_act(edition):
    # Amendment 594's reason (App. C Vol. II): the (actual) figures conform to the
    # Methamphetamine Trafficking Penalty Enhancement Act of 1998, and the mixture figures
    # "already corresponded" after Amendment 555; § 841(b)(1)(A)(viii), (B)(viii): 50 and 5
    # grams of methamphetamine, 500 and 50 grams of a mixture.
    assert level("methamphetamine_actual", 50, edition) == 32
    assert level("methamphetamine_actual", 5, edition) == 26
    assert level("methamphetamine", 500, edition) == 32
    assert level("methamphetamine", 50, edition) == 26


# --- What each amendment did, checked between the tables it joins ---------------------------


@pytest.mark.parametrize("drug", DRUGS)
def test_amendment_782_lowered_every_entry_two_levels(drug):
    # Amendment 782 (App. C Supp.) redesignated rows (1)-(16) as (2)-(17), each two levels
    # lower, struck row (17) and added a new row (1) at level 38; the last rows are 12 for
    # drugs other than marihuana, 6 for marihuana (rows (14) and (17) as amended).
    floor = 6 if drug == "marihuana" else 12
    for grams in GRID:
        before, after = level(drug, grams, M2013), level(drug, grams, M2014)
        assert after in (36, 38) if before == 38 else after == max(before - 2, floor), grams


@pytest.mark.parametrize("drug", ["methamphetamine", "methamphetamine_actual", "ice"])
def test_amendments_555_and_594_halved_the_methamphetamine_quantities(drug):
    # Amendment 555 (Nov. 1, 1997): "reducing by one-half the quantity of a mixture or
    # substance containing methamphetamine corresponding to each offense level"; Amendment
    # 594 (Nov. 1, 2000) halved the (actual) and Ice figures likewise (App. C Vol. I, II).
    for grams in GRID:
        assert level(drug, grams, M2003) == level(drug, grams * 2, M1995), grams


@pytest.mark.parametrize(
    "drug", ["heroin", "cocaine", "cocaine_base", "fentanyl", "fentanyl_analogue", "marihuana"]
)
def test_no_amendment_changed_the_other_entries_between_1995_and_2003(drug):
    # Appendix C Vols. I-II: of the amendments to §2D1.1(c) from Nov. 1, 1995 to Nov. 1,
    # 2003 (555, 594, 610, 623, ...), none changed these drugs' figures.
    for grams in GRID:
        assert level(drug, grams, M2003) == level(drug, grams, M1995), grams


def test_amendment_706_moved_cocaine_base_two_levels_down():
    # Amendment 706's reason: "Crack cocaine offenses for quantities above and below the
    # mandatory minimum threshold quantities similarly are adjusted downward by two levels";
    # the text strikes each entry for the one a row up (App. C Vol. III 9160-9189).
    for grams in GRID:
        before = level("cocaine_base", grams, M2003)
        after = level("cocaine_base", grams, M2008)
        assert after in (36, 38) if before == 38 else after == max(before - 2, 12), grams


@pytest.mark.parametrize("drug", DRUGS)
def test_amendment_505_capped_the_table_at_level_38(drug):
    # Amendment 505 (Nov. 1, 1994): "sets the upper limit of the Drug Quantity Table in §2D1.1
    # at level 38"; rows (4)-(19) renumbered without other change (App. C Vol. I).
    for grams in GRID:
        assert level(drug, grams, M1995) == min(level(drug, grams, M1992), 38), grams


@pytest.mark.parametrize(
    "edition",
    one_per_table([e for e in ALL if e.effective >= date(1991, 11, 1)]),
    ids=lambda e: e.key,
)
def test_ice_has_the_figures_of_methamphetamine_actual(edition):
    # Amendment 370 (Nov. 1, 1991) inserted each "Ice" entry after the "Pure
    # Methamphetamine" one with the same figures; Amendments 594 and 782 changed both alike,
    # and the 2016 and 2025 Manuals print them alike.
    for grams in GRID:
        assert level("ice", grams, edition) == level("methamphetamine_actual", grams, edition)


def test_amendment_125_gave_methamphetamine_the_heroin_figures():
    # Amendment 125 (Nov. 1, 1989) lists methamphetamine with the heroin quantities in every
    # row, "to reflect the statutory change with respect to methamphetamine".
    for grams in GRID:
        assert level("methamphetamine", grams, M1990) == level("heroin", grams, M1990), grams


# --- Shape of every table ------------------------------------------------------------------


@given(quantities, quantities)
@pytest.mark.parametrize("edition", one_per_table(ALL), ids=lambda e: e.key)
def test_more_drug_never_lowers_the_level(edition, first, second):
    low, high = sorted((first, second))
    for drug in drugs_of(edition):
        assert level(drug, low, edition) <= level(drug, high, edition)


@pytest.mark.parametrize("edition", one_per_table(ALL), ids=lambda e: e.key)
def test_each_step_of_the_grid_never_lowers_the_level(edition):
    for drug in drugs_of(edition):
        levels = [level(drug, grams, edition) for grams in GRID]
        assert levels == sorted(levels)


@given(quantities)
@pytest.mark.parametrize("edition", one_per_table(ALL), ids=lambda e: e.key)
def test_levels_are_even_and_within_the_table(edition, grams):
    # Every row of every table printed steps by two; the 1995 Manual on tops at 38
    # (Amendment 505), the 1990 table at 42 (Amendment 125), the 1987 one at 36.
    top = 36 if edition is M1988 else 42 if edition.effective < date(1994, 11, 1) else 38
    for drug in drugs_of(edition):
        found = level(drug, grams, edition)
        assert found % 2 == 0
        assert (6 if drug == "marihuana" else 12) <= found <= top


# --- Which drugs a table lists, and bad input -----------------------------------------------


def test_every_carried_edition_lists_all_nine_drugs():
    # Fentanyl and a fentanyl analogue are in the table as first promulgated (App. C Vol. I,
    # Amendment 125's deleted text), methamphetamine since Amendment 125, Ice since 370.
    for edition in EDITIONS:
        ice = edition.effective >= date(1991, 11, 1)
        assert drugs_of(edition) == [d for d in DRUGS if ice or d != "ice"]


def test_the_1987_table_had_no_methamphetamine_entry():
    # The 1987 table (App. C Vol. I, Amendment 125's deleted text) lists heroin, cocaine,
    # cocaine base, PCP, LSD, fentanyl, marihuana, hashish; methamphetamine went through the
    # equivalency tables until Amendment 125.
    for drug in ("methamphetamine", "methamphetamine_actual", "ice"):
        with pytest.raises(ValueError, match="no entry"):
            level(drug, 100, M1988)
    assert level("heroin", 100, M1988) == 26  # "100-399 G Heroin" at level 26


def test_ice_is_listed_from_november_1991():
    with pytest.raises(ValueError, match="no entry"):
        level("ice", 100, M1990)
    assert level("ice", 100, M1992) == level("methamphetamine_actual", 100, M1992)


@pytest.mark.parametrize("drug", ["crack", "Heroin", "pcp", ""])
def test_an_unknown_drug_is_refused(drug):
    with pytest.raises(ValueError, match="No Drug Quantity Table entry"):
        level(drug, 1, M2025)


@pytest.mark.parametrize("grams", [Decimal("-0.001"), Decimal("NaN"), Decimal("Infinity"), True])
def test_a_quantity_that_is_no_weight_is_refused(grams):
    with pytest.raises(ValueError, match="finite number of grams"):
        drug_quantity_level("heroin", grams, M2025)


def test_zero_and_tiny_quantities_take_the_last_row():
    # "Less than 10 G of Heroin" at level 12 and "Less than 1 KG of Marihuana" at level 6
    # (2025 Manual, §2D1.1(c)(14), (17)).
    assert level("heroin", 0, M2025) == 12
    assert level("marihuana", Decimal("0.001"), M2025) == 6


def test_an_edition_takes_the_table_in_force_on_its_own_date():
    # Amendment 782 took effect Nov. 1, 2014; an edition of Oct. 31 does not print it.
    assert level("heroin", 1_000, manual_of("2014-10-31", M2010)) == 32
    assert level("heroin", 1_000, M2014) == 30
    # Amendment 748 took effect Nov. 1, 2010, with the 2010 Manual's own date: 5 grams of
    # cocaine base leave Amendment 706's level 24 for less than the 26 of 28 grams.
    assert level("cocaine_base", 5, manual_of("2010-10-31", M2003)) == 24
    assert level("cocaine_base", 5, M2010) < 24


@pytest.mark.parametrize(
    ("drug", "grams", "text"),
    [
        # §2D1.1(c)(1), (5), (9), (14) and (17) of the 2025 Manual, as printed.
        ("heroin", 90_000, "90 KG or more of Heroin"),
        ("cocaine", 5_000, "At least 5 KG but less than 15 KG of Cocaine"),
        ("cocaine_base", 25, "At least 22.4 G but less than 28 G of Cocaine Base"),
        ("ice", "0.4", "Less than 500 MG of “Ice”"),
        ("marihuana", 999, "Less than 1 KG of Marihuana"),
        ("marihuana", 35_000_000, "At least 30,000 KG but less than 90,000 KG of Marihuana"),
    ],
)
def test_the_row_is_worded_as_the_2025_manual_prints_it(drug, grams, text):
    assert row_text(drug, Decimal(grams), M2025) == text
