"""The JSON API, /api/v1/: the stateless calculation, the office's cases and their calculations,
the casebook and precedent. Each endpoint reads through the selectors the pages use, so the
login and office rules are the pages' own: another office's case is a 404."""

import datetime
import json

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Query
from ninja.errors import AuthenticationError, ValidationError
from ninja.pagination import LimitOffsetPagination, paginate

from casebook import selectors as casebook_selectors
from casebook.models import Ground, Holding, Opinion
from casebook.precedent import prediction, resolve_precedent
from judiciary import districts
from sentencing import selectors as case_selectors
from sentencing.comparison import comparison, default_pair

from . import schemas
from .auth import AUTH
from .calculations import case_calculations, comparison_data, result_data
from .docs import SchemaPage
from .renderers import EscapedJSONRenderer
from .worksheet import WorksheetErrors, case_worksheet, form_message, read_worksheet

api = NinjaAPI(
    title="Sentencing Desk API",
    version="1",
    description=(
        "The Guidelines calculation, the office's cases and the casebook, as JSON. "
        "Same login and office rules as the pages."
    ),
    urls_namespace="api",
    auth=AUTH,
    renderer=EscapedJSONRenderer(),
    docs=SchemaPage(),
    # The docs page and the schema need a login too, like every page but the login page.
    docs_decorator=login_required,
)

ERRORS = {401: schemas.MessageOut, 404: schemas.MessageOut, 422: schemas.ErrorsOut}


def _errors(request, errors: list[tuple[str, str]]):
    body = {"errors": [{"field": field, "message": message} for field, message in errors]}
    return api.create_response(request, body, status=422)


@api.exception_handler(WorksheetErrors)
def worksheet_errors(request, exc: WorksheetErrors):
    return _errors(request, exc.errors)


def _sent_value(request, path: tuple):
    """The value the body held at `path` (ninja's errors leave it out), or None."""
    try:
        value = json.loads(request.body)
        for part in path:
            value = value[part]
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return value


@api.exception_handler(ValidationError)
def validation_errors(request, exc: ValidationError):
    """Pydantic's errors, with paths inside the body or query and the form's own message for
    the same field where the form has one."""
    errors = []
    for error in exc.errors:
        location = tuple(error.get("loc", ()))
        path = location[2:] if location[:1] == ("body",) else location[1:]
        sent = _sent_value(request, path) if location[:1] == ("body",) else None
        message = form_message(path, error.get("type", ""), sent)
        errors.append((".".join(str(p) for p in path), message or error.get("msg", "")))
    return _errors(request, errors)


@api.exception_handler(AuthenticationError)
def unauthorized(request, exc):
    return api.create_response(
        request, {"detail": "Sign in, or send Authorization: Bearer <token>."}, status=401
    )


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Not found."}, status=404)


# The calculation.


@api.post(
    "/calculate",
    response={200: schemas.ResultOut, **ERRORS},
    url_name="calculate",
    summary="Calculate a worksheet sent as JSON (nothing is saved)",
)
def calculate(request, worksheet: schemas.WorksheetIn):
    """Every step with its section, the total offense level, criminal history, the range, zone,
    statutory limits and guideline sentence, under the Manual §1B1.11 chooses (or the one
    named), with the calculations under the Manuals compared."""
    result = read_worksheet(worksheet).result()
    if result.choice is None:
        raise WorksheetErrors([("", result.problem)])
    return result_data(result)


# Cases.


def _case_data(case) -> dict:
    return {
        "id": case.pk,
        "defendant": case.defendant,
        "docket_number": case.docket_number,
        "district": case.district,
        "district_name": case.district_name,
        "judge": case.judge,
        "offense_date": case.offense_date,
        "sentencing_date": case.sentencing_date,
        "version": case.version,
        "updated_at": case.updated_at,
    }


@api.get(
    "/cases",
    response={200: list[schemas.CaseOut], **ERRORS},
    url_name="case_list",
    summary="The cases of your office",
)
@paginate(LimitOffsetPagination)
def case_list(request):
    return [_case_data(case) for case in case_selectors.case_list_for(request.auth)]


@api.get(
    "/cases/{int:case_pk}",
    response={200: schemas.CaseDetailOut, **ERRORS},
    url_name="case_detail",
    summary="A case of your office, with its worksheet",
)
def case_detail(request, case_pk: int):
    case = case_selectors.case_for(request.auth, case_pk)
    return {**_case_data(case), "notes": case.notes, "worksheet": case_worksheet(case)}


@api.get(
    "/cases/{int:case_pk}/calculations",
    response={200: list[schemas.NamedCalculationOut], **ERRORS},
    url_name="case_calculations",
    summary="A case's calculations, each with its worksheet and result",
)
def calculations(request, case_pk: int):
    """The case's own worksheet (key "working") first, then its named calculations."""
    case = case_selectors.case_for(request.auth, case_pk)
    return [
        {
            "id": calc.id,
            "key": calc.key,
            "name": calc.name,
            "role": calc.role,
            "argued": calc.argued,
            "worksheet": calc.worksheet,
            "result": result_data(calc.result),
        }
        for calc in case_calculations(case)
    ]


