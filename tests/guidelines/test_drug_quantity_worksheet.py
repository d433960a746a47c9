"""§2D1.1 worksheet lines and drug equivalencies by edition.

Expected figures come from the Manual's commentary examples, the amendment texts and their
reasons (Appendix C), and the Commission's statement that an equivalency "can be calculated
using any threshold in the Drug Quantity Table" (Amendment 748's reason), which checks the
typed equivalencies against the separately typed table.
"""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sentencing.guidelines import EDITIONS, Acceptance, edition_by_key
from sentencing.guidelines.drug_quantity import drug_quantity_level, equivalent_weight_level
from sentencing.guidelines.drugs import (
    PREMISES,
    SAFETY_VALVE,
    DrugFacts,
    capped_base,
    combined_weight,
    equivalency,
    numbered,
    table_level,
    worksheet,
)
from sentencing.guidelines.offense_level import offense_level

M1995 = edition_by_key("1995-11-01")
M2003 = edition_by_key("2003-11-01")
M2010 = edition_by_key("2010-11-01")
M2016 = edition_by_key("2016-11-01")
M2023 = edition_by_key("2023-11-01")
M2024 = edition_by_key("2024-11-01")
M2025 = edition_by_key("2025-11-01")


def manual_of(day: str, like):
    return replace(like, key=day, effective=date.fromisoformat(day))


M1990 = manual_of("1990-11-01", M1995)
M2008 = manual_of("2008-11-01", M2003)
M2018 = manual_of("2018-11-01", M2016)

_ROUND = sorted({Decimal(d).scaleb(e) for d in range(1, 1000) for e in range(-3, 7)})
GRID = sorted({*_ROUND, *(q - Decimal("0.0001") for q in _ROUND)})


def g(value) -> Decimal:
    return Decimal(str(value))


# --- Combining drugs: the Manual's examples -------------------------------------------------


@pytest.mark.parametrize("edition", [M2016, M2025], ids=lambda e: e.key)
def test_cocaine_and_cocaine_base_combine_to_23_142_kilograms_at_level_16(edition):
    # §2D1.1, comment. (n.8(C)(iii)), 2016 and 2025 Manuals: "The cocaine converts to 16
    # kilograms ..., and the cocaine base converts to 7.142 kilograms .... The total therefore
    # converts to 23.142 kilograms ..., which has an offense level of 16".
    drugs = (("cocaine", g(80)), ("cocaine_base", g(2)))
    assert combined_weight(drugs, edition) == g("23142")
    assert table_level(drugs, edition) == 16


def test_the_same_example_is_level_18_in_the_2010_manual():
    # n.10(C)(iii) as Amendment 748 rewrote it: "23.142 kilograms" at "an offense level of 18".
    drugs = (("cocaine", g(80)), ("cocaine_base", g(2)))
    assert combined_weight(drugs, M2010) == g("23142")
    assert table_level(drugs, M2010) == 18


@pytest.mark.parametrize("edition", [M1995, M2003], ids=lambda e: e.key)
def test_cocaine_and_marihuana_combine_to_21_kilograms_at_level_18(edition):
    # n.10, example (c), as Amendment 396 wrote it: "The cocaine is equivalent to 16
    # kilograms of marihuana. The total is therefore equivalent to 21 kilograms of marihuana,
    # which has an offense level of 18".
    drugs = (("cocaine", g(80)), ("marihuana", g(5_000)))
    assert combined_weight(drugs, edition) == g(21_000)
    assert table_level(drugs, edition) == 18


def test_amendment_748_derives_3571_grams_from_the_level_26_threshold():
    # Amendment 748's reason: "the threshold quantities at base offense level 26 are 100,000
    # grams of marihuana and 28 grams of crack cocaine; 100,000 grams divided by 28 is 3,571
    # grams".
    assert equivalency("cocaine_base", M2010).grams == int(Decimal(100_000) / 28)


# Drugs whose equivalency is exact in each edition (Amendment 748's 3,571 grams rounds down,
# and the tables list a fentanyl analogue as such only from Amendment 807).
EXACT = {
    M1995: ("heroin", "cocaine", "cocaine_base", "methamphetamine", "methamphetamine_actual",
            "ice", "fentanyl"),
    M2003: ("heroin", "cocaine", "cocaine_base", "methamphetamine", "methamphetamine_actual",
            "ice", "fentanyl"),
    M2010: ("heroin", "cocaine", "methamphetamine", "methamphetamine_actual", "ice", "fentanyl"),
    M2016: ("heroin", "cocaine", "methamphetamine", "methamphetamine_actual", "ice", "fentanyl"),
    M2025: ("heroin", "cocaine", "methamphetamine", "methamphetamine_actual", "ice", "fentanyl",
            "fentanyl_analogue"),
}  # fmt: skip


