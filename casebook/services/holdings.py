"""Grounds, the holdings opinions make on them (with their pinpoints), and treatments."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from ..models import Court, Ground, Holding, Opinion, Treatment
from ..opinion_html import render_opinion, star_markers


def ground_get_or_create(
    *,
    name: str,
    slug: str,
    description: str = "",
    kind: str = Ground.Kind.DEPARTURE,
    departure_ground: Ground | None = None,
    context: str = "",
) -> Ground:
    if departure_ground is not None and kind != Ground.Kind.VARIANCE:
        raise ValidationError("Only a variance ground has a departure ground beside it.")
    ground, _ = Ground.objects.update_or_create(
        slug=slug,
        defaults={
            "name": name,
            "description": description,
            "kind": kind,
            "departure_ground": departure_ground,
            "context": context,
        },
    )
    return ground


def quote_position(text: str, quote: str) -> int | None:
    """Where the quote stands in the text, word for word (runs of spaces may differ)."""
    words = quote.split()
    if not words:
        return None
    match = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return match.start() if match else None


@dataclass(frozen=True)
class HoldingPinpoint:
    pinpoint: str
    pinpoint_page: int | None
    anchor: str


def holding_pinpoint(
    *,
    opinion: Opinion,
    quote: str,
    quoted_in: Opinion | None = None,
    pinpoint_page: int | None = None,
) -> HoldingPinpoint:
    """Where a holding's quote stands; ValidationError if it is not, word for word, in the text.

    The quote comes from the opinion's own text or, when we lack it, from `quoted_in`'s, with
    `pinpoint_page` the page the quoting opinion cites. Without `quoted_in`, the pinpoint is the
    reporter page of the star pagination, or the slip opinion when the text has none.
    """
    source = quoted_in or opinion
    if not source.has_text:
        raise ValidationError(f"{source} has no text to take the quote from.")
    position = quote_position(source.text, quote)
    if position is None:
        raise ValidationError(f"The quote does not appear in the text of {source}.")
    if quoted_in is None:
        markers = star_markers(opinion.text, opinion.first_page, opinion.last_page)
        before = [m.page for m in markers if m.start <= position]
        if before:
            pinpoint_page = before[-1]
        elif markers and opinion.first_page:
            pinpoint_page = opinion.first_page
        else:
            pinpoint_page = None
    elif pinpoint_page is None:
        raise ValidationError(
            "A holding taken from a quotation needs the page the quotation cites."
        )
    rendered = render_opinion(
        source.text,
        run_in_footnotes=[tuple(s) for s in source.run_in_footnotes],
        first_page=source.first_page,
        last_page=source.last_page,
    )
    return HoldingPinpoint(
        str(pinpoint_page) if pinpoint_page else "slip op.",
        pinpoint_page,
        rendered.paragraph_anchor_at(position),
    )


def checked_pinpoint(
    *, quote: str, quote_source: str, pinpoint_page: int | None, pinpoint: str = ""
) -> HoldingPinpoint:
    """The pinpoint of a quote checked against a public copy the casebook does not hold: the
    star page the copy shows, or (for a slip opinion) the stored pinpoint, e.g. "slip op. at 2"."""
    if not quote.strip():
        raise ValidationError("A holding needs the opinion's own words.")
    if not quote_source:
        raise ValidationError(
            "A quote not in the casebook's text needs the copy it was checked in."
        )
    if pinpoint_page is None and not pinpoint:
        raise ValidationError("A quote checked in a copy needs the page the copy shows it on.")
    return HoldingPinpoint(pinpoint or str(pinpoint_page), pinpoint_page, "")


def holding_save(
    *,
    opinion: Opinion,
    ground: Ground,
    effect: str,
    quote: str,
    quoted_in: Opinion | None = None,
    pinpoint_page: int | None = None,
    pinpoint: str = "",
    quote_source: str = "",
    in_light_of: Opinion | None = None,
) -> Holding:
    """Saves the opinion's holding on the ground (one per opinion and ground; saving again
    updates it). The pinpoint is found in the casebook's text when it has the text; otherwise
    the quote must come with the public copy it was checked against and the page it shows."""
    source = quoted_in or opinion
    if source.has_text:
        where = holding_pinpoint(
            opinion=opinion, quote=quote, quoted_in=quoted_in, pinpoint_page=pinpoint_page
        )
    else:
        where = checked_pinpoint(
            quote=quote, quote_source=quote_source, pinpoint_page=pinpoint_page, pinpoint=pinpoint
        )
    if in_light_of is not None and (
        in_light_of.court.kind != Court.Kind.SUPREME
        or not (in_light_of.date_decided and opinion.date_decided)
        or in_light_of.date_decided >= opinion.date_decided
    ):
        raise ValidationError(
            "A panel re-examines its circuit's law only after a Supreme Court decision."
        )
    holding, _ = Holding.objects.update_or_create(
        opinion=opinion,
        ground=ground,
        defaults={
            "effect": effect,
            "quote": quote,
            "quoted_in": quoted_in,
            "pinpoint_page": where.pinpoint_page,
            "pinpoint": where.pinpoint,
            "anchor": where.anchor,
            "quote_source": quote_source,
            "in_light_of": in_light_of,
        },
    )
    return holding


def treatment_save(
    *,
    kind: str,
    date: datetime.date,
    opinion: Opinion | None = None,
    holding: Holding | None = None,
    by: Opinion | None = None,
    note: str = "",
) -> Treatment:
    """Records what happened to an opinion or a holding; the same kind on the same target is
    recorded once (saving again updates it)."""
    if (opinion is None) == (holding is None):
        raise ValidationError("A treatment concerns either an opinion or a holding.")
    treatment, _ = Treatment.objects.update_or_create(
        opinion=opinion,
        holding=holding,
        kind=kind,
        defaults={"date": date, "by": by, "note": note},
    )
    return treatment
