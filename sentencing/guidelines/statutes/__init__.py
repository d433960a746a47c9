"""Statutory minima and maxima by subsection, by the facts that change them and by offense date.

``statute_on(citation, offense_date)`` gives the text in force on the offense date, the one a
count's limits come from; ``statute_by_citation`` the current text. A citation names the
subsection and, in parentheses, the fact that sets its penalty ("8 U.S.C. § 1325(a)
(subsequent offense)").
"""

from datetime import date

from .immigration import IMPROPER_ENTRY, REENTRY
from .text import NOT_STACKED, Statute, spelled

__all__ = [
    "NOT_STACKED",
    "STATUTES",
    "STATUTE_HISTORY",
    "Statute",
    "not_in_force_reason",
    "statute_by_citation",
    "statute_history",
    "statute_on",
]

# Every text the table carries, each citation's texts oldest first.
STATUTE_HISTORY: tuple[Statute, ...] = (*IMPROPER_ENTRY, *REENTRY)

# The current text of each citation.
STATUTES: tuple[Statute, ...] = tuple(s for s in STATUTE_HISTORY if s.in_force_until is None)


def _canonical(citation: str) -> str:
    return "".join(citation.split()).lower()


_HISTORY: dict[str, tuple[Statute, ...]] = {}
for _statute in STATUTE_HISTORY:
    _key = _canonical(_statute.citation)
    _HISTORY[_key] = (*_HISTORY.get(_key, ()), _statute)


def statute_history(citation: str) -> tuple[Statute, ...]:
    """Every text of a citation the table carries, oldest first (ignoring case and spacing)."""
    return _HISTORY.get(_canonical(citation), ())


def statute_by_citation(citation: str) -> Statute | None:
    """The current text of a statute, ignoring case and spacing."""
    texts = statute_history(citation)
    return texts[-1] if texts else None


def statute_on(citation: str, offense_date: date) -> Statute | None:
    """The text in force on the offense date; None for a citation the table does not know, or
    a date before the provision existed or before the earliest text it carries."""
    for statute in statute_history(citation):
        if statute.in_force_on(offense_date):
            return statute
    return None


def not_in_force_reason(citation: str, offense_date: date) -> str:
    """Why ``statute_on`` found no text for a citation the table knows; "" if it found one."""
    texts = statute_history(citation)
    if not texts or statute_on(citation, offense_date):
        return ""
    first = texts[0]
    assert first.in_force_from is not None  # a text with no start is in force on every date
    since, on = spelled(first.in_force_from), spelled(offense_date)
    if first.created:
        return f"{first.citation} did not exist on {on}: the {first.enacted_by} added it."
    return (
        f"The table carries {first.citation} only from {since}: enter its limits as they "
        f"stood on {on}."
    )
