"""The list endpoints cost the same number of queries however many rows they list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from offices.models import StaffMember
from tests.factories import CaseFactory, HoldingFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_case_list_does_not_grow_with_the_cases(alice, alice_client):
    staff = StaffMember.objects.get(user=alice)
    CaseFactory(by=staff)
    one = queries_for(alice_client, "/api/v1/cases")
    for _ in range(4):
        CaseFactory(by=staff)
    assert queries_for(alice_client, "/api/v1/cases") == one


def test_the_opinion_list_and_precedent_do_not_grow_with_the_holdings(alice_client):
    first = HoldingFactory()
    slug = first.ground.slug
    precedent = f"/api/v1/precedent?ground={slug}&district=cacd&date=2005-01-01"
    counts = (queries_for(alice_client, "/api/v1/opinions"), queries_for(alice_client, precedent))
    for number in range(4):
        HoldingFactory(ground=first.ground, opinion__court_id="ca9" if number % 2 else "ca5")
    assert queries_for(alice_client, "/api/v1/opinions") == counts[0]
    assert queries_for(alice_client, precedent) == counts[1]
