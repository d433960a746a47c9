"""Malformed import files are rejected, each with its reason, and the rest of the batch goes on.

The same tests run on SQLite and PostgreSQL: PostgreSQL refuses NUL characters in text and
full-text search vectors over 1 MB, which must never stop an import halfway.
"""

import itertools
import json
import string
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from casebook.models import Opinion
from casebook.selectors import opinion_search
from casebook.services.search import opinion_refresh_search_vector
from tests.casebook.test_import import (
    CAP_ENRIQUEZ_MUNOZ,
    COURTLISTENER_CLUSTER,
    COURTLISTENER_OPINION,
    TEXT,
    TEXT_METADATA,
    counts,
    run_import,
    run_rejecting,
    write_json,
)
from tests.factories import OpinionFactory

pytestmark = pytest.mark.django_db

DEEP = 100_000


def cap_with_opinions(opinions):
    return dict(CAP_ENRIQUEZ_MUNOZ, casebody={"judges": [], "opinions": opinions})


# name: (what the file holds, what the rejection says)
MALFORMED = {
    "nested-array.json": ("[" * DEEP + "]" * DEEP, "nested too deeply"),
    "nested-object.json": ('{"a":' * DEEP + "1" + "}" * DEEP, "nested too deeply"),
    "huge-number.json": ('{"id": 1' + "0" * 5000 + "}", "not valid JSON"),
    "cl-case-name-number.json": (
        dict(COURTLISTENER_CLUSTER, case_name=12345),
        '"case_name" must be text, not a number',
    ),
    "cl-case-name-object.json": (
        dict(COURTLISTENER_OPINION, cluster=dict(COURTLISTENER_OPINION["cluster"], case_name={})),
        '"case_name" must be text, not an object',
    ),
    "cap-name-list.json": (
        dict(CAP_ENRIQUEZ_MUNOZ, name_abbreviation=["United States v. Enriquez-Munoz"]),
        '"name_abbreviation" must be text, not a list',
    ),
    "metadata-case-name-number.json": (
        dict(TEXT_METADATA, case_name=7),
        '"case_name" must be text, not a number',
    ),
    "cap-opinion-string.json": (
        cap_with_opinions(["PER CURIAM. Affirmed."]),
        'each of "casebody.opinions" must be an object, not text',
    ),
    "cap-opinion-null.json": (
        cap_with_opinions([None, {"type": "majority", "text": "Affirmed."}]),
        'each of "casebody.opinions" must be an object',
    ),
    "cap-opinion-text-number.json": (
        cap_with_opinions([{"type": "majority", "text": 1356}]),
        '"text" must be text, not a number',
    ),
    "cl-nul-in-case-name.json": (
        dict(COURTLISTENER_CLUSTER, case_name="United States v. Sample\x00Cluster"),
        "the case name contains a NUL character",
    ),
    "cl-nul-in-text.json": (
        dict(COURTLISTENER_OPINION, plain_text="The appeal\x00 is dismissed."),
        "the opinion's text contains a NUL character",
    ),
}


def write_malformed(folder, name):
    content, _message = MALFORMED[name]
    (folder / "sample-text.txt").write_text(TEXT, encoding="utf-8")  # the metadata's text
    path = folder / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        write_json(path, content)
    return path


@pytest.mark.parametrize("name", MALFORMED)
def test_a_malformed_file_is_rejected_with_its_reason(tmp_path, casebook, name):
    before = counts()
    path = write_malformed(tmp_path, name)
    raised = run_rejecting(path)
    message = raised
    assert f"{path}: " in message
    assert MALFORMED[name][1] in message
    assert "rejected 1 " in message
    assert counts() == before


def test_a_nul_character_in_a_plain_text_opinion_is_rejected(tmp_path, casebook):
    before = counts()
    (tmp_path / "sample-text.txt").write_text(TEXT.replace("AFFIRMED.", "AFFIRMED.\x00"))
    write_json(tmp_path / "sample-text.json", TEXT_METADATA)
    out = run_rejecting(tmp_path / "sample-text.txt")
    assert f"{tmp_path / 'sample-text.txt'}: the opinion's text contains a NUL character" in out
    assert counts() == before


def test_a_nul_character_in_metadata_is_rejected(tmp_path, casebook):
    (tmp_path / "sample-text.txt").write_text(TEXT, encoding="utf-8")
    write_json(tmp_path / "sample-text.json", dict(TEXT_METADATA, author="Doe\x00"))
    assert "the author contains a NUL character" in run_rejecting(tmp_path / "sample-text.txt")
    assert not Opinion.objects.filter(case_name="United States v. Sample-Text").exists()