@pytest.mark.parametrize(
    ("edition", "drug"), [(e, d) for e, drugs in EXACT.items() for d in drugs],
    ids=lambda x: getattr(x, "key", x),
)  # fmt: skip
def test_each_equivalency_reproduces_the_drugs_own_entries(edition, drug):
    # Amendment 748's reason: "The marihuana equivalency for any controlled substance is a
    # constant that can be calculated using any threshold in the Drug Quantity Table". So,
    # above the drug's own last row (level 12), the drug weighed by its equivalency falls in
    # the row the drug's own entry gives.
    factor = equivalency(drug, edition).grams
    for grams in GRID:
        own = drug_quantity_level(drug, grams, edition)
        converted = equivalent_weight_level(grams * factor, edition)
        assert converted == own if own > 12 else converted <= 12, (drug, grams)


def test_amendment_748s_rounding_puts_28_grams_of_cocaine_base_a_row_lower_when_combined():
    # 28 grams is level 26 on its own (Amendment 748's reason), but 28 x 3,571 = 99,988 grams
    # is below the 100 kilograms of level 26 in the 2010 table.
    facts = DrugFacts((("cocaine_base", g(28)), ("marihuana", g("0.001"))))
    sheet = worksheet(facts, M2010)
    assert drug_quantity_level("cocaine_base", g(28), M2010) == 26
    assert sheet.table_level == 24
    assert any("below the 26" in note for note in sheet.notes)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["heroin", "cocaine", "cocaine_base", "fentanyl", "marihuana"]),
            st.decimals(min_value=0, max_value=10**7, places=3),
            st.decimals(min_value=0, max_value=10**6, places=3),
        ),
        min_size=2,
        max_size=4,
    ),
    st.sampled_from([M1995, M2003, M2010, M2016, M2025]),
)
def test_more_of_any_drug_never_lowers_the_combined_level(entries, edition):
    less = tuple((drug, grams) for drug, grams, _ in entries)
    more = tuple((drug, grams + extra) for drug, grams, extra in entries)
    assert table_level(less, edition) <= table_level(more, edition)


def test_conversions_the_engine_does_not_carry_are_refused():
    # Before Amendment 396 (Nov. 1, 1991) the tables converted to heroin.
    with pytest.raises(ValueError, match="heroin, not marihuana"):
        combined_weight((("cocaine", g(1)), ("marihuana", g(1))), M1990)
    # Amendments 706 and 715 combined cocaine base by their own rule until Amendment 748.
    with pytest.raises(ValueError, match="not modelled"):
        combined_weight((("cocaine_base", g(1)), ("marihuana", g(1))), M2008)
    # The 2016 tables list alpha-methylfentanyl and 3-methylfentanyl, not "a Fentanyl
    # Analogue" (GLM2016, n.8(D)); Amendment 807 added it in 2018.
    with pytest.raises(ValueError, match="no entry for a Fentanyl Analogue"):
        combined_weight((("fentanyl_analogue", g(1)), ("heroin", g(1))), M2016)
    assert equivalency("fentanyl_analogue", M2018).grams == 10_000  # "= 10 kg" (GLM2025)


# --- The mitigating role cap ----------------------------------------------------------------


def test_the_1995_manual_has_no_mitigating_role_cap():
    # §2D1.1(a)(3) had no cap until Amendment 640 (Nov. 1, 2002) added one.
    assert capped_base(38, 4, M1995) == 38


def test_amendment_640_caps_the_2003_base_level_at_30():
    # Amendment 640: "the base offense level under this subsection shall be not more than
    # level 30".
    assert capped_base(38, 2, M2003) == 30
    assert capped_base(32, 3, M2003) == 30
    assert capped_base(28, 2, M2003) == 28
    assert capped_base(38, 0, M2003) == 38


@pytest.mark.parametrize("edition", [M2010, M2016, M2023, M2024], ids=lambda e: e.key)
def test_the_graduated_cap_and_the_minimal_participant_cap(edition):
    # Amendment 668: "(i) level 32, decrease by 2 levels; (ii) level 34 or level 36, decrease
    # by 3 levels; or (iii) level 38, decrease by 4 levels"; Amendment 748: "If the resulting
    # offense level is greater than level 32 and the defendant receives the 4-level ('minimal
    # participant') reduction in §3B1.2(a), decrease to level 32" (2016 Manual, §2D1.1(a)(5)).
    for table, minor, minimal in ((30, 30, 30), (32, 30, 30), (34, 31, 31), (36, 33, 32),
                                  (38, 34, 32)):  # fmt: skip
        assert capped_base(table, 2, edition) == minor
        assert capped_base(table, 4, edition) == minimal


def test_amendment_833_lowers_the_caps_in_the_2025_manual():
    # Amendment 833, Part A: "(i) level 32, decrease by 2 levels; (ii) level 34, decrease by
    # 3 levels; or (iii) above level 34, decrease to level 32. If the resulting offense level
    # is greater than level 30 and the defendant receives the 4-level reduction in §3B1.2(a),
    # decrease to level 30" (GLM2025, §2D1.1(a)(5)).
    for table, minor, minimal in ((30, 30, 30), (32, 30, 30), (34, 31, 30), (36, 32, 30),
                                  (38, 32, 30)):  # fmt: skip
        assert capped_base(table, 2, M2025) == minor
        assert capped_base(table, 4, M2025) == minimal


