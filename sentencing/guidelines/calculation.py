"""The whole calculation under one Manual, and the choice of Manual under §1B1.11."""

from dataclasses import dataclass, field, replace
from datetime import date

from . import (
    armed_career_criminal,
    career_offender,
    early_disposition,
    safety_valve,
    zero_point_offenders,
)
from .criminal_history import CriminalHistory, score
from .early_disposition import EarlyDisposition
from .editions import Edition, edition_in_effect, gap_warning
from .guideline_texts import differing_texts, printed_text, uncarried_chapter_two
from .offense_level import Acceptance, OffenseLine, offense_level
from .outcome import (
    Count,
    GuidelineSentence,
    guideline_sentence,
    split_consecutive,
    statutory_limits,
    total_punishment,
)
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
    # §1B1.11(b)(2): one Manual as a whole. The worksheet entered under the Manual in effect on
    # the offense date, for a guideline it prints in another text; () when not entered.
    offense_date_lines: tuple[OffenseLine, ...] = ()
    # The levels of the government's early disposition motion (§3F1.1; §5K3.1 before 2025).
    early_disposition_levels: int = 0
    # The court finds the defendant a career offender (§4B1.1(a)); (b) and (c) are applied.
    career_offender: bool = False
    # The court finds the criteria of 18 U.S.C. § 3553(f)(1)-(5) met (§5C1.2(a)).
    safety_valve: bool = False
    # §4B1.4(b)(3)(A), (c)(2): an armed career criminal's firearm or ammunition in connection
    # with a crime of violence or controlled substance offense, or a § 5845(a) firearm.
    armed_career_connection: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "offense_lines", tuple(self.offense_lines))
        object.__setattr__(self, "offense_date_lines", tuple(self.offense_date_lines))
        object.__setattr__(self, "counts", tuple(self.counts))
        object.__setattr__(self, "acceptance", Acceptance(self.acceptance))
        early_disposition.check_levels(self.early_disposition_levels)


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
    # The facts scored, with the lines of this Manual's own worksheet (§1B1.11(b)(2)): a
    # recalculation under this Manual (a what-if, a motion) starts from these.
    facts: CaseFacts
    early_disposition: EarlyDisposition | None = None  # None: no motion entered
    # §4C1.1(a)'s criteria as the edition numbers them, as checked (() when not in question).
    zero_point_criteria: tuple[zero_point_offenders.CriterionCheck, ...] = ()
    # §5G1.2(a): the guideline sentence with each consecutive count's term added (None when no
    # count carries one). The range, limits and guideline sentence above are the other counts'.
    total_punishment: GuidelineSentence | None = None
    # The counts with their limits as the sentence meets them: a minimum the safety valve
    # (§5C1.2) lifts is 0 here. A departure or a motion is limited by these.
    sentenced_counts: tuple[Count, ...] = ()


def calculate(facts: CaseFacts, edition: Edition) -> Calculation:
    career = career_offender.offense_level(facts.counts, edition) if facts.career_offender else None
    armed = armed_career_criminal.applies(facts.counts)
    part_b = []  # Chapter Four, Part B's levels, each in place of the other where greater
    if career is not None and (level := career_offender.part_b_level(career)):
        part_b.append(level)
    if armed:
        part_b.append(armed_career_criminal.offense_level(facts.armed_career_connection))
    offense = offense_level(
        facts.offense_lines, facts.acceptance, facts.government_motion, edition, tuple(part_b)
    )
    history = score(facts.criminal_history, edition)
    if career is not None:
        history = career_offender.with_category(history)
    if armed:
        history = armed_career_criminal.with_category(history, facts.armed_career_connection)
    relief = safety_valve.relief(
        facts.safety_valve,
        facts.counts,
        facts.offense_lines,
        facts.criminal_history,
        history,
        edition,
    )
    notes = [career.note] if career is not None and career.note else []
    notes += list(offense.notes) + list(history.notes)
    steps = list(offense.steps)
    total = offense.after_acceptance
    terms = list(offense.terms)
    motion = facts.early_disposition_levels
    if motion and edition.early_disposition_section == early_disposition.DECREASE:
        # §1B1.1(a)(5) (2025 Manual): with acceptance, after it.
        total -= motion
        terms.append(-motion)
        steps.append(
            Step("§3F1.1", "Early disposition program, on the government's motion", -motion, total)
        )
    zero_point, refusal, criteria = zero_point_offenders.adjustment(
        facts.criminal_history.zero_point_offender_eligible,
        history.points,
        edition,
        facts.offense_lines,
    )
    if refusal:
        notes.append(refusal)
    notes += relief.notes
    if relief.level_floor and total < relief.level_floor:
        # §5C1.2(b), Nov. 1, 2001 to Oct. 31, 2023: the level from Chapters Two and Three,
        # acceptance included.
        terms.append(relief.level_floor - total)
        total = relief.level_floor
        steps.append(Step("§5C1.2(b)", "Safety valve: not less than level 17", None, total))
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
    rng = lookup(table_level, history.category, edition.sentencing_table)
    if relief.range_floor and rng.low_months is not None and rng.low_months < 24:
        notes.append(f"§5C1.2(b): the range {rng} is raised to {safety_valve.FLOOR_RANGE}.")
        rng = safety_valve.FLOOR_RANGE
    consecutive, others = split_consecutive(relief.counts)
    limits = statutory_limits(others, consecutive)
    sentence = guideline_sentence(rng, limits)
    punishment = total_punishment(sentence, consecutive, bool(others))
    if career is not None:  # §4B1.1(c), where a § 924(c) or § 929(a) count is one
        punishment = (
            career_offender.subsection_c(
                edition,
                consecutive,
                rng,
                bool(others),
                career_offender.table_c_reduction(
                    facts.acceptance, facts.government_motion, edition
                ),
            )
            or punishment
        )
    early = None
    if motion and edition.early_disposition_section == early_disposition.DECREASE:
        early = EarlyDisposition(early_disposition.DECREASE, motion)
    elif motion:
        early = early_disposition.as_departure(
            motion, edition, table_level, history.category, limits
        )
        notes.append(early.note)
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
        guideline_sentence=sentence,
        total_punishment=punishment,
        sentenced_counts=relief.counts,
        arithmetic=arithmetic(terms, total),
        notes=tuple(notes),
        facts=facts,
        early_disposition=early,
        zero_point_criteria=criteria,
    )


