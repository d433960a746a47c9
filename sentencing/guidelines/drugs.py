"""§2D1.1 worksheet lines by edition: the base offense level from the Drug Quantity Table, the
mitigating role cap, the weapon and premises increases, the safety-valve decrease, and the
drug equivalency (from Amendment 808, "drug conversion") tables for combining drugs.

Each rule names the amendment that set it and the section number it bears in the edition;
an edition takes the rule in force on its own effective date.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .drug_quantity import (
    DRUG_NAMES,
    DRUGS,
    drug_quantity_level,
    equivalent_weight_level,
    row_text,
)
from .editions import Edition
from .offense_level import OffenseLine

# --- Drug equivalency / conversion tables ---------------------------------------------------

# Amendment 396 (Nov. 1, 1991) made marihuana the single conversion factor (App. C Vol. I
# 10413-10484); before it the tables converted to heroin, which is not modelled here.
MARIHUANA_EQUIVALENTS_FROM = date(1991, 11, 1)
# Amendment 706 (Nov. 1, 2007) struck the cocaine base line and combined cocaine base by a
# table of its own (n.10(D), App. C III 9210-9268); Amendment 715 (May 1, 2008) put back
# 20 kg with a 2-level reduction (App. C III 10448-10506); Amendment 748 (Nov. 1, 2010)
# struck that rule and gave cocaine base 3,571 grams (App. C III 15697-15754). The rules of
# Nov. 1, 2007 to Oct. 31, 2010 are not modelled.
_COCAINE_BASE_RULE = (date(2007, 11, 1), date(2010, 11, 1))


@dataclass(frozen=True)
class Equivalency:
    drug: str
    effective: date
    source: str
    grams: Decimal  # grams of marihuana (from Amendment 808, of converted drug weight) per gram


def _eq(drug: str, effective: str, grams: str, source: str) -> Equivalency:
    return Equivalency(drug, date.fromisoformat(effective), source, Decimal(grams))


_396 = "Amendment 396 (Nov. 1, 1991); App. C I 10413-10484"
EQUIVALENCIES: tuple[Equivalency, ...] = (
    _eq("heroin", "1991-11-01", "1000", _396),
    _eq("cocaine", "1991-11-01", "200", _396),
    _eq("cocaine_base", "1991-11-01", "20000", _396),
    _eq("methamphetamine", "1991-11-01", "1000", _396),
    _eq("methamphetamine_actual", "1991-11-01", "10000", _396),
    _eq("ice", "1991-11-01", "10000", _396),
    _eq("fentanyl", "1991-11-01", "2500", _396),
    _eq("marihuana", "1991-11-01", "1", _396),
    # "by deleting '1 kg' ... and inserting ... '2 kg'" (App. C I 20098-20101).
    _eq("methamphetamine", "1997-11-01", "2000", "Amendment 555 (Nov. 1, 1997)"),
    # "by striking '10 kg' and inserting '20 kg'" for (Actual) and Ice (App. C II 2340-2344).
    _eq("methamphetamine_actual", "2000-11-01", "20000", "Amendment 594 (Nov. 1, 2000)"),
    _eq("ice", "2000-11-01", "20000", "Amendment 594 (Nov. 1, 2000)"),
    # n.10(D) cocaine base line: "striking '20 kg' and inserting '3,571 gm'" (App. C III
    # 15751-15754).
    _eq("cocaine_base", "2010-11-01", "3571", "Amendment 748 (Nov. 1, 2010)"),
    # The tables listed only named analogues (alpha-methylfentanyl, 3-methylfentanyl, 10 kg,
    # GLM2016 9581-9584) until Amendment 807 struck those two lines (USSC Appendix C online);
    # the 2025 Manual lists "a Fentanyl Analogue" at 10 kg (GLM2025 8612). That the line was
    # inserted by 807 rather than a later amendment is read from the 2018 date of the
    # striking, not from the inserting text.
    _eq("fentanyl_analogue", "2018-11-01", "10000", "Amendment 807 (Nov. 1, 2018)"),
)


def equivalency(drug: str, edition: Edition) -> Equivalency:
    """The grams of marihuana (or converted drug weight) one gram of ``drug`` counts for."""
    if drug not in DRUGS:
        raise ValueError(f"No drug equivalency for {drug!r}; known: {', '.join(DRUGS)}.")
    on = edition.effective
    if on < MARIHUANA_EQUIVALENTS_FROM:
        raise ValueError(
            f"The {edition.short_title} converts drugs to heroin, not marihuana (Amendment 396, "
            "Nov. 1, 1991); that conversion is not modelled."
        )
    if drug == "cocaine_base" and _COCAINE_BASE_RULE[0] <= on < _COCAINE_BASE_RULE[1]:
        raise ValueError(
            f"The {edition.short_title} combines cocaine base with other drugs under its own "
            "table (§2D1.1, comment. (n.10(D)), Amendments 706 and 715); that rule is not "
            "modelled."
        )
    in_force = [e for e in EQUIVALENCIES if e.drug == drug and e.effective <= on]
    if not in_force:
        raise ValueError(
            f"The drug equivalency tables of the {edition.short_title} have no entry for "
            f"{DRUG_NAMES[drug]} as such; convert the named substance."
        )
    return max(in_force, key=lambda e: e.effective)


def combined_weight(quantities: tuple[tuple[str, Decimal], ...], edition: Edition) -> Decimal:
    """The quantities converted and added (§2D1.1, comment. (n.8(B)) of the 2016 Manual)."""
    if not quantities:
        raise ValueError("Combining drugs needs at least one quantity.")
    total = Decimal(0)
    for drug, grams in quantities:
        if Decimal(grams) < 0:
            raise ValueError(f"A drug quantity cannot be negative ({grams}).")
        total += Decimal(grams) * equivalency(drug, edition).grams
    return total


def table_level(quantities: tuple[tuple[str, Decimal], ...], edition: Edition) -> int:
    """§2D1.1(c)'s level for one drug, or for several combined by their equivalents."""
    if len(quantities) == 1:
        drug, grams = quantities[0]
        return drug_quantity_level(drug, grams, edition)
    return equivalent_weight_level(combined_weight(quantities, edition), edition)


