"""A worksheet sent as JSON, checked by the case form's own rules and read into the engine's
facts; and a saved case's worksheet in the same shape, so that scripts can send it back."""

from dataclasses import dataclass

from sentencing import guidelines
from sentencing import worksheet_rules as rules
from sentencing.forms import CaseForm, CountForm, OffenseLineForm, PriorSentenceForm
from sentencing.models import Case
from sentencing.results import CaseResult, dated_result

from .schemas import OffenseLineIn, WorksheetIn


class WorksheetErrors(Exception):
    """Each (field path, message) that stands in the way of a calculation."""

    def __init__(self, errors: list[tuple[str, str]]):
        super().__init__(errors)
        self.errors = errors


# Which form's field a path names: "counts.0.statute" is CountForm's "statute".
ROW_FORMS = {
    "offense_lines": OffenseLineForm,
    "offense_date_lines": OffenseLineForm,
    "counts": CountForm,
    "prior_sentences": PriorSentenceForm,
}
# Pydantic's error types, as the Django form field's error codes.
FORM_CODES = {
    "missing": "required",
    "int_parsing": "invalid",
    "int_type": "invalid",
    "int_from_float": "invalid",
    "date_parsing": "invalid",
    "date_from_datetime_parsing": "invalid",
    "date_from_datetime_inexact": "invalid",
    "date_type": "invalid",
    "literal_error": "invalid_choice",
    "string_too_long": "max_length",
    "greater_than_equal": "min_value",
    "less_than_equal": "max_value",
}


def form_message(path: tuple, error_type: str, value) -> str:
    """The message the case form gives for the same mistake in the same field, or ""."""
    names = [str(part) for part in path if not isinstance(part, int)]
    if not names:
        return ""
    form = ROW_FORMS.get(names[0]) if len(names) > 1 else CaseForm
    field = form.base_fields.get(names[-1]) if form else None
    code = FORM_CODES.get(error_type)
    if field is None:
        return ""
    params = {"value": value, "show_value": len(str(value))}
    message = field.error_messages.get(code)
    # A length or a bound the form words no message for is checked by the field's validator,
    # in the validator's words.
    for validator in field.validators:
        if message is None and getattr(validator, "code", None) == code:
            message, params["limit_value"] = validator.message, validator.limit_value
    if message is None:
        return ""
    try:
        return str(message % params)
    except (KeyError, TypeError, ValueError):
        return ""


@dataclass(frozen=True)
class Worksheet:
    facts: guidelines.CaseFacts
    payload: WorksheetIn

    def result(self) -> CaseResult:
        return dated_result(
            self.facts,
            offense_date=self.payload.offense_date,
            sentencing_date=self.payload.sentencing_date,
            manual_edition=self.payload.manual_edition,
        )


def _line_errors(where: str, lines: list[OffenseLineIn]) -> list[tuple[str, str]]:
    errors = []
    groups = [rules.normalized_group(line.group) for line in lines]
    for index, (line, group) in enumerate(zip(lines, groups, strict=True)):
        for name, problem in [
            ("guideline", rules.guideline_problem(line.guideline)),
            ("group", rules.group_problem(line.kind, line.guideline, group)),
            ("levels", rules.levels_problem(line.kind, line.levels)),
        ]:
            if problem:
                errors.append((f"{where}.{index}.{name}", problem))
    clashes = rules.group_clashes(
        (line.kind, line.guideline, group, line.count_group)
        for line, group in zip(lines, groups, strict=True)
    )
    errors += [(f"{where}.{index}.group", problem) for index, problem in clashes.items()]
    return errors


def _count_limits(payload: WorksheetIn) -> tuple[list[tuple[int | None, int]], list]:
    limits, errors = [], []
    for index, count in enumerate(payload.counts):
        found = rules.count_limits(
            count.statute,
            count.maximum_months,
            count.minimum_months,
            payload.offense_date,
            payload.sentencing_date,
        )
        errors += [(f"counts.{index}.{name}", problem) for name, problem in found.problems]
        maximum, minimum = found.maximum_months, found.minimum_months
        if problem := rules.limits_problem(maximum, minimum):
            errors.append((f"counts.{index}.minimum_months", problem))
        limits.append((maximum, minimum))
    return limits, errors


