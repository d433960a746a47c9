"""The loss tables of §2B1.1(b)(1) and, before Nov. 1, 2001, §2F1.1(b)(1), by effective date.

A table applies from its amendment's effective date until the next table of the same
guideline; an edition takes the table in force on its own effective date, so a Manual added
to ``EDITIONS`` later finds its table without a change here. Every row after (A) reads "More
than $X": the loss must exceed X. The tables are typed from the amendment or Manual text
named on each; losses are whole dollars.
"""

from dataclasses import dataclass
from datetime import date

from .editions import Edition

THEFT = "2B1.1"
FRAUD = "2F1.1"

# §2F1.1 was deleted and its offenses consolidated into §2B1.1 (Amendment 617, Nov. 1, 2001).
FRAUD_TABLE_DELETED = date(2001, 11, 1)


@dataclass(frozen=True)
class LossRow:
    letter: str  # the row's subdivision, e.g. "H" for §2B1.1(b)(1)(H)
    more_than: int  # the row applies when the loss exceeds this; 0 for row (A)
    levels: int


@dataclass(frozen=True)
class LossTable:
    guideline: str  # THEFT or FRAUD
    effective: date
    source: str  # the amendment that set the table
    rows: tuple[LossRow, ...]

    @property
    def threshold(self) -> int:
        """Row (A)'s ceiling: a loss of this or less adds nothing."""
        return self.rows[1].more_than

    def row(self, loss: int) -> LossRow:
        """The greatest row whose threshold the loss exceeds ("Apply the Greatest")."""
        if isinstance(loss, bool) or not isinstance(loss, int):
            raise ValueError(f"A loss is a whole number of dollars, not {loss!r}.")
        if loss < 0:
            raise ValueError(f"A loss cannot be negative ({loss}).")
        found = self.rows[0]
        for row in self.rows[1:]:
            if loss > row.more_than:
                found = row
        return found


def _table(guideline: str, effective: str, source: str, *rows: tuple[int, int]) -> LossTable:
    """Rows (B) on as (more than $X, levels); row (A), no increase, is implied."""
    letters = "ABCDEFGHIJKLMNOPQRSTU"
    typed = (LossRow("A", 0, 0),) + tuple(
        LossRow(letters[i + 1], more_than, levels) for i, (more_than, levels) in enumerate(rows)
    )
    return LossTable(guideline, date.fromisoformat(effective), source, typed)


# One-level steps up to $80 million, in force from 1989 to 2001 (so in the 1995 Manual).
_THEFT_1989 = (
    (100, 1), (1_000, 2), (2_000, 3), (5_000, 4), (10_000, 5), (20_000, 6), (40_000, 7),
    (70_000, 8), (120_000, 9), (200_000, 10), (350_000, 11), (500_000, 12), (800_000, 13),
    (1_500_000, 14), (2_500_000, 15), (5_000_000, 16), (10_000_000, 17), (20_000_000, 18),
    (40_000_000, 19), (80_000_000, 20),
)  # fmt: skip

# Two-level steps from $5,000 (Amendment 617); (O) and (P) were added by Amendment 647.
_CONSOLIDATED_2001 = (
    (5_000, 2), (10_000, 4), (30_000, 6), (70_000, 8), (120_000, 10), (200_000, 12),
    (400_000, 14), (1_000_000, 16), (2_500_000, 18), (7_000_000, 20), (20_000_000, 22),
    (50_000_000, 24), (100_000_000, 26),
)  # fmt: skip

