"""Two editors of one case: nothing is silently overwritten, a row the other editor deleted does
not make saving impossible, and saving again keeps both editors' changes (merged by field)."""

import pytest
from django.test import Client
from django.urls import reverse

from sentencing.models import Case, OffenseLine
from tests.sentencing.forms_data import BANUELOS, edit_data, with_count
from tests.trust.pageforms import as_submitted, forms_on

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(alice_client):
    alice_client.post(reverse("sentencing:case_create"), with_count(BANUELOS, "8 U.S.C. § 1326(a)"))
    return Case.objects.get()


@pytest.fixture
def other_editor(alice):
    client = Client()
    client.force_login(alice)
    return client


def edit_url(case) -> str:
    return reverse("sentencing:case_edit", args=[case.pk])


def the_form_on(response) -> dict:
    """What the browser would send back from the page's case form, unchanged."""
    forms = forms_on("/", response.content.decode())
    form = next(f for f in forms if any(field.name == "version" for field in f.fields))
    return as_submitted(form)


def test_saving_again_keeps_the_other_editors_change_where_i_changed_nothing(
    alice_client, other_editor, case
):
    loaded = edit_data(case)
    assert (
        other_editor.post(edit_url(case), {**loaded, "criminal_history_category": "IV"}).status_code
        == 302
    )
    refused = alice_client.post(edit_url(case), {**loaded, "judge": "Hon. Second Editor"})
    assert refused.status_code == 409
    merged = the_form_on(refused)
    assert merged["criminal_history_category"] == "IV"  # theirs: I never touched it
    assert merged["judge"] == "Hon. Second Editor"  # mine
    assert "Criminal history category" in refused.content.decode()
    assert alice_client.post(edit_url(case), merged).status_code == 302
    saved = Case.objects.get()
    assert (saved.criminal_history_category, saved.judge) == ("IV", "Hon. Second Editor")


def test_where_both_changed_a_field_mine_is_kept_and_said(alice_client, other_editor, case):
    loaded = edit_data(case)
    other_editor.post(edit_url(case), {**loaded, "judge": "Hon. First"})
    refused = alice_client.post(edit_url(case), {**loaded, "judge": "Hon. Second"})
    assert refused.status_code == 409
    assert the_form_on(refused)["judge"] == "Hon. Second"
    assert "Hon. Second (yours kept)" in refused.content.decode()


def test_a_row_the_other_editor_deleted_does_not_make_saving_impossible(
    alice_client, other_editor, case
):
    loaded = edit_data(case)
    other_editor.post(edit_url(case), {**loaded, "lines-1-DELETE": "on"})
    assert [line.levels for line in OffenseLine.objects.all()] == [8]
    refused = alice_client.post(edit_url(case), {**loaded, "notes": "Mine."})
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Correct the fields marked below" not in page
    assert "deleted (changed by them)" in page
    merged = the_form_on(refused)
    assert merged["lines-TOTAL_FORMS"] == "1"
    assert merged["notes"].strip() == "Mine."  # a textarea's value starts after its newline
    assert alice_client.post(edit_url(case), merged).status_code == 302
    assert [line.levels for line in OffenseLine.objects.all()] == [8]
    assert Case.objects.get().notes == "Mine."


def test_a_row_they_deleted_and_i_changed_comes_back_as_a_new_row(alice_client, other_editor, case):
    loaded = edit_data(case)
    other_editor.post(edit_url(case), {**loaded, "lines-1-DELETE": "on"})
    refused = alice_client.post(edit_url(case), {**loaded, "lines-1-levels": "12"})
    assert refused.status_code == 409
    assert "deleted by them and changed by you: kept as a new row" in refused.content.decode()
    merged = the_form_on(refused)
    assert alice_client.post(edit_url(case), merged).status_code == 302
    assert sorted(line.levels for line in OffenseLine.objects.all()) == [8, 12]


def test_a_forged_row_id_is_refused_with_a_message_and_adds_no_row(alice_client, case, bob):
    other_office_case_line = OffenseLine.objects.create(
        case=Case.objects.create(
            office=bob.staff_member.office,
            defendant="Other",
            district="utd",
            offense_date=case.offense_date,
            sentencing_date=case.sentencing_date,
        ),
        kind="base",
        guideline="§2X1.1",
        levels=10,
    )
    data = edit_data(case)
    data["lines-0-id"] = str(other_office_case_line.pk)
    response = alice_client.post(edit_url(case), data)
    assert response.status_code == 200
    assert "is not a row of this case" in response.content.decode()
    assert OffenseLine.objects.filter(case=case).count() == 2


@pytest.mark.parametrize("version", ["99999999999999999999", "-1", "x", ""])
def test_a_version_out_of_range_is_a_conflict_not_an_error(alice_client, case, version):
    response = alice_client.post(edit_url(case), {**edit_data(case), "version": version})
    assert response.status_code == 409
    assert Case.objects.get().version == case.version
