"""Casebook fixtures: the seeded founding material, and an editor with the casebook permissions."""

from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.core import serializers
from django.core.management.color import no_style
from django.db import connection

from casebook.citations import parse_citation
from casebook.models import Ground, OpinionCitation
from casebook.seed import load_casebook, load_fast_track_split
from tests.browser.conftest import (  # noqa: F401
    browser_type_launch_args,
    logged_in_page,
    screenshot,
)
from tests.factories import UserFactory


def opinion_cited_as(citation: str):
    key = parse_citation(citation)
    return OpinionCitation.objects.get(
        volume=key.volume, reporter=key.reporter, page=key.page
    ).opinion


# The rows the seed wrote the first time a test of this process loaded it, in model order.
_seeded_rows: list | None = None


def _load_casebook_once_per_process() -> None:
    """The first test runs the real seed (eyecite and all); later tests get the same rows
    copied back in, which is what the seed would write again, in a fraction of the time."""
    global _seeded_rows
    models = list(apps.get_app_config("casebook").get_models())
    if _seeded_rows is None:
        load_casebook()
        _seeded_rows = [serializers.serialize("python", m._default_manager.all()) for m in models]
        return
    for rows in _seeded_rows:
        for row in serializers.deserialize("python", rows):
            row.save()
    with connection.cursor() as cursor:  # PostgreSQL: new rows must not reuse the copied ids
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


@pytest.fixture
def casebook(db):
    """The founding opinions, their authorities, holdings and treatment, as the seed loads them."""
    _load_casebook_once_per_process()
    return SimpleNamespace(
        banuelos=opinion_cited_as("215 F.3d 969"),
        armenta=opinion_cited_as("227 F.3d 1255"),
        bonnet=opinion_cited_as("212 F.3d 692"),
        panel=opinion_cited_as("173 F.3d 741"),
        fast_track=Ground.objects.get(slug="fast-track-disparity"),
    )


@pytest.fixture
def editor(db):
    user = UserFactory(username="editor", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="casebook"))
    return user


@pytest.fixture
def fast_track_split(casebook):
    """The founding material and, over it, the reviewed fast-track split fixture."""
    load_fast_track_split()
    return SimpleNamespace(
        founding=casebook,
        variance=Ground.objects.get(slug="fast-track-disparity-variance"),
        opinion=opinion_cited_as,
    )
