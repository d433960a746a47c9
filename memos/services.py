"""Writes: exporting a memo records the PDF and the figures it printed."""

from __future__ import annotations

import datetime
import hashlib

from django.contrib.auth.models import User
from django.db import transaction

from casebook import bluebook
from sentencing.models import Case

from .models import MemoExport
from .render import MemoRenderer
from .sections import DepartureSection
from .selectors import memo_for


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
        page_count=rendered.page_count,
    )
