"""The full-text search vector stored with each opinion."""

from __future__ import annotations

from django.db import connection
from django.db.models import TextField, Value

from ..models import Opinion

# PostgreSQL refuses a tsvector of over 1 MB (its lexemes and positions). Ordinary prose makes
# one a tenth of its size, but distinct short words can make one up to 3.5 times its size
# (hyphenated pairs such as "aa-ab", each indexed whole and in parts: 250,000 bytes of them make
# about 830 KB). So the search reads at most this many bytes of an opinion's text.
SEARCHABLE_TEXT_BYTES = 250_000


def searchable_text(text: str) -> str:
    """The part of the text the search reads: on PostgreSQL its first SEARCHABLE_TEXT_BYTES
    bytes (UTF-8, cut between characters); elsewhere all of it (SQLite matches the text itself)."""
    if connection.vendor != "postgresql" or len(text) * 4 <= SEARCHABLE_TEXT_BYTES:
        return text
    encoded = text.encode()
    if len(encoded) <= SEARCHABLE_TEXT_BYTES:
        return text
    return encoded[:SEARCHABLE_TEXT_BYTES].decode(errors="ignore")


def opinion_refresh_search_vector(*, opinion: Opinion) -> None:
    """Stores the full-text search vector (PostgreSQL only; SQLite searches with icontains)."""
    if connection.vendor != "postgresql":
        return
    from django.contrib.postgres.search import SearchVector

    cites = " ".join(str(c) for c in opinion.citations.all())
    names = f"{opinion.case_name} {cites} {opinion.docket_number}"
    searchable = searchable_text(opinion.text)
    whole = len(searchable) == len(opinion.text)
    text = "text" if whole else Value(searchable, output_field=TextField())
    Opinion.objects.filter(pk=opinion.pk).update(
        search_vector=SearchVector(
            Value(names, output_field=TextField()), weight="A", config="simple"
        )
        + SearchVector(
            Value(opinion.case_name, output_field=TextField()), weight="A", config="english"
        )
        + SearchVector(text, weight="C", config="english")
    )
