"""§2B1.1 (Theft, Property Destruction, and Fraud) worksheet, and §2F1.1 (Fraud and Deceit)
before their consolidation on Nov. 1, 2001 (Amendment 617), by the text in force on an
edition's effective date.

Modelled, in the Manual's order (§1B1.1(a)(2): "in the order listed"), so that each floor sees
the level before it: the base offense level; the loss table (``loss.py``); the victims table;
theft from the person; the business of receiving and selling stolen property; the
misrepresentation / violation-of-order characteristic (floor 10); relocation, a scheme run from
abroad or sophisticated means (one increase, floor 12); access devices and means of
identification (floor 12); before 2001, more than minimal planning. Which of them an edition
prints, and where, is its ``TheftFraudText``. The other characteristics are entered as hand
lines. Descriptions are summaries; the Manual's text and definitions (e.g. "victim",
"substantial financial hardship") control.
"""

from dataclasses import dataclass, replace
from datetime import date

from .editions import Edition
from .loss import FRAUD, THEFT, loss_table, row_label
from .offense_level import OffenseLine

# §2B1.1(a)(1): 7 if the offense of conviction has a statutory maximum of 20 years or more
# (Amendment 653, Nov. 1, 2003; unchanged in the 2016 and 2025 Manuals).
TWENTY_YEARS_MONTHS = 240
# "If the resulting offense level is less than level 12, increase to level 12": sophisticated
# means and access devices; level 10 for misrepresentation or violation of an order.
FLOOR_LEVEL = 12
MISREPRESENTATION_FLOOR = 10

# Victims tables: which text of the victims characteristic a text prints.
VICTIMS_NONE = "none"  # §2B1.1 (theft) before 2001: no victims characteristic
VICTIMS_SCHEME = "scheme"  # §2F1.1(b)(2)(B): a scheme to defraud more than one victim
VICTIMS_2001 = "2001"  # Amendment 617: more than 10 but less than 50; 50 or more
VICTIMS_2003 = "2003"  # Amendment 647: 10 or more; 50 or more; 250 or more
VICTIMS_2015 = "2015"  # Amendment 792: substantial financial hardship to 1, 5, 25 or more


@dataclass(frozen=True)
class TheftFraudText:
    """One text of the guideline, in force from ``effective`` until ``until`` (exclusive).
    Paragraphs are "" where the text has no such characteristic."""

    guideline: str  # THEFT or FRAUD
    effective: date
    until: date | None
    source: str
    base_twenty_years: int  # base level if the statutory maximum is 20 years or more
    base_otherwise: int
    victims: str  # one of the VICTIMS_ texts
    from_person: str  # theft from the person of another, 2 levels
    fencing: str  # in the business of receiving and selling stolen property
    fencing_levels: int
    planning: str  # more than minimal planning (deleted by Amendment 617)
    misrepresentation: str  # charity or government misrepresentation, a prior order, ...
    sophisticated_means: str
    identification: str  # access devices / means of identification

    @property
    def split_base(self) -> bool:
        return self.base_twenty_years != self.base_otherwise


def _d(iso: str) -> date:
    return date.fromisoformat(iso)


# §2B1.1 (theft) as renumbered by Amendment 512 (Nov. 1, 1995): (a) 4, (b)(2) theft from the
# person, (b)(4)(A) more than minimal planning, 2, or (B) in the business of receiving and
# selling stolen property, 4 (Amendment 481, 1993). Amendments 551 (1997) and 576 (1998) added
# (b)(7) and (b)(8) only; Amendment 617 struck the text as typed here.
_THEFT_1995 = TheftFraudText(
    guideline=THEFT,
    effective=_d("1995-11-01"),
    until=_d("2001-11-01"),
    source="Amendment 512 (Nov. 1, 1995)",
    base_twenty_years=4,
    base_otherwise=4,
    victims=VICTIMS_NONE,
    from_person="(b)(2)",
    fencing="(b)(4)(B)",
    fencing_levels=4,
    planning="(b)(4)(A)",
    misrepresentation="",
    sophisticated_means="",
    identification="",
)

