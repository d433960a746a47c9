"""§4B1.1(b): the career offender's offense level and Category VI.

Whether the defendant is a career offender (§4B1.1(a), §4B1.2) is the court's finding, entered
on the worksheet. The table is the one Amendment 48 (Jan. 15, 1988) put in, unchanged through
the 2025 Manual. Its footnote lets §3E1.1 decrease the table's level (Amendment 266, 1989, by 2
levels; Amendment 459, 1992, by the levels of the adjustment), so the engine compares the table
with the offense level before acceptance and takes acceptance from the greater.

"Offense Statutory Maximum" (comment. (n.2)): the greatest maximum among the counts of a crime
of violence or controlled substance offense, counting a prior-record increase (§ 851) except
from Nov. 1, 1994 (Amendment 506) to Oct. 31, 1997 (Amendment 567, after United States v.
LaBonte, 520 U.S. 751 (1997)). Not modelled: §4B1.1(c), the table for § 924(c) and § 929(a)
career offenders (Amendment 642, 2002); §4B1.4, the armed career criminal.
"""

from dataclasses import dataclass, replace
from datetime import date

from .criminal_history import CriminalHistoryResult
from .editions import Edition
from .outcome import Count
from .steps import Step

CATEGORY = "VI"
# §4B1.1(b)(1)–(7): (least maximum in months, inclusive; offense level), most serious first.
# "Life" is (1); "More than 1 year, but less than 5 years" starts at 13 months.
LIFE_LEVEL = 37
TABLE = (
    ("(2)", 25 * 12, 34),
    ("(3)", 20 * 12, 32),
    ("(4)", 15 * 12, 29),
    ("(5)", 10 * 12, 24),
    ("(6)", 5 * 12, 17),
    ("(7)", 12 + 1, 12),
)
# Amendment 506 (eff. Nov. 1, 1994) to Amendment 567 (eff. Nov. 1, 1997): the maximum is taken
# without a prior-record increase.
_UNENHANCED_FROM, _UNENHANCED_UNTIL = date(1994, 11, 1), date(1997, 11, 1)


@dataclass(frozen=True)
class CareerOffenderLevel:
    paragraph: str  # "§4B1.1(b)(3)"; "" when no felony maximum
    level: int | None  # None: the table gives none (no count, or a maximum of a year or less)
    maximum_months: int | None  # the offense statutory maximum used; None is life
    statute: str  # the count it came from
    note: str = ""


def table_level(maximum_months: int | None) -> tuple[str, int | None]:
    """The §4B1.1(b) paragraph and level for an offense statutory maximum (None: life)."""
    if maximum_months is None:
        return "(1)", LIFE_LEVEL
    for paragraph, least, level in TABLE:
        if maximum_months >= least:
            return paragraph, level
    return "", None  # not a felony: §4B1.1(a)(2) cannot be met


def unenhanced_maximum(edition: Edition) -> bool:
    """Whether this Manual leaves a prior-record increase out of the offense statutory maximum."""
    return _UNENHANCED_FROM <= edition.effective < _UNENHANCED_UNTIL


def offense_level(counts: tuple[Count, ...], edition: Edition) -> CareerOffenderLevel:
    """The table's level for the counts' greatest statutory maximum, leaving out counts whose
    term runs consecutively (§ 924(c), § 1028A): §4B1.1(c) governs those, and is not modelled."""
    from .statutes import statute_history  # the statute table builds on outcome's Count

    qualifying = [c for c in counts if not any(s.consecutive for s in statute_history(c.statute))]
    if not qualifying:
        return CareerOffenderLevel(
            "",
            None,
            None,
            "",
            "§4B1.1(b) not applied: it takes the offense statutory maximum of a count of "
            "conviction, and no count (other than one with a consecutive term) was entered.",
        )
    # comment. (n.2): with several qualifying counts, the greatest maximum; None is life.
    count = max(
        qualifying, key=lambda c: float("inf") if c.maximum_months is None else c.maximum_months
    )
    paragraph, level = table_level(count.maximum_months)
    notes = []
    if len(qualifying) > 1:
        notes.append(
            "The offense statutory maximum is taken from the count with the greatest maximum, "
            f"{count.statute}; §4B1.1 comment. (n.2) takes it from a count of a crime of "
            "violence or controlled substance offense."
        )
    if unenhanced_maximum(edition):
        notes.append(
            f"Under the {edition.short_title} (Amendment 506) the offense statutory maximum "
            "leaves out any increase for prior record (e.g. under 21 U.S.C. § 851): enter the "
            "count's maximum without it."
        )
    if level is None:
        notes.insert(
            0,
            f"§4B1.1(b) not applied: a maximum of {count.maximum_months} months is not a "
            "felony's, and §4B1.1(a)(2) needs a felony.",
        )
    return CareerOffenderLevel(
        f"§4B1.1(b){paragraph}" if paragraph else "",
        level,
        count.maximum_months,
        count.statute,
        " ".join(notes),
    )


def with_category(history: CriminalHistoryResult) -> CriminalHistoryResult:
    """§4B1.1(b): "A career offender's criminal history category in every case under this
    subsection shall be Category VI", whether or not the table's level applies."""
    if history.category == CATEGORY:
        return history
    step = Step("§4B1.1(b)", f"Career offender: Category {CATEGORY}, not {history.category}")
    return replace(history, category=CATEGORY, steps=(*history.steps, step))
