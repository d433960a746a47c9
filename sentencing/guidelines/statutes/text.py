"""One text of a statute's penalty, and the chain of its texts over time.

A text is in force for offenses committed from its ``in_force_from`` date (the amending Act's
date of enactment, unless the Act sets another) up to the day before the next text's. A
penalty increased after the offense cannot apply to it (U.S. Const. art. I, § 9, cl. 3), so a
count takes the text in force on the offense date - unless a later text that lowers the penalty
reaches every sentence not yet imposed when it took effect, as the First Step Act of 2018 says
of its §§ 401 and 403 (§§ 401(c), 403(b), 132 Stat. 5221-5222) and as Dorsey v. United States,
567 U.S. 260 (2012), held of the Fair Sentencing Act of 2010.
"""

from dataclasses import dataclass
from datetime import date

from ..outcome import Count

# A term of months with no stated ceiling, read by the courts as a maximum of life.
LIFE = None

# Said of every statute whose term must run consecutively: §5G1.2(a) imposes such a term
# separately; the result adds it to the other counts' guideline sentence.
NOT_STACKED = (
    "Its term runs consecutively to any other (§5G1.2(a)): the result adds it to the other "
    "counts' guideline sentence."
)


_MONTHS = "Jan. Feb. Mar. Apr. May June July Aug. Sept. Oct. Nov. Dec.".split()


def spelled(day: date) -> str:
    """ "Sept. 13, 1994", as the Statutes at Large and the courts write a date."""
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


@dataclass(frozen=True)
class Statute:
    """A statute's penalty as one text states it; ``maximum_months=None`` is life."""

    citation: str
    description: str
    maximum_months: int | None
    minimum_months: int = 0
    guidelines: tuple[str, ...] = ()  # the guideline(s) Appendix A (2025 Manual) gives it
    consecutive: bool = False  # the statute requires its term to run consecutively
    in_force_from: date | None = None  # None: in force since before Nov. 1, 1987
    in_force_until: date | None = None  # first offense date under the next text; None: current
    enacted_by: str = ""  # the law that set this text, with Pub. L. number and date
    created: bool = False  # this text added the provision: nothing stood before it
    note: str = ""
    reaches_unsentenced: bool = False  # applies to earlier offenses not yet sentenced

    def count(self) -> Count:
        return Count(self.citation, self.maximum_months, self.minimum_months)

    @property
    def history(self) -> tuple["Statute", ...]:
        """Every text of this citation, oldest first: the case form picks the offense date's."""
        from . import statute_history  # the table is built from this module

        return statute_history(self.citation)

    def in_force_on(self, day: date) -> bool:
        started = self.in_force_from is None or self.in_force_from <= day
        return started and (self.in_force_until is None or day < self.in_force_until)


@dataclass(frozen=True)
class Text:
    """A text in a chain: in force from ``since`` (None: before the Guidelines) until the next."""

    since: date | None
    enacted_by: str
    description: str
    maximum_months: int | None
    minimum_months: int = 0
    note: str = ""
    reaches_unsentenced: bool = False


def chain(
    citation: str,
    guidelines: tuple[str, ...],
    *texts: Text,
    consecutive: bool = False,
    created: bool = False,
) -> tuple[Statute, ...]:
    """The texts of one citation, oldest first, each ending where the next begins.
    ``created``: the first text added the provision (before it the statute did not exist);
    otherwise an earlier text existed that the table does not carry."""
    starts = [text.since for text in texts]
    dated = [s for s in starts if s is not None]
    if None in starts[1:] or dated != sorted(set(dated)):
        raise ValueError(f"{citation}: texts out of order.")
    note = NOT_STACKED if consecutive else ""
    return tuple(
        Statute(
            citation=citation,
            description=text.description,
            maximum_months=text.maximum_months,
            minimum_months=text.minimum_months,
            guidelines=guidelines,
            consecutive=consecutive,
            in_force_from=text.since,
            in_force_until=texts[i + 1].since if i + 1 < len(texts) else None,
            enacted_by=text.enacted_by,
            created=created and i == 0,
            note=" ".join(n for n in (text.note, note) if n),
            reaches_unsentenced=text.reaches_unsentenced,
        )
        for i, text in enumerate(texts)
    )
