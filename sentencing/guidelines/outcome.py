"""From range to guideline sentence: statutory limits under §5G1.1 (one count) and
§5G1.2 (several counts).

§5G1.1 (unchanged since Amendment 286, 1989): (a) a statutory maximum below the range
minimum is the guideline sentence; (b) a statutory minimum above the range maximum is the
guideline sentence; (c) otherwise the sentence may fall anywhere in the range that lies
within both limits. For several counts §5G1.2(b)–(d) imposes the total punishment on each
count and runs counts consecutively only as far as needed, so the combined ceiling is the
sum of the counts' maxima and the floor is the largest minimum (§5G1.2 comment. (n.3(B))).

A count whose statute requires its term to run consecutively to any other (§ 924(c), § 1028A)
is set apart (§5G1.2(a), unchanged in substance since 1987): the range and limits above are the
other counts', and the count's guideline sentence is the minimum term the statute requires
(§2K2.4(b); §2B1.6(a)), added to theirs for the total punishment.
"""

from dataclasses import dataclass

from .table import SentencingRange

# A felony is punishable by more than one year (18 U.S.C. § 3559(a)(5)): a maximum of 13 months
# or more, as the worksheet counts whole months; None (life) is a felony too.
FELONY_FROM_MONTHS = 13


def felony(count: "Count") -> bool:
    return count.maximum_months is None or count.maximum_months >= FELONY_FROM_MONTHS


@dataclass(frozen=True)
class Count:
    """A count of conviction with its statutory limits; ``maximum_months=None`` is life."""

    statute: str
    maximum_months: int | None
    minimum_months: int = 0

    def __post_init__(self) -> None:
        for value in (self.minimum_months, self.maximum_months):
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise ValueError(f"Statutory limits are whole months, not {value!r}.")
        if self.minimum_months < 0:
            raise ValueError("A statutory minimum cannot be negative.")
        if self.maximum_months is not None and self.maximum_months < self.minimum_months:
            raise ValueError(
                f"{self.statute}: statutory maximum {self.maximum_months} months is below the "
                f"minimum {self.minimum_months} months."
            )


@dataclass(frozen=True)
class StatutoryLimits:
    minimum_months: int
    maximum_months: int | None  # None: life, or no count entered
    rule: str  # "§5G1.1", "§5G1.2", or "" when no count was entered
    explanation: str


def carries_consecutive_term(count: Count) -> bool:
    """The count's statute requires its term to run consecutively to any other (§5G1.2(a))."""
    from .statutes import statute_history  # the statute table builds on this module's Count

    return any(s.consecutive for s in statute_history(count.statute))


def split_consecutive(counts: tuple[Count, ...]) -> tuple[tuple[Count, ...], tuple[Count, ...]]:
    """(the counts whose term runs consecutively, the others), each in worksheet order."""
    apart = tuple(c for c in counts if carries_consecutive_term(c))
    return apart, tuple(c for c in counts if c not in apart)


def statutory_limits(
    counts: tuple[Count, ...], consecutive: tuple[Count, ...] = ()
) -> StatutoryLimits:
    """The limits of ``counts``, those the range governs; ``consecutive`` are named apart."""
    apart = (
        f" Apart from {' and '.join(c.statute for c in consecutive)}, whose term runs "
        "consecutively (§5G1.2(a))."
        if consecutive
        else ""
    )
    if not counts:
        return StatutoryLimits(
            0, None, "", f"No other count entered; statutory limits not applied.{apart}"
        )
    minimum = max(count.minimum_months for count in counts)
    maxima = [count.maximum_months for count in counts if count.maximum_months is not None]
    maximum = sum(maxima) if len(maxima) == len(counts) else None  # any count of life: life
    if len(counts) == 1:
        return StatutoryLimits(
            minimum, maximum, "§5G1.1", f"One count: {counts[0].statute}.{apart}"
        )
    ceiling = "life" if maximum is None else f"{maximum} months"
    return StatutoryLimits(
        minimum,
        maximum,
        "§5G1.2",
        f"{len(counts)} counts: combined maximum {ceiling} if run consecutively as needed; "
        f"largest minimum {minimum} months.{apart}",
    )


def _months(n: int) -> str:
    return "1 month" if n == 1 else f"{n} months"


@dataclass(frozen=True)
class GuidelineSentence:
    """The guideline sentence after statutory limits; ``None`` means life.
    ``rule``: "§5G1.1(a)", "§5G1.1(b)", "§5G1.1(c)", "§5G1.2", or "" when the range stands."""

    low_months: int | None
    high_months: int | None
    rule: str
    explanation: str

    def __str__(self) -> str:
        if self.low_months is None:
            return "life"
        if self.high_months is None:
            return f"{self.low_months} months–life"
        if self.low_months == self.high_months:
            return _months(self.low_months)
        return f"{self.low_months}–{self.high_months} months"


def total_punishment(
    sentence: GuidelineSentence, consecutive: tuple[Count, ...], others: bool
) -> GuidelineSentence | None:
    """§5G1.2(a): the guideline sentence of the other counts plus each consecutive count's
    term, its statutory minimum (§2K2.4(b), §2B1.6(a)); None without a consecutive count.
    ``others``: whether any other count was entered (if not, the terms are the whole)."""
    if not consecutive:
        return None
    terms = sum(c.minimum_months for c in consecutive)
    named = ", ".join(f"{c.statute} {_months(c.minimum_months)}" for c in consecutive)
    if not others:
        return GuidelineSentence(
            terms,
            terms,
            "§5G1.2(a)",
            f"The term each statute requires, consecutively: {named} (§2K2.4(b), §2B1.6(a)).",
        )

    def plus(months: int | None) -> int | None:
        return None if months is None else months + terms

    return GuidelineSentence(
        plus(sentence.low_months),
        plus(sentence.high_months),
        "§5G1.2(a)",
        f"The other counts' guideline sentence ({sentence}) and, consecutively, {named} "
        "(§2K2.4(b), §2B1.6(a)).",
    )


def guideline_sentence(rng: SentencingRange, limits: StatutoryLimits) -> GuidelineSentence:
    low, high = rng.low_months, rng.high_months
    floor, ceiling = limits.minimum_months, limits.maximum_months
    result: tuple[int | None, int | None]
    if ceiling is not None and (low is None or ceiling < low):
        subsection, result = "(a)", (ceiling, ceiling)
        why = f"the statutory maximum ({_months(ceiling)}) is below the range ({rng})"
    elif high is not None and floor > high:
        subsection, result = "(b)", (floor, floor)
        why = f"the statutory minimum ({_months(floor)}) is above the range ({rng})"
    else:
        new_high = high if ceiling is None else ceiling if high is None else min(high, ceiling)
        result = (None if low is None else max(low, floor), new_high)
        if result == (low, high):
            return GuidelineSentence(low, high, "", f"The range stands. {limits.explanation}")
        subsection = "(c)"
        why = f"the range ({rng}) is restricted to the statutory limits"
    if limits.rule == "§5G1.2":
        rule, text = "§5G1.2", f"{limits.explanation} As under §5G1.1{subsection}, {why}."
    else:
        rule, text = f"§5G1.1{subsection}", f"{limits.explanation} {why[0].upper()}{why[1:]}."
    return GuidelineSentence(result[0], result[1], rule, text)