def _case_errors(payload: WorksheetIn) -> list[tuple[str, str]]:
    motion = payload.early_disposition_levels
    checks = [
        ("sentencing_date", rules.dates_problem(payload.offense_date, payload.sentencing_date)),
        ("early_disposition_levels", rules.early_disposition_problem(motion)),
    ]
    if payload.criminal_history_points is not None and payload.criminal_history_points < 0:
        checks.append(("criminal_history_points", rules.NEGATIVE_POINTS))
    category = payload.criminal_history_category
    if category and category not in guidelines.CATEGORIES:
        checks.append(("criminal_history_category", rules.UNKNOWN_CATEGORY))
    edition = payload.manual_edition
    if edition and edition not in {e.key for e in guidelines.EDITIONS}:
        message = CaseForm.base_fields["manual_edition"].error_messages["invalid_choice"]
        checks.append(("manual_edition", str(message) % {"value": edition}))
    rows = ("offense_lines", "offense_date_lines", "counts", "prior_sentences")
    too_long = [kind for kind in rows if len(getattr(payload, kind)) > rules.MAX_ROWS]
    checks += [(kind, rules.TOO_MANY_ROWS) for kind in too_long]
    return [(field, problem) for field, problem in checks if problem]


def _engine_lines(lines: list[OffenseLineIn]) -> tuple[guidelines.OffenseLine, ...]:
    return tuple(
        guidelines.OffenseLine(
            section=line.guideline,
            description=line.description,
            levels=line.levels,
            kind=line.kind,
            group=rules.normalized_group(line.group),
            count_group=line.count_group,
        )
        for line in lines
    )


def read_worksheet(payload: WorksheetIn) -> Worksheet:
    """The engine's facts for a worksheet; `WorksheetErrors` with every problem at once."""
    limits, count_errors = _count_limits(payload)
    errors = (
        _case_errors(payload)
        + _line_errors("offense_lines", payload.offense_lines)
        + _line_errors("offense_date_lines", payload.offense_date_lines)
        + count_errors
    )
    if errors:
        raise WorksheetErrors(errors)
    try:
        facts = guidelines.CaseFacts(
            offense_lines=_engine_lines(payload.offense_lines),
            offense_date_lines=_engine_lines(payload.offense_date_lines),
            early_disposition_levels=payload.early_disposition_levels,
            acceptance=guidelines.Acceptance(payload.acceptance),
            government_motion=payload.government_motion,
            criminal_history=guidelines.CriminalHistory(
                prior_sentences=tuple(
                    guidelines.PriorSentence(description=p.description, subsection=p.subsection)
                    for p in payload.prior_sentences
                ),
                points=payload.criminal_history_points,
                category=payload.criminal_history_category or None,
                under_criminal_justice_sentence=payload.under_criminal_justice_sentence,
                recency=payload.recency,
                zero_point_offender_eligible=payload.zero_point_offender_eligible,
            ),
            counts=tuple(
                guidelines.Count(statute=c.statute, maximum_months=maximum, minimum_months=minimum)
                for c, (maximum, minimum) in zip(payload.counts, limits, strict=True)
            ),
            career_offender=payload.career_offender,
            safety_valve=payload.safety_valve,
            armed_career_connection=payload.armed_career_connection,
        )
    except ValueError as exc:  # the engine's own checks, in its own words
        raise WorksheetErrors([("", str(exc))]) from exc
    return Worksheet(facts=facts, payload=payload)


def _line(row) -> dict:
    return {
        "kind": row.kind,
        "guideline": row.guideline,
        "description": row.description,
        "levels": row.levels,
        "group": row.group,
        "count_group": row.count_group,
    }


def case_worksheet(case: Case) -> WorksheetIn:
    """A case's saved worksheet (loaded with `selectors.case_queryset()`), as `calculate`
    takes it."""
    return WorksheetIn(
        offense_date=case.offense_date,
        sentencing_date=case.sentencing_date,
        manual_edition=case.manual_edition,
        acceptance=case.acceptance,
        government_motion=case.government_motion,
        early_disposition_levels=case.early_disposition_levels or 0,
        criminal_history_points=case.criminal_history_points,
        criminal_history_category=case.criminal_history_category,
        under_criminal_justice_sentence=case.under_criminal_justice_sentence,
        recency=case.recency,
        zero_point_offender_eligible=case.zero_point_offender_eligible,
        career_offender=case.career_offender,
        safety_valve=case.safety_valve,
        armed_career_connection=case.armed_career_connection,
        offense_lines=[_line(row) for row in case.offense_lines.all()],
        offense_date_lines=[_line(row) for row in case.offense_date_lines.all()],
        counts=[
            {
                "statute": row.statute,
                "maximum_months": row.maximum_months,
                "minimum_months": row.minimum_months,
            }
            for row in case.counts.all()
        ],
        prior_sentences=[
            {"description": row.description, "subsection": row.subsection}
            for row in case.prior_sentences.all()
        ],
    )