def test_the_batch_goes_on_past_every_malformed_file_and_sums_up(tmp_path, casebook):
    first = write_json(tmp_path / "opinion.json", COURTLISTENER_OPINION)
    bad = [write_malformed(tmp_path, name) for name in MALFORMED]
    last = write_json(tmp_path / "cap.json", CAP_ENRIQUEZ_MUNOZ)
    message = run_rejecting(first, *bad, last)
    assert f"rejected {len(MALFORMED)} " in message.splitlines()[0]
    listed = [line for line in message.splitlines()[1:] if line.startswith("    ")]
    reasons = {line.strip().split(": ", 1)[0]: line for line in listed}
    assert set(reasons) == {str(path) for path in bad}
    for path in bad:
        assert MALFORMED[path.name][1] in reasons[str(path)]
    assert Opinion.objects.filter(source="courtlistener", source_id="66").exists()
    assert Opinion.objects.filter(source="cap", source_id="12345").exists()


def test_the_summary_counts_what_was_imported_and_what_was_rejected(tmp_path, casebook):
    good = write_json(tmp_path / "opinion.json", COURTLISTENER_OPINION)
    bad = write_malformed(tmp_path, "cl-nul-in-text.json")
    out = StringIO()
    rejects = tmp_path / "rejects.tsv"
    call_command(
        "import_opinions", str(good), str(bad), "--no-progress", f"--rejects={rejects}", stdout=out
    )
    first_line = out.getvalue().splitlines()[0]
    assert first_line.startswith("Imported 1 opinion, updated 0, unchanged 0, rejected 1 ")
    header, row = rejects.read_text(encoding="utf-8").splitlines()
    assert header == "file\treason\tmessage"
    assert row.startswith(f"{bad}\tmalformed\t{bad}: the opinion's text contains a NUL")


def huge_text() -> str:
    """An opinion over a megabyte whose search vector PostgreSQL would refuse: an appendix
    listing some hundred thousand distinct docket numbers, after a searchable first page."""
    docket_numbers = " ".join(f"CR-{n:06d}" for n in range(110_000))
    return f"PER CURIAM.\n\nThe petition is dismissed as untimely.\n\nAPPENDIX\n\n{docket_numbers}"


def test_an_opinion_too_long_to_index_whole_is_imported_with_its_beginning_searchable(
    tmp_path, casebook
):
    text = huge_text()
    assert len(text.encode()) > 1_000_000
    opinion_json = dict(COURTLISTENER_OPINION, plain_text=text)
    after = write_json(tmp_path / "cap.json", CAP_ENRIQUEZ_MUNOZ)
    out, _err = run_import(write_json(tmp_path / "huge.json", opinion_json), after)
    assert "Imported 2 opinions," in out
    opinion = Opinion.objects.get(source="courtlistener", source_id="66")
    assert opinion.text == text
    assert Opinion.objects.filter(source="cap", source_id="12345").exists()
    found = [found.pk for found in opinion_search(query="untimely")]
    assert opinion.pk in found
    if connection.vendor == "postgresql":
        assert "Search covers only the first" in opinion.notes
        assert f"{tmp_path / 'huge.json'}: search covers only the first" in out
    else:  # SQLite searches the text itself, all of it
        assert "Search covers" not in opinion.notes
        assert "search covers" not in out


def test_reimporting_a_long_opinion_does_not_repeat_the_note(tmp_path, casebook):
    huge = write_json(tmp_path / "huge.json", dict(COURTLISTENER_OPINION, plain_text=huge_text()))
    run_import(huge)
    run_import(huge)
    notes = Opinion.objects.get(source="courtlistener", source_id="66").notes
    assert notes.count("Search covers") == (1 if connection.vendor == "postgresql" else 0)


def test_json_nested_but_not_too_deeply_is_read_as_usual(tmp_path, casebook):
    nested = dict(COURTLISTENER_CLUSTER, extra=json.loads("[" * 50 + "]" * 50))
    out, _err = run_import(write_json(tmp_path / "cluster.json", nested))
    assert "Imported 2 opinions," in out  # the opinion of the court and the dissent


def costliest_text(size: int) -> str:
    """Text whose search vector is the largest for its size: distinct hyphenated pairs of short
    words ("aa-ab ac-ad …"), each indexed whole and in its parts."""
    alphabet = string.ascii_lowercase + string.digits
    words = ("".join(p) for n in (2, 3, 4) for p in itertools.product(alphabet, repeat=n))
    pairs = (f"{a}-{b}" for a, b in zip(words, words, strict=False))
    return " ".join(itertools.islice(pairs, size // 6))


def test_the_searched_part_of_any_text_fits_postgresqls_index(casebook):
    opinion = OpinionFactory(case_name="United States v. " + "Long-Name " * 28)
    opinion.text = "Untimely. " + costliest_text(2_000_000)
    Opinion.objects.filter(pk=opinion.pk).update(text=opinion.text)
    opinion_refresh_search_vector(opinion=opinion)  # PostgreSQL refused the whole text's vector
    if connection.vendor == "postgresql":
        assert opinion in opinion_search(query="untimely")
        assert opinion in opinion_search(query="Long-Name")
