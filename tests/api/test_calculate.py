"""POST /api/v1/calculate: the worksheet as JSON in, the whole calculation out."""

import json

import pytest
from django.test import Client

from sentencing.forms import CaseWorksheet
from tests import founding
from tests.api.conftest import founding_worksheet
from tests.sentencing.forms_data import BANUELOS, with_count

pytestmark = pytest.mark.django_db

URL = "/api/v1/calculate"


def post(client, worksheet, **headers):
    return client.post(URL, json.dumps(worksheet), content_type="application/json", **headers)


def test_the_founding_case_gives_21_v_70_to_87(alice_client, worksheet):
    # United States v. Banuelos-Rodriguez, 215 F.3d 969, 972-73 (9th Cir. 2000) (en banc):
    # 8 + 16 - 3 = 21, category V, 70-87 months under the Nov. 1, 1995 Manual.
    response = post(alice_client, worksheet)
    assert response.status_code == 200, response.content
    applied = response.json()["applied"]
    assert applied["total_offense_level"] == founding.TOTAL_OFFENSE_LEVEL
    assert applied["criminal_history_category"] == founding.CATEGORY
    assert applied["range"]["text"] == founding.RANGE
    assert (applied["range"]["low_months"], applied["range"]["high_months"]) == (70, 87)
    assert applied["edition"]["key"] == "1995-11-01"
    assert applied["statutory_maximum_months"] == 240
    sections = [step["section"] for step in applied["steps"]]
    assert sections[:4] == ["§2L1.2(a)", "§2L1.2(b)(2)", "§3E1.1(a)", "§3E1.1(b)"]
    assert applied["zone"] == "D"


def test_the_api_and_the_case_page_give_the_same_result(alice_client, worksheet):
    """The case form's own result for the same facts, step for step."""
    form_result = CaseWorksheet(with_count(BANUELOS, "8 U.S.C. § 1326(b)(2)", "240")).result()
    assert form_result.calculation is not None
    applied = post(alice_client, worksheet).json()["applied"]
    assert [s["description"] for s in applied["steps"]] == [
        s.description for s in form_result.calculation.steps
    ]
    assert applied["arithmetic"] == form_result.calculation.arithmetic
    assert applied["guideline_sentence"]["text"] == str(form_result.calculation.guideline_sentence)


def test_section_1b1_11_chooses_the_manual_when_none_is_named(alice_client, worksheet):
    worksheet["manual_edition"] = ""
    body = post(alice_client, worksheet).json()
    assert body["applied"]["edition"]["key"] == "1995-11-01"  # in effect on Feb. 1, 1996
    assert body["reason"].startswith("§1B1.11(a)")
    assert body["overridden"] is False


def test_a_known_statute_fills_in_its_maximum(alice_client, worksheet):
    # 8 U.S.C. § 1326(b)(2): 20 years, as the count form fills it in (sentencing/guidelines/
    # statutes.py).
    worksheet["counts"] = [{"statute": "8 U.S.C. § 1326(b)(2)"}]
    assert post(alice_client, worksheet).json()["applied"]["statutory_maximum_months"] == 240


def form_errors(data) -> dict:
    """The case form's messages for the same mistake (field -> messages), to compare."""
    sheet = CaseWorksheet(data)
    assert not sheet.is_valid()
    errors = dict(sheet.form.errors)
    for name, formset in [("offense_lines", sheet.offense_lines), ("counts", sheet.counts)]:
        for index, row in enumerate(formset.errors):
            for field, messages in row.items():
                errors[f"{name}.{index}.{field}"] = messages
    return errors


def api_errors(response) -> dict:
    assert response.status_code == 422, response.content
    found: dict[str, list[str]] = {}
    for error in response.json()["errors"]:
        found.setdefault(error["field"], []).append(error["message"])
    return found


