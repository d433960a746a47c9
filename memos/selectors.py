"""Reads for the memo: what a case's memo prints today, and the memos already exported."""

from __future__ import annotations

import datetime

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from offices.models import StaffMember
from sentencing.models import Case
from sentencing.results import saved_case_result

from .arguments import departure_sections
from .document import Memo, build_memo
from .models import MemoExport
from .sections import DepartureSection


class NoComputation(Exception):
    """The case has no Guidelines result to print (e.g. a date before our earliest Manual)."""


def signer_of(user: User) -> tuple[str, str, bool]:
    """(name, office, is defense) of the person signing."""
    member = user.staff_member
    name = user.get_full_name() or user.username
    return name, member.office.name, member.role == StaffMember.Role.DEFENSE


def memo_for(
    case: Case,
    *,
    user: User,
    sections: list[DepartureSection] | None = None,
    on: datetime.date | None = None,
) -> Memo:
    """The memo as it would be exported now, for a case loaded with `case_queryset()`."""
    result = saved_case_result(case)
    if result.choice is None:
        raise NoComputation(result.problem or "The case has no Guidelines result.")
    signer, office, defense = signer_of(user)
    return build_memo(
        case=case,
        choice=result.choice,
        counts=tuple(count.to_engine() for count in case.counts.all()),
        sections=departure_sections(case) if sections is None else sections,
        signer=signer,
        office=office,
        defense=defense,
        on=on or timezone.localdate(),
    )


def exports_for(case: Case) -> QuerySet[MemoExport]:
    """A case's exports, newest first, without their stored PDF and HTML."""
    return (
        MemoExport.objects.filter(case=case)
        .select_related("created_by")
        .defer("pdf", "html", "figures")
    )


def export_of(case: Case, pk: int) -> MemoExport:
    return get_object_or_404(MemoExport.objects.filter(case=case), pk=pk)
