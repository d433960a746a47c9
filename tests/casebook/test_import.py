"""`import_opinions`: CourtListener, Caselaw Access Project and plain text with metadata."""

import io
import json
import os
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError
from django.urls import reverse

from casebook.models import CitationEdge, Opinion, OpinionCitation, UnmatchedCitation
from casebook.services import opinions as opinions_service
from tests.casebook.pages import hrefs_of

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[2] / "casebook" / "data"

COURTLISTENER_CLUSTER = {
    "id": 771234,
    "case_name": "United States v. Sample-Cluster",
    "date_filed": "2001-02-03",
    "judges": "Able, Baker, Charlie",
    "citations": [{"volume": 240, "reporter": "F.3d", "page": 1001, "type": 1}],
    "docket": {"court_id": "ca9", "docket_number": "00-50001"},
    "sub_opinions": [
        {"id": 1, "type": "040dissent", "plain_text": "I respectfully dissent."},
        {
            "id": 2,
            "type": "020lead",
            "author_str": "Able",
            "html_with_citations": (
                "<p>We follow <a href='/opinion/1/'>United States v. Banuelos-Rodriguez, 215 F.3d "
                "969, 974 (9th Cir. 2000)</a> (en banc).</p>"
                "<p><span class='star-pagination'>*1002</span> On this page, 215 F.3d at 978.</p>"
            ),
        },
    ],
}

COURTLISTENER_OPINION = {
    "id": 55,
    "type": "010combined",
    "author_str": "Doe",
    "plain_text": "The appeal is dismissed. See Smith v. Jones, 123 F.3d 456, 460 "
    "(10th Cir. 1997).",
    "cluster": {
        "id": 66,
        "case_name": "United States v. Sample-Opinion",
        "date_filed": "2002-07-08",
        "citations": ["241 F.3d 10"],
        "court_id": "ca10",
    },
}

# Placeholder text with the reporter's page breaks; the real opinion's words are not needed here.
CAP_ENRIQUEZ_MUNOZ = {
    "id": 12345,
    "name": "United States v. Enriquez-Munoz",
    "name_abbreviation": "United States v. Enriquez-Munoz",
    "decision_date": "1990",
    "first_page": "1356",
    "last_page": "1360",
    "citations": [{"type": "official", "cite": "906 F.2d 1356"}],
    "court": {
        "name_abbreviation": "9th Cir.",
        "name": "United States Court of Appeals for the Ninth Circuit",
    },
    "casebody": {
        "judges": [],
        "opinions": [
            {
                "type": "majority",
                "author": "PER CURIAM.",
                "text": "[Test placeholder for page 1356.]\n*1357 [Page 1357.] *1358 [Page 1358.]"
                "\n*1359 [Page 1359.] *1360 [Page 1360.]",
            }
        ],
    },
}

TEXT_METADATA = {
    "file": "sample-text.txt",
    "case_name": "United States v. Sample-Text",
    "citation": "242 F.3d 20",
    "court": "ca2",
    "date_decided": "2001-04-05",
    "en_banc": False,
    "author": "Doe",
    "appeal_from": "nysd",
    "run_in_footnotes": [{"starts_after": "We affirm.", "ends_before": None}],
}
TEXT = (
    "DOE, Circuit Judge.\n\nWe agree with United States v. Bonnet-Grullon, 212 F.3d 692, 710 "
    "(2d Cir. 2000), and with Smith v. Jones, 123 F.3d 456 (10th Cir. 1997). We affirm.A footnote "
    "the source ran into the text.\n\nAFFIRMED."
)


