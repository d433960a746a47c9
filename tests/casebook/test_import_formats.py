"""Real shapes of CourtListener and Caselaw Access Project files (samples/, written in the
shapes their exports and APIs give), and what the import keeps of them.

Samples: courtlistener-v4/ (docket, cluster and opinions in separate files linked by URL, the
cluster's case_name empty), courtlistener-v3/ca2/ (the old per-court bulk layout, v3 cite
fields, CourtListener's "Unable to extract document content." placeholder),
courtlistener-nested/ (clusters with their opinions nested), cap/ (API cases: the Supreme
Court as "U.S.", the Tax Court as "T.C.", a court courts-db lacks, a case without casebody, two
cases on one page), cap-bulk/ (a static.case.law volume).
"""

import datetime
import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from casebook.importers.common import says_en_banc
from casebook.models import CitationEdge, Court, Opinion, UnmatchedCitation
from casebook.precedent import resolve_precedent
from tests.casebook.test_import import counts, run_import
from tests.factories import GroundFactory, HoldingFactory

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parent / "samples"


def summary(out: str) -> str:
    return out.splitlines()[0]


def opinion(source_id: str, source: str = "courtlistener") -> Opinion:
    return Opinion.objects.get(source=source, source_id=source_id)


def cites(op: Opinion) -> list[str]:
    return [str(c) for c in op.citations.all()]


def test_a_folder_of_every_shape_imports_with_no_rejection_and_sums_up(casebook):
    out, _err = run_import(SAMPLES)
    # 15 opinions: 10 cases (one known only by citation, one with no text) and 5 separate
    # opinions. Skipped: CAP's VolumeMetadata, the CasesMetadata its cases/ repeat, and the
    # bulk CSV files (read only with --courtlistener-bulk).
    assert summary(out) == (
        "Imported 15 opinions, updated 0, unchanged 0, rejected 0 "
        "(from 16 files read; 8 other files skipped)."
    )


def test_importing_the_folder_again_changes_nothing(casebook):
    run_import(SAMPLES)
    before = counts()
    out, _err = run_import(SAMPLES)
    assert summary(out).startswith("Imported 0 opinions, updated 0, unchanged 15, rejected 0 ")
    assert counts() == before


def test_a_changed_file_counts_as_updated(tmp_path, casebook):
    shutil.copytree(SAMPLES / "courtlistener-nested", tmp_path / "nested")
    run_import(tmp_path / "nested")
    path = tmp_path / "nested" / "cluster-8202.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["judges"] = "Cole, Dunn, Eyre"
    path.write_text(json.dumps(data), encoding="utf-8")
    out, _err = run_import(tmp_path / "nested")
    assert summary(out).startswith("Imported 0 opinions, updated 1, unchanged 2, ")


def test_a_cluster_without_case_name_takes_its_full_name_and_keeps_it(casebook):
    run_import(SAMPLES / "courtlistener-v4")
    lead = opinion("8001")
    full = "UNITED STATES of America, Appellee, v. Jane SAMPLE-FULLNAME, Defendant, Appellant"
    assert lead.case_name == f"{full}."
    assert lead.court_id == "ca1"  # from the docket file the cluster links to
    assert lead.docket_number == "93-2214"  # the docket's "No. 93-2214", without its "No."
    assert cites(lead) == ["991 F.3d 101"]
    assert lead.author == "Barron"
    assert "Banuelos-Rodriguez" in lead.text
    assert CitationEdge.objects.filter(citing=lead, cited=casebook.banuelos).exists()


def test_opinions_in_separate_files_keep_their_types(casebook):
    run_import(SAMPLES / "courtlistener-v4")
    types = {o.source_id: o.opinion_type for o in Opinion.objects.filter(docket_number="93-2214")}
    assert types == {
        "8001": Opinion.Type.COURT,
        "8001/9002": Opinion.Type.DISSENT,
        "8001/9003": Opinion.Type.ADDENDUM,
    }
    assert opinion("8001/9002").text.startswith("TORRES, Circuit Judge, dissenting.")


def test_the_opinion_files_may_come_before_their_cluster_and_docket(tmp_path, casebook):
    folder = tmp_path / "v4"
    folder.mkdir()
    for path in (SAMPLES / "courtlistener-v4").iterdir():  # opinions first in name order
        name = path.name.replace("opinion-", "a-opinion-").replace("docket-", "z-docket-")
        shutil.copy(path, folder / name)
    out, _err = run_import(folder)
    assert summary(out).startswith("Imported 3 opinions, updated 0, unchanged 0, rejected 0 ")
    assert opinion("8001").court_id == "ca1"


def test_an_opinion_whose_cluster_is_missing_is_rejected_as_such(casebook):
    out, _err = run_import(SAMPLES / "courtlistener-v4" / "opinion-9002.json")
    assert "Rejected, cluster missing: 1" in out
    assert "its cluster (https://www.courtlistener.com/api/rest/v4/clusters/8001/)" in out


