"""Reads for the memo: what a case's memo prints today, and the memos already exported."""

from __future__ import annotations

import datetime

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.db.models.functions import Length
from django.shortcuts import get_object_or_404
from django.utils import timezone

from objections.models import Objection
from objections.selectors import live_objections
from offices.models import StaffMember
from sentencing.models import Case
from sentencing.results import saved_case_result
from sentencing.selectors import argued_worksheet, calculations_of

from .arguments import departure_sections
from .document import ComparedCalculation, Drafted, Memo, Signer, build_memo
from .models import AttorneyProfile, MemoDraft, MemoExport
from .sections import Authority, DepartureSection, ObjectionSection


class NoComputation(Exception):
    """The case has no Guidelines result to print (e.g. a date before our earliest Manual)."""


def signer_of(user: User) -> Signer:
    """The person signing, with the block their profile gives (`AttorneyProfile`)."""
    member = user.staff_member
    profile = AttorneyProfile.objects.filter(user=user).first()
    return Signer(
        name=user.get_full_name() or user.username,
        office=member.office.name,
        defense=member.role == StaffMember.Role.DEFENSE,
        bar_number=profile.bar_number if profile else "",
        address=profile.address if profile else "",
        phone=profile.phone if profile else "",
        email=profile.email if profile else user.email,
    )


def drafted_for(case: Case) -> Drafted:
    """What the author has written for the case's memo (nothing yet: all empty)."""
    draft = MemoDraft.objects.filter(case=case).first()
    if draft is None:
        return Drafted()
    return Drafted(
        introduction=draft.introduction,
        facts=draft.facts,
        factors=draft.factors,
        conclusion=draft.conclusion,
        sentence_asked=draft.sentence_asked,
    )


def memo_for(
    case: Case,
    *,
    user: User,
    sections: list[DepartureSection] | None = None,
    on: datetime.date | None = None,
) -> Memo:
    """The memo as it would be exported now, for a case loaded with `case_queryset()`."""
    worksheets = calculations_of(case)
    worksheet = argued_worksheet(case, worksheets)
    result = saved_case_result(worksheet)
    if result.choice is None:
        raise NoComputation(result.problem or "The case has no Guidelines result.")
    return build_memo(
        case=case,
        choice=result.choice,
        counts=tuple(count.to_engine() for count in worksheet.counts.all()),
        sections=departure_sections(case) if sections is None else sections,
        signer=signer_of(user),
        on=on or timezone.localdate(),
        drafted=drafted_for(case),
        objections=objection_sections(case, worksheet, worksheets),
        calculation_name=worksheet.calculation_title if worksheet.is_calculation else "",
        compared=compared_calculations(worksheet, worksheets),
    )


def compared_calculations(
    worksheet: Case, worksheets: list[Case]
) -> tuple[ComparedCalculation, ...]:
    """The case's other calculations with a result (``worksheets``: all of them, as
    `calculations_of` gives them), beside the one argued; none when the case has only its own."""
    others = [w for w in worksheets if w.pk != worksheet.pk]
    compared = []
    for other in others:
        calc = saved_case_result(other).calculation
        if calc is not None:
            compared.append(
                ComparedCalculation(
                    other.calculation_title,
                    calc.total_offense_level,
                    calc.criminal_history_category,
                    str(calc.range),
                )
            )
    return tuple(compared)


def objection_sections(
    case: Case, worksheet: Case, worksheets: list[Case]
) -> tuple[ObjectionSection, ...]:
    """The objections the argued calculation makes to rows the report still holds otherwise,
    as the memo argues them (a withdrawn one, or one to a row since changed, is left out)."""
    return tuple(
        ObjectionSection(
            subject=objection.subject,
            psr_paragraph=objection.psr_paragraph,
            ground=objection.ground,
            argument=objection.argument,
            authority=Authority.from_holding(objection.holding) if objection.holding else None,
            ruling=objection.get_ruling_display(),
        )
        for objection in live_objections(case, worksheet, worksheets=worksheets)
        if objection.ruling != Objection.Ruling.WITHDRAWN
    )


def exports_for(case: Case) -> QuerySet[MemoExport]:
    """A case's exports, newest first, without their stored PDF, Word document and HTML (with
    ``docx_size``, 0 for an export made before memos had a Word version)."""
    return (
        MemoExport.objects.filter(case=case)
        .select_related("created_by")
        .defer("pdf", "html", "figures", "docx")
        .annotate(docx_size=Length("docx"))
    )


def export_of(case: Case, pk: int) -> MemoExport:
    return get_object_or_404(MemoExport.objects.filter(case=case), pk=pk)
