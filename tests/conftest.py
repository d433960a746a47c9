"""Shared fixtures: alice (defense, C.D. Cal.) and bob (probation, D. Utah), two offices.

Each has a client of their own, so a test can act as both."""

import pytest
from django.test import Client

from offices.models import StaffMember
from tests import profiles  # noqa: F401  (loads the Hypothesis profile)
from tests.factories import OfficeFactory, StaffMemberFactory

# Fixtures through which a test reaches the database (pytest-django's).
DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "live_server"}


def _runs_on_postgresql(item) -> bool:
    """On the PostgreSQL pass, what a database can change: tests that reach it, other than
    through the browser (the same views, run there by the client tests). The rest, the pure
    engine's tests among them, ran on SQLite."""
    if item.get_closest_marker("browser"):
        return False
    return bool(item.get_closest_marker("django_db")) or bool(
        DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


def pytest_collection_modifyitems(config, items):
    """The slowest tests first, so that with several workers none is left running alone; on
    PostgreSQL, only the tests a database can change."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        left = [item for item in items if not _runs_on_postgresql(item)]
        if left:
            config.hook.pytest_deselected(items=left)
            items[:] = [item for item in items if _runs_on_postgresql(item)]
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Users log in many times in the tests; a slow password hash buys nothing there."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def alice(db):
    office = OfficeFactory(name="Federal Public Defender, C.D. Cal.", district="cacd")
    return StaffMemberFactory(
        user__username="alice", user__first_name="Alice", office=office, role="defense"
    ).user


@pytest.fixture
def bob(db):
    office = OfficeFactory(
        name="U.S. Probation Office, D. Utah", district="utd", time_zone="America/Denver"
    )
    return StaffMemberFactory(
        user__username="bob", user__first_name="Bob", office=office, role=StaffMember.Role.PROBATION
    ).user


@pytest.fixture
def alice_client(alice):
    client = Client()
    client.force_login(alice)
    return client


@pytest.fixture
def bob_client(bob):
    client = Client()
    client.force_login(bob)
    return client
