"""The government's early disposition (fast-track) motion against the defendant's own request:
§3F1.1 (2025 Manual, Amendment 836) is a decrease in the calculation, §5K3.1 (Oct. 27, 2003 to
Oct. 31, 2025, Amendment 651) a departure of not more than 4 levels, and before that nothing."""

import pytest
from django.urls import reverse

from departures.models import DepartureRequest
from tests.departures.test_request_views import make_case, request_data
from tests.sentencing.forms_data import lines_data
from tests.sentencing.pages import figure, text

pytestmark = pytest.mark.django_db

# The 2016 text of §2L1.2 (Amendment 802), printed by the 2025 Manual: (b)(2)(A) is +10.
LINES_2016_TEXT = lines_data(
    [("base", "§2L1.2(a)", "Base", 8), ("specific", "§2L1.2(b)(2)(A)", "Felony, 5 years", 10)]
)
# The 2001 text (Amendment 632), printed by the 2003 Manual: (b)(1)(A) is +16.
LINES_2001_TEXT = lines_data(
    [("base", "§2L1.2(a)", "Base", 8), ("specific", "§2L1.2(b)(1)(A)", "COV", 16)]
)


def motion(**changes):
    return {"basis": DepartureRequest.Basis.PROGRAM, **changes}


def preview(client, case, data) -> str:
    return text(client.post(reverse("departures:request_preview", args=[case.pk]), data))


@pytest.fixture
def case_2026(alice_client, casebook):
    # 8 + 10 − 3 = 15, category V: 37–46 months under the 2025 Manual.
    return make_case(
        alice_client,
        manual_edition="",
        government_motion="on",  # §3E1.1(b)'s third level
        offense_date="2025-12-01",
        sentencing_date="2026-06-01",
        **LINES_2016_TEXT,
    )


@pytest.fixture
def case_2009(alice_client, casebook):
    # 8 + 16 − 3 = 21, category V: 70–87 months under the 2003 Manual.
    return make_case(
        alice_client,
        manual_edition="",
        government_motion="on",
        offense_date="2008-01-01",
        sentencing_date="2009-01-01",
        **LINES_2001_TEXT,
    )


def test_under_the_2025_manual_the_motion_is_a_3f1_1_decrease_not_a_variance(
    alice_client, casebook, case_2026
):
    page = preview(alice_client, case_2026, request_data(casebook, **motion()))
    assert "§3F1.1 (Amendment 836)" in figure(page, "framing")
    assert "not a departure or a variance" in figure(page, "framing")
    assert figure(page, "range-if-denied") == "37–46 months"
    # §3F1.1 after acceptance: 8 + 10 − 3 − 4 = 11, category V.
    assert figure(page, "range-if-granted") == "24–30 months"
    assert "8 + 10 − 3 − 4 = 11" in page
    # The holdings decide the defendant's request, not the government's motion.
    assert 'data-authority="binding"' not in page


def test_the_defendants_own_request_under_the_2025_manual_is_a_variance(
    alice_client, casebook, case_2026
):
    page = preview(alice_client, case_2026, request_data(casebook))
    assert "framed as a variance under 18 U.S.C. § 3553(a)" in figure(page, "framing")
    assert figure(page, "range-if-granted") == "24–30 months"  # 15 − 4 = 11, V


def test_from_2003_the_motion_is_a_5k3_1_departure(alice_client, casebook, case_2009):
    page = preview(alice_client, case_2009, request_data(casebook, **motion()))
    assert "§5K3.1 downward departure of not more than 4 levels" in figure(page, "framing")
    assert figure(page, "range-if-denied") == "70–87 months"
    assert figure(page, "range-if-granted") == "46–57 months"  # 21 − 4 = 17, V


def test_before_oct_27_2003_there_is_no_motion_to_make(alice_client, casebook):
    case = make_case(alice_client, sentencing_date="2001-03-01")  # the 1995 Manual
    page = preview(alice_client, case, request_data(casebook, **motion()))
    assert "no early disposition provision (§5K3.1 began Oct. 27, 2003" in figure(page, "problem")
    assert 'data-result="range-if-granted"' not in page


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"extent_levels": "5"}, "extent_levels", "not more than 4 levels"),
        ({"extent_levels": "", "target_months": "30"}, "extent_levels", "stated in levels"),
        ({"direction": "upward"}, "direction", "An early disposition motion is downward."),
        ({"ground": "", "ground_text": "Cultural assimilation"}, "basis", "fast-track ground"),
    ],
)
def test_a_motion_that_the_manual_does_not_allow_is_refused_at_its_field(
    alice_client, casebook, case_2009, changes, field, message
):
    url = reverse("departures:request_create", args=[case_2009.pk])
    response = alice_client.post(url, request_data(casebook, **motion(**changes)))
    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    assert not DepartureRequest.objects.exists()


def test_a_saved_motion_is_listed_and_argued_as_the_governments(alice_client, casebook, case_2009):
    url = reverse("departures:request_create", args=[case_2009.pk])
    response = alice_client.post(url, request_data(casebook, **motion()))
    assert response.status_code == 302
    assert DepartureRequest.objects.get().basis == DepartureRequest.Basis.PROGRAM
    page = text(alice_client.get(reverse("sentencing:case_detail", args=[case_2009.pk])))
    assert "Government's early disposition motion (§5K3.1), 4 levels:" in page
