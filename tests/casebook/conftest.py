"""Casebook fixtures: the seeded founding material, and an editor with the casebook permissions."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Permission

from casebook.citations import parse_citation
from casebook.models import Ground, OpinionCitation
from casebook.seed import load_casebook
from tests.browser.conftest import browser_type_launch_args, screenshot  # noqa: F401
from tests.factories import UserFactory


def opinion_cited_as(citation: str):
    key = parse_citation(citation)
    return OpinionCitation.objects.get(
        volume=key.volume, reporter=key.reporter, page=key.page
    ).opinion


@pytest.fixture(autouse=True)
def quick_password_hashing(settings):
    """The users of these tests log in with force_login: a slow hash buys nothing here."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def casebook(db):
    """The founding opinions, their authorities, holdings and treatment, as the seed loads them."""
    load_casebook()
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
