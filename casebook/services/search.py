"""What the search reads of each opinion: a full-text vector (PostgreSQL) or folded text."""

from __future__ import annotations

from django.db import connection
from django.db.models import TextField, Value

from ..folding import fold_accents, fold_words
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


def search_names(*, case_name: str, cites: list[str], docket_number: str) -> str:
    """What names the opinion: "United States v. Banuelos-Rodriguez 215 F.3d 969 98-50455"."""
    return " ".join([case_name, *cites, docket_number])


def opinion_refresh_search_vector(*, opinion: Opinion) -> None:
    """Stores what the search reads: on PostgreSQL the full-text vector, of the accent-folded
    names and text; elsewhere the folded words of both (`search_text`), matched as substrings."""
    cites = [str(c) for c in opinion.citations.all()]
    names = search_names(
        case_name=opinion.case_name, cites=cites, docket_number=opinion.docket_number
    )
    if connection.vendor != "postgresql":
        search_text = fold_words(f"{names}\n{opinion.text}")
        Opinion.objects.filter(pk=opinion.pk).update(search_text=search_text)
        opinion.search_text = search_text
        return
    from django.contrib.postgres.search import SearchVector

    searchable = searchable_text(opinion.text)
    folded = fold_accents(searchable)
    # The stored text itself when folding and cutting left it as it is, not sent back again.
    text = "text" if folded == opinion.text else Value(folded, output_field=TextField())
    Opinion.objects.filter(pk=opinion.pk).update(
        search_vector=SearchVector(
            Value(fold_accents(names), output_field=TextField()), weight="A", config="simple"
        )
        + SearchVector(
            Value(fold_accents(opinion.case_name), output_field=TextField()),
            weight="A",
            config="english",
        )
        + SearchVector(text, weight="C", config="english")
    )
