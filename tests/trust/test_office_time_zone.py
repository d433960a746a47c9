"""Each office sees dates and times in its own zone, labelled."""

import datetime

import pytest
from django.urls import reverse

from sentencing.models import Case
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

SAVED = datetime.datetime(2026, 1, 15, 20, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("who", "shown"), [("alice", "Jan 15, 2026 12:00 PST"), ("bob", "Jan 15, 2026 13:00 MST")]
)
def test_the_last_save_is_shown_in_the_offices_zone(request, who, shown):
    user = request.getfixturevalue(who)
    client = request.getfixturevalue(f"{who}_client")
    case = CaseFactory(by=user.staff_member)
    Case.objects.filter(pk=case.pk).update(updated_at=SAVED)
    page = client.get(reverse("sentencing:case_detail", args=[case.pk])).content.decode()
    assert shown in page
