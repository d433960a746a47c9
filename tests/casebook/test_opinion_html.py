"""Building an opinion's HTML from its raw text: escaping, page anchors, footnotes, links."""

import pytest

from casebook.opinion_html import Link, anchor_for_page, page_at, render_opinion, star_markers


def test_every_piece_of_the_text_is_escaped_and_only_our_markup_is_inserted():
    text = 'A <script>alert("x")</script> cites 1 F.3d 1 & more.\n\n<img src=x onerror=alert(1)>'
    start = text.index("1 F.3d 1")
    rendered = render_opinion(
        text, links=[Link(start, start + 8, "/casebook/opinions/7/#p2", 'A "B" <C>')]
    )
    assert "<script>" not in rendered.html
    assert "<img" not in rendered.html
    assert '&lt;script&gt;alert("x")&lt;/script&gt;' in rendered.html
    assert "&amp; more." in rendered.html
    link = '<a class="cite" href="/casebook/opinions/7/#p2" title="A &quot;B&quot; &lt;C&gt;">'
    assert f"{link}1 F.3d 1</a>" in rendered.html


def test_a_link_that_would_cross_a_paragraph_or_cut_a_marker_is_left_out():
    text = "First 1 F.3d\n\n1 second *5 page."
    across = Link(text.index("1 F.3d"), text.index(" second"), "/x")
    cutting = Link(text.index("second"), text.index("*5") + 1, "/y")
    html = render_opinion(text, links=[across, cutting], first_page=4).html
    assert 'href="/x"' not in html
    assert 'href="/y"' not in html
    assert 'id="p5"' in html


def test_star_markers_inside_words_become_page_anchors():
    text = "The Unit*971ed States and *972achieved; a stray *9 and *1000 are ignored."
    markers = star_markers(text, first_page=969, last_page=978)
    assert [m.page for m in markers] == [971, 972]
    html = render_opinion(text, first_page=969, last_page=978).html
    assert 'United <span class="page-marker" id="p971" title="Page 971">*971</span> States' in html
    assert 'and <span class="page-marker" id="p972" title="Page 972">*972</span> achieved' in html
    assert 'id="p969"' in html
    assert "*1000" in html  # not a page of this opinion: left as text


def test_page_at_gives_the_page_an_offset_stands_on():
    text = "before *971 middle *972 after"
    assert page_at(text, 0, 969) == 969
    assert page_at(text, text.index("middle"), 969) == 971
    assert page_at(text, text.index("after"), 969) == 972


def test_a_pinpoint_without_its_own_marker_links_to_the_page_it_falls_on():
    assert anchor_for_page(978, [969, 971, 978]) == "p978"
    assert anchor_for_page(970, [969, 971, 978]) == "p969"
    assert anchor_for_page(5, []) is None


def test_end_footnotes_get_markers_only_when_every_number_is_found_in_order():
    text = "Held.1 And § 2L1.2,2 applies.\n\n. First note.\n\n. Second note."
    html = render_opinion(text).html
    assert 'Held.<sup class="footnote-ref" id="fnref1"><a href="#fn1">1</a></sup> And' in html
    assert '§ 2L1.2,<sup class="footnote-ref" id="fnref2">' in html
    assert '<li id="fn2" value="2"><p>Second note.</p>' in html

    missing = "Held.1 And nothing else.\n\n. First note.\n\n. Second note."
    html = render_opinion(missing).html
    assert "fnref" not in html  # conservative: no guessing
    assert "Held.1 And" in html
    assert '<li id="fn1" value="1"><p>First note.</p></li>' in html


def test_numbers_that_are_not_footnote_markers_stay_text():
    text = "See 18 U.S.C. § 3553(b) and Id. at 9 here.1 Then\n\n. The note."
    html = render_opinion(text).html
    assert "§ 3553(b) and Id. at 9 here." in html
    assert 'here.<sup class="footnote-ref" id="fnref1">' in html


def test_run_in_footnotes_leave_the_body_and_keep_their_place():
    text = "Jurisdiction under § 1291,This is a note. we affirm.Another note.\n\nNext paragraph."
    first = (text.index("This is"), text.index(" we affirm"))
    second = (text.index("Another"), text.index("\n\nNext"))
    rendered = render_opinion(text, run_in_footnotes=[first, second])
    body, notes = rendered.html.split('<section class="footnotes">')
    assert "This is a note." not in body
    assert "Another note." not in body
    assert (
        '§ 1291,<sup class="footnote-ref" id="fnref1"><a href="#fn1">1</a></sup> we affirm.' in body
    )
    assert '<li id="fn2" value="2"><p>Another note.</p>' in notes
    assert rendered.paragraph_anchor_at(text.index("Next")) == "para-2"


def test_a_page_turning_inside_a_word_is_marked_after_the_word():
    # Banuelos-Rodriguez, 215 F.3d at 970-71, as the reporter prints it: "Unit*971ed States".
    rendered = render_opinion("those of the Unit*971ed States Attorneys", first_page=969)
    assert "the United <span" in rendered.html
    assert "*971</span> States Attorneys" in rendered.html
    assert rendered.marked_pages == [969, 971]


def test_a_sentence_glued_to_the_next_starts_a_new_paragraph():
    # Armenta-Castro's text as transcribed: "... at sentencing?To be clear, ...".
    text = "a downward departure at sentencing?To be clear, he does not contest it."
    rendered = render_opinion(text)
    assert "sentencing?</p><p" in rendered.html
    assert rendered.paragraph_anchor_at(text.index("To be clear")) == "para-2"


@pytest.mark.parametrize(
    "text", ["8 U.S.C. § 1326", "F.Supp. 2d", "the U.S.Dist.Ct. for", "Mr.Smith"]
)
def test_abbreviations_are_not_taken_for_glued_sentences(text):
    assert "</p><p" not in render_opinion(text).html