# --- Mitigating role cap, §2D1.1(a)(3) / (a)(5) -------------------------------------------

CAP_NONE = ""
CAP_30 = "30"  # Amendment 640 (Nov. 1, 2002): not more than level 30
CAP_GRADUATED = "graduated"  # Amendment 668 (Nov. 1, 2004): 32 -2, 34/36 -3, 38 -4
CAP_2025 = "2025"  # Amendment 833 (Nov. 1, 2025): 32 -2, 34 -3, above 34 to 32


@dataclass(frozen=True)
class RoleCap:
    effective: date
    subsection: str
    rule: str
    minimal_cap: int | None  # the level a 4-level (§3B1.2(a)) reduction caps at, if any
    source: str


ROLE_CAPS: tuple[RoleCap, ...] = (
    # The table's base level is (a)(3) until Amendment 727, as Amendments 640 and 668 name it.
    RoleCap(date(1987, 11, 1), "§2D1.1(a)(3)", CAP_NONE, None, "no cap before Amendment 640"),
    # App. C II 10795-10797; reason 10841-10843 ("a maximum base offense level of level 30").
    RoleCap(date(2002, 11, 1), "§2D1.1(a)(3)", CAP_30, None, "Amendment 640 (Nov. 1, 2002)"),
    # App. C III 3702-3714.
    RoleCap(date(2004, 11, 1), "§2D1.1(a)(3)", CAP_GRADUATED, None, "Amendment 668 (Nov. 1, 2004)"),
    # (a)(3) redesignated (a)(5) (App. C III 13036-13037).
    RoleCap(date(2009, 11, 1), "§2D1.1(a)(5)", CAP_GRADUATED, None, "Amendment 727 (Nov. 1, 2009)"),
    # The last sentence of (a)(5), "decrease to level 32" (App. C III 15601-15603).
    RoleCap(date(2010, 11, 1), "§2D1.1(a)(5)", CAP_GRADUATED, 32, "Amendment 748 (Nov. 1, 2010)"),
    # Part A, Subpart 1 (USSC Appendix C online; printed in GLM2025 7643-7654).
    RoleCap(date(2025, 11, 1), "§2D1.1(a)(5)", CAP_2025, 30, "Amendment 833 (Nov. 1, 2025)"),
)


