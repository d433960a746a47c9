"""The opinion page: caption, citations, the linked text with page anchors, and the sidebar."""

import html
import re

import pytest
from django.urls import reverse

from casebook.models import Opinion, UnmatchedCitation
from tests.casebook.pages import hrefs_of, links, section, visible_text

pytestmark = pytest.mark.django_db


def page_of(client, opinion) -> str:
    response = client.get(reverse("casebook:opinion_detail", args=[opinion.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_banuelos_shows_its_caption_court_date_and_en_banc(alice_client, casebook):
    page = page_of(alice_client, casebook.banuelos)
    header = visible_text(page.split('<div class="row g-4">')[0])
    assert "United States v. Banuelos-Rodriguez" in header
    assert "215 F.3d 969" in header
    assert "United States Court of Appeals for the Ninth Circuit" in header
    assert "decided June 14, 2000" in header
    assert "en banc" in header
    assert (
        "On appeal from the United States District Court for the Central District of California"
        in header
    )


def test_every_reporter_page_has_a_visible_anchor(alice_client, casebook):
    page = page_of(alice_client, casebook.banuelos)
    for number in range(971, 979):
        assert re.search(rf'<span class="page-marker" id="p{number}"[^>]*>\*{number}</span>', page)
    assert 'id="p969"' in page
    assert page.count('id="p974"') == 1
    assert "Unit*971ed" not in page  # the marker is markup now, not a stray asterisk in a word


def test_a_short_cite_links_to_the_cited_opinion_at_the_pinpoint_page(alice_client, casebook):
    page = page_of(alice_client, casebook.armenta)
    banuelos_url = reverse("casebook:opinion_detail", args=[casebook.banuelos.pk])
    assert hrefs_of(page, "215 F.3d 969")[0] == f"{banuelos_url}#p978"
    assert f"{banuelos_url}#p973" in hrefs_of(page, "215 F.3d at 973")
    assert hrefs_of(page, "215 F.3d at 975") == [f"{banuelos_url}#p975"]


def test_a_cite_of_an_authority_not_in_the_casebook_links_to_its_own_page(alice_client, casebook):
    page = page_of(alice_client, casebook.banuelos)
    enriquez = UnmatchedCitation.objects.get(citing=casebook.banuelos, volume=906, page=1356)
    url = reverse("casebook:unmatched_citation", args=[enriquez.pk])
    assert hrefs_of(page, "906 F.2d at 1359") == [url, url]
    assert hrefs_of(page, "Id. at 1358-59") == [url]
    unmatched_page = alice_client.get(url).content.decode()
    assert "United States v. Enriquez-Munoz" in unmatched_page
    assert "not in casebook" in unmatched_page
    assert "United States v. Banuelos-Rodriguez" in unmatched_page  # where it is cited


def test_the_id_after_a_statute_links_to_bonnet_grullon(alice_client, casebook):
    page = page_of(alice_client, casebook.banuelos)
    bonnet_url = reverse("casebook:opinion_detail", args=[casebook.bonnet.pk])
    assert hrefs_of(page, "212 F.3d 692") == [bonnet_url]
    assert hrefs_of(page, "Id. at 693") == [bonnet_url]


def test_an_unverified_citation_carries_a_visible_badge(alice_client, casebook):
    page = page_of(alice_client, casebook.armenta)
    header = page.split('<div class="row g-4">')[0]
    assert "227 F.3d 1255 unverified citation" in visible_text(header)
    assert "unverified" not in page_of(alice_client, casebook.banuelos).split('<div class="row')[0]


def test_the_holding_shows_its_quote_and_pinpoint(alice_client, casebook):
    holdings = section(page_of(alice_client, casebook.banuelos), "holdings")
    text = visible_text(html.unescape(holdings))
    assert "We hold that a district court may not grant a downward departure" in text
    assert "Forbids" in text
    assert "215 F.3d at 978" in text
    pinpoint = hrefs_of(holdings, "215 F.3d at 978")[0]
    assert pinpoint.endswith("#" + casebook.banuelos.holdings.get().anchor)


def test_a_holding_known_from_a_quotation_says_where_it_is_quoted(alice_client, casebook):
    page = page_of(alice_client, casebook.bonnet)
    text = visible_text(html.unescape(section(page, "holdings")))
    quoted_in = (
        "212 F.3d at 710, quoted in United States v. Armenta-Castro, 227 F.3d 1255 (10th Cir. 2000)"
    )
    assert quoted_in in text
    assert "[T]he district court correctly ruled" in text
    assert "The casebook holds only this opinion's citation" in html.unescape(page)


def test_armenta_castro_shows_its_holding_at_the_slip_opinion(alice_client, casebook):
    holdings = section(page_of(alice_client, casebook.armenta), "holdings")
    text = visible_text(html.unescape(holdings))
    assert "slip op." in text
    assert "categorically proscribe" in text


def test_banuelos_is_cited_by_armenta_castro(alice_client, casebook):
    cited_by = section(page_of(alice_client, casebook.banuelos), "cited-by")
    armenta_url = reverse("casebook:opinion_detail", args=[casebook.armenta.pk])
    assert hrefs_of(cited_by, "United States v. Armenta-Castro") == [armenta_url]
    assert "9×" in visible_text(cited_by)


def test_authorities_cited_list_edges_and_unmatched_with_depth(alice_client, casebook):
    authorities = visible_text(
        html.unescape(section(page_of(alice_client, casebook.armenta), "authorities"))
    )
    assert (
        "United States v. Banuelos-Rodriguez, 215 F.3d 969 (9th Cir. 2000) (en banc) · cited 9×"
        in authorities
    )
    assert (
        "United States v. Castillo, 140 F.3d 874 (10th Cir. 1998) not in casebook · cited 2× at 888"
        in authorities
    )
    assert authorities.index("Castillo") < authorities.index("Banuelos")  # in the order first cited


def test_the_panel_opinion_shows_it_was_withdrawn_and_superseded_en_banc(alice_client, casebook):
    page = page_of(alice_client, casebook.panel)
    treatments = visible_text(section(page, "treatments"))
    assert "Withdrawn Nov 5, 1999" in treatments
    assert (
        "Superseded en banc Jun 14, 2000 by United States v. Banuelos-Rodriguez, 215 F.3d 969"
        in treatments
    )
    given = visible_text(section(page_of(alice_client, casebook.banuelos), "treatments"))
    assert "173 F.3d 741" in given
    assert "superseded en banc by this opinion" in given


def test_banuelos_footnotes_are_footnotes_with_markers_in_the_text(alice_client, casebook):
    page = page_of(alice_client, casebook.banuelos)
    for number in range(1, 6):
        assert (
            f'<sup class="footnote-ref" id="fnref{number}"><a href="#fn{number}">{number}</a></sup>'
            in page
        )
        assert f'<li id="fn{number}" value="{number}">' in page
    assert "§ 1326(b)(2).<sup" in page
    notes = page[page.index('<section class="footnotes">') :]
    assert "When Defendant was sentenced, § 1326(a) and § 1326(b) were understood" in notes
    body = page[: page.index('<section class="footnotes">')]
    assert "were understood to be separate offenses" not in body
    # A footnote's citations are linked like the body's.
    assert reverse("casebook:opinion_detail", args=[casebook.bonnet.pk]) in notes


def test_armenta_castros_run_in_footnotes_leave_the_body(alice_client, casebook):
    page = page_of(alice_client, casebook.armenta)
    body = page[: page.index('<section class="footnotes">')]
    notes = page[page.index('<section class="footnotes">') :]
    assert (
        '§ 1291,<sup class="footnote-ref" id="fnref1"><a href="#fn1">1</a></sup> this court' in body
    )
    assert 'this court affirms.<sup class="footnote-ref" id="fnref2">' in body
    assert "This is one of those “rare” cases" in notes
    assert "This is one of those “rare” cases" not in body
    assert "After examining the briefs and appellate record" in notes
    assert "this court affirms." in visible_text(body)


def test_opinion_text_is_escaped(alice_client, casebook):
    casebook.banuelos.text = casebook.banuelos.text.replace(
        "BACKGROUND", 'BACKGROUND <script>alert("x")</script> & <b>bold</b>', 1
    )
    casebook.banuelos.save()
    from casebook.services.graph import opinion_rebuild_citations

    opinion_rebuild_citations(opinion=casebook.banuelos)
    page = page_of(alice_client, casebook.banuelos)
    assert "<script>alert" not in page
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
        or '&lt;script&gt;alert("x")' in page
    )
    assert "<b>bold</b>" not in page
    assert "&amp; &lt;b&gt;bold&lt;/b&gt;" in page
    # The links still land on the right words after escaping shifted every offset.
    assert hrefs_of(page, "906 F.2d at 1359")


def test_a_missing_opinion_is_a_404(alice_client, casebook):
    assert alice_client.get(reverse("casebook:opinion_detail", args=[999999])).status_code == 404


def test_only_editors_see_the_edit_link(alice_client, client, editor, casebook):
    admin_url = reverse("admin:casebook_opinion_change", args=[casebook.banuelos.pk])
    assert admin_url not in page_of(alice_client, casebook.banuelos)
    client.force_login(editor)
    assert admin_url in page_of(client, casebook.banuelos)


def test_every_link_in_the_text_goes_somewhere_in_the_casebook(alice_client, casebook):
    text = page_of(alice_client, casebook.banuelos)
    text = text[text.index('<div class="opinion-text">') :]
    for label, href in links(text):
        if href.startswith("#"):
            continue
        assert href.startswith("/casebook/"), (label, href)
    assert Opinion.objects.count() == 4
