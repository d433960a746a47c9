"""The fast-track what-if's § 1326(a) plea says what it assumes: the government charging
§ 1326(a) alone. A § 1326(b) prior conviction is a sentencing factor, not an element
(Almendarez-Torres v. United States, 523 U.S. 224 (1998)), so a § 1326(a) conviction with a (b)
enhancement found carries (b)'s maximum, not 24 months."""

import re
from datetime import date

import pytest
from django.urls import reverse

from departures.outcome import FAST_TRACK, alternative_charges
from sentencing.guidelines import statute_on
from sentencing.models import Case
from tests.sentencing.forms_data import BANUELOS, with_count
from tests.sentencing.pages import text

B2 = "8 U.S.C. § 1326(b)(2)"


def test_the_1326_a_plea_names_its_assumption_and_the_cases_own_b_count():
    own = (statute_on(B2, date(1993, 6, 1)).count(),)
    plea, two_counts = alternative_charges(FAST_TRACK, date(1993, 6, 1), own)
    assert plea.label == "A plea to 8 U.S.C. § 1326(a) alone"
    assert plea.assumes.startswith("Assumes the government charges § 1326(a) alone")
    assert "is not capped at 24 months" in plea.assumes
    # On a 1993 offense date the case's (b)(2) count carried the 1988 text's 15 years.
    assert plea.assumes.endswith(f"This case's count under {B2} carries 180 months.")
    assert [c.maximum_months for c in plea.counts] == [24]
    assert [c.maximum_months for c in two_counts.counts] == [6, 24]
    assert two_counts.assumes == ""


def test_other_grounds_offer_no_alternative_charge():
    assert alternative_charges("age", date(2020, 1, 1)) == ()


@pytest.mark.django_db
def test_the_preview_prints_the_assumption_with_the_24_months(alice_client, casebook):
    data = with_count({**BANUELOS, "sentencing_date": "2001-03-01"}, B2)
    alice_client.post(reverse("sentencing:case_create"), data)
    case = Case.objects.get()
    request = {
        "ground": str(casebook.fast_track.pk),
        "ground_text": "",
        "direction": "downward",
        "extent_levels": "4",
        "target_months": "",
        "argument": "A fast-track district would have offered a § 1326(a) plea.",
    }
    page = text(alice_client.post(reverse("departures:request_preview", args=[case.pk]), request))
    [assumes] = re.findall(r'data-result="what-if-assumes">(.*?)<', page, re.S)
    assert "charges § 1326(a) alone" in assumes
    assert f"count under {B2} carries 240 months" in assumes