LOSS_TABLES: tuple[LossTable, ...] = (
    # §2B1.1(b)(1), Nov. 1, 1987: ranges ("$101 - $1,000 add 1" ... "over $5,000,000 add 13"),
    # as Amendment 99 struck them; in whole dollars "$101 -" is "more than $100".
    _table(
        THEFT, "1987-11-01", "§2B1.1(b)(1) as first promulgated (Nov. 1, 1987)",
        (100, 1), (1_000, 2), (2_000, 3), (5_000, 4), (10_000, 5), (20_000, 6), (50_000, 7),
        (100_000, 8), (200_000, 9), (500_000, 10), (1_000_000, 11), (2_000_000, 12),
        (5_000_000, 13),
    ),
    # §2B1.1(b)(1), Amendment 99 (Nov. 1, 1989); unchanged until Amendment 617 struck it, whose
    # text of the struck table matches row for row. The 1995 Manual's theft table.
    _table(THEFT, "1989-11-01", "Amendment 99 (Nov. 1, 1989)", *_THEFT_1989),
    # §2B1.1(b)(1), Amendment 617 (Nov. 1, 2001): the consolidated table, (A)-(N). Appendix C
    # does not reprint it; typed from the rows Amendment 791 struck, less the two Amendment 647
    # added after (N) ("striking the period; and ... adding at the end"), and checked against
    # the Commission's published 2001 Manual.
    _table(THEFT, "2001-11-01", "Amendment 617 (Nov. 1, 2001)", *_CONSOLIDATED_2001),
    # Amendment 647 (emergency, Jan. 25, 2003) added (O) and (P); Amendment 653 (Nov. 1,
    # 2003) repromulgated it. In force until Amendment 791, which struck it as typed here.
    _table(
        THEFT, "2003-01-25", "Amendment 647 (Jan. 25, 2003), repromulgated by Amendment 653",
        *_CONSOLIDATED_2001, (200_000_000, 28), (400_000_000, 30),
    ),
    # §2B1.1(b)(1), Amendment 791 (Nov. 1, 2015): thresholds adjusted for inflation. Printed
    # the same in the 2016 and the 2025 Manuals.
    _table(
        THEFT, "2015-11-01", "Amendment 791 (Nov. 1, 2015)",
        (6_500, 2), (15_000, 4), (40_000, 6), (95_000, 8), (150_000, 10), (250_000, 12),
        (550_000, 14), (1_500_000, 16), (3_500_000, 18), (9_500_000, 20), (25_000_000, 22),
        (65_000_000, 24), (150_000_000, 26), (250_000_000, 28), (550_000_000, 30),
    ),
    # §2F1.1(b)(1), Nov. 1, 1987: ranges as Amendment 154 struck them (its row (E) misprints
    # "$20,001 - $50,00"; the next row starts at $50,001).
    _table(
        FRAUD, "1987-11-01", "§2F1.1(b)(1) as first promulgated (Nov. 1, 1987)",
        (2_000, 1), (5_000, 2), (10_000, 3), (20_000, 4), (50_000, 5), (100_000, 6),
        (200_000, 7), (500_000, 8), (1_000_000, 9), (2_000_000, 10), (5_000_000, 11),
    ),
    # §2F1.1(b)(1), Amendment 154 (Nov. 1, 1989); unchanged until Amendment 617 deleted
    # §2F1.1 (Nov. 1, 2001), whose text of the struck table matches row for row.
    _table(
        FRAUD, "1989-11-01", "Amendment 154 (Nov. 1, 1989)",
        (2_000, 1), (5_000, 2), (10_000, 3), (20_000, 4), (40_000, 5), (70_000, 6),
        (120_000, 7), (200_000, 8), (350_000, 9), (500_000, 10), (800_000, 11),
        (1_500_000, 12), (2_500_000, 13), (5_000_000, 14), (10_000_000, 15), (20_000_000, 16),
        (40_000_000, 17), (80_000_000, 18),
    ),
)  # fmt: skip


def loss_table(edition: Edition, table: str = THEFT) -> LossTable:
    """The ``table`` ("2B1.1" or "2F1.1") in force on ``edition``'s effective date."""
    table = table.removeprefix("§")
    if table not in (THEFT, FRAUD):
        raise ValueError(f"No loss table {table!r}: use {THEFT!r} or {FRAUD!r}.")
    on = edition.effective
    if table == FRAUD and on >= FRAUD_TABLE_DELETED:
        raise ValueError(
            f"§2F1.1 was deleted on Nov. 1, 2001 (Amendment 617); the {edition.short_title} "
            "takes fraud under the §2B1.1 loss table."
        )
    in_force = [t for t in LOSS_TABLES if t.guideline == table and t.effective <= on]
    if not in_force:
        raise ValueError(f"No §{table} loss table before Nov. 1, 1987 ({edition.title}).")
    return max(in_force, key=lambda t: t.effective)


def loss_row(loss: int, edition: Edition, table: str = THEFT) -> LossRow:
    """The row of ``edition``'s table that a loss of ``loss`` whole dollars falls in."""
    return loss_table(edition, table).row(loss)


def loss_levels(loss: int, edition: Edition, table: str = THEFT) -> int:
    """The levels the loss table adds for a loss of ``loss`` whole dollars under ``edition``."""
    return loss_row(loss, edition, table).levels


def row_label(row: LossRow, table: LossTable) -> str:
    """How the Manual prints the row: "$6,500 or less" or "More than $6,500"."""
    if row.letter == "A":
        return f"${table.threshold:,} or less"
    return f"More than ${row.more_than:,}"
