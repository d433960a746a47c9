"""One line of the worksheet, the way a presentence report writes the arithmetic."""

from dataclasses import dataclass

MINUS = "\u2212"  # the real minus sign, for printed arithmetic


@dataclass(frozen=True)
class Step:
    """``levels`` and ``running_total`` are offense levels (None on criminal-history lines);
    ``points`` is the criminal history points a line adds (None on offense-level lines).
    ``applied`` is False for a line shown but not counted (e.g. the lesser of a group);
    ``group`` names the line's group of alternatives ("use the greater"), if it has one;
    ``heading`` marks a line that only names what follows (a count group's worksheet)."""

    section: str
    description: str
    levels: int | None = None
    running_total: int | None = None
    points: int | None = None
    applied: bool = True
    group: str = ""
    heading: bool = False


def signed(number: int) -> str:
    """+16, −3, 0 — with U+2212 for the minus."""
    if number < 0:
        return f"{MINUS}{-number}"
    if number > 0:
        return f"+{number}"
    return "0"


def plain(number: int) -> str:
    """21, −1 — no plus sign, U+2212 for the minus."""
    return f"{MINUS}{-number}" if number < 0 else str(number)


def arithmetic(terms: list[int], total: int) -> str:
    """[8, 16, -3], 21 → "8 + 16 − 3 = 21"; zero terms are left out."""
    terms = [t for t in terms if t != 0]
    text = plain(terms[0]) if terms else "0"
    for term in terms[1:]:
        text += f" {MINUS} {-term}" if term < 0 else f" + {term}"
    return f"{text} = {plain(total)}"