def write_json(path: Path, data) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def run_import(*paths):
    out, err = io.StringIO(), io.StringIO()
    args = [str(p) for p in paths] + [f"--rejects={os.devnull}"]
    call_command("import_opinions", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_rejecting(*paths) -> str:
    """Imports files some of which are broken: the command succeeds (exit 0, see the command's
    docstring), and its summary lists each rejection with its reason."""
    out, _err = run_import(*paths)
    assert "rejected 0 " not in out
    return out


def counts():
    return (
        Opinion.objects.count(),
        OpinionCitation.objects.count(),
        CitationEdge.objects.count(),
        UnmatchedCitation.objects.count(),
    )


def test_it_imports_a_courtlistener_cluster_with_its_lead_opinion(tmp_path, casebook):
    out, err = run_import(write_json(tmp_path / "cluster.json", COURTLISTENER_CLUSTER))
    assert "Imported 2 opinions," in out  # the opinion of the court, and the dissent
    assert "Importing opinions" in err  # the progress bar
    opinion = Opinion.objects.get(source="courtlistener", source_id="771234")
    assert (opinion.case_name, opinion.court_id, opinion.docket_number, opinion.author) == (
        "United States v. Sample-Cluster",
        "ca9",
        "00-50001",
        "Able",
    )
    assert str(opinion.primary_citation) == "240 F.3d 1001"
    assert "respectfully dissent" not in opinion.text
    assert opinion.opinion_type == Opinion.Type.COURT
    dissent = Opinion.objects.get(source="courtlistener", source_id="771234/1")
    assert (dissent.opinion_type, dissent.text) == (Opinion.Type.DISSENT, "I respectfully dissent.")
    assert not dissent.citations.exists()  # the case's citations go with the lead opinion
    edge = CitationEdge.objects.get(citing=opinion)
    assert edge.cited == casebook.banuelos
    assert edge.pin_cites == ["974", "978"]
    assert 'id="p1002"' in opinion.html
    assert "<span" not in opinion.text  # markup was the source's, not part of the text


def test_it_imports_a_courtlistener_opinion_with_its_cluster(tmp_path, casebook):
    run_import(write_json(tmp_path / "opinion.json", COURTLISTENER_OPINION))
    opinion = Opinion.objects.get(source="courtlistener", source_id="66")
    assert (opinion.court_id, str(opinion.primary_citation)) == ("ca10", "241 F.3d 10")
    unmatched = UnmatchedCitation.objects.get(citing=opinion)
    assert (unmatched.citation, unmatched.case_name, unmatched.court_id) == (
        "123 F.3d 456",
        "Smith v. Jones",
        "ca10",
    )


def test_it_imports_a_caselaw_access_project_case(tmp_path, casebook):
    run_import(write_json(tmp_path / "cap.json", CAP_ENRIQUEZ_MUNOZ))
    opinion = Opinion.objects.get(source="cap", source_id="12345")
    assert (opinion.court_id, opinion.first_page, opinion.last_page) == ("ca9", 1356, 1360)
    assert opinion.date_is_approximate
    assert opinion.year == 1990
    assert opinion.marked_pages == [1356, 1357, 1358, 1359, 1360]


def test_it_imports_plain_text_with_its_metadata(tmp_path, casebook):
    (tmp_path / "sample-text.txt").write_text(TEXT, encoding="utf-8")
    write_json(tmp_path / "sample-text.json", TEXT_METADATA)
    run_import(tmp_path / "sample-text.txt")
    opinion = Opinion.objects.get(case_name="United States v. Sample-Text")
    assert (opinion.court_id, opinion.lower_court_id, opinion.en_banc) == ("ca2", "nysd", False)
    assert CitationEdge.objects.get(citing=opinion).cited == casebook.bonnet
    assert (
        "A footnote the source ran into the text."
        in opinion.html.split('<section class="footnotes">')[1]
    )
    assert opinion.run_in_footnotes == [[TEXT.index("A footnote"), TEXT.index("\n\nAFFIRMED")]]


def test_importing_again_updates_and_never_duplicates(tmp_path, casebook):
    (tmp_path / "sample-text.txt").write_text(TEXT, encoding="utf-8")
    write_json(tmp_path / "sample-text.json", TEXT_METADATA)
    files = [
        write_json(tmp_path / "cluster.json", COURTLISTENER_CLUSTER),
        write_json(tmp_path / "opinion.json", COURTLISTENER_OPINION),
        write_json(tmp_path / "cap.json", CAP_ENRIQUEZ_MUNOZ),
        tmp_path / "sample-text.txt",
    ]
    run_import(*files)
    after_first = counts()
    run_import(*files)
    assert counts() == after_first
    changed = dict(COURTLISTENER_CLUSTER, case_name="United States v. Sample-Cluster-Renamed")
    run_import(write_json(tmp_path / "cluster.json", changed))
    assert counts() == after_first
    assert Opinion.objects.get(source_id="771234").case_name.endswith("Renamed")


def test_importing_the_founding_index_updates_the_seeded_opinions(casebook):
    before = counts()
    html = casebook.banuelos.html
    run_import(DATA / "index.json")
    assert counts() == before
    casebook.banuelos.refresh_from_db()
    assert casebook.banuelos.html == html
    assert not casebook.armenta.citations.get().verified


def test_importing_a_cited_authority_links_the_opinions_citing_it(tmp_path, alice_client, casebook):
    assert UnmatchedCitation.objects.filter(
        citing=casebook.banuelos, volume=906, page=1356
    ).exists()
    run_import(write_json(tmp_path / "cap.json", CAP_ENRIQUEZ_MUNOZ))
    enriquez = Opinion.objects.get(source="cap")
    assert not UnmatchedCitation.objects.filter(volume=906, page=1356).exists()
    edge = CitationEdge.objects.get(citing=casebook.banuelos, cited=enriquez)
    assert edge.depth == 9
    assert "1359" in edge.pin_cites
    page = alice_client.get(
        reverse("casebook:opinion_detail", args=[casebook.banuelos.pk])
    ).content.decode()
    url = reverse("casebook:opinion_detail", args=[enriquez.pk])
    assert hrefs_of(page, "906 F.2d at 1359") == [f"{url}#p1359", f"{url}#p1359"]
    assert hrefs_of(page, "906 F.2d 1356") == [f"{url}#p1360"]
    cited_by = alice_client.get(url).content.decode()
    assert "United States v. Banuelos-Rodriguez" in cited_by.split('id="cited-by"')[1]


def test_a_page_variant_cite_relinks_to_the_opinion_it_lies_in(tmp_path, casebook):
    """Armenta-Castro's "212 F.3d 693" means Bonnet-Grullon, which begins at 692."""
    casebook.bonnet.delete()
    assert UnmatchedCitation.objects.filter(citing=casebook.armenta, page=693).exists() is False
    from casebook.services.graph import opinion_rebuild_citations

    opinion_rebuild_citations(opinion=casebook.armenta)
    assert UnmatchedCitation.objects.filter(citing=casebook.armenta, volume=212, page=693).exists()
    cluster = {
        "id": 9,
        "case_name": "United States v. Bonnet-Grullon",
        "date_filed": "2000-05-12",
        "court_id": "ca2",
        "citations": ["212 F.3d 692"],
        "sub_opinions": [],
    }
    run_import(write_json(tmp_path / "bonnet.json", cluster))
    bonnet = Opinion.objects.get(source_id="9")
    assert CitationEdge.objects.get(citing=casebook.armenta, cited=bonnet).depth == 6


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        (json.dumps({"hello": "world"}), "not a CourtListener docket, cluster or opinion"),
        (json.dumps(dict(COURTLISTENER_CLUSTER, date_filed="June 2000")), "is not a date"),
        (json.dumps(dict(CAP_ENRIQUEZ_MUNOZ, casebody=[])), '"casebody" must be an object'),
        (json.dumps(dict(TEXT_METADATA, file="missing.txt")), "missing.txt is missing"),
    ],
)
def test_a_bad_file_is_rejected_with_a_clear_message_and_nothing_saved(
    tmp_path, casebook, content, message
):
    before = counts()
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    raised = run_rejecting(bad)
    assert message in raised
    assert str(bad) in raised
    assert counts() == before


def test_a_failure_while_saving_leaves_nothing_half_saved_and_exits_1(
    tmp_path, casebook, monkeypatch
):
    run_import(write_json(tmp_path / "cluster.json", COURTLISTENER_CLUSTER))
    before = counts()
    renamed = dict(COURTLISTENER_CLUSTER, case_name="United States v. Renamed-Then-Refused")

    def refuse(**kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(opinions_service, "opinion_rebuild_citations", refuse)
    monkeypatch.setattr(opinions_service, "opinion_render", refuse)
    # A readable record the database refuses is not a broken file: the command fails.
    with pytest.raises(CommandError, match="2 records could not be saved"):
        run_import(write_json(tmp_path / "cluster.json", renamed))
    assert counts() == before
    assert Opinion.objects.get(source_id="771234").case_name == "United States v. Sample-Cluster"


def test_good_files_are_imported_even_when_another_is_rejected(tmp_path, casebook):
    good = write_json(tmp_path / "opinion.json", COURTLISTENER_OPINION)
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    out = run_rejecting(good, bad)  # a broken file alone: exit 0
    assert "Imported 1 opinion, updated 0, unchanged 0, rejected 1 " in out
    assert Opinion.objects.filter(source_id="66").exists()