# §2F1.1 (fraud) as in 1995: (a) 6, (b)(2)(A) more than minimal planning or (B) a scheme to
# defraud more than one victim, (b)(3) misrepresentation or violation of an order, floor 10
# (Amendment 156, 1989; reworded 1993). Not carried from Nov. 1, 1998, when Amendment 577 added
# sophisticated concealment and mass-marketing and (b)(3) became (b)(4).
_FRAUD_1995 = replace(
    _THEFT_1995,
    guideline=FRAUD,
    until=_d("1998-11-01"),
    source="§2F1.1 as amended to Nov. 1, 1995",
    base_twenty_years=6,
    base_otherwise=6,
    victims=VICTIMS_SCHEME,
    from_person="",
    fencing="",
    fencing_levels=0,
    planning="(b)(2)(A)",
    misrepresentation="(b)(3)",
)

# Amendment 617 (Nov. 1, 2001): consolidated §2B1.1, (a) 6; (b)(2) victims; (b)(3) theft from
# the person; (b)(4) receiving stolen property, now 2 levels; (b)(7) misrepresentation (from
# §2F1.1(b)(4)); (b)(8) sophisticated means (from §2F1.1(b)(6)); (b)(9) access devices (from
# §2F1.1(b)(5)). More than minimal planning deleted.
_CONSOLIDATED_2001 = replace(
    _THEFT_1995,
    effective=_d("2001-11-01"),
    until=_d("2003-01-25"),
    source="Amendment 617 (Nov. 1, 2001)",
    base_twenty_years=6,
    base_otherwise=6,
    victims=VICTIMS_2001,
    from_person="(b)(3)",
    fencing="(b)(4)",
    fencing_levels=2,
    planning="",
    misrepresentation="(b)(7)",
    sophisticated_means="(b)(8)",
    identification="(b)(9)",
)

# Amendment 647 (emergency, Jan. 25, 2003): new (b)(2) victims table.
_EMERGENCY_2003 = replace(
    _CONSOLIDATED_2001,
    effective=_d("2003-01-25"),
    until=_d("2003-11-01"),
    source="Amendment 647 (Jan. 25, 2003)",
    victims=VICTIMS_2003,
)

# Amendment 653 (Nov. 1, 2003): (a)(1) 7 / (a)(2) 6 by the statutory maximum.
_SPLIT_BASE_2003 = replace(
    _EMERGENCY_2003,
    effective=_d("2003-11-01"),
    until=_d("2004-11-01"),
    source="Amendment 653 (Nov. 1, 2003)",
    base_twenty_years=7,
)

# Amendment 665 (Nov. 1, 2004) inserted (b)(7) and redesignated (7)-(14) as (8)-(15).
_RENUMBERED_2004 = replace(
    _SPLIT_BASE_2003,
    effective=_d("2004-11-01"),
    until=_d("2011-11-01"),
    source="Amendment 665 (Nov. 1, 2004)",
    misrepresentation="(b)(8)",
    sophisticated_means="(b)(9)",
    identification="(b)(10)",
)

# Amendment 749 (Nov. 1, 2011) inserted (b)(8) and redesignated (8)-(17) as (9)-(18)
# (Amendment 760 names the moves "from (b)(8)(C) to (b)(9)(C)" and "from (b)(9) to (b)(10)").
# Amendments 771 and 772 (2013) renumbered (5)-(8) and (13)-(19) only.
_RENUMBERED_2011 = replace(
    _RENUMBERED_2004,
    effective=_d("2011-11-01"),
    until=_d("2015-11-01"),
    source="Amendment 749 (Nov. 1, 2011)",
    misrepresentation="(b)(9)",
    sophisticated_means="(b)(10)",
    identification="(b)(11)",
)

