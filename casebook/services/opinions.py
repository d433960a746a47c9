"""Saving opinions: upsert from an import record, the whole import, deletion, citation checks."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from ..models import Opinion, OpinionCitation
from ..records import ImportRejected, OpinionRecord
from .courts import courts_ensure
from .graph import citing_opinions_rerender, opinion_rebuild_citations, unmatched_citations_relink
from .rendering import opinion_render
from .search import opinion_refresh_search_vector


def _find_existing(record: OpinionRecord) -> Opinion | None:
    if record.source_id:
        found = Opinion.objects.filter(source=record.source, source_id=record.source_id).first()
        if found:
            return found
    if record.citations:
        query = Q()
        for cite in record.citations:
            query |= Q(volume=cite.volume, reporter=cite.reporter, page=cite.page)
        owners = {row.opinion_id for row in OpinionCitation.objects.filter(query)}
        if len(owners) > 1:
            raise ImportRejected(
                f"{record.describe()}: its citations belong to {len(owners)} different opinions."
            )
        if owners:
            return Opinion.objects.get(pk=owners.pop())
    if record.docket_number and record.date_decided:
        return Opinion.objects.filter(
            court_id=record.court_id,
            docket_number=record.docket_number,
            date_decided=record.date_decided,
        ).first()
    return None


_COPIED_FIELDS = (
    "case_name",
    "date_decided",
    "date_is_approximate",
    "en_banc",
    "author",
    "judges",
    "docket_number",
    "lower_court_docket_number",
    "first_page",
    "last_page",
    "notes",
    "source",
    "source_id",
)


def opinion_upsert(*, record: OpinionRecord) -> tuple[Opinion, bool]:
    """Creates the opinion, or updates the one it already is (same source id, a shared reporter
    citation, or the same court, docket and date). Returns (opinion, text_changed).

    Values the record lacks never erase what is stored; a citation already stored keeps its
    verified flag (a user's confirmation outlives re-imports).
    """
    found = courts_ensure(court_ids=[record.court_id, record.lower_court_id])
    if record.court_id not in found:
        raise ImportRejected(f'{record.describe()}: unknown court "{record.court_id}".')
    opinion = _find_existing(record) or Opinion()
    opinion.court = found[record.court_id]
    if record.lower_court_id in found:
        opinion.lower_court = found[record.lower_court_id]
    for name in _COPIED_FIELDS:
        value = getattr(record, name)
        if value not in ("", None):
            setattr(opinion, name, value)
    if record.en_banc is not None:
        opinion.en_banc = record.en_banc
    text_changed = bool(record.text) and record.text != opinion.text
    if text_changed:
        opinion.text = record.text
    if record.run_in_footnotes or text_changed:
        opinion.run_in_footnotes = [list(span) for span in record.run_in_footnotes]
    try:
        opinion.full_clean(exclude=["court", "lower_court"])
    except ValidationError as error:
        raise ImportRejected(f"{record.describe()}: {error.messages[0]}") from error
    opinion.save()

    stored = {(c.volume, c.reporter, c.page): c for c in opinion.citations.all()}
    position = len(stored)
    for cite in record.citations:
        if (cite.volume, cite.reporter, cite.page) in stored:
            continue
        if OpinionCitation.objects.filter(
            volume=cite.volume, reporter=cite.reporter, page=cite.page
        ).exists():
            raise ImportRejected(f"{record.describe()}: {cite} belongs to another opinion.")
        OpinionCitation.objects.create(
            opinion=opinion,
            volume=cite.volume,
            reporter=cite.reporter,
            page=cite.page,
            verified=cite.verified,
            position=position,
        )
        position += 1
    return opinion, text_changed or (opinion.has_text and not opinion.html)


@transaction.atomic
def opinion_import(*, record: OpinionRecord) -> Opinion:
    """Saves one imported opinion with its citation graph, all or nothing: the opinion, its
    edges and unmatched citations, its HTML, and the links other opinions gain to it."""
    opinion, text_changed = opinion_upsert(record=record)
    pages_before = list(opinion.marked_pages)
    if text_changed:
        opinion_rebuild_citations(opinion=opinion)
    else:
        opinion_render(opinion=opinion)
        opinion_refresh_search_vector(opinion=opinion)
    relinked = unmatched_citations_relink(opinion=opinion)
    if opinion.marked_pages != pages_before:
        citing_opinions_rerender(opinion=opinion, skip=relinked)
    return opinion


@transaction.atomic
def opinion_delete(*, opinion: Opinion) -> None:
    """Deletes the opinion; the opinions citing it find their citations again, so that their
    links point to an unmatched-citation page instead of a missing opinion."""
    citing = list(Opinion.objects.filter(cited_opinions__cited=opinion).exclude(pk=opinion.pk))
    opinion.delete()
    for other in citing:
        opinion_rebuild_citations(opinion=other)


def opinion_citation_verify(*, citation: OpinionCitation) -> OpinionCitation:
    """Records that someone confirmed the citation against a copy of the reporter."""
    citation.verified = True
    citation.save(update_fields=["verified"])
    return citation