def test_v3_per_court_files_take_the_court_from_their_folder_and_the_placeholder_is_no_text(
    casebook,
):
    run_import(SAMPLES / "courtlistener-v3")
    case = opinion("8101")
    assert case.court_id == "ca2"
    # federal_cite_one and westlaw_cite: every citation the cluster gives is kept.
    assert cites(case) == ["992 F.3d 200", "1995 WL 101"]
    assert case.text == ""  # "Unable to extract document content." is not the opinion
    assert case.en_banc is None  # no panel, no caption saying so


def test_en_banc_is_derived_from_the_panel_size_and_the_caption(casebook):
    run_import(SAMPLES / "courtlistener-nested", SAMPLES / "cap-bulk")
    assert opinion("8201").en_banc is True  # eleven judges (28 U.S.C. § 46(c): panels of three)
    assert opinion("8201/9202").opinion_type == Opinion.Type.CONCURRENCE
    # Three judges, and "Rehearing en banc denied" in the caption does not make it en banc.
    assert opinion("8202").en_banc is False
    # CAP's head matter: "Argued and Submitted En Banc".
    assert opinion("7700007", "cap").en_banc is True


def test_a_cap_supreme_court_case_keeps_every_citation_and_its_dissent(casebook):
    run_import(SAMPLES / "cap" / "us-sample.json")
    case = opinion("7700001", "cap")
    assert case.court_id == "scotus"  # CAP's "U.S."
    assert case.court.kind == Court.Kind.SUPREME
    assert cites(case) == ["999 U.S. 101", "199 S. Ct. 2001", "199 L. Ed. 2d 301"]
    assert case.docket_number == "97-1001"
    dissent = opinion("7700001/1", "cap")
    assert (dissent.opinion_type, dissent.author) == (Opinion.Type.DISSENT, "Justice Baker")


def test_the_tax_court_and_state_courts_resolve_through_courts_db(casebook):
    run_import(SAMPLES / "cap" / "tax-sample.json", SAMPLES / "cap" / "appeal-of-day.json")
    assert opinion("7700002", "cap").court_id == "tax"  # CAP's "T.C."
    assert opinion("7700005", "cap").court_id == "nh"  # "N.H."


def test_an_unknown_court_is_imported_as_named_and_marked_unrecognized(alice_client, casebook):
    out, _err = run_import(SAMPLES / "cap" / "mspb-sample.json")
    assert "rejected 0 " in summary(out)
    case = opinion("7700003", "cap")
    assert case.court_as_named == "Merit Systems Protection Board"
    assert (case.court.recognized, case.court.kind) == (False, Court.Kind.OTHER)
    assert case.court.name == "Merit Systems Protection Board"
    page = alice_client.get(reverse("casebook:opinion_detail", args=[case.pk])).content.decode()
    assert "court not recognized: Merit Systems Protection Board" in page


def test_precedent_resolution_ignores_an_unrecognized_court(casebook):
    ground = GroundFactory()
    holding = HoldingFactory(
        ground=ground,
        opinion__court_id="",
        opinion__court_as_named="Board of Sample Appeals",
        opinion__date_decided=datetime.date(2001, 1, 1),
    )
    assert holding.opinion.court.recognized is False
    found = resolve_precedent(ground=ground, district="cacd", as_of=datetime.date(2005, 1, 1))
    listed = found.binding + found.persuasive + found.district_courts + found.undated
    assert holding not in listed
    assert found.unrecognized == (holding,)  # set aside, and said to be


def test_a_case_without_casebody_is_known_by_citation_with_its_cites_to_as_edges(casebook):
    run_import(SAMPLES / "cap" / "metadata-only.json", SAMPLES / "cap" / "us-sample.json")
    case = opinion("7700004", "cap")
    assert (case.text, cites(case)) == ("", ["994 F.3d 10"])
    cited = {edge.cited for edge in CitationEdge.objects.filter(citing=case)}
    # Banuelos is in the casebook already; the Supreme Court case came after and relinked.
    assert cited == {casebook.banuelos, opinion("7700001", "cap")}
    assert not UnmatchedCitation.objects.filter(citing=case).exists()


def test_two_cases_on_one_reporter_page_are_never_merged(casebook):
    out, _err = run_import(
        SAMPLES / "cap" / "appeal-of-day.json", SAMPLES / "cap" / "appeal-of-baron.json"
    )
    assert summary(out).startswith("Imported 2 opinions, ")
    day, baron = opinion("7700005", "cap"), opinion("7700006", "cap")
    assert (day.case_name, baron.case_name) == ("Appeal of Day", "Appeal of Baron")
    assert cites(day) == cites(baron) == ["140 N.H. 400"]
    assert "Appeal of Baron" in baron.text
    assert "Appeal of Day" in day.text


