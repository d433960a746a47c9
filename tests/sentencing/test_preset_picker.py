"""The case form's §2L1.2 preset picker and "use the greater" groups on offense lines."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sentencing.models import Case
from sentencing.picker import PresetPicker
from sentencing.results import saved_case_result
from sentencing.selectors import case_queryset
from tests.sentencing.forms_data import BANUELOS, edit_data, lines_data
from tests.sentencing.pages import figure, text

pytestmark = pytest.mark.django_db

PICKER = reverse("sentencing:case_presets")
BASE = ("base", "§2L1.2(a)", "Unlawfully entering or remaining in the United States", 8)
FELONY = ("specific", "§2L1.2(b)(1)", "Deported after a felony", 4, "2L1.2(b)")
AGGRAVATED = ("specific", "§2L1.2(b)(2)", "Deported after an aggravated felony", 16, "2L1.2(b)")
BOTH_ALTERNATIVES = {**BANUELOS, **lines_data([BASE, FELONY, AGGRAVATED])}


def offered(page: str) -> list[tuple[str, int, str]]:
    """(section, levels, group) of each line the picker offers, in page order."""
    found = []
    for box in re.findall(r"<input[^>]*\bpreset-line\b[^>]*>", page):
        data = {
            name: html.unescape(value) for name, value in re.findall(r'data-(\w+)="([^"]*)"', box)
        }
        found.append((data["guideline"], int(data["levels"]), data["group"]))
    return found


def group_headings(page: str) -> dict[str, str]:
    """Each group the picker shows as one, with the words over it."""
    found = re.findall(r'data-preset-group="([^"]+)">\s*<legend[^>]*>(.*?)</legend>', page, re.S)
    return {group: html.unescape(heading) for group, heading in found}


def picker(client, **values) -> str:
    response = client.get(PICKER, values)
    assert response.status_code == 200
    assert "<form" not in text(response)
    return text(response)


def test_the_1995_manual_offers_the_1991_text_with_b1_and_b2_as_one_group(alice_client):
    page = picker(alice_client, manual_edition="1995-11-01")
    assert offered(page) == [
        ("§2L1.2(a)", 8, ""),
        ("§2L1.2(b)(1)", 4, "2L1.2(b)"),
        ("§2L1.2(b)(2)", 16, "2L1.2(b)"),
    ]
    assert group_headings(page) == {
        "2L1.2(b)": "§2L1.2(b): “If more than one applies, use the greater”"
    }
    assert "1995 Manual, as chosen above, prints the 1991 text of §2L1.2" in page
    assert "Amendment 375" in page


@pytest.mark.parametrize("edition", ["2003-11-01", "2010-11-01"])
def test_the_2003_and_2010_manuals_offer_the_2001_text(alice_client, edition):
    page = picker(alice_client, manual_edition=edition)
    assert offered(page) == [
        ("§2L1.2(a)", 8, ""),
        ("§2L1.2(b)(1)(A)", 16, "2L1.2(b)(1)"),
        ("§2L1.2(b)(1)(B)", 12, "2L1.2(b)(1)"),
        ("§2L1.2(b)(1)(C)", 8, "2L1.2(b)(1)"),
        ("§2L1.2(b)(1)(D)", 4, "2L1.2(b)(1)"),
        ("§2L1.2(b)(1)(E)", 4, "2L1.2(b)(1)"),
    ]
    assert group_headings(page) == {"2L1.2(b)(1)": "§2L1.2(b)(1): “Apply the Greatest”"}
    assert "the 2001 text of §2L1.2 (Amendment 632" in page


@pytest.mark.parametrize("edition", ["2016-11-01", "2023-11-01", "2024-11-01", "2025-11-01"])
def test_manuals_from_2016_offer_the_2016_text_in_three_groups(alice_client, edition):
    page = picker(alice_client, manual_edition=edition)
    lines = offered(page)
    assert lines[:3] == [
        ("§2L1.2(a)", 8, ""),
        ("§2L1.2(b)(1)(A)", 4, "2L1.2(b)(1)"),
        ("§2L1.2(b)(1)(B)", 2, "2L1.2(b)(1)"),
    ]
    for subsection in ("2", "3"):
        tiers = [line for line in lines if line[2] == f"2L1.2(b)({subsection})"]
        assert [levels for _section, levels, _group in tiers] == [10, 8, 6, 4, 2]
    assert len(lines) == 13
    assert group_headings(page) == {
        "2L1.2(b)(1)": "§2L1.2(b)(1): “Apply the Greater”",
        "2L1.2(b)(2)": "§2L1.2(b)(2): “Apply the Greatest”",
        "2L1.2(b)(3)": "§2L1.2(b)(3): “Apply the Greatest”",
    }
    assert "Amendment 802" in page


def test_left_to_1b1_11_it_offers_the_manual_in_effect_at_sentencing(alice_client):
    page = picker(alice_client, manual_edition="", sentencing_date="2004-03-01")
    assert offered(page)[1] == ("§2L1.2(b)(1)(A)", 16, "2L1.2(b)(1)")
    assert "§1B1.11(a): the 2003 Manual, in effect on the sentencing date (March 1, 2004)" in page
    assert 'data-preset="offense-date-note"' not in page


def test_it_says_when_the_manual_at_the_offense_date_prints_another_text(alice_client):
    page = picker(alice_client, offense_date="2015-06-01", sentencing_date="2017-02-01")
    assert offered(page)[1] == ("§2L1.2(b)(1)(A)", 4, "2L1.2(b)(1)")
    note = figure(page.replace('data-preset="offense-date-note"', 'data-result="note"'), "note")
    assert note.startswith(
        "The 2014 Manual, in effect on the offense date, prints the 2011 text of §2L1.2 "
        "(Amendment 754, Nov. 1, 2011)"
    )
    assert "§1B1.11(b)(1)" in note


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({}, "Enter the sentencing date, or choose a Manual, to see its §2L1.2 lines."),
        ({"sentencing_date": "1989-05-01"}, "is before the earliest Manual the engine carries"),
        ({"sentencing_date": "1996-02-30"}, "Enter the sentencing date, or choose a Manual"),
        ({"manual_edition": "1987-11-01"}, "Choose a Guidelines Manual to see its §2L1.2 lines."),
    ],
)
def test_without_a_manual_it_says_what_is_missing_and_offers_nothing(alice_client, values, message):
    page = picker(alice_client, **values)
    assert message in html.unescape(page)
    assert offered(page) == []


def test_the_case_form_shows_the_picker_for_the_saved_or_typed_manual(alice_client):
    new = text(alice_client.get(reverse("sentencing:case_create")))
    assert 'hx-get="/cases/presets/"' in new
    assert offered(new) == []  # no date yet
    assert figure(new, "problem") == "Fill in the worksheet to see the result."
    refused = text(
        alice_client.post(reverse("sentencing:case_create"), {**BANUELOS, "defendant": ""})
    )
    # The 1995 Manual chosen, and the 1994 Manual of the offense date (Aug. 1995), each with
    # the three lines of the 1991 text.
    assert [section for section, _levels, _group in offered(refused)] == 2 * [
        "§2L1.2(a)",
        "§2L1.2(b)(1)",
        "§2L1.2(b)(2)",
    ]
    alice_client.post(reverse("sentencing:case_create"), {**BANUELOS, "manual_edition": ""})
    case = Case.objects.get()
    edit = text(alice_client.get(reverse("sentencing:case_edit", args=[case.pk])))
    # Sentenced Feb. 1, 1996: the 1995 Manual, by §1B1.11(a).
    assert len(offered(edit)) == 6
    assert "§1B1.11(a): the 1995 Manual, in effect on the sentencing date (Feb. 1, 1996)" in edit


def test_two_lines_of_one_group_count_only_the_greater_in_the_saved_case(alice_client):
    response = alice_client.post(reverse("sentencing:case_create"), BOTH_ALTERNATIVES, follow=True)
    page = text(response)
    assert figure(page, "arithmetic") == "8 + 16 − 3 = 21"
    assert figure(page, "total-offense-level") == "21"
    assert figure(page, "range") == "70–87 months"
    assert figure(page, "not-counted") == "§2L1.2(b)(1)"
    assert "Group 2L1.2(b), use the greater: not counted" in page
    assert "Group 2L1.2(b), use the greater: counted" in page
    assert "§2L1.2(b)(1) (+4) not counted: only the greater line of group 2L1.2(b) applies." in page
    case = case_queryset().get()
    assert [(line.guideline, line.group) for line in case.offense_lines.all()] == [
        ("§2L1.2(a)", ""),
        ("§2L1.2(b)(1)", "2L1.2(b)"),
        ("§2L1.2(b)(2)", "2L1.2(b)"),
    ]
    assert saved_case_result(case).calculation.total_offense_level == 21
    edit = text(alice_client.get(reverse("sentencing:case_edit", args=[case.pk])))
    assert edit.count('value="2L1.2(b)"') == 2
    assert figure(edit, "arithmetic") == "8 + 16 − 3 = 21"  # the saved result, on opening


def test_without_the_group_both_lines_count(alice_client):
    data = {**BANUELOS, **lines_data([BASE, FELONY[:4], AGGRAVATED[:4]])}
    page = text(alice_client.post(reverse("sentencing:case_recalculate_new"), data))
    assert figure(page, "arithmetic") == "8 + 4 + 16 − 3 = 25"


def test_the_recalculation_counts_only_the_greater_of_a_group(alice_client):
    page = text(alice_client.post(reverse("sentencing:case_recalculate_new"), BOTH_ALTERNATIVES))
    assert figure(page, "arithmetic") == "8 + 16 − 3 = 21"
    assert figure(page, "guideline-sentence") == "70–87 months"


def test_a_group_typed_with_a_section_sign_or_spaces_is_the_same_group(alice_client):
    felony = (*FELONY[:4], "§ 2L1.2(b)")
    data = {**BANUELOS, **lines_data([BASE, felony, AGGRAVATED])}
    alice_client.post(reverse("sentencing:case_create"), data)
    assert list(Case.objects.get().offense_lines.values_list("group", flat=True)) == [
        "",
        "2L1.2(b)",
        "2L1.2(b)",
    ]


@pytest.mark.parametrize(
    ("lines", "field", "message"),
    [
        (
            [(*BASE, "2L1.2(b)"), AGGRAVATED],
            "lines-0-group",
            "A base offense level is not one of a group of alternatives: leave the group blank",
        ),
        (
            [BASE, ("specific", "§2B1.1(b)(1)", "Loss", 4, "2L1.2(b)")],
            "lines-1-group",
            "Group 2L1.2(b) is a group of §2L1.2, but this line applies §2B1.1(b)(1)",
        ),
        (
            [BASE, AGGRAVATED, ("specific", "§2B1.1(b)(1)", "Loss", 4, "2L1.2(b)")],
            "lines-2-group",
            "Group 2L1.2(b) is a group of §2L1.2, but this line applies §2B1.1(b)(1)",
        ),
        (
            [
                BASE,
                ("specific", "§2L1.2(b)(2)", "Aggravated felony", 16, "A"),
                ("adjustment", "§3C1.1", "Obstruction", 2, "A"),
            ],
            "lines-2-group",
            "Group A already holds §2L1.2(b)(2), and this line applies §3C1.1: only lines of one "
            "guideline are alternatives.",
        ),
        (
            [
                BASE,
                ("specific", "§3B1.1(a)", "Organizer", 4, "role"),
                ("adjustment", "§3B1.1(b)", "Manager", 3, "role"),
            ],
            "lines-2-group",
            "Group role already holds §3B1.1(a) as another kind of line",
        ),
    ],
)
def test_a_bad_group_is_refused_next_to_its_field_keeping_what_was_typed(
    alice_client, lines, field, message
):
    data = {**BANUELOS, **lines_data(lines)}
    response = alice_client.post(reverse("sentencing:case_create"), data)
    page = html.unescape(text(response))
    assert response.status_code == 200
    assert re.search(rf'id="error_\d+_id_{field}"[^>]*><strong>{re.escape(message)}', page)
    assert f'name="{field}" value="{data[field]}"' in page
    assert not Case.objects.exists()
    recalculated = html.unescape(
        text(alice_client.post(reverse("sentencing:case_recalculate_new"), data))
    )
    # The live result does not re-render the form: it names the field and links to it.
    assert re.search(
        rf'<a href="#id_{field}">Offense line \d, [^<]+</a>: {re.escape(message)}', recalculated
    )


def test_a_group_on_a_deleted_line_is_not_checked(alice_client):
    data = {**BANUELOS, **lines_data([(*BASE, "2L1.2(b)"), AGGRAVATED])}
    data["lines-0-DELETE"] = "on"
    assert alice_client.post(reverse("sentencing:case_create"), data).status_code == 302


def test_editing_a_line_into_a_group_keeps_the_others(alice_client):
    alice_client.post(reverse("sentencing:case_create"), BOTH_ALTERNATIVES)
    case = Case.objects.get()
    data = edit_data(case)
    data["lines-1-group"] = ""
    url = reverse("sentencing:case_edit", args=[case.pk])
    assert alice_client.post(url, data).status_code == 302
    page = text(alice_client.get(reverse("sentencing:case_detail", args=[case.pk])))
    assert figure(page, "arithmetic") == "8 + 4 + 16 − 3 = 25"


def test_the_picker_reads_nothing_from_the_database_but_the_login(alice_client):
    with CaptureQueriesContext(connection) as queries:
        picker(alice_client, manual_edition="1995-11-01")
    tables = {re.search(r'FROM "(\w+)"', q["sql"])[1] for q in queries.captured_queries}
    assert tables <= {"django_session", "auth_user"}


def test_the_case_form_runs_no_more_queries_with_the_picker(alice_client, monkeypatch):
    alice_client.post(reverse("sentencing:case_create"), BOTH_ALTERNATIVES)
    case = Case.objects.get()
    url = reverse("sentencing:case_edit", args=[case.pk])
    refused = {**edit_data(case), "defendant": ""}  # the form shown again, with its errors

    def shown() -> tuple[int, int, int]:
        """Queries for the edit form and for a refused save; lines the picker offers."""
        with CaptureQueriesContext(connection) as opened:
            page = text(alice_client.get(url))
        with CaptureQueriesContext(connection) as saved:
            alice_client.post(url, refused)
        return len(opened), len(saved), len(offered(page))

    opened, saved, lines = shown()
    none = lambda form: PresetPicker(None, "")  # noqa: E731
    monkeypatch.setattr("sentencing.views.picker_for_form", none)
    monkeypatch.setattr("sentencing.views.offense_date_picker_for_form", none)
    assert shown() == (opened, saved, 0)
    # The 1995 Manual at sentencing and the 1994 Manual on the offense date (Aug. 1995) each
    # offer the three lines of the 1991 text.
    assert lines == 6


def test_the_picker_needs_a_login_and_a_get(client, alice_client):
    response = client.get(PICKER, {"manual_edition": "1995-11-01"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert alice_client.post(PICKER, {}).status_code == 405
