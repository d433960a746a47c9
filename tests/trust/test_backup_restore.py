"""`manage.py backup FILE` and `manage.py restore FILE` give back every record as it was; a file
that is not a whole backup is refused before anything is deleted."""

import gzip
import json
import os
import stat
from pathlib import Path

import pytest
from django.core import serializers
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from casebook.seed import load_casebook
from maintenance.backup import backed_up_models, has_data
from sentencing.demo import load_demo
from sentencing.models import Case
from tests.factories import CaseFactory
from tests.sentencing.forms_data import edit_data

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"  # tests/factories.py


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
    # Six demo cases and two calculations opened, the memo's calculation chosen, one edited.
    assert len(before["sentencing.HistoricalCase"]) == 10
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


@pytest.fixture
def some_data(alice):
    """A little of everything a restore could lose: an office, its staff, a case, its history."""
    CaseFactory(by=alice.staff_member, defendant="Kept-Defendant-Wqxz")
    client = Client()
    client.post(reverse("login"), {"username": "alice", "password": PASSWORD})
    return every_record()


def rewritten(backup: Path, target: Path, change) -> Path:
    """The backup with its JSON document changed by `change`, written plainly to `target`."""
    raw = backup.read_bytes()
    document = json.loads(gzip.decompress(raw) if backup.suffix == ".gz" else raw)
    target.write_text(json.dumps(change(document)))
    return target


def drop_a_case(document):
    document["records"] = [r for r in document["records"] if r["model"] != "sentencing.case"]
    return document


def add_an_unknown_model(document):
    document["records"].append({"model": "blog.post", "pk": 1, "fields": {"title": "x"}})
    document["counts"]["blog.post"] = 1
    return document


def add_a_known_model_uncounted(document):
    document["records"].append({"model": "auth.group", "pk": 7, "fields": {"name": "x"}})
    return document


def a_later_version(document):
    return {**document, "version": 2}


def without_the_format(document):
    return document["records"]  # what `dumpdata` or an older backup would have written


BAD_DOCUMENTS = {
    "a record missing": (drop_a_case, "does not hold the records it announces"),
    "an unknown model": (add_an_unknown_model, "models this site does not have"),
    "an uncounted record": (add_a_known_model_uncounted, "does not hold the records"),
    "a later version": (a_later_version, "format version 2"),
    "a bare list of records": (without_the_format, "not a Sentencing Desk backup"),
}


@pytest.mark.parametrize("bad", BAD_DOCUMENTS, ids=list(BAD_DOCUMENTS))
def test_restore_refuses_a_backup_that_does_not_check_out_and_changes_nothing(
    some_data, tmp_path, bad
):
    change, message = BAD_DOCUMENTS[bad]
    backup = tmp_path / "backup.json.gz"
    call_command("backup", str(backup))
    wrong = rewritten(backup, tmp_path / "wrong.json", change)
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(wrong), replace=True)
    assert every_record() == some_data


UNRELATED_FILES = {
    "an empty list": "[]",
    "an empty object": "{}",
    "another app's fixture": '[{"model": "blog.post", "pk": 1, "fields": {"title": "Hello"}}]',
    "a fixture of this app's models": json.dumps(
        [{"model": "auth.group", "pk": 1, "fields": {"name": "Editors", "permissions": []}}]
    ),
    "not JSON": "Case,Defendant\n1,Someone\n",
    "empty": "",
}


@pytest.mark.parametrize("content", UNRELATED_FILES.values(), ids=list(UNRELATED_FILES))
def test_restore_refuses_a_file_that_is_not_a_backup_and_changes_nothing(
    some_data, tmp_path, content
):
    wrong = tmp_path / "fixture.json"
    wrong.write_text(content)
    with pytest.raises(CommandError, match="Nothing was changed"):
        call_command("restore", str(wrong), replace=True)
    assert every_record() == some_data


@pytest.mark.parametrize("name", ["backup.json", "backup.json.gz"])
@pytest.mark.parametrize("kept", [0.5, 0.99])
def test_restore_refuses_a_truncated_backup_and_changes_nothing(some_data, tmp_path, name, kept):
    backup = tmp_path / name
    call_command("backup", str(backup))
    whole = backup.read_bytes()
    backup.write_bytes(whole[: int(len(whole) * kept)])
    with pytest.raises(CommandError, match="not complete"):
        call_command("restore", str(backup), replace=True)
    assert every_record() == some_data


def test_a_backup_that_fails_to_load_is_rolled_back(some_data, tmp_path):
    backup = tmp_path / "backup.json"
    call_command("backup", str(backup))

    def a_bad_date(document):
        user = next(r for r in document["records"] if r["model"] == "auth.user")
        user["fields"]["date_joined"] = "not a date"
        return document

    wrong = rewritten(backup, tmp_path / "wrong.json", a_bad_date)
    with pytest.raises(CommandError, match="could not be loaded.*Nothing was changed"):
        call_command("restore", str(wrong), replace=True)
    assert every_record() == some_data


def test_a_refused_restore_into_an_empty_database_leaves_it_empty(tmp_path):
    wrong = tmp_path / "fixture.json"
    wrong.write_text(UNRELATED_FILES["a fixture of this app's models"])
    with pytest.raises(CommandError, match="Nothing was changed"):
        call_command("restore", str(wrong))
    assert not has_data()


@pytest.mark.parametrize("name", ["backup.json", "backup.json.gz"])
def test_a_backup_is_readable_by_its_owner_only(some_data, tmp_path, name):
    backup = tmp_path / name
    backup.write_text("an older file, readable by all")
    backup.chmod(0o644)
    previous = os.umask(0)
    try:
        call_command("backup", str(backup))
    finally:
        os.umask(previous)
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [name]  # nothing left beside it
    document = json.loads(
        gzip.decompress(backup.read_bytes()) if name.endswith(".gz") else backup.read_text()
    )
    assert document["format"] == "sentencing-desk-backup"
    assert document["version"] == 1
    assert document["counts"]["sentencing.case"] == 1
    users = [r["fields"] for r in document["records"] if r["model"] == "auth.user"]
    assert users[0]["password"]  # the hash: why no one else may read the file