@dataclass(frozen=True)
class EditionChoice:
    applied: Calculation
    at_sentencing: Calculation | None  # None: its text needs a worksheet not entered (override)
    at_offense: (
        Calculation | None
    )  # None: same edition, offense before our earliest, or no worksheet
    reason: str
    overridden: bool
    # Why §1B1.11's comparison could not be made: the Manual at the offense date prints another
    # text of a guideline the worksheet applies, and no worksheet under that text was entered.
    comparison_missing: str = ""
    # The carried guidelines whose text differs between the two Manuals compared ("2L1.2").
    differing_texts: tuple[str, ...] = ()

    @property
    def compared(self) -> tuple[Calculation, ...]:
        """§1B1.11(b)(1): the two Manuals' calculations, the earlier first; () when there was
        no comparison to make."""
        if self.at_offense is None or self.at_sentencing is None:
            return ()
        if self.at_offense.edition == self.at_sentencing.edition:
            return ()
        return (self.at_offense, self.at_sentencing)

    @property
    def results_differ(self) -> bool:
        """The two Manuals give another range or guideline sentence."""
        if not self.compared:
            return False
        earlier, later = self.compared
        return (earlier.range, earlier.guideline_sentence, earlier.total_punishment) != (
            later.range,
            later.guideline_sentence,
            later.total_punishment,
        )


