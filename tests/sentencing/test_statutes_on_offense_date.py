"""A count takes its statute as it stood on the case's offense date (U.S. Const. art. I, § 9,
cl. 3): 8 U.S.C. § 1326(b)(2) carried 15 years from the Anti-Drug Abuse Act of 1988 (Pub. L.
100-690, Nov. 18, 1988) and 20 from the Violent Crime Control and Law Enforcement Act of 1994
(Pub. L. 103-322, Sept. 13, 1994)."""

import pytest
from django.urls import reverse

from sentencing.models import Case
from tests.sentencing.forms_data import BANUELOS, edit_data, with_count
from tests.sentencing.pages import figure, text

pytestmark = pytest.mark.django_db

B2 = "8 U.S.C. § 1326(b)(2)"


def create(client, offense_date, statute=B2, maximum="", minimum=""):
    data = with_count({**BANUELOS, "offense_date": offense_date}, statute, maximum, minimum)
    return client.post(reverse("sentencing:case_create"), data)


@pytest.mark.parametrize(
    ("offense_date", "maximum"), [("1994-09-12", 180), ("1994-09-13", 240), ("1995-08-01", 240)]
)
def test_a_blank_maximum_is_filled_from_the_statute_on_the_offense_date(
    alice_client, offense_date, maximum
):
    assert create(alice_client, offense_date).status_code == 302
    count = Case.objects.get().counts.get()
    assert (count.maximum_months, count.minimum_months) == (maximum, 0)


def test_the_live_result_uses_the_offense_dates_maximum(alice_client):
    # 70–87 months stands under 1993's 180-month maximum as under 1995's 240.
    data = with_count({**BANUELOS, "offense_date": "1993-06-01"}, "8 U.S.C. § 1326(b)(1)")
    page = text(alice_client.post(reverse("sentencing:case_recalculate_new"), data))
    # (b)(1) carried 5 years before Sept. 13, 1994: 60 months, below the 70–87 range (§5G1.1(a)).
    assert figure(page, "guideline-sentence") == "60 months"


def test_a_maximum_above_the_statute_on_the_offense_date_is_refused(alice_client):
    response = create(alice_client, "1993-06-01", maximum="240")
    page = text(response)
    assert response.status_code == 200
    assert "Above the statutory maximum: on the offense date 8 U.S.C. § 1326(b)(2) sets 180" in page
    assert "Pub. L. 100-690" in page
    assert not Case.objects.exists()


def test_a_statute_that_did_not_exist_on_the_offense_date_is_refused(alice_client):
    response = create(alice_client, "1988-01-15")
    page = text(response)
    assert "8 U.S.C. § 1326(b)(2) did not exist on Jan. 15, 1988" in page
    assert not Case.objects.exists()


def test_a_lower_typed_maximum_and_an_unknown_statute_stand(alice_client):
    assert create(alice_client, "1995-08-01", maximum="100").status_code == 302
    assert create(alice_client, "1993-06-01", statute="18 U.S.C. § 9999").status_code == 302
    assert sorted(Case.objects.values_list("counts__maximum_months", flat=True), key=str) == [
        100,
        None,
    ]


def test_a_maximum_left_from_another_offense_date_is_caught_on_edit(alice_client):
    create(alice_client, "1995-08-01")
    case = Case.objects.get()
    assert case.counts.get().maximum_months == 240
    data = {**edit_data(case), "offense_date": "1993-06-01"}
    response = alice_client.post(reverse("sentencing:case_edit", args=[case.pk]), data)
    page = text(response)
    assert response.status_code == 200
    assert "Above the statutory maximum" in page
    # Moved later instead, 180 months from 1993 is recognised as the 1988 text's.
    create(alice_client, "1993-06-01")
    old = Case.objects.filter(offense_date="1993-06-01").get()
    data = {**edit_data(old), "offense_date": "1995-08-01"}
    page = text(alice_client.post(reverse("sentencing:case_edit", args=[old.pk]), data))
    assert "180 months is the maximum of 8 U.S.C. § 1326(b)(2) as the Anti-Drug Abuse Act" in page
    assert "on the offense date 8 U.S.C. § 1326(b)(2) sets 240 months" in page


def test_the_statute_list_carries_each_text_with_its_dates(alice_client):
    page = text(alice_client.get(reverse("sentencing:case_create")))
    assert 'data-texts="1988-11-18/1994-09-13/180/0;1994-09-13//240/0"' in page


@pytest.mark.parametrize(("sentencing_date", "minimum"), [("2018-06-01", 240), ("2019-03-01", 180)])
def test_the_first_step_act_reaches_a_count_sentenced_after_december_21_2018(
    alice_client, sentencing_date, minimum
):
    # Pub. L. 115-391, § 401: a prior "serious drug felony" makes (b)(1)(A) 15 years, not 20,
    # for every offense whose sentence was not yet imposed on Dec. 21, 2018 (§ 401(c)).
    dates = {"offense_date": "2017-05-01", "sentencing_date": sentencing_date}
    data = with_count(
        {**BANUELOS, **dates, "manual_edition": ""},
        "21 U.S.C. § 841(b)(1)(A) (one prior conviction, § 851)",
    )
    response = alice_client.post(reverse("sentencing:case_create"), data)
    assert response.status_code == 302, text(response)[:3000]
    count = Case.objects.get().counts.get()
    assert (count.minimum_months, count.maximum_months) == (minimum, None)
