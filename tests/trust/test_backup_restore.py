"""`manage.py backup FILE` and `manage.py restore FILE` give back every record as it was."""

import pytest
from django.core import serializers
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from casebook.seed import load_casebook
from maintenance.backup import backed_up_models
from sentencing.demo import load_demo
from sentencing.models import Case
from tests.sentencing.forms_data import edit_data

pytestmark = pytest.mark.django_db(transaction=True)


def every_record() -> dict[str, list]:
    """Each backed-up model's rows, serialized the way the backup writes them, by primary key."""
    records = {}
    for model in backed_up_models():
        rows = serializers.serialize(
            "python", model._default_manager.order_by("pk"), use_natural_foreign_keys=True
        )
        records[model._meta.label] = rows
    return records


@pytest.fixture
def demo_data():
    """The demo data, the casebook, one edit through the site (history) and a login."""
    load_demo()
    load_casebook()
    client = Client()
    assert (
        client.post(reverse("login"), {"username": "demo", "password": "demo"}).status_code == 302
    )
    case = Case.objects.get(defendant="Rogelio Banuelos-Rodriguez")
    data = edit_data(case)
    data.update({"lines-1-levels": "12", "criminal_history_category": "IV"})
    assert client.post(reverse("sentencing:case_edit", args=[case.pk]), data).status_code == 302


def test_a_backup_restores_every_record(demo_data, tmp_path):
    before = every_record()
    assert len(before["sentencing.HistoricalCase"]) == 3  # two demo cases opened, one edited
    assert before["casebook.Opinion"]
    assert before["casebook.Holding"]
    assert before["accounts.LoginSession"]
    assert before["auth.User"]
    backup = tmp_path / "backup.json.gz"

    call_command("backup", str(backup))
    Case.objects.all().delete()  # a loss to recover from
    call_command("restore", str(backup), replace=True)

    after = every_record()
    assert after.keys() == before.keys()
    for label in before:
        assert after[label] == before[label], label
    # And the site works on the restored data: the demo user logs in and sees the edit.
    client = Client()
    client.post(reverse("login"), {"username": "demo", "password": "demo"})
    case = Case.objects.get(defendant="Rogelio Banuelos-Rodriguez")
    page = client.get(reverse("sentencing:case_history", args=[case.pk])).content.decode()
    assert "Criminal history category V → IV" in page


def test_restore_refuses_a_database_that_holds_data(demo_data, tmp_path):
    backup = tmp_path / "backup.json"
    call_command("backup", str(backup))
    with pytest.raises(CommandError, match="already holds data"):
        call_command("restore", str(backup))
