"""Statutory minima and maxima by subsection, by the facts that change them and by offense date.

``statute_on(citation, offense_date, sentencing_date)`` gives the text a count's limits come
from: the one in force on the offense date, or a later, lesser one that reaches sentences not yet
imposed (the First Step Act of 2018); ``statute_by_citation`` the current text. A citation names the
subsection and, in parentheses, the fact that sets its penalty ("8 U.S.C. § 1325(a)
(subsequent offense)").
"""

from datetime import date

from . import child_exploitation, drugs, firearms, fraud
from .drugs import QUANTITY_THRESHOLDS, Threshold
from .immigration import IMPROPER_ENTRY, REENTRY
from .text import NOT_STACKED, Statute, spelled

__all__ = [
    "NOT_STACKED",
    "QUANTITY_THRESHOLDS",
    "STATUTES",
    "STATUTE_HISTORY",
    "Statute",
    "Threshold",
    "not_in_force_reason",
    "statute_by_citation",
    "statute_history",
    "statute_on",
]

# Every text the table carries, each citation's texts oldest first.
STATUTE_HISTORY: tuple[Statute, ...] = (
    *IMPROPER_ENTRY,
    *REENTRY,
    *firearms.FIREARMS,
    *firearms.IDENTITY_THEFT,
    *fraud.MAIL_AND_WIRE,
    *fraud.BANK_FRAUD,
    *fraud.CONSPIRACY,
    *drugs.DISTRIBUTION,
    *drugs.CONSPIRACY,
    *drugs.IMPORTATION,
    *child_exploitation.POSSESSION,
)

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


def statute_on(
    citation: str, offense_date: date, sentencing_date: date | None = None
) -> Statute | None:
    """The text in force on the offense date, or a later one that lowered the penalty for every
    sentence not yet imposed when it took effect, if the sentencing date is on or after that;
    None for a citation the table does not know, or a date before the provision existed or
    before the earliest text the table carries."""
    texts = statute_history(citation)
    chosen = next((s for s in texts if s.in_force_on(offense_date)), None)
    if sentencing_date is not None:
        for later in texts:
            start = later.in_force_from
            if later.reaches_unsentenced and start and offense_date < start <= sentencing_date:
                chosen = later
    return chosen


def not_in_force_reason(
    citation: str, offense_date: date, sentencing_date: date | None = None
) -> str:
    """Why ``statute_on`` found no text for a citation the table knows; "" if it found one."""
    texts = statute_history(citation)
    if not texts or statute_on(citation, offense_date, sentencing_date):
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
