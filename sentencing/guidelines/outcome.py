"""From range to guideline sentence: statutory limits under §5G1.1 (one count) and
§5G1.2 (several counts).

§5G1.1 (unchanged since Amendment 286, 1989): (a) a statutory maximum below the range
minimum is the guideline sentence; (b) a statutory minimum above the range maximum is the
guideline sentence; (c) otherwise the sentence may fall anywhere in the range that lies
within both limits. For several counts §5G1.2(b)–(d) imposes the total punishment on each
count and runs counts consecutively only as far as needed, so the combined ceiling is the
sum of the counts' maxima and the floor is the largest minimum (§5G1.2 comment. (n.3(B))).
Not modelled: a count whose statute fixes a consecutive term (§5G1.2(a), e.g. § 924(c)); the
limits name such a count so the reader adds its term by hand.
"""

from dataclasses import dataclass

from .table import SentencingRange


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


def _consecutive_terms(counts: tuple[Count, ...]) -> str:
    """Says which counts carry a term the statute runs consecutively (§ 924(c), § 1028A, ...):
    §5G1.2(a) adds such a term to the others, which these limits do not yet do."""
    from .statutes import statute_history  # the statute table builds on this module's Count

    named = [c.statute for c in counts if any(s.consecutive for s in statute_history(c.statute))]
    if not named:
        return ""
    return (
        f" {' and '.join(named)} {'carries' if len(named) == 1 else 'carry'} a consecutive term "
        "(§5G1.2(a)) not yet added to these limits."
    )


def statutory_limits(counts: tuple[Count, ...]) -> StatutoryLimits:
    if not counts:
        return StatutoryLimits(0, None, "", "No count entered; statutory limits not applied.")
    minimum = max(count.minimum_months for count in counts)
    maxima = [count.maximum_months for count in counts if count.maximum_months is not None]
    maximum = sum(maxima) if len(maxima) == len(counts) else None  # any count of life: life
    consecutive = _consecutive_terms(counts)
    if len(counts) == 1:
        return StatutoryLimits(
            minimum, maximum, "§5G1.1", f"One count: {counts[0].statute}.{consecutive}"
        )
    ceiling = "life" if maximum is None else f"{maximum} months"
    return StatutoryLimits(
        minimum,
        maximum,
        "§5G1.2",
        f"{len(counts)} counts: combined maximum {ceiling} if run consecutively as needed; "
        f"largest minimum {minimum} months.{consecutive}",
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