# Amendment 792 (Nov. 1, 2015): victims table by substantial financial hardship, and
# sophisticated means only if the defendant intentionally engaged in or caused it. As printed
# in the 2016 and 2025 Manuals.
_HARDSHIP_2015 = replace(
    _RENUMBERED_2011,
    effective=_d("2015-11-01"),
    until=None,
    source="Amendment 792 (Nov. 1, 2015)",
    victims=VICTIMS_2015,
)

TEXTS: tuple[TheftFraudText, ...] = (
    _THEFT_1995,
    _FRAUD_1995,
    _CONSOLIDATED_2001,
    _EMERGENCY_2003,
    _SPLIT_BASE_2003,
    _RENUMBERED_2004,
    _RENUMBERED_2011,
    _HARDSHIP_2015,
)


def theft_fraud_text(edition: Edition, guideline: str = THEFT) -> TheftFraudText:
    """The text of ``guideline`` in force on ``edition``'s effective date."""
    on = edition.effective
    if guideline == FRAUD and on >= date(2001, 11, 1):
        raise ValueError(
            f"§2F1.1 was deleted on Nov. 1, 2001 (Amendment 617); under the "
            f"{edition.short_title} fraud is sentenced under §2B1.1."
        )
    in_force = [t for t in TEXTS if t.guideline == guideline and t.effective <= on]
    text = max(in_force, key=lambda t: t.effective) if in_force else None
    if text is None or (text.until is not None and on >= text.until):
        raise ValueError(
            f"The §{guideline} worksheet of the {edition.short_title} is not modelled; enter "
            "its lines by hand."
        )
    return text


@dataclass(frozen=True)
class TheftFraudWorksheet:
    text: TheftFraudText
    lines: tuple[OffenseLine, ...]
    notes: tuple[str, ...]

    @property
    def offense_level(self) -> int:
        """Chapter Two offense level of these lines (none of them is an alternative)."""
        return sum(line.levels for line in self.lines)


def _base(text: TheftFraudText, maximum_months: int | None) -> OffenseLine:
    section = f"§{text.guideline}(a)"
    if not text.split_base:
        return OffenseLine(section, "Base offense level", text.base_otherwise, "base")
    if maximum_months is None or maximum_months >= TWENTY_YEARS_MONTHS:
        return OffenseLine(
            f"{section}(1)",
            "Base offense level: statutory maximum of 20 years or more",
            text.base_twenty_years,
            "base",
        )
    return OffenseLine(
        f"{section}(2)",
        "Base offense level: statutory maximum under 20 years",
        text.base_otherwise,
        "base",
    )


def _loss(text: TheftFraudText, edition: Edition, loss: int) -> OffenseLine:
    table = loss_table(edition, text.guideline)
    row = table.row(loss)
    label = row_label(row, table)
    return OffenseLine(
        f"§{text.guideline}(b)(1)({row.letter})",
        f"Loss of ${loss:,} ({label}; {table.source})",
        row.levels,
        "specific",
    )


def _victims(
    text: TheftFraudText, victims: int, mass_marketing: bool, hardship: int
) -> tuple[str, str, int] | None:
    """(subdivision, description, levels) of the victims characteristic, or None."""
    if text.victims == VICTIMS_2015:
        if hardship >= 25:
            return "(C)", "Substantial financial hardship to 25 or more victims", 6
        if hardship >= 5:
            return "(B)", "Substantial financial hardship to 5 or more victims", 4
    if text.victims == VICTIMS_2003:
        if victims >= 250:
            return "(C)", "250 or more victims", 6
        if victims >= 50:
            return "(B)", "50 or more victims", 4
    if text.victims in (VICTIMS_2003, VICTIMS_2015):
        if victims >= 10:
            return "(A)(i)", "10 or more victims", 2
        if mass_marketing:
            return "(A)(ii)", "Committed through mass-marketing", 2
        if text.victims == VICTIMS_2015 and hardship >= 1:
            return "(A)(iii)", "Substantial financial hardship to one or more victims", 2
    if text.victims == VICTIMS_2001:
        if victims >= 50:
            return "(B)", "50 or more victims", 4
        if victims > 10:
            return "(A)(i)", "More than 10, but less than 50, victims", 2
        if mass_marketing:
            return "(A)(ii)", "Committed through mass-marketing", 2
    return None


