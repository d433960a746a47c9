"""The whole calculation under one Manual, and the choice of Manual under §1B1.11."""

from dataclasses import dataclass, field
from datetime import date

from .criminal_history import CriminalHistory, score, zero_point_adjustment
from .editions import Edition, edition_in_effect, gap_warning
from .offense_level import Acceptance, OffenseLine, offense_level
from .outcome import Count, GuidelineSentence, guideline_sentence, statutory_limits
from .steps import Step, arithmetic
from .table import MAX_LEVEL, MIN_LEVEL, SentencingRange, clamp_offense_level, lookup
from .zones import zone_for


@dataclass(frozen=True)
class CaseFacts:
    offense_lines: tuple[OffenseLine, ...] = ()
    acceptance: Acceptance = Acceptance.NONE
    government_motion: bool = False
    criminal_history: CriminalHistory = field(default_factory=CriminalHistory)
    counts: tuple[Count, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "offense_lines", tuple(self.offense_lines))
        object.__setattr__(self, "counts", tuple(self.counts))
        object.__setattr__(self, "acceptance", Acceptance(self.acceptance))


@dataclass(frozen=True)
class Calculation:
    edition: Edition
    steps: tuple[Step, ...]
    offense_level_before_acceptance: int
    acceptance_levels: int  # 0, -2 or -3
    zero_point_levels: int  # 0 or -2 (§4C1.1)
    total_offense_level: int  # after everything, not clamped
    table_offense_level: int  # clamped to 1..43
    criminal_history_points: int | None  # None when the category was entered directly
    criminal_history_category: str
    range: SentencingRange
    zone: str  # of the Sentencing Table range, before statutory limits
    statutory_minimum_months: int
    statutory_maximum_months: int | None  # None: life, or no count entered
    guideline_sentence: GuidelineSentence
    arithmetic: str  # "8 + 16 − 3 = 21"
    notes: tuple[str, ...]


def calculate(facts: CaseFacts, edition: Edition) -> Calculation:
    offense = offense_level(facts.offense_lines, facts.acceptance, facts.government_motion, edition)
    history = score(facts.criminal_history, edition)
    notes = list(offense.notes) + list(history.notes)
    steps = list(offense.steps)
    total = offense.after_acceptance
    terms = list(offense.terms)
    zero_point, refusal = zero_point_adjustment(facts.criminal_history, history.points, edition)
    if refusal:
        notes.append(refusal)
    # §4C1.1 comes after Chapter Three, acceptance included: §1B1.1(a)(5)-(6) (2024 Manual,
    # as amended by Amendment 831).
    if zero_point:
        total += zero_point
        terms.append(zero_point)
        steps.append(Step("§4C1.1", "Zero-point offender", zero_point, total))
    steps.append(Step("", "Total offense level", None, total))
    table_level = clamp_offense_level(total)
    if table_level != total:  # Ch. 5 Pt. A, comment. (n.2)
        bound = "less than 1" if total < MIN_LEVEL else f"more than {MAX_LEVEL}"
        notes.append(f"A total offense level {bound} is treated as level {table_level}.")
    rng = lookup(table_level, history.category)
    limits = statutory_limits(facts.counts)
    return Calculation(
        edition=edition,
        steps=tuple(steps) + history.steps,
        offense_level_before_acceptance=offense.before_acceptance,
        acceptance_levels=offense.acceptance_levels,
        zero_point_levels=zero_point,
        total_offense_level=total,
        table_offense_level=table_level,
        criminal_history_points=history.points,
        criminal_history_category=history.category,
        range=rng,
        zone=zone_for(rng, edition),
        statutory_minimum_months=limits.minimum_months,
        statutory_maximum_months=limits.maximum_months,
        guideline_sentence=guideline_sentence(rng, limits),
        arithmetic=arithmetic(terms, total),
        notes=tuple(notes),
    )


@dataclass(frozen=True)
class EditionChoice:
    applied: Calculation
    at_sentencing: Calculation
    at_offense: Calculation | None  # None: same edition, or offense before our earliest
    reason: str
    overridden: bool


def _severity(calc: Calculation) -> tuple[float, ...]:
    """Order calculations by guideline sentence, then range; life counts as infinite."""
    values = (
        calc.guideline_sentence.low_months,
        calc.guideline_sentence.high_months,
        calc.range.low_months,
        calc.range.high_months,
    )
    return tuple(float("inf") if v is None else v for v in values)


def _rule_choice(sentencing: Calculation, offense: Calculation | None) -> tuple[Calculation, str]:
    """§1B1.11(a), (b)(1): the Manual at sentencing unless the one at the offense gives a
    lower result — then the later one would violate the ex post facto clause (Peugh v.
    United States, 569 U.S. 530 (2013))."""
    at_sentencing = sentencing.edition.short_title
    if offense is None:
        return sentencing, f"§1B1.11(a): the {at_sentencing}, in effect at sentencing."
    at_offense = offense.edition.short_title
    if _severity(offense) < _severity(sentencing):
        later: GuidelineSentence | SentencingRange = sentencing.guideline_sentence
        earlier: GuidelineSentence | SentencingRange = offense.guideline_sentence
        if str(later) == str(earlier):
            later, earlier = sentencing.range, offense.range
        return offense, (
            f"§1B1.11(b)(1): the {at_offense}, in effect on the offense date, because the "
            f"{at_sentencing} gives a higher result ({later} against {earlier}) and would "
            "violate the ex post facto clause."
        )
    return sentencing, (
        f"§1B1.11(a): the {at_sentencing}, in effect at sentencing; the {at_offense}, in "
        f"effect on the offense date, gives no lower result."
    )


def choose_edition(
    facts: CaseFacts,
    *,
    offense_date: date,
    sentencing_date: date,
    requested: Edition | None = None,
) -> EditionChoice:
    """Pick the Manual under §1B1.11 (a whole Manual, §1B1.11(b)(2)); ``requested`` is a
    user's override, applied but reported against what §1B1.11 would pick."""
    if offense_date > sentencing_date:
        raise ValueError("The offense date is after the sentencing date.")
    sentencing_edition = edition_in_effect(sentencing_date)
    at_sentencing = calculate(facts, sentencing_edition)
    remarks = [w for w in (gap_warning(sentencing_date),) if w]
    try:
        offense_edition = edition_in_effect(offense_date)
    except ValueError as error:
        offense_edition = None
        remarks.append(f"No comparison with the Manual at the offense date: {error}")
    else:
        if warning := gap_warning(offense_date):
            remarks.append(warning)
    at_offense = None
    if offense_edition is not None and offense_edition != sentencing_edition:
        at_offense = calculate(facts, offense_edition)
    chosen, reason = _rule_choice(at_sentencing, at_offense)
    if requested is None:
        return EditionChoice(chosen, at_sentencing, at_offense, " ".join([reason, *remarks]), False)
    override = (
        f"Override: the {requested.short_title} is applied as requested. Without the "
        f"override, {reason}"
    )
    return EditionChoice(
        calculate(facts, requested), at_sentencing, at_offense, " ".join([override, *remarks]), True
    )
