"""The JSON shapes the API takes and gives. A worksheet has the fields of the case form; a
calculation is the engine's result, step by step. Outputs read the engine's frozen dataclasses
and the models by attribute."""

import datetime
from typing import Literal

from ninja import Field, Schema

from sentencing import guidelines

Kind = Literal["base", "specific", "adjustment"]


class OffenseLineIn(Schema):
    kind: Kind = "specific"
    guideline: str = Field(max_length=40, description="The section applied, e.g. §2L1.2(b)(2).")
    description: str = Field("", max_length=300)
    levels: int = Field(description="Levels added (negative to subtract).")
    group: str = Field(
        "",
        max_length=40,
        description="Lines sharing a group are alternatives: only the greatest counts.",
    )
    count_group: int = Field(
        1,
        ge=1,
        le=guidelines.MAX_COUNT_GROUPS,
        description="The Group of Closely Related Counts (§3D1.2); groups combine under §3D1.4.",
    )


class CountIn(Schema):
    statute: str = Field(max_length=80, description="The statute of conviction.")
    maximum_months: int | None = Field(
        None, ge=0, description="Blank: the statute's own maximum if carried, otherwise life."
    )
    minimum_months: int | None = Field(
        None, ge=0, description="Blank: the statute's own minimum if carried, otherwise 0."
    )


class PriorSentenceIn(Schema):
    description: str = Field(max_length=300)
    subsection: Literal["a", "b", "c"] = Field(description="§4A1.1(a), (b) or (c).")


class WorksheetIn(Schema):
    """What the engine reads of a case: the fields of the case form that bear on the result."""

    offense_date: datetime.date
    sentencing_date: datetime.date
    manual_edition: str = Field(
        "", description="A Manual's key (e.g. 1995-11-01); blank lets §1B1.11 choose."
    )
    acceptance: Literal["none", "2", "3"] = "none"
    government_motion: bool = False
    early_disposition_levels: int = 0
    criminal_history_points: int | None = None
    criminal_history_category: str = Field("", description="I–VI, overriding points.")
    under_criminal_justice_sentence: bool = False
    recency: bool = False
    zero_point_offender_eligible: bool = False
    career_offender: bool = Field(
        False, description="Found a career offender (§4B1.1(a)): §4B1.1(b) applies."
    )
    safety_valve: bool = Field(
        False, description="The criteria of 18 U.S.C. § 3553(f)(1)–(5) found met (§5C1.2)."
    )
    armed_career_connection: bool = Field(
        False,
        description="§4B1.4(b)(3)(A): an armed career criminal's firearm in connection with a "
        "crime of violence or controlled substance offense.",
    )
    offense_lines: list[OffenseLineIn] = []
    offense_date_lines: list[OffenseLineIn] = Field(
        [], description="The worksheet under the Manual at the offense date, if its text differs."
    )
    counts: list[CountIn] = []
    prior_sentences: list[PriorSentenceIn] = []


class FieldError(Schema):
    field: str = Field(description='Where, e.g. "offense_lines.0.levels"; "" for the whole.')
    message: str


class ErrorsOut(Schema):
    errors: list[FieldError]


class MessageOut(Schema):
    detail: str


# The engine's result.


class EditionOut(Schema):
    key: str
    title: str
    short_title: str
    effective: datetime.date


class StepOut(Schema):
    section: str
    description: str
    levels: int | None
    running_total: int | None
    points: int | None
    applied: bool
    group: str
    heading: bool = Field(False, description="The line only names what follows (a count group).")


class RangeOut(Schema):
    low_months: int | None = Field(description="None: life.")
    high_months: int | None = Field(description="None: life.")
    text: str

    @staticmethod
    def resolve_text(obj) -> str:
        return str(obj)


class GuidelineSentenceOut(RangeOut):
    rule: str
    explanation: str


class EarlyDispositionOut(Schema):
    section: str
    levels: int
    offense_level_if_granted: int | None
    range_if_granted: RangeOut | None
    sentence_if_granted: GuidelineSentenceOut | None
    note: str


