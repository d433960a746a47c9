"""The case list reads each case's stored summary; the engine runs only for a stale one."""

import pytest
from django.urls import reverse

from sentencing import summaries
from sentencing.models import Case
from tests.sentencing.forms_data import BANUELOS, edit_data
from tests.sentencing.pages import text

pytestmark = pytest.mark.django_db

LIST = reverse("sentencing:case_list")


def engine_runs(monkeypatch) -> list[int]:
    """The cases the engine is run for while the list is shown."""
    ran: list[int] = []
    real = summaries.saved_case_result

    def counting(case):
        ran.append(case.pk)
        return real(case)

    monkeypatch.setattr(summaries, "saved_case_result", counting)
    return ran


def test_a_fresh_summary_is_shown_without_running_the_engine(alice_client, monkeypatch):
    for n in range(3):
        alice_client.post(reverse("sentencing:case_create"), {**BANUELOS, "defendant": f"D{n}"})
    ran = engine_runs(monkeypatch)
    first = text(alice_client.get(LIST))
    assert len(ran) == 3  # computed once and stored
    assert first.count("data-case=") == 3
    assert first.count("<td>70–87 months</td>") == 3  # the guideline sentence of each
    ran.clear()
    second = text(alice_client.get(LIST))
    assert ran == []
    assert second.split("<tbody>")[1] == first.split("<tbody>")[1]  # the same rows


def test_an_edit_makes_the_summary_stale(alice_client, monkeypatch):
    alice_client.post(reverse("sentencing:case_create"), BANUELOS)
    alice_client.get(LIST)
    case = Case.objects.get()
    data = {**edit_data(case), "criminal_history_category": "VI"}
    response = alice_client.post(reverse("sentencing:case_edit", args=[case.pk]), data)
    assert response.status_code == 302
    ran = engine_runs(monkeypatch)
    page = text(alice_client.get(LIST))
    assert ran == [case.pk]
    assert "77–96 months" in page  # level 21, category VI


def test_a_change_of_the_engine_makes_every_summary_stale(alice_client, monkeypatch):
    alice_client.post(reverse("sentencing:case_create"), BANUELOS)
    alice_client.get(LIST)
    monkeypatch.setattr(summaries, "engine_fingerprint", lambda: "another engine")
    ran = engine_runs(monkeypatch)
    alice_client.get(LIST)
    assert ran == [Case.objects.get().pk]


def test_the_fingerprint_covers_every_engine_source_file():
    summaries.engine_fingerprint.cache_clear()
    assert len(summaries.engine_fingerprint()) == 32
    sources = sorted((summaries.HERE / "guidelines").rglob("*.py"))
    assert summaries.HERE / "guidelines" / "loss.py" in sources
