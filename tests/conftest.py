"""Shared fixtures: alice (defense, C.D. Cal.) and bob (probation, D. Utah), two offices.

Each has a client of their own, so a test can act as both."""

import pytest
from django.test import Client

from offices.models import StaffMember
from tests.factories import OfficeFactory, StaffMemberFactory


@pytest.fixture
def alice(db):
    office = OfficeFactory(name="Federal Public Defender, C.D. Cal.", district="cacd")
    return StaffMemberFactory(
        user__username="alice", user__first_name="Alice", office=office, role="defense"
    ).user


@pytest.fixture
def bob(db):
    office = OfficeFactory(name="U.S. Probation Office, D. Utah", district="utd")
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
