"""`import_opinions --courtlistener-bulk DIR`: CourtListener's bulk CSV files (samples/
courtlistener-bulk/, in the export's shape: PostgreSQL COPY with a header, every value quoted
with a backtick, NULL bare; the opinions file bzip2ed), streamed and filtered by court and date.

The samples: dockets in ca1, ca9 and nysd; clusters 8301 (ca1, 1995, empty case_name, a panel
of three, a lead opinion and a dissent), 8302 (ca9, 1986), 8303 (ca9, 1998, an opinion with
CourtListener's no-text placeholder that the citation map says cites 8301 twice), 8304 (nysd).
"""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from casebook.models import CitationEdge, Opinion

pytestmark = pytest.mark.django_db

BULK = Path(__file__).resolve().parent / "samples" / "courtlistener-bulk"


def bulk_import(*options) -> str:
    out = io.StringIO()
    call_command(
        "import_opinions", f"--courtlistener-bulk={BULK}", "--no-progress", *options, stdout=out
    )
    return out.getvalue()


def imported() -> dict[str, Opinion]:
    return {o.source_id: o for o in Opinion.objects.filter(source="courtlistener")}


def test_the_bulk_files_are_joined_and_filtered_by_court_and_date(casebook):
    out = bulk_import("--courts=ca1,ca9", "--since=1987-11-01")
    assert out.splitlines()[-1] == "Imported 3 opinions, updated 0, unchanged 0, rejected 0."
    found = imported()
    assert set(found) == {"8301", "8301/9302", "8303"}  # not 1986 (8302), not nysd (8304)
    lead = found["8301"]
    assert (lead.case_name, lead.court_id, lead.docket_number) == (
        "United States v. Bulk-One",  # case_name empty: case_name_full
        "ca1",
        "95-1001",
    )
    assert [str(c) for c in lead.citations.all()] == ["996 F.3d 10"]
    assert lead.en_banc is False  # three judges in search_opinioncluster_panel
    assert "The `plain error` rule" in lead.text  # a doubled backtick read back as one
    assert CitationEdge.objects.filter(citing=lead, cited=casebook.banuelos).exists()
    assert found["8301/9302"].opinion_type == Opinion.Type.DISSENT


def test_the_citation_map_gives_the_edges_of_an_opinion_without_text(casebook):
    out = bulk_import("--courts=ca1,ca9")
    assert "Citation map: 1 edges added for opinions without text." in out
    found = imported()
    assert found["8303"].text == ""  # "Unable to extract document content."
    edge = CitationEdge.objects.get(citing=found["8303"])
    assert (edge.cited, edge.depth) == (found["8301"], 2)
    assert "8302" in found  # no --since: 1986 too


def test_a_checkpoint_resumes_after_the_rows_saved(tmp_path, casebook):
    checkpoint = tmp_path / "checkpoint.json"
    bulk_import("--courts=ca1,ca9", f"--checkpoint={checkpoint}", "--batch-size=1")
    state = json.loads(checkpoint.read_text(encoding="utf-8"))
    assert state == {"folder": str(BULK.resolve()), "opinion_rows_saved": 4}
    Opinion.objects.filter(source_id="8301/9302").delete()
    out = bulk_import("--courts=ca1,ca9", f"--checkpoint={checkpoint}")
    assert "Resuming after row 4 of the opinions file." in out
    assert "8301/9302" not in imported()  # its row was saved before: not read again


def test_a_folder_without_bulk_files_fails_the_command(tmp_path, casebook):
    with pytest.raises(CommandError, match="could not be saved or found"):
        call_command(
            "import_opinions",
            f"--courtlistener-bulk={tmp_path}",
            "--no-progress",
            f"--rejects={tmp_path / 'rejects.tsv'}",
            stdout=io.StringIO(),
        )
