"""§4B1.1(b): the career offender's offense level and Category VI.

Whether the defendant is a career offender (§4B1.1(a), §4B1.2) is the court's finding, entered
on the worksheet. The table is the one Amendment 48 (Jan. 15, 1988) put in, unchanged through
the 2025 Manual. Its footnote lets §3E1.1 decrease the table's level (Amendment 266, 1989, by 2
levels; Amendment 459, 1992, by the levels of the adjustment), so the engine compares the table
with the offense level before acceptance and takes acceptance from the greater.

"Offense Statutory Maximum" (comment. (n.2)): the greatest maximum among the counts of a crime
of violence or controlled substance offense, counting a prior-record increase (§ 851) except
from Nov. 1, 1994 (Amendment 506) to Oct. 31, 1997 (Amendment 567, after United States v.
LaBonte, 520 U.S. 751 (1997)).

§4B1.1(c) (Amendment 642, Nov. 1, 2002): with a § 924(c) or § 929(a) count, the range is the
(c)(3) table's by the acceptance reduction, or, with another count, the greater (by its
minimum, comment. (n.3(B))) of that and the other counts' range with the consecutive minimum
added to both ends. The armed career criminal is armed_career_criminal.py (§4B1.4).
"""

import re
from dataclasses import dataclass, replace
from datetime import date

from .criminal_history import CriminalHistoryResult
from .editions import Edition
from .offense_level import Acceptance, PartBLevel
from .outcome import FELONY_FROM_MONTHS, Count, GuidelineSentence, split_consecutive
from .steps import Step
from .table import SentencingRange

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
    ("(7)", FELONY_FROM_MONTHS, 12),
)
# Amendment 506 (eff. Nov. 1, 1994) to Amendment 567 (eff. Nov. 1, 1997): the maximum is taken
# without a prior-record increase.
_UNENHANCED_FROM, _UNENHANCED_UNTIL = date(1994, 11, 1), date(1997, 11, 1)
# A count of firearm possession by a prohibited person; a § 924(c) or § 929(a) count ((c) below).
_POSSESSION = re.compile(r"^18 U\.S\.C\. § 922\(g\)")
_C_STATUTE = re.compile(r"^18 U\.S\.C\. § (924\(c\)|929\(a\))")


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


def part_b_level(found: CareerOffenderLevel) -> PartBLevel | None:
    """The table's level as a candidate in place of the level otherwise applicable."""
    if found.level is None:
        return None
    maximum = "life" if found.maximum_months is None else f"{found.maximum_months} months"
    return PartBLevel(
        found.paragraph,
        f"Career offender, offense statutory maximum {maximum}: level {found.level}",
        found.level,
    )


def unenhanced_maximum(edition: Edition) -> bool:
    """Whether this Manual leaves a prior-record increase out of the offense statutory maximum."""
    return _UNENHANCED_FROM <= edition.effective < _UNENHANCED_UNTIL


def offense_level(counts: tuple[Count, ...], edition: Edition) -> CareerOffenderLevel:
    """The table's level for the counts' greatest statutory maximum, leaving out counts whose
    term runs consecutively (§ 924(c), § 1028A; (c) below governs those), and a § 922(g)
    count while another count is there: possessing a firearm is a crime of violence only for
    a firearm of 26 U.S.C. § 5845(a) (§4B1.2(a)(2))."""
    qualifying = list(split_consecutive(counts)[1])
    if not qualifying:
        return CareerOffenderLevel(
            "",
            None,
            None,
            "",
            "§4B1.1(b) not applied: it takes the offense statutory maximum of a count of "
            "conviction, and no count (other than one with a consecutive term) was entered.",
        )
    notes = []
    possession = [c for c in qualifying if _POSSESSION.match(c.statute)]
    if possession and len(possession) < len(qualifying):
        qualifying = [c for c in qualifying if c not in possession]
    elif possession:
        notes.append(
            f"The offense statutory maximum is taken from {possession[0].statute}: possessing "
            "a firearm is a crime of violence only for a firearm of 26 U.S.C. § 5845(a) "
            "(§4B1.2(a)(2))."
        )
    # comment. (n.2): with several qualifying counts, the greatest maximum; None is life.
    count = max(
        qualifying, key=lambda c: float("inf") if c.maximum_months is None else c.maximum_months
    )
    paragraph, level = table_level(count.maximum_months)
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


SUBSECTION_C_FROM = date(2002, 11, 1)  # Amendment 642
# §4B1.1(c)(3): the range for the § 924(c) or § 929(a) count(s), by the §3E1.1 reduction.
TABLE_C = {
    0: SentencingRange(360, None),
    2: SentencingRange(292, 365),
    3: SentencingRange(262, 327),
}


def subsection_c_counts(counts: tuple[Count, ...]) -> tuple[Count, ...]:
    return tuple(c for c in counts if _C_STATUTE.match(c.statute))


def table_c_reduction(acceptance: Acceptance, motion: bool, edition: Edition) -> int:
    """The §3E1.1 reduction that picks the (c)(3) row: the one claimed, with the third level
    where the Manual's §3E1.1(b) allows it (its level-16 threshold does not bear on a table
    whose rows are ranges)."""
    if acceptance == Acceptance.NONE:
        return 0
    if (
        acceptance == Acceptance.TWO
        or not edition.acceptance_additional_level
        or (edition.acceptance_b_requires_motion and not motion)
    ):
        return 2
    return 3


def _plus(rng: SentencingRange, months: int) -> SentencingRange:
    return SentencingRange(
        None if rng.low_months is None else rng.low_months + months,
        None if rng.high_months is None else rng.high_months + months,
    )


def subsection_c(
    edition: Edition,
    consecutive: tuple[Count, ...],
    other_range: SentencingRange,
    others: bool,
    reduction: int,
) -> GuidelineSentence | None:
    """§4B1.1(c) for a career offender with a § 924(c) or § 929(a) count among the
    ``consecutive`` ones (None without one, or under a Manual before it). ``others``: whether
    a count runs under the range; another consecutive term (§ 1028A) is added after."""
    gun_counts = subsection_c_counts(consecutive)
    if not gun_counts or edition.effective < SUBSECTION_C_FROM:
        return None
    rest = tuple(c for c in consecutive if c not in gun_counts)
    table = TABLE_C[reduction]
    row = f"{reduction}-level reduction" if reduction else "no reduction"
    if not others and not rest:
        rule = "§4B1.1(c)(1)"
        chosen, why = table, f"The only count is under § 924(c) or § 929(a): (c)(3), {row}."
    elif not others:
        rule = "§4B1.1(c)(2)(B)"
        chosen, why = table, f"No count runs under a range: the (c)(3) table, {row}."
    else:
        terms = sum(c.minimum_months for c in gun_counts)
        added = _plus(other_range, terms)
        # comment. (n.3(B)): the range with the greatest minimum; life as a minimum is greatest.
        first = float("inf") if added.low_months is None else added.low_months
        pick_a = first >= (table.low_months or 0)
        rule = f"§4B1.1(c)(2){'(A)' if pick_a else '(B)'}"
        chosen = added if pick_a else table
        why = (
            f"The greater minimum of (A) the other counts' range {other_range} with the "
            f"consecutive {terms} months added, {added}, and (B) the (c)(3) table, {row}, "
            f"{table}."
        )
    if rest:
        more = sum(c.minimum_months for c in rest)
        named = ", ".join(f"{c.statute} {c.minimum_months} months" for c in rest)
        chosen = _plus(chosen, more)
        why += f" Then, consecutively, {named} (§5G1.2(a))."
    return GuidelineSentence(chosen.low_months, chosen.high_months, rule, why)
