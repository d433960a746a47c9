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


def test_the_offense_date_picker_lists_the_text_in_effect_on_the_offense_date(alice_client):
    page = alice_client.get(
        reverse("sentencing:case_presets"),
        {"worksheet": "offense-date", "offense_date": "1996-06-01"},
    ).content.decode()
    # The 1995 Manual prints the 1991 text (Amendment 375): §2L1.2(b)(1) is +4, not (b)(1)(A).
    assert 'data-guideline="§2L1.2(b)(1)" data-description' in page
    assert 'data-guideline="§2L1.2(b)(1)(A)"' not in page
    assert "§1B1.11(b)(1): the 1995 Manual, in effect on the offense date (June 1, 1996)" in page
    assert 'id="preset-offense-date-' in page


def test_the_offense_date_picker_asks_for_the_offense_date(alice_client):
    page = alice_client.get(
        reverse("sentencing:case_presets"), {"worksheet": "offense-date"}
    ).content.decode()
    assert "Enter the offense date to see the §2L1.2 lines" in page
    assert "preset-line" not in page


def test_the_result_shows_both_manuals_side_by_side(alice_client):
    lines_2001 = lines_data(
        [("base", "§2L1.2(a)", "Base", 8), ("specific", "§2L1.2(b)(1)(A)", "COV", 16, "g")]
    )
    data = with_count(
        {
            **BANUELOS,
            **lines_2001,
            **EARLIER,
            "offense_date": "1996-06-01",
            "sentencing_date": "2004-03-01",
            "manual_edition": "",
        },
        "8 U.S.C. § 1326(b)(2)",
    )
    page = alice_client.post(reverse("sentencing:case_recalculate_new"), data).content.decode()
    steps = page.split('data-result="edition-comparison-steps"')[1].split("</details>")[0]
    columns = steps.split('data-result="comparison-column"')[1:]
    assert [c.split('data-edition="')[1][:10] for c in columns] == ["1995-11-01", "2003-11-01"]
    assert "applied" in columns[0]
    assert "applied" not in columns[1]
    assert 'data-result="comparison-level">' in columns[0]


def test_the_live_result_names_each_field_in_the_way(alice_client):
    """A blank new form, then a level out of range: the panel says which fields, linked."""
    url = reverse("sentencing:case_recalculate_new")
    blank = alice_client.post(url, {}).content.decode()
    assert "Still to fill in:" in blank
    assert '<a href="#id_defendant">Defendant</a>' in blank
    assert '<a href="#id_sentencing_date">Sentencing date</a>' in blank
    assert "Correct the marked fields" not in blank
    data = {**BANUELOS, **lines_data([("base", "§2L1.2(a)", "Base", 99)])}
    page = alice_client.post(url, data).content.decode()
    assert '<a href="#id_lines-0-levels">Offense line 1, Levels</a>:' in page
    assert "Still to fill in" not in page
