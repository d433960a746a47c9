"""Saving opinions: upsert from an import record, the whole import, deletion, citation checks."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from ..citations import CitedAuthority, CiteKey
from ..folding import fold_words
from ..models import Court, Opinion, OpinionCitation
from ..records import ImportRejected, OpinionRecord
from ..selectors import OpinionLookup
from .courts import court_unrecognized_ensure, courts_ensure
from .graph import citing_opinions_rerender, opinion_rebuild_citations, unmatched_citations_relink
from .rendering import opinion_render
from .search import opinion_refresh_search_vector

# Words of a caption that do not tell one case from another: "Appeal of Day" and "Appeal of
# Baron" share only "appeal", and are two cases.
_GENERIC_WORDS = frozenset(
    "a an and appeal appeals application as behalf by co commonwealth company corp estate et al "
    "ex for in inc matter of on parte people petition re state states the united us usa america "
    "v vs".split()
)


def _distinctive_words(case_name: str) -> set[str]:
    return {w for w in fold_words(case_name).split() if w not in _GENERIC_WORDS and len(w) > 1}


def same_case(opinion: Opinion, record: OpinionRecord) -> bool:
    """Whether a stored opinion sharing a citation with the record is the same case: a caption
    word in common (or the same caption) and the same date (the same year when one of the two
    knows only the year). Two cases may begin on one reporter page, so a citation alone is not
    an identity."""
    if opinion.opinion_type != record.opinion_type:
        return False
    if opinion.source == record.source and opinion.source_id and record.source_id:
        return opinion.source_id == record.source_id  # the source tells its records apart
    mine, theirs = _distinctive_words(record.case_name), _distinctive_words(opinion.case_name)
    if mine and theirs:
        if not mine & theirs:
            return False
    elif fold_words(record.case_name) != fold_words(opinion.case_name):
        return False
    stored, given = opinion.date_decided, record.date_decided
    if stored is None or given is None:
        return True
    if opinion.date_is_approximate or record.date_is_approximate:
        return stored.year == given.year
    return stored == given


def _find_existing(record: OpinionRecord) -> Opinion | None:
    """The stored opinion the record is: the same source id first; else one sharing a citation
    that is the same case (`same_case`); else the same court, docket, date and type."""
    if record.source_id:
        found = Opinion.objects.filter(source=record.source, source_id=record.source_id).first()
        if found:
            return found
    if record.citations:
        query = Q()
        for cite in record.citations:
            query |= Q(volume=cite.volume, reporter=cite.reporter, page=cite.page)
        owners = Opinion.objects.filter(
            pk__in=OpinionCitation.objects.filter(query).values("opinion")
        ).defer("text", "html", "search_vector", "search_text")
        matching = [opinion for opinion in owners.order_by("pk") if same_case(opinion, record)]
        if matching:
            return matching[0]
    if record.docket_number and record.date_decided:
        candidates = Opinion.objects.filter(
            court_id=record.court_id or None,
            docket_number=record.docket_number,
            date_decided=record.date_decided,
            opinion_type=record.opinion_type,
        )
        return next((o for o in candidates.order_by("pk") if same_case(o, record)), None)
    return None


_COPIED_FIELDS = (
    "case_name",
    "date_decided",
    "date_is_approximate",
    "en_banc",
    "opinion_type",
    "court_as_named",
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


class Outcome:
    IMPORTED = "imported"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


def _court_of(record: OpinionRecord, found: dict[str, Court]) -> Court:
    if record.court_id in found:
        return found[record.court_id]
    if record.court_id or not record.court_as_named:
        raise ImportRejected(f'{record.describe()}: unknown court "{record.court_id}".')
    return court_unrecognized_ensure(named=record.court_as_named)


def _state(opinion: Opinion) -> tuple[object, ...]:
    fields = [f.attname for f in Opinion._meta.concrete_fields if f.editable]
    return tuple(getattr(opinion, name) for name in fields)


def opinion_upsert(*, record: OpinionRecord) -> tuple[Opinion, bool, str]:
    """Creates the opinion, or updates the one it already is (`_find_existing`). Returns
    (opinion, text_changed, outcome), the outcome an `Outcome`.

    Values the record lacks never erase what is stored; a citation already stored keeps its
    verified flag (a user's confirmation outlives re-imports). The same case from another
    source (matched by citation, name and date) only fills what is empty: the opinion keeps its
    own source and values, so that importing both sources again changes nothing.
    """
    found = courts_ensure(court_ids=[record.court_id, record.lower_court_id])
    court = _court_of(record, found)
    existing = _find_existing(record)
    opinion = existing or Opinion()
    before = _state(opinion) if existing else None
    other_source = (
        existing is not None
        and bool(existing.source_id)
        and ((existing.source, existing.source_id) != (record.source, record.source_id))
    )
    if not other_source:
        opinion.court = court
    if record.lower_court_id in found and not (other_source and opinion.lower_court_id):
        opinion.lower_court = found[record.lower_court_id]
    for name in _COPIED_FIELDS:
        value = getattr(record, name)
        if value in ("", None):
            continue
        if other_source and (
            name in ("source", "source_id") or getattr(opinion, name) not in ("", None)
        ):
            continue
        setattr(opinion, name, value)
    text_changed = bool(record.text) and record.text != opinion.text
    if other_source and opinion.has_text:
        text_changed = False
    if text_changed:
        opinion.text = record.text
    if record.run_in_footnotes or text_changed:
        opinion.run_in_footnotes = [list(span) for span in record.run_in_footnotes]
    try:
        opinion.full_clean(exclude=["court", "lower_court"])
    except ValidationError as error:
        raise ImportRejected(f"{record.describe()}: {error.messages[0]}") from error
    changed = before is None or _state(opinion) != before
    if changed:
        opinion.save()

    stored = {(c.volume, c.reporter, c.page): c for c in opinion.citations.all()}
    position = len(stored)
    for cite in record.citations:
        if (cite.volume, cite.reporter, cite.page) in stored:
            continue
        changed = True
        OpinionCitation.objects.create(
            opinion=opinion,
            volume=cite.volume,
            reporter=cite.reporter,
            page=cite.page,
            verified=cite.verified,
            position=position,
        )
        position += 1
    if existing is None:
        outcome = Outcome.IMPORTED
    else:
        outcome = Outcome.UPDATED if changed else Outcome.UNCHANGED
    return opinion, text_changed or (opinion.has_text and not opinion.html), outcome


def _cites_to_authorities(record: OpinionRecord) -> list[CitedAuthority]:
    """The authorities a source lists for an opinion known without its text, each a citation
    matched against the saved opinions like a citation in a text."""
    keys = [CiteKey(c.volume, c.reporter, c.page) for c in record.cites_to]
    lookup = OpinionLookup(keys)
    authorities = []
    for key in dict.fromkeys(keys):
        authority = CitedAuthority(lookup.find(key), cites=[key])
        authority._groups.add(0)  # cited once, at no place in a text
        authorities.append(authority)
    return authorities


def opinion_import(*, record: OpinionRecord) -> Opinion:
    """Saves one imported opinion with its citation graph (`opinion_import_outcome`)."""
    return opinion_import_outcome(record=record)[0]


@transaction.atomic
def opinion_import_outcome(*, record: OpinionRecord) -> tuple[Opinion, str]:
    """Saves one imported opinion with its citation graph, all or nothing: the opinion, its
    edges and unmatched citations, its HTML, and the links other opinions gain to it. Returns
    the opinion and the `Outcome`; an unchanged opinion is left as it is."""
    opinion, text_changed, outcome = opinion_upsert(record=record)
    if outcome == Outcome.UNCHANGED and not text_changed:
        return opinion, outcome
    pages_before = list(opinion.marked_pages)
    if text_changed:
        opinion_rebuild_citations(opinion=opinion)
    elif record.cites_to and not opinion.has_text:
        opinion_rebuild_citations(opinion=opinion, authorities=_cites_to_authorities(record))
    else:
        opinion_render(opinion=opinion)
        opinion_refresh_search_vector(opinion=opinion)
    relinked = unmatched_citations_relink(opinion=opinion)
    if opinion.marked_pages != pages_before:
        citing_opinions_rerender(opinion=opinion, skip=relinked)
    return opinion, outcome


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
