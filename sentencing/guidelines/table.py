"""The Sentencing Table (USSG Ch. 5, Pt. A), in months of imprisonment.

Two texts since Nov. 1, 1989, when Amendment 270 made every range with a minimum of zero
0–6: before Nov. 1, 1992, levels 7 and 8 of Category I read 1–7 and 2–8, the cells Amendment
462 replaced with 0–6; the 1995 Manual and every later Manual print the table below. Only
the zone lines moved since (see ``zones.py``). Entered from the Manual, row by row, as printed.
"""

from dataclasses import dataclass

CATEGORIES = ("I", "II", "III", "IV", "V", "VI")
MIN_LEVEL = 1
MAX_LEVEL = 43

# Offense level → the six cells, Categories I..VI, exactly as the Manual prints them.
_ROWS = {
    1: "0-6 0-6 0-6 0-6 0-6 0-6",
    2: "0-6 0-6 0-6 0-6 0-6 1-7",
    3: "0-6 0-6 0-6 0-6 2-8 3-9",
    4: "0-6 0-6 0-6 2-8 4-10 6-12",
    5: "0-6 0-6 1-7 4-10 6-12 9-15",
    6: "0-6 1-7 2-8 6-12 9-15 12-18",
    7: "0-6 2-8 4-10 8-14 12-18 15-21",
    8: "0-6 4-10 6-12 10-16 15-21 18-24",
    9: "4-10 6-12 8-14 12-18 18-24 21-27",
    10: "6-12 8-14 10-16 15-21 21-27 24-30",
    11: "8-14 10-16 12-18 18-24 24-30 27-33",
    12: "10-16 12-18 15-21 21-27 27-33 30-37",
    13: "12-18 15-21 18-24 24-30 30-37 33-41",
    14: "15-21 18-24 21-27 27-33 33-41 37-46",
    15: "18-24 21-27 24-30 30-37 37-46 41-51",
    16: "21-27 24-30 27-33 33-41 41-51 46-57",
    17: "24-30 27-33 30-37 37-46 46-57 51-63",
    18: "27-33 30-37 33-41 41-51 51-63 57-71",
    19: "30-37 33-41 37-46 46-57 57-71 63-78",
    20: "33-41 37-46 41-51 51-63 63-78 70-87",
    21: "37-46 41-51 46-57 57-71 70-87 77-96",
    22: "41-51 46-57 51-63 63-78 77-96 84-105",
    23: "46-57 51-63 57-71 70-87 84-105 92-115",
    24: "51-63 57-71 63-78 77-96 92-115 100-125",
    25: "57-71 63-78 70-87 84-105 100-125 110-137",
    26: "63-78 70-87 78-97 92-115 110-137 120-150",
    27: "70-87 78-97 87-108 100-125 120-150 130-162",
    28: "78-97 87-108 97-121 110-137 130-162 140-175",
    29: "87-108 97-121 108-135 121-151 140-175 151-188",
    30: "97-121 108-135 121-151 135-168 151-188 168-210",
    31: "108-135 121-151 135-168 151-188 168-210 188-235",
    32: "121-151 135-168 151-188 168-210 188-235 210-262",
    33: "135-168 151-188 168-210 188-235 210-262 235-293",
    34: "151-188 168-210 188-235 210-262 235-293 262-327",
    35: "168-210 188-235 210-262 235-293 262-327 292-365",
    36: "188-235 210-262 235-293 262-327 292-365 324-405",
    37: "210-262 235-293 262-327 292-365 324-405 360-life",
    38: "235-293 262-327 292-365 324-405 360-life 360-life",
    39: "262-327 292-365 324-405 360-life 360-life 360-life",
    40: "292-365 324-405 360-life 360-life 360-life 360-life",
    41: "324-405 360-life 360-life 360-life 360-life 360-life",
    42: "360-life 360-life 360-life 360-life 360-life 360-life",
    43: "life life life life life life",
}


@dataclass(frozen=True)
class SentencingRange:
    """A guideline range in months. ``None`` means life: ``high_months=None`` is a range
    that runs to life ("360 months–life"); ``low_months=None`` (with ``high_months=None``)
    is life only, the level-43 cell ("life")."""

    low_months: int | None
    high_months: int | None

    def __post_init__(self) -> None:
        if self.low_months is None and self.high_months is not None:
            raise ValueError("A range whose minimum is life must have life as its maximum.")
        if self.low_months is not None and self.low_months < 0:
            raise ValueError("A range cannot start below 0 months.")
        if (
            self.low_months is not None
            and self.high_months is not None
            and self.high_months < self.low_months
        ):
            raise ValueError(f"Range maximum {self.high_months} is below its minimum.")

    @property
    def is_life(self) -> bool:
        """Life only (the level-43 cell)."""
        return self.low_months is None

    @property
    def reaches_life(self) -> bool:
        """The maximum is life ("360 months–life" or "life")."""
        return self.high_months is None

    def __str__(self) -> str:
        if self.low_months is None:
            return "life"
        if self.high_months is None:
            return f"{self.low_months} months–life"
        return f"{self.low_months}–{self.high_months} months"


def _parse_cell(cell: str) -> SentencingRange:
    if cell == "life":
        return SentencingRange(None, None)
    low, high = cell.split("-")
    return SentencingRange(int(low), None if high == "life" else int(high))


TABLE: dict[int, dict[str, SentencingRange]] = {
    level: dict(zip(CATEGORIES, map(_parse_cell, row.split()), strict=True))
    for level, row in _ROWS.items()
}

# The cells Amendment 462 (Nov. 1, 1992) deleted: "at Offense Level 7, Criminal History
# Category I, by deleting "1-7" ...; and at Offense Level 8, Criminal History Category I, by
# deleting "2-8"" (App. C Vol. I).
_BEFORE_AMENDMENT_462 = {(7, "I"): "1-7", (8, "I"): "2-8"}

TABLE_1992 = "1992"  # Amendment 462, in force from Nov. 1, 1992
TABLE_1989 = "1989"  # Amendment 270, Nov. 1, 1989 to Oct. 31, 1992

TABLES: dict[str, dict[int, dict[str, SentencingRange]]] = {
    TABLE_1992: TABLE,
    TABLE_1989: {
        level: {
            category: _parse_cell(_BEFORE_AMENDMENT_462[level, category])
            if (level, category) in _BEFORE_AMENDMENT_462
            else cell
            for category, cell in row.items()
        }
        for level, row in TABLE.items()
    },
}


def normalize_category(value: str | int) -> str:
    """ "I".."VI" (any case, surrounding spaces ignored) or 1..6 → "I".."VI"."""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 6:
        return CATEGORIES[value - 1]
    if isinstance(value, str) and value.strip().upper() in CATEGORIES:
        return value.strip().upper()
    raise ValueError(f"Criminal history category must be I–VI, not {value!r}.")


def clamp_offense_level(offense_level: int) -> int:
    """Below 1 counts as 1, above 43 as 43 (Ch. 5 Pt. A, comment. (n.2))."""
    return min(MAX_LEVEL, max(MIN_LEVEL, offense_level))


def lookup(offense_level: int, category: str | int, text: str = TABLE_1992) -> SentencingRange:
    """The Sentencing Table cell for an offense level and a criminal history category, in the
    table ``text`` an edition prints (``Edition.sentencing_table``)."""
    if isinstance(offense_level, bool) or not isinstance(offense_level, int):
        raise ValueError(f"Offense level must be a whole number, not {offense_level!r}.")
    return TABLES[text][clamp_offense_level(offense_level)][normalize_category(category)]