def role_cap(edition: Edition) -> RoleCap:
    return max(
        (c for c in ROLE_CAPS if c.effective <= edition.effective), key=lambda c: c.effective
    )


def capped_base(level: int, mitigating_role: int, edition: Edition) -> int:
    """§2D1.1(a)'s base level from the table level for a §3B1.2 reduction of 0, 2, 3 or 4."""
    if mitigating_role not in (0, 2, 3, 4):
        raise ValueError(f"A §3B1.2 reduction is 2, 3 or 4 levels (or 0), not {mitigating_role}.")
    cap = role_cap(edition)
    if not mitigating_role or cap.rule == CAP_NONE:
        return level
    if cap.rule == CAP_30:
        result = min(level, 30)
    elif cap.rule == CAP_GRADUATED:
        result = level - {32: 2, 34: 3, 36: 3, 38: 4}.get(level, 0)
    else:  # CAP_2025
        result = 32 if level > 34 else level - {32: 2, 34: 3}.get(level, 0)
    if mitigating_role == 4 and cap.minimal_cap is not None and result > cap.minimal_cap:
        result = cap.minimal_cap
    return result


# --- Specific offense characteristics by number --------------------------------------------


@dataclass(frozen=True)
class Numbered:
    effective: date
    subsection: str  # "" when the edition has no such provision
    source: str


# §2D1.1(b)(1), a dangerous weapon possessed: +2, (b)(1) in every carried edition (named
# so by Amendment 640's reason, App. C II 10853, and by Amendment 748, App. C III 15671).
WEAPON_LEVELS = 2
WEAPON = (Numbered(date(1987, 11, 1), "§2D1.1(b)(1)", "§2D1.1(b)(1)"),)

# §2D1.1(b)(12), maintaining a premises for manufacturing or distributing: +2, added by
# Amendment 748 (App. C III 15612-15613), repromulgated by 750 (Nov. 1, 2011).
PREMISES_LEVELS = 2
PREMISES = (
    Numbered(date(1987, 11, 1), "", "none before Amendment 748"),
    Numbered(date(2010, 11, 1), "§2D1.1(b)(12)", "Amendment 748 (Nov. 1, 2010)"),
)

# The safety-valve decrease: the criteria of §5C1.2(a)(1)-(5), -2. Added as (b)(4) by
# Amendment 515 (App. C I 16425-16429) "and the offense level determined above is level 26
# or greater", a condition Amendment 624 struck (App. C II 8174-8176); renumbered as each
# amendment inserted subsections before it.
SAFETY_VALVE_LEVELS = -2
SAFETY_VALVE_MINIMUM_UNTIL = date(2001, 11, 1)  # level 26 or greater, until Amendment 624
SAFETY_VALVE = (
    Numbered(date(1987, 11, 1), "", "none before Amendment 515"),
    Numbered(date(1995, 11, 1), "§2D1.1(b)(4)", "Amendment 515 (Nov. 1, 1995)"),
    Numbered(date(1997, 11, 1), "§2D1.1(b)(6)", "Amendment 555 (Nov. 1, 1997)"),
    Numbered(date(2000, 12, 16), "§2D1.1(b)(7)", "Amendment 608 (Dec. 16, 2000)"),
    Numbered(date(2001, 11, 1), "§2D1.1(b)(6)", "Amendment 620 (Nov. 1, 2001)"),
    Numbered(date(2004, 11, 1), "§2D1.1(b)(7)", "Amendment 667 (Nov. 1, 2004)"),
    Numbered(date(2006, 3, 27), "§2D1.1(b)(9)", "Amendment 681 (Mar. 27, 2006)"),
    Numbered(date(2007, 11, 1), "§2D1.1(b)(11)", "Amendment 705 (Nov. 1, 2007)"),
    Numbered(date(2010, 11, 1), "§2D1.1(b)(16)", "Amendment 748 (Nov. 1, 2010)"),
    Numbered(date(2014, 11, 1), "§2D1.1(b)(17)", "Amendment 783 (Nov. 1, 2014)"),
    Numbered(date(2018, 11, 1), "§2D1.1(b)(18)", "Amendment 807 (Nov. 1, 2018)"),
)


def numbered(provision: tuple[Numbered, ...], edition: Edition) -> str:
    """Where ``edition`` puts the provision, or "" if it has none yet."""
    in_force = [n for n in provision if n.effective <= edition.effective]
    return max(in_force, key=lambda n: n.effective).subsection if in_force else ""


