"""The office's cases and their calculations, scoped exactly like the case pages."""

import pytest
from django.test import Client

from offices.models import StaffMember
from sentencing import services
from tests import founding
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def alices_case(alice):
    return CaseFactory(by=StaffMember.objects.get(user=alice))


def case_urls(case) -> list[str]:
    return [
        f"/api/v1/cases/{case.pk}",
        f"/api/v1/cases/{case.pk}/calculations",
        f"/api/v1/cases/{case.pk}/calculations/compare?left={case.pk}&right={case.pk}",
    ]


def test_the_case_list_shows_only_the_office_s_cases(alice_client, bob_client, alices_case):
    mine = alice_client.get("/api/v1/cases").json()
    assert [row["id"] for row in mine["items"]] == [alices_case.pk]
    assert mine["items"][0]["defendant"] == founding.DEFENDANT
    assert bob_client.get("/api/v1/cases").json() == {"items": [], "count": 0}


def test_a_case_shows_its_worksheet(alice_client, alices_case):
    body = alice_client.get(f"/api/v1/cases/{alices_case.pk}").json()
    assert body["district"] == "cacd"
    lines = body["worksheet"]["offense_lines"]
    assert [(r["kind"], r["guideline"], r["levels"]) for r in lines] == [
        (kind, guideline, levels) for kind, guideline, _, levels in founding.OFFENSE_LINES
    ]


def test_a_case_without_named_calculations_has_its_working_calculation(alice_client, alices_case):
    # United States v. Banuelos-Rodriguez, 215 F.3d 969, 972-73 (9th Cir. 2000): 21, V, 70-87.
    [calculation] = alice_client.get(f"/api/v1/cases/{alices_case.pk}/calculations").json()
    assert calculation["name"] == "Working calculation"
    applied = calculation["result"]["applied"]
    assert applied["total_offense_level"] == founding.TOTAL_OFFENSE_LEVEL
    assert applied["criminal_history_category"] == founding.CATEGORY
    assert applied["range"]["text"] == founding.RANGE


def test_a_calculation_s_worksheet_posts_back_to_calculate(alice_client, alices_case):
    [calculation] = alice_client.get(f"/api/v1/cases/{alices_case.pk}/calculations").json()
    again = alice_client.post(
        "/api/v1/calculate", calculation["worksheet"], content_type="application/json"
    )
    assert again.status_code == 200
    assert again.json() == calculation["result"]


def test_named_calculations_follow_the_working_one_and_compare(alice, alice_client, alices_case):
    defense = services.calculation_create(
        user=alice, case=alices_case, source=alices_case, name="Defense", role="defense"
    )
    services.case_save(
        user=alice,
        office=defense.office,
        case=defense,
        loaded_version=defense.version,
        fields={"acceptance": "2"},
    )
    services.memo_calculation_set(user=alice, case=alices_case, calculation=defense)
    listed = alice_client.get(f"/api/v1/cases/{alices_case.pk}/calculations").json()
    assert [(c["key"], c["name"], c["role"], c["argued"]) for c in listed] == [
        ("working", "Working calculation", "", False),
        (str(defense.pk), "Defense", "defense", True),
    ]
    # 8 + 16 − 2 = 22, V: 77–96 months.
    assert listed[1]["result"]["applied"]["range"]["text"] == "77–96 months"
    url = f"/api/v1/cases/{alices_case.pk}/calculations/compare"
    body = alice_client.get(url, {"left": alices_case.pk, "right": defense.pk}).json()
    assert body["left"]["name"] == "Working calculation"
    assert body["right"]["name"] == "Defense"
    assert body["range_difference"] == (
        "The Defense range has a minimum 7 months higher and a maximum 9 months higher."
    )
    assert [row["status"] for row in body["rows"]] == ["same", "same", "same", "changed"]
    assert body["rows"][-1]["kind"] == "finding"
    assert body["rows"][-1]["right"] == {
        "finding": "acceptance",
        "label": "Acceptance of responsibility",
        "value": "2 levels (§3E1.1(a))",
    }
    other = CaseFactory(by=StaffMember.objects.get(user=alice))
    wrong = alice_client.get(url, {"left": alices_case.pk, "right": other.pk})
    assert wrong.status_code == 404


def test_another_office_gets_404_on_every_case_url(bob_client, alices_case):
    for url in case_urls(alices_case):
        response = bob_client.get(url)
        assert response.status_code == 404, url
        assert founding.DEFENDANT not in response.content.decode()


def test_a_missing_case_is_404_too(alice_client, alices_case):
    assert alice_client.get(f"/api/v1/cases/{alices_case.pk + 1000}").status_code == 404


def test_anonymous_callers_get_401_on_every_case_url(alices_case):
    for url in [*case_urls(alices_case), "/api/v1/cases"]:
        assert Client().get(url).status_code == 401, url


def test_user_text_is_sent_as_text_never_as_markup(alice, alice_client):
    payload = "<script>xss()</script> & co"
    CaseFactory(by=StaffMember.objects.get(user=alice), defendant=payload)
    response = alice_client.get("/api/v1/cases")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "<script>" not in response.content.decode()
    assert response.json()["items"][0]["defendant"] == payload
