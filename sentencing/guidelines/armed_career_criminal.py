"""§4B1.4: the armed career criminal, a defendant subject to 18 U.S.C. § 924(e)'s enhanced
sentence (§4B1.4(a)), which the worksheet shows by a count under the statute table's § 924(e)
entry. Amendment 355 (Nov. 1, 1990), in every carried Manual; its levels (34, 33) and
categories (VI, IV) unchanged through the 2025 Manual. Whether the firearm or ammunition was
used or possessed in connection with a crime of violence or controlled substance offense, or
was of a type in 26 U.S.C. § 5845(a), is the court's finding, entered on the worksheet.
"""

from dataclasses import replace

from .criminal_history import CriminalHistoryResult
from .offense_level import PartBLevel
from .outcome import Count
from .steps import Step
from .table import CATEGORIES

CONNECTED_LEVEL, OTHER_LEVEL = 34, 33  # §4B1.4(b)(3)(A), (B)
CONNECTED_CATEGORY, OTHER_CATEGORY = "VI", "IV"  # §4B1.4(c)(2), (3)


def applies(counts: tuple[Count, ...]) -> bool:
    """§4B1.4(a): a count carries § 924(e)'s enhanced sentence."""
    return any("§ 924(e)" in count.statute for count in counts)


def offense_level(connected: bool) -> PartBLevel:
    """§4B1.4(b)(3): (b)(1), the level otherwise applicable, and (b)(2), the career
    offender's, are the other candidates."""
    if connected:
        return PartBLevel(
            "§4B1.4(b)(3)(A)",
            "Armed career criminal, the firearm in connection with a crime of violence or "
            f"controlled substance offense (or a § 5845(a) firearm): level {CONNECTED_LEVEL}",
            CONNECTED_LEVEL,
        )
    return PartBLevel("§4B1.4(b)(3)(B)", f"Armed career criminal: level {OTHER_LEVEL}", OTHER_LEVEL)


def with_category(history: CriminalHistoryResult, connected: bool) -> CriminalHistoryResult:
    """§4B1.4(c): the greatest of the category found (Chapter Four, Part A, or §4B1.1) and VI
    (connected) or IV."""
    floor, paragraph = (CONNECTED_CATEGORY, "(c)(2)") if connected else (OTHER_CATEGORY, "(c)(3)")
    if CATEGORIES.index(history.category) >= CATEGORIES.index(floor):
        return history
    step = Step(
        f"§4B1.4{paragraph}", f"Armed career criminal: Category {floor}, not {history.category}"
    )
    return replace(history, category=floor, steps=(*history.steps, step))
