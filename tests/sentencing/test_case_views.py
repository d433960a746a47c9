import re

import pytest
from django.test import Client
from django.urls import reverse

from sentencing.models import Case
from tests import founding
from tests.sentencing.forms_data import BANUELOS, edit_data, with_count
from tests.sentencing.pages import figure, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def banuelos_case(alice_client):
    alice_client.post(reverse("sentencing:case_create"), BANUELOS)
    return Case.objects.get(defendant="Rogelio Banuelos-Rodriguez")


def test_it_sends_anonymous_users_to_the_login_page(client, banuelos_case):
    for url in [
        reverse("sentencing:case_list"),
        reverse("sentencing:case_create"),
        reverse("sentencing:case_detail", args=[banuelos_case.pk]),
        reverse("sentencing:case_edit", args=[banuelos_case.pk]),
    ]:
        client.logout()
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    response = Client().post(reverse("sentencing:case_recalculate", args=[banuelos_case.pk]), {})
    assert response.status_code == 302


def test_it_saves_the_banuelos_case_and_shows_21_v_70_to_87(alice_client):
    response = alice_client.post(reverse("sentencing:case_create"), BANUELOS, follow=True)
    page = text(response)
    assert figure(page, "total-offense-level") == "21"
    assert figure(page, "criminal-history-category") == "V"
    assert figure(page, "range") == "70–87 months"
    assert figure(page, "zone") == "D"
    case = Case.objects.get()
    assert case.offense_lines.count() == 2
    assert case.office.name == "Federal Public Defender, C.D. Cal."


def test_the_recalculation_returns_only_the_result_panel(alice_client):
    response = alice_client.post(reverse("sentencing:case_recalculate_new"), BANUELOS)
    page = text(response)
    assert "<form" not in page
    assert "<html" not in page
    assert figure(page, "arithmetic") == "8 + 16 − 3 = 21"
    assert figure(page, "guideline-sentence") == "70–87 months"
    assert not Case.objects.exists()


def test_a_1326a_count_makes_24_months_the_guideline_sentence(alice_client):
    data = with_count(BANUELOS, "8 U.S.C. § 1326(a)")
    page = text(alice_client.post(reverse("sentencing:case_recalculate_new"), data))
    assert figure(page, "range") == "70–87 months"
    assert figure(page, "guideline-sentence") == "24 months"


def test_a_typed_maximum_is_used_for_a_statute_not_in_the_table(alice_client):
    data = with_count(BANUELOS, "18 U.S.C. § 9999", maximum="60")
    page = text(alice_client.post(reverse("sentencing:case_recalculate_new"), data))
    assert figure(page, "guideline-sentence") == "60 months"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("lines-0-levels", "44", "A base offense level must be between 1 and 43."),
        ("lines-0-levels", "0", "A base offense level must be between 1 and 43."),
        ("lines-0-levels", "eight", "Enter the levels as a whole number."),
        ("criminal_history_points", "-2", "Criminal history points cannot be negative."),
        ("criminal_history_points", "five", "Enter criminal history points as a whole number."),
        ("criminal_history_category", "VII", "Criminal history category must be one of I–VI."),
        ("sentencing_date", "1995-07-01", "The sentencing date cannot be before the offense date."),
    ],
)
def test_it_rejects_bad_input_next_to_the_field_and_keeps_what_was_typed(
    alice_client, field, value, message
):
    data = {**BANUELOS, field: value}
    response = alice_client.post(reverse("sentencing:case_create"), data)
    page = text(response)
    assert response.status_code == 200
    assert message in page
    # The message sits with its field (crispy's invalid-feedback element for that input).
    assert re.search(rf'id="error_\d+_id_{field}"[^>]*><strong>{re.escape(message)}', page)
    assert 'value="Rogelio Banuelos-Rodriguez"' in page
    assert 'value="§2L1.2(b)(2)"' in page
    assert not Case.objects.exists()


