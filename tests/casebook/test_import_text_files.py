"""Plain-text imports read their text only from the metadata file's own folder.

The metadata names the text file ("file"); whatever it names becomes opinion text every office
can read, so a name that leads anywhere else on the server is refused.
"""

import json
import os

import pytest
from django.contrib import admin
from django.forms import FileField, FilePathField
from django.test import RequestFactory

from casebook.models import Opinion
from tests.casebook.test_import import (
    TEXT,
    TEXT_METADATA,
    counts,
    run_import,
    run_rejecting,
    write_json,
)

pytestmark = pytest.mark.django_db

SECRET = "DJANGO_SECRET_KEY=not-for-the-casebook\n"
# Without footnote anchors, which a server file would not have: nothing but the path refuses it.
METADATA = {key: value for key, value in TEXT_METADATA.items() if key != "run_in_footnotes"}


@pytest.fixture
def folders(tmp_path):
    """An import folder, and beside it a secret the metadata must never reach."""
    imports = tmp_path / "imports"
    imports.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "server.env").write_text(SECRET, encoding="utf-8")
    return imports, outside


def write_metadata(folder, layout, file):
    """Metadata naming `file`: in an index.json, or as one opinion's metadata (name.json)."""
    entry = dict(METADATA, file=file)
    if layout == "index":
        return write_json(folder / "index.json", {"opinions": [entry]})
    return write_json(folder / "sample-text.json", entry)


def assert_refused(metadata, message):
    before = counts()
    raised = run_rejecting(metadata)
    assert str(metadata) in raised
    assert message in raised
    assert counts() == before
    assert not Opinion.objects.filter(text__contains="not-for-the-casebook").exists()


LAYOUTS = pytest.mark.parametrize("layout", ["index", "single"])


@LAYOUTS
def test_an_absolute_path_to_a_server_file_is_refused(folders, casebook, layout):
    imports, outside = folders
    metadata = write_metadata(imports, layout, str(outside / "server.env"))
    assert_refused(metadata, "must be a file in the metadata's own folder, not an absolute path")


@LAYOUTS
def test_a_path_climbing_out_of_the_folder_is_refused(folders, casebook, layout):
    imports, _outside = folders
    metadata = write_metadata(imports, layout, "../outside/server.env")
    assert_refused(metadata, 'must not climb out of the folder with ".."')


@LAYOUTS
def test_a_path_climbing_out_and_back_in_is_refused_too(folders, casebook, layout):
    imports, _outside = folders
    (imports / "sample-text.txt").write_text(TEXT, encoding="utf-8")
    metadata = write_metadata(imports, layout, "../imports/sample-text.txt")
    assert_refused(metadata, 'must not climb out of the folder with ".."')


@LAYOUTS
def test_a_symlink_pointing_out_of_the_folder_is_refused(folders, casebook, layout):
    imports, outside = folders
    os.symlink(outside / "server.env", imports / "sample-text.txt")
    metadata = write_metadata(imports, layout, "sample-text.txt")
    assert_refused(metadata, "leads outside the metadata's folder")


@LAYOUTS
def test_a_symlinked_subfolder_pointing_out_is_refused(folders, casebook, layout):
    imports, outside = folders
    os.symlink(outside, imports / "texts")
    metadata = write_metadata(imports, layout, "texts/server.env")
    assert_refused(metadata, "leads outside the metadata's folder")


@pytest.mark.parametrize("file", ["", 42, ["sample-text.txt"], "texts/", "sample\x00.txt"])
def test_a_file_entry_that_is_not_a_file_name_is_refused(folders, casebook, file):
    imports, _outside = folders
    (imports / "texts").mkdir()
    metadata = write_json(imports / "index.json", {"opinions": [dict(METADATA, file=file)]})
    before = counts()
    raised = run_rejecting(metadata)
    assert str(metadata) in raised
    assert '"file"' in raised
    assert counts() == before


@LAYOUTS
def test_a_text_in_a_subfolder_of_the_metadata_folder_is_imported(folders, casebook, layout):
    imports, _outside = folders
    (imports / "texts").mkdir()
    (imports / "texts" / "sample-text.txt").write_text(TEXT, encoding="utf-8")
    metadata = write_metadata(imports, layout, "texts/sample-text.txt")
    out, _err = run_import(metadata)
    assert "Imported 1 opinion," in out
    assert Opinion.objects.get(case_name="United States v. Sample-Text").text == TEXT


def test_a_symlink_that_stays_inside_the_folder_is_followed(folders, casebook):
    imports, _outside = folders
    (imports / "texts").mkdir()
    (imports / "texts" / "original.txt").write_text(TEXT, encoding="utf-8")
    os.symlink(imports / "texts" / "original.txt", imports / "sample-text.txt")
    out, _err = run_import(write_metadata(imports, "index", "sample-text.txt"))
    assert "Imported 1 opinion," in out
    assert Opinion.objects.get(case_name="United States v. Sample-Text").text == TEXT


def test_a_good_entry_of_the_index_is_not_imported_when_another_names_a_server_file(
    folders, casebook
):
    imports, outside = folders
    (imports / "sample-text.txt").write_text(TEXT, encoding="utf-8")
    index = {
        "opinions": [
            METADATA,
            dict(
                METADATA,
                case_name="United States v. Leak",
                citation="242 F.3d 30",
                file=str(outside / "server.env"),
            ),
        ]
    }
    assert_refused(write_json(imports / "index.json", index), "not an absolute path")


def test_the_admin_offers_no_way_to_name_a_file_on_the_server(admin_user):
    """The admin edits opinions field by field: it has no import, upload or path field that
    could read a file the server holds into the casebook."""
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    casebook_admins = [
        model_admin
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label == "casebook"
    ]
    assert casebook_admins
    for model_admin in casebook_admins:
        form = model_admin.get_form(request)
        for name, field in form.base_fields.items():
            assert not isinstance(field, (FileField, FilePathField)), (model_admin, name)
        actions = set(model_admin.get_actions(request))
        assert actions <= {"delete_selected", "mark_verified"}, (model_admin, actions)
        names = {pattern.name for pattern in model_admin.get_urls() if pattern.name}
        standard = {"changelist", "add", "history", "delete", "change"}
        opts = model_admin.model._meta
        assert names <= {f"{opts.app_label}_{opts.model_name}_{view}" for view in standard}


def test_a_text_given_by_name_is_read_whatever_file_its_metadata_names(tmp_path, casebook):
    """name.txt takes its metadata from name.json beside it: the command's argument is the text,
    and a "file" in that metadata is never read."""
    (tmp_path / "sample-text.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sample-text.json").write_text(
        json.dumps(dict(TEXT_METADATA, file="/etc/passwd")), encoding="utf-8"
    )
    run_import(tmp_path / "sample-text.txt")
    assert Opinion.objects.get(case_name="United States v. Sample-Text").text == TEXT
