"""The full-text search vector stored with each opinion."""

from __future__ import annotations

from django.db import connection
from django.db.models import TextField, Value

from ..models import Opinion


def opinion_refresh_search_vector(*, opinion: Opinion) -> None:
    """Stores the full-text search vector (PostgreSQL only; SQLite searches with icontains)."""
    if connection.vendor != "postgresql":
        return
    from django.contrib.postgres.search import SearchVector

    cites = " ".join(str(c) for c in opinion.citations.all())
    names = f"{opinion.case_name} {cites} {opinion.docket_number}"
    Opinion.objects.filter(pk=opinion.pk).update(
        search_vector=SearchVector(
            Value(names, output_field=TextField()), weight="A", config="simple"
        )
        + SearchVector(
            Value(opinion.case_name, output_field=TextField()), weight="A", config="english"
        )
        + SearchVector("text", weight="C", config="english")
    )