# --- The worksheet -------------------------------------------------------------------------


@dataclass(frozen=True)
class DrugFacts:
    """What §2D1.1 asks: the drugs and their quantities in grams (of the mixture, or of the
    substance itself for "methamphetamine_actual"), and the yes/no characteristics."""

    quantities: tuple[tuple[str, Decimal], ...]
    mitigating_role: int = 0  # the §3B1.2 reduction the defendant receives: 0, 2, 3 or 4
    weapon: bool = False
    premises: bool = False
    safety_valve: bool = False  # meets the criteria of §5C1.2(a)(1)-(5)


@dataclass(frozen=True)
class DrugWorksheet:
    table_level: int  # §2D1.1(c)
    base_level: int  # §2D1.1(a), after the mitigating role cap
    lines: tuple[OffenseLine, ...]
    notes: tuple[str, ...]


def _quantity_text(quantities: tuple[tuple[str, Decimal], ...]) -> str:
    return "; ".join(f"{Decimal(g):f} g of {DRUG_NAMES[d]}" for d, g in quantities)


def worksheet(facts: DrugFacts, edition: Edition) -> DrugWorksheet:
    """§2D1.1's base level and specific offense characteristic lines under ``edition``."""
    notes: list[str] = []
    level = table_level(facts.quantities, edition)
    if len(facts.quantities) > 1:
        alone = max(drug_quantity_level(d, g, edition) for d, g in facts.quantities)
        if alone > level:
            # The equivalent weight's rows run below a drug's own last row (level 12), and
            # 3,571 grams per gram of cocaine base rounds 100,000/28 down.
            notes.append(
                f"Combined by their equivalents the drugs give level {level}, below the {alone} "
                "one of them gives alone under its own entry in §2D1.1(c)."
            )
    cap = role_cap(edition)
    base = capped_base(level, facts.mitigating_role, edition)
    description = f"Drug Quantity Table, §2D1.1(c): {_quantity_text(facts.quantities)}"
    if len(facts.quantities) > 1:
        description += " (combined by their equivalents)"
    else:
        description += f" ({row_text(*facts.quantities[0], edition)})"
    if base != level:
        description += f"; level {level} capped for mitigating role ({cap.source})"
    elif facts.mitigating_role and cap.rule == CAP_NONE:
        notes.append(f"The {edition.short_title} has no mitigating role cap in §2D1.1(a).")
    lines = [OffenseLine(cap.subsection, description, base, "base")]
    if facts.weapon:
        lines.append(
            OffenseLine(
                numbered(WEAPON, edition), "Dangerous weapon possessed", WEAPON_LEVELS, "specific"
            )
        )
    if facts.premises:
        section = numbered(PREMISES, edition)
        if section:
            lines.append(
                OffenseLine(section, "Maintained a premises for drugs", PREMISES_LEVELS, "specific")
            )
        else:
            notes.append(
                f"The {edition.short_title} has no premises increase: §2D1.1(b)(12) dates from "
                "Nov. 1, 2010 (Amendment 748)."
            )
    if facts.safety_valve:
        _safety_valve(lines, notes, edition)
    return DrugWorksheet(level, base, tuple(lines), tuple(notes))


def _safety_valve(lines: list[OffenseLine], notes: list[str], edition: Edition) -> None:
    section = numbered(SAFETY_VALVE, edition)
    if not section:
        notes.append(
            f"The {edition.short_title} has no safety-valve decrease in §2D1.1 (Amendment 515, "
            "Nov. 1, 1995)."
        )
        return
    # "the offense level determined above": the lines so far (the (b)(2) aircraft and (b)(3)
    # prison increases of 1995, not modelled, would count too).
    so_far = sum(line.levels for line in lines)
    if edition.effective < SAFETY_VALVE_MINIMUM_UNTIL and so_far < 26:
        notes.append(
            f"{section} not applied: under the {edition.short_title} it needs an offense level "
            f"of 26 or greater so far, and it is {so_far}."
        )
        return
    lines.append(
        OffenseLine(
            section, "Meets the criteria of §5C1.2(a)(1)-(5)", SAFETY_VALVE_LEVELS, "specific"
        )
    )
