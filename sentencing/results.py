"""Turns what a case holds (saved or just typed) into the engine's inputs and result."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from . import guidelines
from .guidelines.disputed_facts import (
    OFFENSE_LINE,
    PRIOR_SENTENCE,
    DisputedRange,
    DisputedRow,
    disputed_range,
)
from .guidelines.fines import FineRange, SpecialAssessment, fine_range, special_assessment
from .guidelines.supervised_release import SupervisedRelease
from .guidelines.supervised_release import term as supervised_release_term
from .models import Case, Count, OffenseDateLine, OffenseLine, PriorSentence


@dataclass(frozen=True)
class FieldError:
    """A typed field that stands in the way of a result, for the panel to link to."""

    field_id: str  # the input's id on the case form ("" for an error of the whole form)
    label: str  # "Offense line 2, Levels"
    message: str


@dataclass(frozen=True)
class CaseResult:
    """The engine's answer for one case, or why there is none."""

    choice: guidelines.EditionChoice | None
    problem: str = ""
    errors: tuple[FieldError, ...] = ()  # fields to correct, each with its message
    missing: tuple[FieldError, ...] = ()  # required fields still blank
    disputes: DisputedRange | None = None  # every finding of the lines marked disputed
    fine: FineRange | None = None  # §5E1.2, for the applied calculation and the offense date
    assessment: SpecialAssessment | None = None  # §5E1.3; None with no count entered
    supervised_release: SupervisedRelease | None = None  # §5D1.2; None with no count entered

    @property
    def calculation(self) -> guidelines.Calculation | None:
        return self.choice.applied if self.choice else None


def case_facts(
    case: Case,
    *,
    offense_lines: Iterable[OffenseLine],
    counts: Iterable[Count],
    prior_sentences: Iterable[PriorSentence],
    offense_date_lines: Iterable[OffenseDateLine] = (),
) -> guidelines.CaseFacts:
    return guidelines.CaseFacts(
        offense_lines=tuple(line.to_engine() for line in offense_lines),
        offense_date_lines=tuple(line.to_engine() for line in offense_date_lines),
        early_disposition_levels=case.early_disposition_levels or 0,
        acceptance=guidelines.Acceptance(case.acceptance),
        government_motion=case.government_motion,
        criminal_history=guidelines.CriminalHistory(
            prior_sentences=tuple(prior.to_engine() for prior in prior_sentences),
            points=case.criminal_history_points,
            category=case.criminal_history_category or None,
            under_criminal_justice_sentence=case.under_criminal_justice_sentence,
            recency=case.recency,
            zero_point_offender_eligible=case.zero_point_offender_eligible,
        ),
        counts=tuple(count.to_engine() for count in counts),
        career_offender=case.career_offender,
        safety_valve=case.safety_valve,
        armed_career_connection=case.armed_career_connection,
    )


def disputed_rows(
    offense_lines: Iterable[bool], prior_sentences: Iterable[bool]
) -> frozenset[DisputedRow]:
    """The offense lines and prior sentences marked disputed, by their place on the worksheet."""
    return frozenset(
        DisputedRow(kind, i)
        for kind, flags in ((OFFENSE_LINE, offense_lines), (PRIOR_SENTENCE, prior_sentences))
        for i, disputed in enumerate(flags)
        if disputed
    )


def case_result(
    case: Case,
    *,
    offense_lines: Iterable[OffenseLine],
    counts: Iterable[Count],
    prior_sentences: Iterable[PriorSentence],
    offense_date_lines: Iterable[OffenseDateLine] = (),
) -> CaseResult:
    offense_lines, prior_sentences = list(offense_lines), list(prior_sentences)
    facts = case_facts(
        case,
        offense_lines=offense_lines,
        counts=counts,
        prior_sentences=prior_sentences,
        offense_date_lines=offense_date_lines,
    )
    disputed = disputed_rows(
        (line.disputed for line in offense_lines), (prior.disputed for prior in prior_sentences)
    )
    return result_for_facts(case, facts, disputed)


def result_for_facts(
    case: Case, facts: guidelines.CaseFacts, disputed: frozenset[DisputedRow] = frozenset()
) -> CaseResult:
    """The engine's result for facts already read from the case, under §1B1.11's Manual."""
    return dated_result(
        facts,
        offense_date=case.offense_date,
        sentencing_date=case.sentencing_date,
        manual_edition=case.manual_edition,
        disputed=disputed,
    )


def dated_result(
    facts: guidelines.CaseFacts,
    *,
    offense_date: datetime.date,
    sentencing_date: datetime.date,
    manual_edition: str = "",
    disputed: frozenset[DisputedRow] = frozenset(),
) -> CaseResult:
    """The engine's result for facts and the case's dates, under §1B1.11's Manual (or the one
    requested by its key), with every finding of the ``disputed`` lines under that Manual."""
    requested = guidelines.edition_by_key(manual_edition) if manual_edition else None
    try:
        choice = guidelines.choose_edition(
            facts,
            offense_date=offense_date,
            sentencing_date=sentencing_date,
            requested=requested,
        )
    except ValueError as exc:  # e.g. a sentencing date before the earliest Manual we carry
        return CaseResult(choice=None, problem=str(exc))
    applied = choice.applied
    return CaseResult(
        choice=choice,
        disputes=_disputes(facts, choice, disputed),
        fine=fine_range(applied.table_offense_level, applied.edition, offense_date),
        assessment=special_assessment(applied.facts.counts, offense_date),
        supervised_release=supervised_release_term(applied.facts.counts, applied.edition),
    )


def _disputes(
    facts: guidelines.CaseFacts, choice: guidelines.EditionChoice, disputed: frozenset[DisputedRow]
) -> DisputedRange | None:
    if not disputed:
        return None
    applied = choice.applied
    lines_disputed = any(row.kind == OFFENSE_LINE for row in disputed)
    if lines_disputed and applied.facts.offense_lines != facts.offense_lines:
        return DisputedRange(
            disputed=tuple(sorted(disputed)),
            problem=(
                f"The {applied.edition.short_title} applies, scored on the offense-date "
                "worksheet, and the disputed lines are on the worksheet at sentencing: the "
                "range across the disputed lines is not worked out."
            ),
        )
    return disputed_range(facts, disputed, applied.edition)


def saved_case_facts(case: Case) -> guidelines.CaseFacts:
    """For a case loaded with `selectors.case_queryset()` (lines, counts and priors prefetched)."""
    return case_facts(
        case,
        offense_lines=case.offense_lines.all(),
        counts=case.counts.all(),
        prior_sentences=case.prior_sentences.all(),
        offense_date_lines=case.offense_date_lines.all(),
    )


def saved_case_result(case: Case) -> CaseResult:
    """For a case loaded with `selectors.case_queryset()` (lines, counts and priors prefetched)."""
    disputed = disputed_rows(
        (line.disputed for line in case.offense_lines.all()),
        (prior.disputed for prior in case.prior_sentences.all()),
    )
    return result_for_facts(case, saved_case_facts(case), disputed)
