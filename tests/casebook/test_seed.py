"""The founding material as `load_casebook` loads it, and loading it twice."""

import datetime
import json

import pytest
from django.core.management import call_command

from casebook.models import (
    CitationEdge,
    Court,
    Holding,
    Opinion,
    OpinionCitation,
    Treatment,
    UnmatchedCitation,
)
from casebook.seed import SPLIT, load_casebook

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "opinions": sorted(
            Opinion.objects.values_list("case_name", "source_id", "html", "updated_at")
        ),
        "citations": sorted(
            OpinionCitation.objects.values_list("volume", "reporter", "page", "verified")
        ),
        "edges": sorted(CitationEdge.objects.values_list("citing_id", "cited_id", "depth")),
        "unmatched": sorted(
            UnmatchedCitation.objects.values_list("citing_id", "volume", "reporter", "page")
        ),
        "holdings": sorted(
            Holding.objects.values_list("opinion_id", "quote", "pinpoint", "anchor")
        ),
        "treatments": sorted(
            Treatment.objects.values_list("opinion_id", "holding_id", "kind", "date"), key=repr
        ),
        "courts": sorted(Court.objects.values_list("id", "circuit_id")),
    }


def test_loading_twice_changes_nothing(casebook):
    before = snapshot()
    load_casebook()
    after = snapshot()
    assert {k: v for k, v in after.items() if k != "opinions"} == {
        k: v for k, v in before.items() if k != "opinions"
    }
    assert [row[:3] for row in after["opinions"]] == [row[:3] for row in before["opinions"]]
    assert len(before["opinions"]) == 4


def test_the_management_command_loads_it(db, capsys):
    call_command("load_casebook")
    call_command("load_casebook")
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    assert Opinion.objects.count() == 4 + len(split["opinions"])
    out = capsys.readouterr().out
    assert "Casebook loaded: 4 opinions" in out
    assert f"Fast-track split loaded: {len(split['holdings'])} holdings" in out


def test_the_founding_opinions_carry_their_metadata(casebook):
    banuelos, armenta = casebook.banuelos, casebook.armenta
    assert (banuelos.court_id, banuelos.date_decided, banuelos.en_banc) == (
        "ca9",
        datetime.date(2000, 6, 14),
        True,
    )
    assert (banuelos.first_page, banuelos.last_page, banuelos.author) == (969, 978, "Graber")
    assert banuelos.lower_court_id == "cacd"
    assert (armenta.court_id, armenta.en_banc, armenta.docket_number) == ("ca10", False, "99-4155")
    assert (armenta.lower_court_id, armenta.lower_court_docket_number) == ("utd", "98-CR-500-W")
    assert armenta.judges == "Murphy, McKay, Anderson"
    assert not armenta.citations.get().verified
    assert banuelos.citations.get().verified


def test_the_raw_text_is_stored_as_received(casebook):
    assert "(9th Cir.1995)" in casebook.banuelos.text  # mended only for extraction
    assert "Unit*971ed" in casebook.banuelos.text


def test_courts_carry_their_circuit(casebook):
    assert Court.objects.get(pk="cacd").circuit_id == "ca9"
    assert Court.objects.get(pk="utd").circuit_id == "ca10"
    assert Court.objects.get(pk="ca9").circuit_id == "ca9"
    assert Court.objects.get(pk="scotus").circuit_id is None
    assert Court.objects.get(pk="ca2").abbreviation == "2d Cir."


def test_text_less_authorities_are_citation_only_opinions_or_unmatched_citations(casebook):
    assert not casebook.bonnet.has_text
    assert casebook.bonnet.court_id == "ca2"
    assert casebook.bonnet.date_decided == datetime.date(2000, 5, 12)
    assert casebook.panel.date_is_approximate
    assert casebook.panel.year == 1999
    koon = UnmatchedCitation.objects.get(citing=casebook.banuelos, volume=518, page=81)
    assert (koon.case_name, koon.court_id, koon.year, koon.depth) == (
        "Koon v. United States",
        "scotus",
        1996,
        3,
    )
    assert koon.parallel_citations == "116 S. Ct. 2035, 135 L. Ed. 2d 392"
    assert UnmatchedCitation.objects.filter(citing=casebook.banuelos).count() == 22
    assert UnmatchedCitation.objects.filter(citing=casebook.armenta).count() == 3


def test_the_citation_graph_links_the_founding_opinions(casebook):
    edges = {(e.citing, e.cited): e for e in CitationEdge.objects.select_related("citing", "cited")}
    assert set(edges) == {
        (casebook.armenta, casebook.banuelos),
        (casebook.armenta, casebook.bonnet),
        (casebook.banuelos, casebook.bonnet),
    }
    assert edges[casebook.armenta, casebook.banuelos].pin_cites[0] == "978"
    assert edges[casebook.armenta, casebook.bonnet].pin_cites[0] == "710"


def test_each_holding_quotes_its_source_word_for_word(casebook):
    holdings = {h.opinion: h for h in Holding.objects.select_related("opinion", "quoted_in")}
    assert set(holdings) == {casebook.banuelos, casebook.armenta, casebook.bonnet}
    for holding in holdings.values():
        assert holding.quote in holding.source_opinion.text
        assert holding.effect == Holding.Effect.FORBIDS
        assert holding.ground == casebook.fast_track
    banuelos = holdings[casebook.banuelos]
    assert banuelos.quote.startswith(
        "We hold that a district court may not grant a downward departure"
    )
    assert (banuelos.pinpoint, banuelos.pinpoint_page, banuelos.pinpoint_citation) == (
        "978",
        978,
        "215 F.3d at 978",
    )
    armenta = holdings[casebook.armenta]
    assert (armenta.pinpoint, armenta.pinpoint_page) == ("slip op.", None)
    bonnet = holdings[casebook.bonnet]
    assert bonnet.quoted_in == casebook.armenta
    assert bonnet.pinpoint_citation == "212 F.3d at 710"
    assert bonnet.quote.startswith("[T]he district court correctly ruled")


def test_the_holding_anchor_points_at_the_paragraph_holding_the_quote(casebook):
    holding = casebook.banuelos.holdings.get()
    html = casebook.banuelos.html
    start = html.index(f'<p id="{holding.anchor}">')
    paragraph = html[start : html.index("</p>", start)]
    assert "We hold that a district court may not grant" in paragraph


def test_the_panel_opinion_was_withdrawn_then_superseded_en_banc(casebook):
    treatments = list(casebook.panel.treatments.order_by("date"))
    assert [(t.kind, t.date, t.by) for t in treatments] == [
        (Treatment.Kind.WITHDRAWN, datetime.date(1999, 11, 5), None),
        (Treatment.Kind.SUPERSEDED_EN_BANC, datetime.date(2000, 6, 14), casebook.banuelos),
    ]
    assert casebook.panel not in Opinion.objects.in_force()
    assert casebook.panel in Opinion.objects.in_force(as_of=datetime.date(1999, 6, 1))
    assert casebook.banuelos in Opinion.objects.in_force()


def test_precedent_reads_the_holdings_in_force_on_a_date(casebook):
    from casebook.selectors import holdings_on_ground

    later = list(holdings_on_ground(ground=casebook.fast_track, as_of=datetime.date(2001, 1, 1)))
    assert [h.opinion for h in later] == [casebook.armenta, casebook.banuelos, casebook.bonnet]
    assert [h.opinion.court.circuit_id for h in later] == ["ca10", "ca9", "ca2"]
    early = holdings_on_ground(ground=casebook.fast_track, as_of=datetime.date(2000, 6, 1))
    assert [h.opinion for h in early] == [casebook.bonnet]
