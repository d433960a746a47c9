"""The case form's early disposition motion and its offense-date worksheet."""

import pytest
from django.urls import reverse

from sentencing.models import Case
from tests.sentencing.forms_data import BANUELOS, lines_data, with_count

pytestmark = pytest.mark.django_db

EARLIER = {
    k.replace("lines-", "earlier-"): v
    for k, v in lines_data(
        [("base", "§2L1.2(a)", "Base", 8), ("specific", "§2L1.2(b)(1)", "Felony", 4, "2L1.2(b)")]
    ).items()
}


def post(client, **changes):
    data = with_count({**BANUELOS, **changes}, "8 U.S.C. § 1326(b)(2)")
    return client.post(reverse("sentencing:case_create"), data)


def test_a_motion_over_4_levels_is_marked_and_nothing_is_lost(alice_client):
    response = post(alice_client, early_disposition_levels="5")
    assert response.status_code == 200
    assert "not more than 4 levels" in response.content.decode()
    assert 'value="Rogelio Banuelos-Rodriguez"' in response.content.decode()
    assert not Case.objects.exists()


def test_a_fast_track_line_is_refused_with_where_it_goes(alice_client):
    data = lines_data([("base", "§2L1.2(a)", "Base", 8), ("adjustment", "§3F1.1", "", -4)])
    response = post(alice_client, **data)
    assert "as the government&#x27;s motion" in response.content.decode()
    assert not Case.objects.exists()


def test_the_offense_date_worksheet_is_saved_and_kept_when_not_sent(alice_client):
    response = post(alice_client, early_disposition_levels="2", **EARLIER)
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.early_disposition_levels == 2
    assert [(line.guideline, line.levels) for line in case.offense_date_lines.all()] == [
        ("§2L1.2(a)", 8),
        ("§2L1.2(b)(1)", 4),
    ]
    edit = with_count({**BANUELOS, "version": str(case.version)}, "8 U.S.C. § 1326(b)(2)")
    response = alice_client.post(reverse("sentencing:case_edit", args=[case.pk]), edit)
    assert response.status_code == 302
    assert case.offense_date_lines.count() == 2