def test_another_offices_case_is_not_found(bob_client, banuelos_case):
    for name in ["sentencing:case_detail", "sentencing:case_edit"]:
        assert bob_client.get(reverse(name, args=[banuelos_case.pk])).status_code == 404
    url = reverse("sentencing:case_recalculate", args=[banuelos_case.pk])
    assert bob_client.post(url, BANUELOS).status_code == 404
    assert (
        bob_client.post(
            reverse("sentencing:case_edit", args=[banuelos_case.pk]), BANUELOS
        ).status_code
        == 404
    )
    assert "Banuelos" not in text(bob_client.get(reverse("sentencing:case_list")))


def test_the_case_list_shows_the_offices_cases_with_their_ranges(alice_client, banuelos_case):
    page = text(alice_client.get(reverse("sentencing:case_list")))
    assert "Rogelio Banuelos-Rodriguez" in page
    assert "70–87 months" in page
    assert "C.D. Cal." in page


def test_the_case_list_query_count_does_not_grow_with_cases(
    alice_client, django_assert_max_num_queries
):
    url = reverse("sentencing:case_list")
    alice_client.post(reverse("sentencing:case_create"), BANUELOS)
    with django_assert_max_num_queries(12) as one_case:
        alice_client.get(url)
    # Count now: Django clears its query log at the start of every later request.
    queries_for_one_case = len(one_case.captured_queries)
    for n in range(6):
        alice_client.post(reverse("sentencing:case_create"), {**BANUELOS, "defendant": f"D{n}"})
    with django_assert_max_num_queries(queries_for_one_case):
        alice_client.get(url)


def test_editing_changes_a_line_and_deletes_another(alice_client, banuelos_case):
    data = edit_data(banuelos_case)
    data["lines-1-levels"] = "12"
    response = alice_client.post(reverse("sentencing:case_edit", args=[banuelos_case.pk]), data)
    assert response.status_code == 302
    assert [line.levels for line in banuelos_case.offense_lines.all()] == [8, 12]
    data = edit_data(Case.objects.get())
    data["lines-1-DELETE"] = "on"
    alice_client.post(reverse("sentencing:case_edit", args=[banuelos_case.pk]), data)
    assert [line.levels for line in banuelos_case.offense_lines.all()] == [8]


def test_a_second_editor_is_refused_and_keeps_what_they_typed(alice, banuelos_case):
    first, second = Client(), Client()
    first.force_login(alice)
    second.force_login(alice)
    url = reverse("sentencing:case_edit", args=[banuelos_case.pk])
    loaded_by_both = edit_data(banuelos_case)

    assert first.post(url, {**loaded_by_both, "criminal_history_category": "IV"}).status_code == 302
    response = second.post(url, {**loaded_by_both, "judge": "Hon. Second Editor"})
    page = text(response)

    assert response.status_code == 409
    assert "saved this case while you were editing" in page
    assert "Criminal history category" in page
    assert "IV" in page
    assert 'value="Hon. Second Editor"' in page  # the second editor's typing is kept
    case = Case.objects.get()
    assert case.criminal_history_category == "IV"
    assert case.judge == founding.CASE_FIELDS["judge"]
    # Saving again (the page now carries the new version) applies the second editor's values.
    resubmitted = {**loaded_by_both, "judge": "Hon. Second Editor", "version": str(case.version)}
    assert second.post(url, resubmitted).status_code == 302
    assert Case.objects.get().judge == "Hon. Second Editor"


def test_a_long_case_list_is_paged(alice_client, monkeypatch):
    monkeypatch.setattr("sentencing.views.CASES_PER_PAGE", 2)
    for n in range(3):
        alice_client.post(reverse("sentencing:case_create"), {**BANUELOS, "defendant": f"D{n}"})
    first = text(alice_client.get(reverse("sentencing:case_list")))
    second = text(alice_client.get(reverse("sentencing:case_list") + "?page=2"))
    assert first.count("data-case=") == 2
    assert second.count("data-case=") == 1
    assert "Page 1 of 2 · 3 cases" in first


def test_notes_over_the_cap_get_a_message_at_the_field_and_are_kept(alice_client):
    notes = "n" * 10_001
    response = alice_client.post(reverse("sentencing:case_create"), {**BANUELOS, "notes": notes})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Keep the notes within 10,000 characters (they have 10,001)." in page
    assert notes in page
    assert not Case.objects.exists()