def test_the_same_case_from_another_source_is_matched_by_citation_name_and_date(tmp_path, casebook):
    run_import(SAMPLES / "cap" / "appeal-of-day.json")
    same = json.loads((SAMPLES / "cap" / "appeal-of-day.json").read_text(encoding="utf-8"))
    cluster = {
        "id": 123,
        "case_name": "Appeal of Sample Day",
        "date_filed": same["decision_date"],
        "citations": [{"volume": 140, "reporter": "N.H.", "page": 400, "type": 2}],
        "docket": {"court_id": "nh", "docket_number": "No. 95-101"},
        "judges": "Able, Baker, Cole",
        "sub_opinions": [],
    }
    (tmp_path / "cluster.json").write_text(json.dumps(cluster), encoding="utf-8")
    out, _err = run_import(tmp_path / "cluster.json")
    assert summary(out).startswith("Imported 0 opinions, updated 1, ")
    day = Opinion.objects.get(citations__page=400, citations__reporter="N.H.")
    # The other source fills what was empty and leaves the rest, its source id included.
    assert (day.source, day.source_id, day.case_name) == ("cap", "7700005", "Appeal of Day")
    assert (day.docket_number, day.judges) == ("95-101", "Able, Baker, Cole")
    # So importing both again changes nothing.
    out, _err = run_import(SAMPLES / "cap" / "appeal-of-day.json", tmp_path / "cluster.json")
    assert summary(out).startswith("Imported 0 opinions, updated 0, unchanged 2, ")


def test_the_opinion_page_says_unknown_when_nothing_tells_en_banc(alice_client, casebook):
    run_import(SAMPLES / "cap" / "tax-sample.json")
    case = opinion("7700002", "cap")
    page = alice_client.get(reverse("casebook:opinion_detail", args=[case.pk])).content.decode()
    assert "en banc: unknown" in page
    assert "· panel" not in page


def test_a_jsonl_file_is_read_line_by_line(tmp_path, casebook):
    lines = [
        (SAMPLES / "cap" / name).read_text(encoding="utf-8").replace("\n", " ")
        for name in ("tax-sample.json", "appeal-of-day.json")
    ]
    path = tmp_path / "data.jsonl"
    path.write_text("\n".join(lines) + "\n{broken\n", encoding="utf-8")
    out, _err = run_import(path)
    assert summary(out).startswith("Imported 2 opinions, updated 0, unchanged 0, rejected 1 ")
    assert "line 3 is not valid JSON" in out


def test_a_missing_path_fails_the_command(tmp_path, casebook):
    with pytest.raises(CommandError, match="could not be saved or found"):
        run_import(tmp_path / "nowhere")


def test_records_are_saved_in_batches_and_a_refused_one_spares_its_batch(tmp_path, casebook):
    folder = tmp_path / "cap"
    shutil.copytree(SAMPLES / "cap", folder)
    bad = json.loads((folder / "tax-sample.json").read_text(encoding="utf-8"))
    bad["name_abbreviation"] = bad["name"] = "x" * 400  # longer than a caption may be
    (folder / "tax-sample.json").write_text(json.dumps(bad), encoding="utf-8")
    out = io.StringIO()
    rejects = tmp_path / "rejects.tsv"
    call_command(
        "import_opinions",
        str(folder),
        "--batch-size=2",
        "--no-progress",
        f"--rejects={rejects}",
        stdout=out,
    )
    assert summary(out.getvalue()).startswith(
        "Imported 6 opinions, updated 0, unchanged 0, rejected 1 "
    )
    assert not Opinion.objects.filter(source_id="7700002").exists()
    assert str(folder / "tax-sample.json") in rejects.read_text(encoding="utf-8")


def test_an_api_list_page_is_read_object_by_object(tmp_path, casebook):
    folder = SAMPLES / "courtlistener-v4"
    page = {
        "count": 3,
        "next": None,
        "previous": None,
        "results": [
            json.loads((folder / name).read_text(encoding="utf-8"))
            for name in ("opinion-9001.json", "cluster-8001.json", "docket-7001.json")
        ],
    }
    (tmp_path / "page.json").write_text(json.dumps(page), encoding="utf-8")
    out, _err = run_import(tmp_path / "page.json")
    # The opinion comes before its cluster in the page: it waits, then joins it.
    assert summary(out).startswith("Imported 1 opinion, updated 0, unchanged 0, rejected 0 ")
    assert opinion("8001").court_id == "ca1"


def test_a_cluster_with_no_name_at_all_is_rejected_as_broken(tmp_path, casebook):
    cluster = json.loads((SAMPLES / "courtlistener-nested" / "cluster-8202.json").read_text())
    cluster.update(case_name="", case_name_short="", case_name_full="")
    (tmp_path / "cluster.json").write_text(json.dumps(cluster), encoding="utf-8")
    out, _err = run_import(tmp_path / "cluster.json")  # exit 0: a broken file only
    assert '"case_name", "case_name_short" and "case_name_full" are all empty' in out


@pytest.mark.parametrize(
    ("caption", "en_banc"),
    [
        ("On Rehearing En Banc", True),
        ("Argued and Submitted En Banc Jan. 5, 2000", True),
        ("Before the court in banc", True),  # the statute's spelling (28 U.S.C. § 46(c))
        ("Rehearing en banc denied", False),
        ("Petition for rehearing en banc", False),
        ("Suggestion for rehearing en banc was denied.", False),
        ("Before: Cole, Dunn and Eyre, Circuit Judges.", False),
    ],
)
def test_a_caption_says_en_banc_only_when_the_court_sat_en_banc(caption, en_banc):
    assert says_en_banc(caption) is en_banc
