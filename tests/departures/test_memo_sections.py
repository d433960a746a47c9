"""Saved requests become the memo's departure sections, with authority and computed outcome."""

import datetime

import pytest
from django.urls import reverse

from departures.models import DepartureRequest
from memos.arguments import departure_sections
from tests.memo.conftest import make_case
from tests.memo.pdf import full_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_with_request(alice, casebook):
    case = make_case(alice.staff_member.office, alice, sentencing_date=datetime.date(2001, 3, 1))
    DepartureRequest.objects.create(
        case=case,
        ground=casebook.fast_track,
        direction="downward",
        extent_levels=4,
        argument="A fast-track district would have offered a § 1326(a) plea.",
    )
    return case


def test_each_request_gives_a_section_with_its_authority_and_numbers(case_with_request):
    [section] = departure_sections(case_with_request)
    assert section.heading == "Downward departure"
    assert [a.case_name for a in section.binding] == ["United States v. Banuelos-Rodriguez"]
    assert section.binding[0].pinpoint == "978"
    assert len(section.persuasive) == 2
    assert section.if_denied == "70–87 months"
    assert section.if_granted == "Level 21 − 4 = 17, category V: 46–57 months"
    assert section.what_if[0].endswith("24 months")


def test_the_exported_memo_argues_the_saved_request(alice_client, case_with_request):
    response = alice_client.post(
        reverse("memos:export", args=[case_with_request.pk]), {"unverified_confirmed": "1"}
    )
    assert response["Content-Type"] == "application/pdf"
    text = full_text(response.content)
    assert (
        "United States v. Banuelos-Rodriguez, 215 F.3d 969, 978 (9th Cir. 2000) (en banc)" in text
    )
    assert "A fast-track district would have offered a § 1326(a) plea." in text
    assert "46–57 months" in text
    # The tool's prediction of the ruling stays on screen; the filing argues, it does not concede.
    assert "Foreclosed" not in text
    assert (
        "United States v. Bonnet-Grullon, 212 F.3d 692, 710 (2d Cir. 2000), quoted in United "
        "States v. Armenta-Castro, 227 F.3d 1255 (10th Cir. 2000): “[T]he district court" in text
    )


def test_the_governments_5k3_1_motion_is_its_own_section_without_the_defendants_holdings(
    alice, casebook
):
    case = make_case(
        alice.staff_member.office,
        alice,
        sentencing_date=datetime.date(2011, 1, 10),
        manual_edition="2010-11-01",
        government_motion=True,
    )
    DepartureRequest.objects.create(
        case=case,
        basis=DepartureRequest.Basis.PROGRAM,
        ground=casebook.fast_track,
        direction="downward",
        extent_levels=4,
        argument="The government moves under the district's early disposition program.",
    )
    [section] = departure_sections(case)
    assert section.heading == "The government's early disposition motion (§5K3.1)"
    assert section.binding == ()
    assert section.persuasive == ()
    assert section.if_denied == "70–87 months"
    assert section.if_granted == "Level 21 − 4 = 17, category V: 46–57 months"
