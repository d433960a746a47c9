"""§5D1.2: the guideline term of supervised release, by the class of the most serious count.

A count's class comes from its statutory maximum (18 U.S.C. § 3559(a)). The terms, by edition:
- Amendment 52 (Jan. 15, 1988) through 2010: Class A or B felony 3 to 5 years; C or D 2 to 3;
  Class E felony or Class A misdemeanor 1 year (in (b) until Amendment 529, Nov. 1, 1995).
- Amendment 756 (Nov. 1, 2011): A or B 2 to 5 years; C or D 1 to 3.
- Amendment 835 (Nov. 1, 2025): an individualized assessment, not more than 5, 3 and 1 years.
Longer terms, the court's to find: the statutory maximum recommended for a sex offense
(§5D1.2(c), Amendment 615, Nov. 1, 2001); up to life for a listed terrorism offense that risked
death or serious bodily injury (Amendment 637, Nov. 1, 2002), and for a sex offense as well
(§5D1.2(b), Amendment 664, Nov. 1, 2004), until 2025. Not in the statute table:
the terms a statute requires (e.g. 21 U.S.C. § 841(b)(1)); the term is never less than those
(§5D1.2(c); (a) from 2025), except under the safety valve (§5D1.2 comment. (n.2)).
"""

from dataclasses import dataclass
from datetime import date

from .editions import Edition
from .outcome import FELONY_FROM_MONTHS, Count

AMENDMENT_529, AMENDMENT_756, AMENDMENT_835 = (
    date(1995, 11, 1),
    date(2011, 11, 1),
    date(2025, 11, 1),
)
AMENDMENT_615, AMENDMENT_637, AMENDMENT_664 = (
    date(2001, 11, 1),
    date(2002, 11, 1),
    date(2004, 11, 1),
)
# § 3559(a): (least maximum in months, class), most serious first; life is Class A.
_CLASSES = (
    (25 * 12, "B"),
    (10 * 12, "C"),
    (5 * 12, "D"),
    (FELONY_FROM_MONTHS, "E"),
    (6 + 1, "A misdemeanor"),  # more than six months
)
_TERMS_1995 = {"A": (3, 5), "B": (3, 5), "C": (2, 3), "D": (2, 3), "E": (1, 1)}
_TERMS_2011 = {"A": (2, 5), "B": (2, 5), "C": (1, 3), "D": (1, 3), "E": (1, 1)}
_TERMS_2025 = {"A": (0, 5), "B": (0, 5), "C": (0, 3), "D": (0, 3), "E": (0, 1)}


def offense_class(maximum_months: int | None) -> str:
    """§ 3559(a)(1)-(6): "A" … "E" for a felony, "A misdemeanor"; "" for a petty offense."""
    if maximum_months is None:
        return "A"
    for least, name in _CLASSES:
        if maximum_months >= least:
            return name
    return ""


@dataclass(frozen=True)
class SupervisedRelease:
    minimum_years: int  # 0: no guideline minimum (2025)
    maximum_years: int
    offense_class: str
    statute: str
    note: str

    def __str__(self) -> str:
        low, high = self.minimum_years, self.maximum_years
        years = "year" if high == 1 else "years"
        if low == high:
            return f"{high} {years}"
        if not low:
            return f"not more than {high} {years}"
        return f"{low} to {high} {years}"


def _longer_terms(edition: Edition) -> str:
    """What §5D1.2 allows beyond the class's term, as the edition prints it."""
    on = edition.effective
    if on >= AMENDMENT_835 or on < AMENDMENT_615:
        return ""
    if on >= AMENDMENT_664:
        return "; up to life for a sex offense or a listed terrorism offense (§5D1.2(b))"
    sex_offense = "; for a sex offense the statutory maximum is recommended (§5D1.2(c))"
    if on >= AMENDMENT_637:
        return "; up to life for a listed terrorism offense (§5D1.2(a))" + sex_offense
    return sex_offense


def term(counts: tuple[Count, ...], edition: Edition) -> SupervisedRelease | None:
    """The guideline term for the count of the most serious class (None: no count entered,
    or no count for which §5D1.2 sets a term)."""
    if not counts:
        return None
    order = ["A", "B", "C", "D", "E", "A misdemeanor"]
    classed = [(offense_class(c.maximum_months), c) for c in counts]
    classed = [(found, c) for found, c in classed if found in order]
    if not classed:
        return None
    found, count = min(classed, key=lambda pair: order.index(pair[0]))  # the first, on a tie
    key = "E" if found == "A misdemeanor" else found
    if edition.effective >= AMENDMENT_835:
        table, rule = _TERMS_2025, "§5D1.2(a) (Amendment 835)"
    elif edition.effective >= AMENDMENT_756:
        table, rule = _TERMS_2011, "§5D1.2(a) (Amendment 756)"
    else:
        # (b) until Amendment 529 struck (a) and redesignated it; the terms are Amendment 52's.
        subsection = "(b)" if edition.effective < AMENDMENT_529 else "(a)"
        table, rule = _TERMS_1995, f"§5D1.2{subsection}"
    low, high = table[key]
    kind = "a Class A misdemeanor" if found == "A misdemeanor" else f"a Class {found} felony"
    note = (
        f"{rule}: {count.statute} is {kind} (18 U.S.C. § 3559(a)). Not less than any term "
        "the statute requires, unless the safety valve applies"
    )
    if edition.effective < AMENDMENT_529:
        # §5D1.2(a) as Amendment 529 deleted it (App. C Vol. I).
        note += (
            "; under a statute that requires supervised release, at least three years but not "
            "more than five, or the statutory minimum if greater (§5D1.2(a) before Amendment "
            "529, Nov. 1, 1995)"
        )
    note += _longer_terms(edition)
    return SupervisedRelease(low, high, found, count.statute, note + ".")
