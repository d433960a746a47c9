"""Writes: exporting a memo records the PDF and the figures it printed."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Mapping

from django.contrib.auth.models import User
from django.db import transaction

from casebook import bluebook
from departures.models import DepartureRequest
from sentencing.models import Case

from .models import ArgumentOptions, AttorneyProfile, AuthorityRole, MemoDraft, MemoExport
from .render import MemoRenderer
from .sections import DepartureSection
from .selectors import memo_for
from .word import memo_docx


class UnverifiedCitations(Exception):
    """The memo cites authorities whose citation nobody has verified, and the user has not
    confirmed that they checked them."""

    def __init__(self, citations: tuple[str, ...]) -> None:
        super().__init__(bluebook.unverified_notice(citations))
        self.citations = citations


@transaction.atomic
def memo_export_create(
    *,
    case: Case,
    user: User,
    unverified_confirmed: bool = False,
    sections: list[DepartureSection] | None = None,
    on: datetime.date | None = None,
    renderer: MemoRenderer | None = None,
) -> MemoExport:
    memo = memo_for(case, user=user, sections=sections, on=on)
    if memo.unverified and not unverified_confirmed:
        raise UnverifiedCitations(memo.unverified)
    rendered = (renderer or MemoRenderer()).render(memo)
    docx = memo_docx(memo, rendered.anchor_pages)
    return MemoExport.objects.create(
        case=case,
        created_by=user,
        title=memo.title,
        filename=rendered.filename,
        edition_key=memo.edition_key,
        total_offense_level=memo.total_offense_level,
        criminal_history_category=memo.criminal_history_category,
        guideline_range=memo.range,
        guideline_sentence=memo.guideline_sentence,
        figures=memo.as_record(),
        html=rendered.html,
        pdf=rendered.content,
        pdf_sha256=hashlib.sha256(rendered.content).hexdigest(),
        docx=docx,
        page_count=rendered.page_count,
    )


def memo_draft_update(*, case: Case, **sections: str) -> MemoDraft:
    """Saves the author's sections of the case's memo (`MemoDraft` fields)."""
    draft, _ = MemoDraft.objects.update_or_create(case=case, defaults=sections)
    return draft


@transaction.atomic
def argument_update(
    *,
    case: Case,
    request_id: int,
    show_if_denied: bool,
    show_what_if: bool,
    roles: Mapping[int, tuple[str, str]],
) -> None:
    """Saves what the memo prints with one of the case's requests: its optional figures, and
    each holding's role (holding id → role, distinction)."""
    request = DepartureRequest.objects.get(pk=request_id, case=case)
    ArgumentOptions.objects.update_or_create(
        request=request,
        defaults={"show_if_denied": show_if_denied, "show_what_if": show_what_if},
    )
    for holding_id, (role, distinction) in roles.items():
        if role not in AuthorityRole.Role.values:
            raise ValueError(f"unknown role {role!r}")
        AuthorityRole.objects.update_or_create(
            request=request,
            holding_id=holding_id,
            defaults={"role": role, "distinction": distinction},
        )


def attorney_profile_update(*, user: User, **fields: str) -> AttorneyProfile:
    """Saves the signer's block (`AttorneyProfile` fields)."""
    profile, _ = AttorneyProfile.objects.update_or_create(user=user, defaults=fields)
    return profile