def _fencing(text: TheftFraudText) -> OffenseLine:
    return OffenseLine(
        f"§{text.guideline}{text.fencing}",
        "In the business of receiving and selling stolen property",
        text.fencing_levels,
        "specific",
    )


def _floored(section: str, description: str, running: int, floor: int) -> OffenseLine:
    """+2, and up to level ``floor`` if the resulting offense level would be less."""
    levels = max(2, floor - running)
    if levels > 2:
        description += f" (+2, raised to level {floor})"
    return OffenseLine(section, description, levels, "specific")


def theft_fraud_worksheet(
    edition: Edition,
    *,
    loss: int,
    statutory_maximum_months: int | None,
    victims: int = 0,
    mass_marketing: bool = False,
    hardship_victims: int = 0,
    theft_from_person: bool = False,
    receiving_stolen_property_business: bool = False,
    misrepresentation_or_order: bool = False,
    relocated_scheme: bool = False,
    outside_united_states: bool = False,
    sophisticated_means: bool = False,
    identification_means: bool = False,
    more_than_minimal_planning: bool = False,
    guideline: str = THEFT,
) -> TheftFraudWorksheet:
    """The worksheet lines of ``guideline`` under ``edition`` for these facts.

    ``statutory_maximum_months`` is the offense of conviction's (None = life); ``victims``
    counts all victims, ``hardship_victims`` those caused substantial financial hardship.
    """
    if victims < 0 or hardship_victims < 0:
        raise ValueError("A number of victims cannot be negative.")
    if hardship_victims > victims:
        raise ValueError("More victims with substantial financial hardship than victims.")
    text = theft_fraud_text(edition, guideline)
    section = f"§{text.guideline}"
    notes: list[str] = []
    lines = [_base(text, statutory_maximum_months), _loss(text, edition, loss)]

    victims_line = _victims(text, victims, mass_marketing, hardship_victims)
    if victims_line:
        subdivision, description, levels = victims_line
        lines.append(OffenseLine(f"{section}(b)(2){subdivision}", description, levels, "specific"))

    if theft_from_person:
        if text.from_person:
            lines.append(
                OffenseLine(
                    f"{section}{text.from_person}",
                    "Theft from the person of another",
                    2,
                    "specific",
                )
            )
        else:
            notes.append(
                f"The {edition.short_title}'s §{text.guideline} has no theft-from-the-person "
                "characteristic."
            )

    fence = receiving_stolen_property_business and bool(text.fencing)
    if receiving_stolen_property_business and not fence:
        notes.append(
            f"The {edition.short_title}'s §{text.guideline} has no characteristic for a business "
            "of receiving and selling stolen property."
        )
    if fence and not text.planning:
        lines.append(_fencing(text))

    planning = more_than_minimal_planning
    scheme = text.victims == VICTIMS_SCHEME and victims > 1
    if fence and text.planning:
        # §2B1.1(b)(4) (1995): (A) more than minimal planning, 2 levels, "or" (B) the business
        # of receiving and selling stolen property, 4 levels: the greater applies.
        lines.append(_fencing(text))
        if planning:
            notes.append(
                f"{section}{text.planning} (more than minimal planning, +2) not counted: "
                f"{section}{text.fencing} (+{text.fencing_levels}) is the greater alternative."
            )
    elif text.planning and (planning or scheme):
        # §2F1.1(b)(2): (A) more than minimal planning or (B) a scheme to defraud more than
        # one victim, 2 levels either way; §2B1.1(b)(4)(A) more than minimal planning.
        subdivision = text.planning if planning else "(b)(2)(B)"
        description = (
            "More than minimal planning" if planning else "Scheme to defraud more than one victim"
        )
        lines.append(OffenseLine(f"{section}{subdivision}", description, 2, "specific"))
    elif planning:
        notes.append(
            f"More than minimal planning is not in the {edition.short_title}'s §{text.guideline} "
            "(deleted by Amendment 617, Nov. 1, 2001)."
        )

    def add_floored(paragraph: str, description: str, floor: int, missing: str) -> None:
        if not paragraph:
            notes.append(f"The {edition.short_title}'s §{text.guideline} has no {missing}.")
            return
        running = sum(line.levels for line in lines)
        lines.append(_floored(f"{section}{paragraph}", description, running, floor))

    if misrepresentation_or_order:
        description = (
            "Misrepresentation of acting for a charitable, educational, religious or political "
            "organization or a government agency, or violation of a prior judicial or "
            "administrative order"
        )
        if text.guideline == THEFT:  # bankruptcy fraud came with Amendment 617 (2001)
            description += ", or fraud in a bankruptcy proceeding"
        add_floored(
            text.misrepresentation,
            description,
            MISREPRESENTATION_FLOOR,
            "misrepresentation or violation-of-order characteristic",
        )

    # One paragraph, one increase: (A) relocation to evade law enforcement, (B) a substantial
    # part committed from outside the United States, or (C) sophisticated means.
    clauses = [
        ("(A)", relocated_scheme, "Fraudulent scheme relocated to evade law enforcement"),
        ("(B)", outside_united_states, "Substantial part of the scheme committed from abroad"),
        ("(C)", sophisticated_means, "Sophisticated means"),
    ]
    applying = [(letter, description) for letter, applies, description in clauses if applies]
    if applying:
        letter, description = applying[0]
        if letter == "(C)" and text.victims == VICTIMS_2015:
            description += ", intentionally engaged in or caused by the defendant"
        add_floored(
            text.sophisticated_means and f"{text.sophisticated_means}{letter}",
            description,
            FLOOR_LEVEL,
            "relocation, foreign-scheme or sophisticated-means characteristic",
        )

    if identification_means:
        add_floored(
            text.identification,
            "Device-making equipment, counterfeit or unauthorized access devices, or means of "
            "identification unlawfully used or possessed",
            FLOOR_LEVEL,
            "access-device or means-of-identification characteristic",
        )

    if text.victims == VICTIMS_NONE and victims > 1:
        notes.append(
            f"The {edition.short_title}'s §{text.guideline} (theft) has no victims characteristic."
        )
    if mass_marketing and text.victims in (VICTIMS_NONE, VICTIMS_SCHEME):
        notes.append(
            f"The {edition.short_title}'s §{text.guideline} has no mass-marketing characteristic."
        )
    return TheftFraudWorksheet(text, tuple(lines), tuple(notes))