def test_a_role_reduction_that_section_3b1_2_does_not_give_is_refused():
    with pytest.raises(ValueError, match="2, 3 or 4"):
        capped_base(32, 1, M2016)


# --- Specific offense characteristics by edition --------------------------------------------


@pytest.mark.parametrize(
    ("edition", "section"),
    [
        (M1995, "§2D1.1(b)(4)"),  # Amendment 515 inserted "(4)" (Nov. 1, 1995)
        (M2003, "§2D1.1(b)(6)"),  # "Applicability of Subsection (b)(6)", Amendment 640's note
        (M2010, "§2D1.1(b)(16)"),  # Amendment 748: "(10) and (11) as ... (13) and (16)"
        (M2016, "§2D1.1(b)(17)"),  # GLM2016: "(17) If the defendant meets the criteria"
        (M2023, "§2D1.1(b)(18)"),  # Amendment 807: "(b)(13) through (b)(17) as (b)(14) ..."
        (M2025, "§2D1.1(b)(18)"),  # GLM2025: "(18) If the defendant meets the criteria"
    ],
    ids=lambda x: getattr(x, "key", x),
)
def test_the_safety_valve_decrease_is_numbered_as_each_manual_prints_it(edition, section):
    assert numbered(SAFETY_VALVE, edition) == section


def test_the_premises_increase_starts_with_amendment_748():
    # Amendment 748 inserted "(12) If the defendant maintained a premises" (Nov. 1, 2010);
    # (b)(12) in the 2016 and 2025 Manuals.
    assert numbered(PREMISES, M2003) == ""
    for edition in (M2010, M2016, M2025):
        assert numbered(PREMISES, edition) == "§2D1.1(b)(12)"
    sheet = worksheet(DrugFacts((("heroin", g(100)),), premises=True), M2003)
    assert [line.section for line in sheet.lines] == ["§2D1.1(a)(3)"]
    assert "no premises increase" in sheet.notes[0]


def test_the_1995_safety_valve_decrease_needs_level_26():
    # Amendment 515: "and the offense level determined above is level 26 or greater,
    # decrease by 2 levels"; struck by Amendment 624 (Nov. 1, 2001).
    small = DrugFacts((("heroin", g(10)),), safety_valve=True)
    large = DrugFacts((("heroin", g(1_000)),), safety_valve=True)
    assert [line.levels for line in worksheet(small, M1995).lines] == [16]
    assert "26 or greater" in worksheet(small, M1995).notes[0]
    assert [line.levels for line in worksheet(small, M2003).lines] == [16, -2]
    assert [line.levels for line in worksheet(large, M1995).lines] == [32, -2]
    # The Nov. 1, 2000 Manual still had the condition, at (b)(6) since Amendment 555.
    m2000 = manual_of("2000-11-01", M1995)
    assert [line.levels for line in worksheet(small, m2000).lines] == [16]
    assert [line.section for line in worksheet(large, m2000).lines][1] == "§2D1.1(b)(6)"


def _after_acceptance(facts, edition):
    sheet = worksheet(facts, edition)
    return offense_level(sheet.lines, Acceptance.THREE, True, edition).after_acceptance


def test_five_kilograms_of_cocaine_under_the_2018_manual():
    # Issue 14's published case: 5 kg of cocaine, acceptance, 2018 Manual: 30 - 3 = 27; with
    # the safety valve 25. Amendment 782's table puts 5 KG of cocaine at level 30.
    cocaine = (("cocaine", g(5_000)),)
    assert worksheet(DrugFacts(cocaine), M2018).base_level == 30
    assert _after_acceptance(DrugFacts(cocaine), M2018) == 27
    assert _after_acceptance(DrugFacts(cocaine, safety_valve=True), M2018) == 25


def test_weapon_and_premises_each_add_two_levels():
    # §2D1.1(b)(1) and (b)(12), "increase by 2 levels" (2016 and 2025 Manuals).
    facts = DrugFacts((("heroin", g(1_000)),), weapon=True, premises=True)
    for edition in (M2016, M2025):
        sheet = worksheet(facts, edition)
        assert [(line.section, line.levels) for line in sheet.lines] == [
            ("§2D1.1(a)(5)", 30),
            ("§2D1.1(b)(1)", 2),
            ("§2D1.1(b)(12)", 2),
        ]


def test_the_base_line_shows_the_cap_it_applied():
    facts = DrugFacts((("heroin", g(90_000)),), mitigating_role=4)
    sheet = worksheet(facts, M2016)
    assert sheet.table_level == 38  # "90 KG or more of Heroin", Amendment 782
    assert sheet.base_level == 32
    assert "capped for mitigating role" in sheet.lines[0].description
    assert "(90 KG or more of Heroin)" in sheet.lines[0].description


def test_every_carried_edition_builds_a_worksheet():
    facts = DrugFacts((("methamphetamine_actual", g(50)),), weapon=True, safety_valve=True)
    for edition in EDITIONS:
        sheet = worksheet(facts, edition)
        assert sheet.lines[0].kind == "base"
        assert sheet.lines[0].section in ("§2D1.1(a)(3)", "§2D1.1(a)(5)")
