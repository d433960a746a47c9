"""The safety valve (§5C1.2) on the case form: the live result, saving, and the API."""

import pytest
from django.urls import reverse

from sentencing.models import Case
from tests.sentencing.forms_data import BANUELOS, lines_data, with_count

pytestmark = pytest.mark.django_db

COCAINE = {
    **BANUELOS,
    "offense_date": "2016-03-01",
    "sentencing_date": "2017-01-10",
    "manual_edition": "2016-11-01",
    "acceptance": "3",
    "government_motion": "on",
    "criminal_history_category": "",
    "criminal_history_points": "0",
    **lines_data(
        [
            ("base", "§2D1.1(a)(5)", "Drug Quantity Table: 5 kg of cocaine", 30),
            ("specific", "§2D1.1(b)(17)", "Meets the criteria of §5C1.2(a)(1)-(5)", -2),
        ]
    ),
}


def _post(client, url: str, **more):
    data = with_count({**COCAINE, **more}, "21 U.S.C. § 841(b)(1)(A)", "", "120")
    return client.post(url, data)


def test_the_safety_valve_lifts_the_120_month_minimum_live_and_when_saved(alice_client):
    url = reverse("sentencing:case_recalculate_new")
    without = _post(alice_client, url).content.decode()
    assert 'data-result="guideline-sentence">120 months' in without  # 57–71, to the minimum
    assert "the safety valve (§5C1.2) is not found" in without
    panel = _post(alice_client, url, safety_valve="on").content.decode()
    assert "without regard to the 120-month minimum of 21 U.S.C. § 841(b)(1)(A)" in panel
    assert 'data-result="guideline-sentence">57–71 months' in panel

    response = _post(alice_client, reverse("sentencing:case_create"), safety_valve="on")
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.safety_valve
    page = alice_client.get(reverse("sentencing:case_detail", args=[case.pk])).content.decode()
    assert 'data-result="guideline-sentence">57–71 months' in page


def test_the_api_takes_the_safety_valve(alice_client):
    payload = {
        "offense_date": "2016-03-01",
        "sentencing_date": "2017-01-10",
        "acceptance": "3",
        "government_motion": True,
        "criminal_history_points": 0,
        "safety_valve": True,
        "offense_lines": [{"kind": "base", "guideline": "§2D1.1(a)(5)", "levels": 28}],
        "counts": [{"statute": "21 U.S.C. § 841(b)(1)(A)", "minimum_months": 120}],
    }
    response = alice_client.post("/api/v1/calculate", payload, content_type="application/json")
    assert response.status_code == 200, response.content
    applied = response.json()["applied"]
    assert applied["statutory_minimum_months"] == 0
    assert applied["guideline_sentence"]["low_months"] == 57


def test_the_result_gives_the_fine_range_and_the_special_assessment(alice_client):
    # 57–71 at level 25 (2016 Manual, offense in 2016): the inflated table's $20,000–$200,000;
    # one felony count, $100.
    panel = _post(
        alice_client, reverse("sentencing:case_recalculate_new"), safety_valve="on"
    ).content.decode()
    assert 'data-result="fine-range">$20,000–$200,000' in panel
    assert 'data-result="special-assessment">$100' in panel
    assert 'data-result="supervised-release">2 to 5 years' in panel  # a Class A felony
