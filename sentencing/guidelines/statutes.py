"""Statutory minima and maxima, from the current text of the U.S. Code.

Only the current text is carried. Historical maxima (before the 1994 and 1996 amendments
to § 1326) are not; check the statute in force on the offense date for old cases.
"""

from dataclasses import dataclass

from .outcome import Count


@dataclass(frozen=True)
class Statute:
    citation: str
    description: str
    maximum_months: int | None  # None = life
    minimum_months: int = 0

    def count(self) -> Count:
        return Count(self.citation, self.maximum_months, self.minimum_months)


STATUTES: tuple[Statute, ...] = (
    # 8 U.S.C. § 1325(a): "for the first commission ... imprisoned not more than 6 months".
    Statute("8 U.S.C. § 1325(a) (first offense)", "Improper entry by alien, first offense", 6),
    # 8 U.S.C. § 1325(a): "for a subsequent commission ... imprisoned not more than 2 years".
    Statute(
        "8 U.S.C. § 1325(a) (subsequent offense)", "Improper entry by alien, subsequent offense", 24
    ),
    # 8 U.S.C. § 1326(a): "imprisoned not more than 2 years".
    Statute("8 U.S.C. § 1326(a)", "Reentry of removed alien", 24),
    # 8 U.S.C. § 1326(b)(1): removal after three drug/person misdemeanors or a felony: 10 years.
    Statute(
        "8 U.S.C. § 1326(b)(1)",
        "Reentry after removal following a felony (other than an aggravated felony) or three "
        "qualifying misdemeanors",
        120,
    ),
    # 8 U.S.C. § 1326(b)(2): removal after an aggravated felony: "not more than 20 years".
    Statute("8 U.S.C. § 1326(b)(2)", "Reentry after removal following an aggravated felony", 240),
)


def _canonical(citation: str) -> str:
    return "".join(citation.split()).lower()


def statute_by_citation(citation: str) -> Statute | None:
    """Find a statute by citation, ignoring case and spacing."""
    wanted = _canonical(citation)
    for statute in STATUTES:
        if _canonical(statute.citation) == wanted:
            return statute
    return None