@api.get(
    "/cases/{int:case_pk}/calculations/compare",
    response={200: schemas.ComparisonOut, **ERRORS},
    url_name="case_calculations_compare",
    summary="Two of a case's calculations side by side, row by row",
)
def calculations_compare(request, case_pk: int, left: int | None = None, right: int | None = None):
    """``left`` and ``right`` are calculation ids (the case's own id for its working
    calculation); left out, the presentence report's against the defense's, as on the page.
    Another case's calculation is a 404."""
    case = case_selectors.case_for(request.auth, case_pk)
    worksheets = case_selectors.calculations_of(case)
    by_id = {w.pk: w for w in worksheets}
    pair = list(default_pair(worksheets))
    for side, pk in enumerate((left, right)):
        if pk is not None:
            if pk not in by_id:
                raise Http404
            pair[side] = by_id[pk]
    return comparison_data(comparison(*pair))


# The casebook: any signed-in user reads it, whatever their office.


def _holding_data(holding: Holding) -> dict:
    return {
        "id": holding.pk,
        "opinion_id": holding.opinion_id,
        "case_name": holding.opinion.case_name,
        "ground": holding.ground,
        "effect": holding.effect,
        "quote": holding.quote,
        "pinpoint": holding.pinpoint,
        "pinpoint_page": holding.pinpoint_page,
        "citation": str(holding.full_citation),
        "quote_citation": str(holding.quote_citation),
        "quoted_in_id": holding.quoted_in_id,
    }


def _opinion_data(opinion: Opinion) -> dict:
    return {
        "id": opinion.pk,
        "case_name": opinion.case_name,
        "court": opinion.court_id,
        "date_decided": opinion.date_decided,
        "date_is_approximate": opinion.date_is_approximate,
        "en_banc": opinion.en_banc,
        "docket_number": opinion.docket_number,
        "citation": str(opinion.full_citation),
        "citations": [str(cite) for cite in opinion.citations.all()],
    }


@api.get(
    "/opinions",
    response={200: list[schemas.OpinionOut], **ERRORS},
    url_name="opinion_list",
    summary="Opinions in the casebook, searched as on the casebook page",
)
@paginate(LimitOffsetPagination)
def opinion_list(request, q: str = "", court: str = "", ground: str = ""):
    found = casebook_selectors.opinion_search(query=q, court_id=court, ground_slug=ground)
    return [_opinion_data(opinion) for opinion in found]


@api.get(
    "/opinions/{int:pk}",
    response={200: schemas.OpinionDetailOut, **ERRORS},
    url_name="opinion_detail",
    summary="One opinion, with its text and holdings",
)
def opinion_detail(request, pk: int):
    opinion = casebook_selectors.opinion_detail(pk)
    return {
        **_opinion_data(opinion),
        "author": opinion.author,
        "judges": opinion.judges,
        "first_page": opinion.first_page,
        "last_page": opinion.last_page,
        "text": opinion.text,
        "holdings": [_holding_data(h) for h in opinion.holdings.all()],
    }


@api.get(
    "/opinions/{int:pk}/holdings",
    response={200: list[schemas.HoldingOut], **ERRORS},
    url_name="opinion_holdings",
    summary="An opinion's holdings, each with its quote and pinpoint",
)
def opinion_holdings(request, pk: int):
    opinion = get_object_or_404(Opinion, pk=pk)
    holdings = casebook_selectors.holdings_queryset().filter(opinion=opinion)
    return [_holding_data(h) for h in holdings]


class PrecedentQuery(schemas.Schema):
    ground: str = schemas.Field(description="A ground's slug, as in the casebook's URLs.")
    district: str = schemas.Field(description='The sentencing court, a courts-db id ("cacd").')
    date: datetime.date = schemas.Field(description="The sentencing date: authority as of then.")


@api.get(
    "/precedent",
    response={200: schemas.PrecedentOut, **ERRORS},
    url_name="precedent",
    summary="Which holdings bind a district court on a ground, on a date, and which persuade",
)
def precedent(request, query: Query[PrecedentQuery]):
    """Resolved as for a departure or variance request: the Supreme Court and the district's
    own court of appeals bind; the controlling holding comes first."""
    if districts.district_by_id(query.district) is None:
        raise WorksheetErrors([("district", f"No district court {query.district!r}.")])
    ground = get_object_or_404(Ground, slug=query.ground)
    found = resolve_precedent(ground=ground, district=query.district, as_of=query.date)
    rows = {
        name: [_holding_data(h) for h in getattr(found, name)]
        for name in ("binding", "persuasive", "decided_later", "district_courts", "undated")
    }
    return {
        "ground": found.ground,
        "district": found.district,
        "circuit_id": found.circuit_id,
        "circuit_name": found.circuit_name,
        "as_of": found.as_of,
        "prediction": prediction(found),
        "controlling": _holding_data(found.controlling) if found.controlling else None,
        **rows,
    }
