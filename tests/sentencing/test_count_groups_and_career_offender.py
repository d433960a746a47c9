"""Several count groups (§3D1.4) and the career offender (§4B1.1(b)) on the case form: the
live result, saving, the comparison of two calculations, and the API."""

import pytest
from django.urls import reverse

from offices.models import StaffMember
from sentencing.models import Case
from tests.factories import CaseFactory, named_calculation
from tests.sentencing.forms_data import BANUELOS, lines_data, with_count

pytestmark = pytest.mark.django_db

DATES = {
    "offense_date": "2016-03-01",
    "sentencing_date": "2017-01-10",
    "manual_edition": "2016-11-01",
    "acceptance": "none",
    "criminal_history_category": "",
    "criminal_history_points": "0",
}


def _grouped(*rows: tuple[str, str, int, int]) -> dict:
    """Offense lines (kind, guideline, levels, count group)."""
    data = lines_data([(kind, guideline, "", levels) for kind, guideline, levels, _ in rows])
    for index, (*_, group) in enumerate(rows):
        data[f"lines-{index}-count_group"] = str(group)
    return data


def _recalculate(client, data: dict) -> str:
    response = client.post(reverse("sentencing:case_recalculate_new"), data)
    assert response.status_code == 200
    return response.content.decode()


def test_two_groups_at_22_and_19_make_24_live_and_when_saved(alice_client):
    data = {
        **BANUELOS,
        **DATES,
        **_grouped(("base", "§2D1.1(c)(9)", 22, 1), ("base", "§2B1.1(a)(1)", 19, 2)),
    }
    panel = _recalculate(alice_client, data)
    assert 'data-result="count-group"' in panel
    assert "Multiple counts: 2 Units (Count group 1: 1, Count group 2: 1)" in panel
    assert "22 + 2 = 24" in panel
    assert "51–63 months" in panel  # 24, I

    response = alice_client.post(reverse("sentencing:case_create"), data)
    assert response.status_code == 302
    case = Case.objects.get()
    assert [line.count_group for line in case.offense_lines.all()] == [1, 2]
    page = alice_client.get(reverse("sentencing:case_detail", args=[case.pk])).content.decode()
    assert "51–63 months" in page


def test_a_count_group_out_of_range_is_marked_at_the_field_and_nothing_is_lost(alice_client):
    data = {**BANUELOS, **DATES, **_grouped(("base", "§2D1.1(c)(9)", 22, 13))}
    response = alice_client.post(reverse("sentencing:case_create"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter the count group as a whole number from 1 to 12." in page
    assert 'value="13"' in page
    assert not Case.objects.exists()


def test_alternatives_of_one_name_in_two_count_groups_do_not_clash(alice_client):
    data = {
        **BANUELOS,
        **DATES,
        **_grouped(
            ("base", "§2D1.1(c)(9)", 22, 1),
            ("base", "§2B1.1(a)(1)", 7, 2),
        ),
    }
    data.update({"lines-0-group": "", "lines-1-group": ""})
    more = _grouped(("specific", "§2D1.1(b)(1)", 2, 1), ("specific", "§2B1.1(b)(1)(H)", 14, 2))
    data.update(
        {
            k.replace("lines-0-", "lines-2-").replace("lines-1-", "lines-3-"): v
            for k, v in more.items()
            if not k.endswith("_FORMS")
        }
    )
    data.update({"lines-TOTAL_FORMS": "4", "lines-2-group": "b", "lines-3-group": "b"})
    response = alice_client.post(reverse("sentencing:case_create"), data)
    assert response.status_code == 302, response.content.decode()[-3000:]


def _career(**more) -> dict:
    return with_count(
        {
            **BANUELOS,
            **DATES,
            "acceptance": "3",
            "government_motion": "on",
            "criminal_history_points": "6",
            "career_offender": "on",
            **_grouped(("base", "§2D1.1(c)(14)", 12, 1)),
            **more,
        },
        "21 U.S.C. § 841(b)(1)(C)",
        "240",
    )


def test_a_career_offender_under_841_b_1_c_is_29_vi_151_188(alice_client):
    panel = _recalculate(alice_client, _career())
    assert "§4B1.1(b)(3)" in panel
    assert "32 − 3 = 29" in panel
    assert "Career offender: Category VI, not III" in panel
    assert "151–188 months" in panel
    response = alice_client.post(reverse("sentencing:case_create"), _career())
    assert response.status_code == 302
    assert Case.objects.get().career_offender


def test_the_comparison_shows_the_career_offender_finding(alice_client, alice):
    case = CaseFactory(by=StaffMember.objects.get(user=alice))
    report = named_calculation(
        case, by=alice, name="Presentence report", role=Case.Role.PRESENTENCE_REPORT
    )
    Case.objects.filter(pk=report.pk).update(career_offender=True)
    defense = named_calculation(case, by=alice, name="Defense", role=Case.Role.DEFENSE)
    page = alice_client.get(
        reverse("sentencing:calculation_compare", args=[case.pk]),
        {"left": report.pk, "right": defense.pk},
    ).content.decode()
    assert "Career offender (§4B1.1)" in page


def test_the_api_takes_count_groups_and_the_finding(alice_client):
    payload = {
        "offense_date": "2016-03-01",
        "sentencing_date": "2017-01-10",
        "offense_lines": [
            {"kind": "base", "guideline": "§2D1.1(c)(9)", "levels": 22, "count_group": 1},
            {"kind": "base", "guideline": "§2B1.1(a)(1)", "levels": 19, "count_group": 2},
        ],
    }
    response = alice_client.post("/api/v1/calculate", payload, content_type="application/json")
    assert response.status_code == 200, response.content
    assert response.json()["applied"]["total_offense_level"] == 24
    payload["offense_lines"][1]["count_group"] = 0
    response = alice_client.post("/api/v1/calculate", payload, content_type="application/json")
    assert response.status_code == 422
    assert {
        "field": "offense_lines.1.count_group",
        "message": "Enter the count group as a whole number from 1 to 12.",
    } in response.json()["errors"]


def test_the_api_gives_the_fine_range_and_the_assessment(alice_client):
    payload = {
        "offense_date": "2015-10-01",
        "sentencing_date": "2017-01-10",
        "offense_lines": [{"kind": "base", "guideline": "§2D1.1(c)(9)", "levels": 22}],
        "counts": [{"statute": "21 U.S.C. § 841(b)(1)(C)", "maximum_months": 240}],
    }
    body = alice_client.post("/api/v1/calculate", payload, content_type="application/json").json()
    # An offense before Nov. 1, 2015 takes the earlier table (§5E1.2(h)(1)): level 22, $7,500.
    assert (body["fine"]["minimum"], body["fine"]["maximum"]) == (7_500, 75_000)
    assert body["special_assessment"]["amount"] == 100


def test_an_armed_career_criminal_count_takes_34_and_category_vi_when_connected(alice_client):
    data = with_count(
        {
            **BANUELOS,
            **DATES,
            "acceptance": "3",
            "government_motion": "on",
            "criminal_history_points": "4",
            "armed_career_connection": "on",
            **_grouped(("base", "§2K2.1(a)(2)", 24, 1)),
        },
        "18 U.S.C. § 922(g) (armed career criminal, § 924(e))",
    )
    panel = _recalculate(alice_client, data)
    assert "§4B1.4(b)(3)(A)" in panel
    assert "34 − 3 = 31" in panel
    assert 'data-result="criminal-history-category">VI' in panel
    assert "188–235 months" in panel