class CalculationOut(Schema):
    edition: EditionOut
    steps: list[StepOut]
    offense_level_before_acceptance: int
    acceptance_levels: int
    zero_point_levels: int
    total_offense_level: int
    table_offense_level: int
    criminal_history_points: int | None
    criminal_history_category: str
    range: RangeOut
    zone: str
    statutory_minimum_months: int
    statutory_maximum_months: int | None = Field(description="None: life, or no count.")
    guideline_sentence: GuidelineSentenceOut
    arithmetic: str
    notes: list[str]
    early_disposition: EarlyDispositionOut | None
    total_punishment: GuidelineSentenceOut | None = Field(
        None,
        description="§5G1.2(a): the guideline sentence with consecutive terms added; "
        "None when no count carries one.",
    )


class FineOut(Schema):
    minimum: int = Field(description="Dollars.")
    maximum: int = Field(description="Dollars.")
    section: str
    note: str


class AssessmentOut(Schema):
    amount: int = Field(description="Dollars.")
    note: str


class SupervisedReleaseOut(Schema):
    minimum_years: int = Field(description="0: no guideline minimum.")
    maximum_years: int
    offense_class: str = Field(description="18 U.S.C. § 3559(a): A–E, or 'A misdemeanor'.")
    statute: str
    note: str


class ResultOut(Schema):
    """§1B1.11's choice of Manual and the calculation under it, or why there is none."""

    problem: str = Field(description='Why there is no calculation; "" when there is one.')
    applied: CalculationOut | None = Field(description="The calculation under the Manual applied.")
    at_sentencing: CalculationOut | None
    at_offense: CalculationOut | None
    reason: str
    overridden: bool
    comparison_missing: str
    differing_texts: list[str]
    fine: FineOut | None = Field(None, description="§5E1.2's range for the applied calculation.")
    special_assessment: AssessmentOut | None = Field(
        None, description="§5E1.3: the felony counts' assessment; None with no count entered."
    )
    supervised_release: SupervisedReleaseOut | None = Field(
        None, description="§5D1.2's term for the most serious count; None with no count."
    )


# Cases.


class CaseOut(Schema):
    id: int
    defendant: str
    docket_number: str
    district: str
    district_name: str
    judge: str
    offense_date: datetime.date
    sentencing_date: datetime.date
    version: int
    updated_at: datetime.datetime


class NamedCalculationOut(Schema):
    id: int
    key: str = Field(description='"working" for the case\'s own worksheet, else the id.')
    name: str
    role: str = Field(description="psr, defense, government, plea, court, or blank.")
    argued: bool = Field(description="The calculation the memo argues from.")
    worksheet: WorksheetIn
    result: ResultOut


class ComparedSideOut(Schema):
    id: int
    name: str
    result: ResultOut


class ComparedRowOut(Schema):
    kind: Literal["offense line", "offense-date line", "prior sentence", "count", "finding"]
    status: Literal["same", "changed", "only left", "only right"]
    left: dict | None
    right: dict | None


class ComparisonOut(Schema):
    left: ComparedSideOut
    right: ComparedSideOut
    range_difference: str = Field(description="The right range against the left, in words.")
    rows: list[ComparedRowOut]


class CaseDetailOut(CaseOut):
    notes: str
    worksheet: WorksheetIn


# The casebook.


class GroundOut(Schema):
    slug: str
    name: str


class HoldingOut(Schema):
    id: int
    opinion_id: int
    case_name: str
    ground: GroundOut
    effect: str
    quote: str
    pinpoint: str
    pinpoint_page: int | None
    citation: str = Field(description="The full citation at the holding's pinpoint.")
    quote_citation: str = Field(description="Where the quote stands.")
    quoted_in_id: int | None


class OpinionOut(Schema):
    id: int
    case_name: str
    court: str = Field(description="The court's courts-db id.")
    date_decided: datetime.date | None
    date_is_approximate: bool
    en_banc: bool
    docket_number: str
    citation: str = Field(description="The full citation, with every reporter.")
    citations: list[str] = Field(description='Reporter citations, e.g. "215 F.3d 969".')


class OpinionDetailOut(OpinionOut):
    author: str
    judges: str
    first_page: int | None
    last_page: int | None
    text: str
    holdings: list[HoldingOut]


class PrecedentOut(Schema):
    ground: GroundOut | None
    district: str
    circuit_id: str | None
    circuit_name: str
    as_of: datetime.date
    prediction: str
    controlling: HoldingOut | None
    binding: list[HoldingOut] = Field(description="The controlling holding first.")
    persuasive: list[HoldingOut]
    decided_later: list[HoldingOut]
    district_courts: list[HoldingOut]
    undated: list[HoldingOut]