@pytest.mark.parametrize(
    ("api_change", "form_change", "field"),
    [
        # A base offense level runs from 1 to 43 (Ch. 5 Pt. A).
        ({"offense_lines.0.levels": 50}, {"lines-0-levels": "50"}, "offense_lines.0.levels"),
        ({"offense_lines.1.levels": 44}, {"lines-1-levels": "44"}, "offense_lines.1.levels"),
        ({"offense_lines.0.levels": "x"}, {"lines-0-levels": "x"}, "offense_lines.0.levels"),
        # §3F1.1 / §5K3.1 is the government's motion, not a line.
        (
            {"offense_lines.1.guideline": "§3F1.1"},
            {"lines-1-guideline": "§3F1.1"},
            "offense_lines.1.guideline",
        ),
        (
            {"offense_lines.0.group": "2L1.2(b)"},
            {"lines-0-group": "2L1.2(b)"},
            "offense_lines.0.group",
        ),
        ({"sentencing_date": "1995-01-01"}, {"sentencing_date": "1995-01-01"}, "sentencing_date"),
        (
            {"early_disposition_levels": 5},
            {"early_disposition_levels": "5"},
            "early_disposition_levels",
        ),
        (
            {"criminal_history_points": -1},
            {"criminal_history_points": "-1"},
            "criminal_history_points",
        ),
        (
            {"criminal_history_category": "VII"},
            {"criminal_history_category": "VII"},
            "criminal_history_category",
        ),
        ({"manual_edition": "1900-01-01"}, {"manual_edition": "1900-01-01"}, "manual_edition"),
        ({"offense_date": "someday"}, {"offense_date": "someday"}, "offense_date"),
        ({"acceptance": "4"}, {"acceptance": "4"}, "acceptance"),
        (
            {"offense_lines.1.guideline": "§2L1.2" + "(b)" * 20},
            {"lines-1-guideline": "§2L1.2" + "(b)" * 20},
            "offense_lines.1.guideline",
        ),
        (
            {"counts.0.maximum_months": -5},
            {"counts-0-maximum_months": "-5"},
            "counts.0.maximum_months",
        ),
    ],
)
def test_errors_name_the_field_in_the_forms_words(
    alice_client, worksheet, api_change, form_change, field
):
    for path, value in api_change.items():
        *parents, last = path.split(".")
        target = worksheet
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[last] = value
    data = {**with_count(BANUELOS, "8 U.S.C. § 1326(b)(2)", "240"), **form_change}
    expected = form_errors(data)[field]
    assert api_errors(post(alice_client, worksheet))[field] == list(expected)


def test_a_count_whose_minimum_exceeds_its_maximum_is_refused_as_on_the_form(
    alice_client, worksheet
):
    worksheet["counts"] = [{"statute": "18 U.S.C. § 1", "maximum_months": 12, "minimum_months": 24}]
    data = with_count(BANUELOS, "18 U.S.C. § 1", "12", "24")
    expected = form_errors(data)["counts.0.minimum_months"]
    assert api_errors(post(alice_client, worksheet))["counts.0.minimum_months"] == list(expected)


def test_lines_of_one_group_must_apply_one_guideline(alice_client, worksheet):
    worksheet["offense_lines"] += [
        {"kind": "specific", "guideline": "§2L1.2(b)(1)", "levels": 4, "group": "greater"},
        {"kind": "specific", "guideline": "§2B1.1(b)(1)", "levels": 4, "group": "greater"},
    ]
    errors = api_errors(post(alice_client, worksheet))
    assert list(errors) == ["offense_lines.3.group"]
    assert "only lines of one guideline are alternatives" in errors["offense_lines.3.group"][0]


def test_every_error_is_reported_at_once(alice_client, worksheet):
    worksheet["offense_lines"][0]["levels"] = 50
    worksheet["early_disposition_levels"] = 9
    assert set(api_errors(post(alice_client, worksheet))) == {
        "offense_lines.0.levels",
        "early_disposition_levels",
    }


def test_too_many_rows_are_refused(alice_client, worksheet):
    worksheet["offense_lines"] = worksheet["offense_lines"] * 13  # 26 rows
    assert "offense_lines" in api_errors(post(alice_client, worksheet))


def test_a_date_before_every_manual_is_a_422_with_the_engines_words(alice_client, worksheet):
    worksheet.update(offense_date="1980-01-01", sentencing_date="1980-02-01", manual_edition="")
    # § 1326(a) stood in 1980 (2 years); § 1326(b) came only in 1988 and would be refused.
    worksheet["counts"] = [{"statute": "8 U.S.C. § 1326(a)"}]
    errors = api_errors(post(alice_client, worksheet))
    assert list(errors) == [""]
    assert errors[""][0]  # the engine's sentence, not a generic one


def test_anonymous_callers_get_401(worksheet):
    response = post(Client(), worksheet)
    assert response.status_code == 401
    assert "Bearer" in response.json()["detail"]


def test_a_browser_post_needs_the_csrf_token(alice):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    assert post(browser, {}).status_code == 403
    browser.get("/api/v1/docs")  # sets the CSRF cookie, as any page does
    token = browser.cookies["csrftoken"].value

    response = post(browser, founding_worksheet(), HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
