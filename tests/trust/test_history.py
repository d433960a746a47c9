"""The History page: who changed what, when, with old and new values in words."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from sentencing.models import Case
from tests.factories import StaffMemberFactory
from tests.sentencing.forms_data import BANUELOS, edit_data, lines_data, with_count

pytestmark = pytest.mark.django_db


def history_entries(client, case) -> list[tuple[str, list[str]]]:
    """(who, [changes]) per save, newest first, as the page shows them."""
    response = client.get(reverse("sentencing:case_history", args=[case.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    entries = []
    for block in page.split("data-history-entry")[1:]:
        who = re.search(r"data-history-user>([^<]*)<", block).group(1)
        changes = re.findall(r"data-history-change>([^<]*)<", block)
        entries.append((who, changes))
    return entries


@pytest.fixture
def carol_client(alice):
    """A colleague of alice's in the same office."""
    carol = StaffMemberFactory(
        user__username="carol",
        user__first_name="Carol",
        user__last_name="Colleague",
        office=alice.staff_member.office,
    ).user
    client = Client()
    client.force_login(carol)
    return client


def test_each_save_lists_who_changed_what_in_words(alice_client, carol_client):
    alice_client.post(reverse("sentencing:case_create"), BANUELOS)
    case = Case.objects.get()
    url = reverse("sentencing:case_edit", args=[case.pk])

    data = edit_data(case)
    data.update({"lines-1-levels": "12", "criminal_history_category": "IV"})
    assert carol_client.post(url, data).status_code == 302

    data = with_count(edit_data(Case.objects.get()), "8 U.S.C. § 1326(a)")
    data.update({"lines-0-DELETE": "on", "acceptance": "2", "judge": "Hon. Gary L. Taylor"})
    assert alice_client.post(url, data).status_code == 302

    entries = history_entries(alice_client, case)
    assert [who for who, _changes in entries] == ["Alice Lawyer", "Carol Colleague", "Alice Lawyer"]
    latest, middle, first = (changes for _who, changes in entries)
    assert "Case opened" in first
    assert (
        "Offense line §2L1.2(b)(2) added (kind Specific offense characteristic, guideline "
        "§2L1.2(b)(2), description Deported after a conviction for an aggravated felony, levels 16)"
    ) in first
    assert sorted(middle) == [
        "Criminal history category V → IV",
        "Offense line §2L1.2(b)(2): levels 16 → 12",
    ]
    assert "Judge Hon. Jane Doe → Hon. Gary L. Taylor" in latest
    assert (
        "Acceptance of responsibility 3 levels — §3E1.1(a) and (b) → 2 levels — §3E1.1(a)" in latest
    )
    assert any(c.startswith("Offense line §2L1.2(a) removed (") for c in latest)
    assert any(c.startswith("Count 8 U.S.C. § 1326(a) added (") for c in latest)
    assert not any("Offense line §2L1.2(b)(2)" in c for c in latest)  # unchanged rows are quiet


def test_the_history_records_the_old_values_not_only_the_new(alice_client):
    alice_client.post(reverse("sentencing:case_create"), BANUELOS)
    case = Case.objects.get()
    data = edit_data(case)
    data["notes"] = "First note"
    alice_client.post(reverse("sentencing:case_edit", args=[case.pk]), data)
    data = edit_data(Case.objects.get())
    data["notes"] = "Second note"
    alice_client.post(reverse("sentencing:case_edit", args=[case.pk]), data)
    changes = [c for _who, cs in history_entries(alice_client, case) for c in cs]
    assert "Notes First note → Second note" in changes
    assert "Notes (blank) → First note" in changes
    assert case.history.count() == 3


def test_the_case_page_links_to_its_history(alice_client):
    alice_client.post(reverse("sentencing:case_create"), BANUELOS)
    case = Case.objects.get()
    page = alice_client.get(reverse("sentencing:case_detail", args=[case.pk])).content.decode()
    assert f'href="{reverse("sentencing:case_history", args=[case.pk])}"' in page


def test_a_refused_save_leaves_no_trace(alice, alice_client):
    alice_client.post(reverse("sentencing:case_create"), BANUELOS)
    case = Case.objects.get()
    url = reverse("sentencing:case_edit", args=[case.pk])
    stale = edit_data(case)
    alice_client.post(url, {**stale, "judge": "First"})
    assert alice_client.post(url, {**stale, "judge": "Second"}).status_code == 409
    changes = [c for _who, cs in history_entries(alice_client, case) for c in cs]
    assert "Judge Hon. Jane Doe → First" in changes
    assert not any("Second" in c for c in changes)


def test_a_lines_use_the_greater_group_is_told_in_words(alice_client):
    felony = ("specific", "§2L1.2(b)(1)", "Deported after a felony", 4, "2L1.2(b)")
    aggravated = ("specific", "§2L1.2(b)(2)", "Deported after an aggravated felony", 16)
    alice_client.post(
        reverse("sentencing:case_create"), {**BANUELOS, **lines_data([felony, aggravated])}
    )
    case = Case.objects.get()
    data = edit_data(case)
    data["lines-1-group"] = "2L1.2(b)"
    alice_client.post(reverse("sentencing:case_edit", args=[case.pk]), data)
    (_who, latest), (_who_first, first) = history_entries(alice_client, case)
    assert (
        "Offense line §2L1.2(b)(1) added (kind Specific offense characteristic, guideline "
        "§2L1.2(b)(1), description Deported after a felony, levels 4, use-the-greater group "
        "2L1.2(b))"
    ) in first
    assert latest == ["Offense line §2L1.2(b)(2): use-the-greater group (blank) → 2L1.2(b)"]
