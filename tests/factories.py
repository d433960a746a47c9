"""factory_boy factories. Records with rules of their own are made through the app's services,
as a user's save would make them, never by writing rows directly:

- CaseFactory → `sentencing.services.case_save` (defaults: the founding case, tests/founding.py)
- DepartureRequestFactory → `departures.services.departure_request_submit`
- OpinionFactory → `casebook.services.opinions.opinion_import`; HoldingFactory → `holding_save`
- MemoExportFactory → `memos.services.memo_export_create` (a real PDF)
"""

import datetime

import factory
from django.contrib.auth import get_user_model

from casebook.models import Ground, Holding, Opinion
from casebook.records import CitationRecord, OpinionRecord
from casebook.services.holdings import ground_get_or_create, holding_save
from casebook.services.opinions import opinion_import
from departures.models import DepartureRequest
from departures.services import departure_request_submit
from memos.models import MemoExport
from memos.services import memo_export_create
from offices.models import Office, StaffMember
from sentencing.models import Case
from sentencing.selectors import case_queryset
from sentencing.services import Row, calculation_create, case_save
from tests import founding


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Federal Public Defender {n}")
    district = "cacd"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Pat"
    last_name = "Lawyer"
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")


class StaffMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffMember

    user = factory.SubFactory(UserFactory)
    office = factory.SubFactory(OfficeFactory)
    role = StaffMember.Role.DEFENSE


def _rows(rows, names) -> list[Row]:
    return [Row(values=dict(zip(names, row, strict=True))) for row in rows]


class CaseFactory(factory.Factory):
    """A case saved through `case_save`. ``by`` is the staff member saving it (their office owns
    the case); ``lines`` and ``counts`` take tuples as in tests/founding.py."""

    class Meta:
        model = Case

    by = factory.SubFactory(StaffMemberFactory)
    lines = founding.OFFENSE_LINES
    counts = founding.COUNTS
    priors = ()  # (description, subsection)

    @classmethod
    def _create(cls, model_class, *, by, lines, counts, priors, **fields):
        case = case_save(
            user=by.user,
            office=by.office,
            fields={**founding.CASE_FIELDS, "district": by.office.district, **fields},
            offense_lines=_rows(lines, ("kind", "guideline", "description", "levels")),
            counts=_rows(counts, ("statute", "maximum_months")),
            prior_sentences=_rows(priors, ("description", "subsection")),
        )
        return case_queryset().get(pk=case.pk)


def named_calculation(case: Case, *, by, name: str, role: str = "", lines=None) -> Case:
    """A named calculation of ``case``, copied from its own worksheet through
    `calculation_create` by the user ``by``; with ``lines`` (tuples as in tests/founding.py),
    its offense lines are these instead."""
    made = calculation_create(user=by, case=case, source=case, name=name, role=role)
    if lines is not None:
        made = case_save(
            user=by,
            office=made.office,
            case=made,
            loaded_version=made.version,
            fields={},
            offense_lines=_rows(lines, ("kind", "guideline", "description", "levels")),
        )
    return case_queryset().get(pk=made.pk)


class DepartureRequestFactory(factory.Factory):
    """A request saved through `departure_request_submit`, by the case's author."""

    class Meta:
        model = DepartureRequest

    case = factory.SubFactory(CaseFactory)
    ground = None
    ground_text = "Inter-district disparity"
    direction = DepartureRequest.DirectionChoice.DOWNWARD
    extent_levels = 2
    target_months = None
    argument = "The Court should depart."

    @classmethod
    def _create(cls, model_class, *, case, **values):
        return departure_request_submit(case=case, user=case.created_by, **values)


class OpinionFactory(factory.Factory):
    """An opinion imported through `opinion_import`, as an import file would bring it."""

    class Meta:
        model = Opinion

    case_name = factory.Sequence(lambda n: f"United States v. Example {n}")
    court_id = "ca9"
    date_decided = datetime.date(2000, 12, 1)
    date_is_approximate = False
    en_banc = False
    text = factory.LazyAttribute(lambda o: f"{o.case_name}.\n\nWe hold as the test needs.")
    citations = ()  # "215 F.3d 969"-style strings
    source_id = factory.Sequence(lambda n: f"factory-{n}")

    @classmethod
    def _create(cls, model_class, *, citations, **fields):
        cites = []
        for text in citations:
            volume, rest = text.split(" ", 1)
            reporter, page = rest.rsplit(" ", 1)
            cites.append(CitationRecord(int(volume), reporter, int(page)))
        record = OpinionRecord(source="text", citations=cites, origin="factory", **fields)
        return opinion_import(record=record)


class GroundFactory(factory.Factory):
    class Meta:
        model = Ground

    name = factory.Sequence(lambda n: f"Ground {n}")
    slug = factory.Sequence(lambda n: f"ground-{n}")
    description = ""

    @classmethod
    def _create(cls, model_class, **fields):
        return ground_get_or_create(**fields)


class HoldingFactory(factory.Factory):
    """A holding saved through `holding_save`: its quote must stand in the opinion's text, so the
    opinion made with it quotes it."""

    class Meta:
        model = Holding

    quote = "We hold as the test needs."
    opinion = factory.SubFactory(
        OpinionFactory,
        text=factory.LazyAttribute(lambda o: f"{o.case_name}.\n\n{o.factory_parent.quote}"),
    )
    ground = factory.SubFactory(GroundFactory)
    effect = Holding.Effect.PERMITS

    @classmethod
    def _create(cls, model_class, **fields):
        return holding_save(**fields)


class MemoExportFactory(factory.Factory):
    """An export made through `memo_export_create`: the memo rendered to a real PDF."""

    class Meta:
        model = MemoExport

    case = factory.SubFactory(CaseFactory)
    on = datetime.date(2026, 11, 20)

    @classmethod
    def _create(cls, model_class, *, case, on):
        return memo_export_create(case=case, user=case.created_by, unverified_confirmed=True, on=on)
