"""Which text of a guideline each Manual prints, for §1B1.11's comparison of two Manuals.

§1B1.11(b)(2) applies one Manual as a whole, so a worksheet line is good only under a Manual
that prints the text it was entered from. The engine carries §2L1.2 (presets.py), §2B1.1 with
§2F1.1 before 2001 (theft_fraud.py, loss.py) and §2D1.1 (drug_quantity.py, drugs.py) by
edition; any other guideline's levels are typed by the user and taken as the same under both
Manuals, which the comparison says.
"""

from collections.abc import Callable, Iterable

from . import drug_quantity, drugs
from .editions import Edition
from .loss import FRAUD, FRAUD_TABLE_DELETED, THEFT, loss_table
from .offense_level import OffenseLine
from .presets import ILLEGAL_REENTRY_SOURCES
from .sections import names_section, section_family
from .theft_fraud import theft_fraud_text


def _illegal_reentry(edition: Edition) -> tuple[str, str]:
    text = edition.illegal_reentry_text
    return text, ILLEGAL_REENTRY_SOURCES[text]


def _theft_fraud(guideline: str) -> Callable[[Edition], tuple[str, str]]:
    """The guideline's text and its loss table: a line is good only where both read the same."""

    def text_of(edition: Edition) -> tuple[str, str]:
        if guideline == FRAUD and edition.effective >= FRAUD_TABLE_DELETED:
            return "deleted", "deleted by Amendment 617, Nov. 1, 2001"
        text, table = theft_fraud_text(edition, guideline), loss_table(edition, guideline)
        return f"{text.source} / {table.source}", f"{text.source}; loss table {table.source}"

    return text_of


def _drug_trafficking(edition: Edition) -> tuple[str, str]:
    """§2D1.1: the Drug Quantity Table's columns and the mitigating role cap in force."""
    sources = []
    for drug in drug_quantity.DRUGS:
        try:
            # "Amendment 782 (Nov. 1, 2014); App. C Supp. 2813-2930": the amendment alone.
            sources.append(drug_quantity.column(drug, edition).source.split(";")[0])
        except ValueError:  # not yet in the table
            continue
    cap = drugs.role_cap(edition).source.split(";")[0]
    table = "; ".join(dict.fromkeys(sources))
    return f"{table} / {cap}", f"Drug Quantity Table {table}; role cap {cap}"


# Guideline → (edition → (text key, its source)). Every guideline carried by edition is here.
CARRIED = {
    "2L1.2": _illegal_reentry,
    THEFT: _theft_fraud(THEFT),
    FRAUD: _theft_fraud(FRAUD),
    "2D1.1": _drug_trafficking,
}


def printed_text(family: str, edition: Edition) -> str:
    """Which text of ``family`` the edition prints, as "§2L1.2 (Amendment 375, Nov. 1, 1991)"."""
    _, source = CARRIED[family](edition)
    return f"§{family} ({source})"


def _families(lines: Iterable[OffenseLine]) -> list[str]:
    found: list[str] = []
    for line in lines:
        family = section_family(line.section) if names_section(line.section) else ""
        if family and family not in found:
            found.append(family)
    return found


def differing_texts(lines: Iterable[OffenseLine], first: Edition, second: Edition) -> list[str]:
    """The carried guidelines the lines apply whose text differs between the two Manuals."""
    return [
        family
        for family in _families(lines)
        if family in CARRIED and CARRIED[family](first)[0] != CARRIED[family](second)[0]
    ]


def uncarried_chapter_two(lines: Iterable[OffenseLine]) -> list[str]:
    """Chapter Two guidelines the lines apply that the engine does not carry by edition."""
    return [f for f in _families(lines) if f.startswith("2") and f not in CARRIED]