def _severity(calc: Calculation) -> tuple[float, ...]:
    """Order calculations by the sentence with consecutive terms (§5G1.2(a), §4B1.1(c)), then
    the guideline sentence, then the range; life counts as infinite."""
    whole = calc.total_punishment or calc.guideline_sentence
    values = (
        whole.low_months,
        whole.high_months,
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
        later: GuidelineSentence | SentencingRange = (
            sentencing.total_punishment or sentencing.guideline_sentence
        )
        earlier: GuidelineSentence | SentencingRange = (
            offense.total_punishment or offense.guideline_sentence
        )
        if str(later) == str(earlier):
            later, earlier = sentencing.guideline_sentence, offense.guideline_sentence
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


def _missing(families: list[str], edition: Edition, lines_edition: Edition) -> str:
    texts = ", ".join(printed_text(f, edition) for f in families)
    entered = ", ".join(printed_text(f, lines_edition) for f in families)
    return (
        f"The {edition.short_title} prints {texts}, not the {entered} the worksheet was entered "
        f"from; §1B1.11(b)(2) applies one Manual as a whole, so enter the worksheet under the "
        f"{edition.short_title}'s text to compare the two Manuals."
    )


class _Worksheets:
    """Which lines a Manual is scored with: the main worksheet, entered for ``lines_edition``
    (the Manual requested, else the one at sentencing), wherever its guidelines read the same;
    the offense-date worksheet under the Manual at the offense date; else none."""

    def __init__(self, facts: CaseFacts, lines_edition: Edition, offense: Edition | None):
        self.facts, self.lines_edition, self.offense = facts, lines_edition, offense
        self.used_offense_date_lines = False

    def differing(self, edition: Edition) -> list[str]:
        return differing_texts(self.facts.offense_lines, self.lines_edition, edition)

    def calculation(self, edition: Edition, *, second_allowed: bool) -> Calculation | None:
        if not self.differing(edition):
            return calculate(self.facts, edition)
        if second_allowed and edition == self.offense and self.facts.offense_date_lines:
            self.used_offense_date_lines = True
            return calculate(
                replace(self.facts, offense_lines=self.facts.offense_date_lines), edition
            )
        return None


def _comparison_remarks(
    facts: CaseFacts, worksheets: _Worksheets, first: Edition, second: Edition | None
) -> list[str]:
    remarks = []
    if facts.offense_date_lines and not worksheets.used_offense_date_lines:
        remarks.append(
            "The worksheet under the Manual at the offense date is not used: "
            + (
                "the same Manual was in effect on both dates."
                if second is None or second == first
                else "the main worksheet's guidelines read the same under both Manuals."
                if not worksheets.differing(second)
                else "the Manual is chosen above."
            )
        )
    if second is not None and second != first and not worksheets.used_offense_date_lines:
        typed = uncarried_chapter_two(facts.offense_lines)
        if typed:
            names = ", ".join(f"§{f}" for f in typed)
            remarks.append(
                f"The levels typed for {names} are taken as the same under the "
                f"{first.short_title} and the {second.short_title}: check that guideline's "
                "text in each."
            )
    return remarks


def choose_edition(
    facts: CaseFacts,
    *,
    offense_date: date,
    sentencing_date: date,
    requested: Edition | None = None,
) -> EditionChoice:
    """Pick the Manual under §1B1.11 (a whole Manual, §1B1.11(b)(2)); ``requested`` is a
    user's override, applied but reported against what §1B1.11 would pick. Each Manual is
    scored with lines entered from its own text (`_Worksheets`)."""
    if offense_date > sentencing_date:
        raise ValueError("The offense date is after the sentencing date.")
    sentencing_edition = edition_in_effect(sentencing_date)
    remarks = [w for w in (gap_warning(sentencing_date),) if w]
    try:
        offense_edition: Edition | None = edition_in_effect(offense_date)
    except ValueError as error:
        offense_edition = None
        remarks.append(f"No comparison with the Manual at the offense date: {error}")
    else:
        if warning := gap_warning(offense_date):
            remarks.append(warning)
    if offense_edition == sentencing_edition:
        offense_edition = None
    worksheets = _Worksheets(facts, requested or sentencing_edition, offense_edition)
    second_allowed = requested is None
    at_sentencing = worksheets.calculation(sentencing_edition, second_allowed=second_allowed)
    at_offense = missing = None
    differing: list[str] = []
    if offense_edition is not None:
        at_offense = worksheets.calculation(offense_edition, second_allowed=second_allowed)
        differing = differing_texts(facts.offense_lines, sentencing_edition, offense_edition)
        if at_offense is None and at_sentencing is not None:
            missing = _missing(
                worksheets.differing(offense_edition), offense_edition, worksheets.lines_edition
            )
    if requested is None:
        assert at_sentencing is not None  # the main worksheet is entered for it
        if missing:
            chosen, reason = (
                at_sentencing,
                (
                    f"§1B1.11(a): the {sentencing_edition.short_title}, in effect at sentencing. "
                    "Not yet compared with the Manual at the offense date (§1B1.11(b)(1)): "
                    + missing
                ),
            )
        else:
            chosen, reason = _rule_choice(at_sentencing, at_offense)
        remarks += _comparison_remarks(facts, worksheets, sentencing_edition, offense_edition)
        return EditionChoice(
            chosen,
            at_sentencing,
            at_offense,
            " ".join([reason, *remarks]),
            False,
            comparison_missing=missing or "",
            differing_texts=tuple(differing),
        )
    applied = calculate(facts, requested)
    if at_sentencing is None:
        texts = ", ".join(
            printed_text(f, sentencing_edition) for f in worksheets.differing(sentencing_edition)
        )
        without = (
            f"§1B1.11 would start from the {sentencing_edition.short_title}, in effect at "
            f"sentencing; it prints {texts}, "
            "which the worksheet was not entered from, so that comparison is not made."
        )
    elif at_offense is None and missing:
        without = f"§1B1.11(a) would apply the {sentencing_edition.short_title}; {missing}"
    else:
        without = _rule_choice(at_sentencing, at_offense)[1]
    override = (
        f"Override: the {requested.short_title} is applied as requested. Without the "
        f"override, {without}"
    )
    remarks += _comparison_remarks(facts, worksheets, requested, offense_edition)
    return EditionChoice(
        applied,
        at_sentencing,
        at_offense,
        " ".join([override, *remarks]),
        True,
        comparison_missing=missing or "",
        differing_texts=tuple(differing),
    )