def theft_fraud_lines(
    edition: Edition,
    *,
    loss: int,
    statutory_maximum_months: int | None,
    victims: int = 0,
    mass_marketing: bool = False,
    hardship_victims: int = 0,
    theft_from_person: bool = False,
    receiving_stolen_property_business: bool = False,
    misrepresentation_or_order: bool = False,
    relocated_scheme: bool = False,
    outside_united_states: bool = False,
    sophisticated_means: bool = False,
    identification_means: bool = False,
    more_than_minimal_planning: bool = False,
    guideline: str = THEFT,
) -> tuple[OffenseLine, ...]:
    """The worksheet's lines only (see ``theft_fraud_worksheet``)."""
    return theft_fraud_worksheet(
        edition,
        loss=loss,
        statutory_maximum_months=statutory_maximum_months,
        victims=victims,
        mass_marketing=mass_marketing,
        hardship_victims=hardship_victims,
        theft_from_person=theft_from_person,
        receiving_stolen_property_business=receiving_stolen_property_business,
        misrepresentation_or_order=misrepresentation_or_order,
        relocated_scheme=relocated_scheme,
        outside_united_states=outside_united_states,
        sophisticated_means=sophisticated_means,
        identification_means=identification_means,
        more_than_minimal_planning=more_than_minimal_planning,
        guideline=guideline,
    ).lines
