"""Long text in the memo: arguments print as paragraphs of lines, long words wrap inside the page,
and the largest memo the request form allows renders and reads back.

Nothing here is timed: benchmarks/memo.py times the largest memo against a floor."""

import dataclasses
import re
import unicodedata

import pytest
import weasyprint
from weasyprint.formatting_structure import boxes

from departures.forms import (
    ARGUMENT_MAX_CHARACTERS,
    ARGUMENT_MAX_LINES,
    MAX_REQUESTS,
    argument_characters,
    argument_lines,
)
from memos.render import MemoRenderer
from memos.selectors import memo_for
from memos.text import LONG_RUN, RUN_PIECE, ZERO_WIDTH_SPACE, breakable, paragraphs
from tests.memo.conftest import MEMO_DATE, argument_at_the_cap, fast_track_sections, make_case
from tests.memo.pdf import page_texts, reader

LONG_WORD = "Supercalifragilistic" * 15  # 300 characters with nowhere to break
LONG_URL = "https://www.example.com/" + "-".join(["casefile"] * 20) + "?q=" + "9" * 80
SHAPES = ("prose", "lines", "word")


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_paragraphs_split_at_blank_lines_and_keep_their_single_line_breaks():
    typed = "First line\r\nsecond line\r\n\r\n  \t \r\nNext paragraph.\n\n\n\nLast.\n"
    assert paragraphs(typed) == ("First line\nsecond line", "Next paragraph.", "Last.")
    assert paragraphs("") == paragraphs(" \n\n ") == ()


def test_a_long_run_gets_invisible_break_opportunities_and_ordinary_words_none():
    ordinary = "Banuelos-Rodriguez, 215 F.3d 969, 978 (9th Cir. 2000) (en banc); §3553(a)(2)(A)."
    assert breakable(ordinary) == ordinary
    assert breakable("x" * LONG_RUN) == "x" * LONG_RUN
    broken = breakable(f"See {LONG_WORD} here.")
    assert broken.replace(ZERO_WIDTH_SPACE, "") == f"See {LONG_WORD} here."
    pieces = broken.split()[1].split(ZERO_WIDTH_SPACE)
    assert max(len(piece) for piece in pieces) == RUN_PIECE
    # A break never separates a letter from its accent.
    accented = unicodedata.normalize("NFD", "é" * 60)
    for piece in breakable(accented).split(ZERO_WIDTH_SPACE):
        assert not unicodedata.combining(piece[0])


def _render(case, user, sections):
    memo = memo_for(case, user=user, sections=sections, on=MEMO_DATE)
    return memo, MemoRenderer().render(memo)


def test_an_argument_of_short_lines_prints_one_text_per_paragraph(banuelos_case, alice, casebook):
    argument = "First point\nSecond point\nThird point\n\nA new paragraph."
    sections = fast_track_sections(banuelos_case, casebook.fast_track, argument=argument)
    _, rendered = _render(banuelos_case, alice, sections)
    (section,) = re.findall(r'<section class="departure".*?</section>', rendered.html, re.S)
    assert (
        '<p class="argument">First point\nSecond point\nThird point</p>'
        '<p class="argument">A new paragraph.</p>'
    ) in section
    assert "<br>" not in section
    text = "\n".join(page.extract_text() for page in reader(rendered.content).pages)
    assert re.search(r"First point\s*\n\s*Second point\s*\n\s*Third point", text)


def overflowing(document) -> list[tuple[int, str]]:
    """The text boxes that reach past the page's content area (left or right), by page."""
    found = []
    for number, page in enumerate(document.pages, 1):
        page_box = page._page_box
        left = page_box.content_box_x()
        right = left + page_box.width
        for box in page_box.descendants():
            if isinstance(box, boxes.TextBox) and (
                box.position_x < left - 0.5 or box.position_x + box.width > right + 0.5
            ):
                found.append((number, box.text[:40]))
    return found


def test_a_long_word_or_link_wraps_inside_the_page(alice, casebook):
    case = make_case(
        alice.staff_member.office,
        alice,
        sentencing_date=MEMO_DATE.replace(year=2001, month=3, day=1),
        defendant="Rogelio " + LONG_WORD[:190],
        docket_number="CR" + "9" * 62,
        judge="Hon. " + LONG_WORD[:110],
        lines=[
            ("base", "§2L1.2(a)", LONG_WORD, 8),
            ("specific", "§2L1.2(b)(2)", "Deported " + LONG_WORD[:290], 16),
        ],
        counts=[("8 U.S.C. § 1326(b)(2)" + "9" * 59, 240)],
    )
    argument = f"The record: {LONG_WORD} and {LONG_URL}.\n\n{LONG_WORD}{LONG_WORD}"
    sections = [
        dataclasses.replace(section, ground=LONG_WORD[:200], what_if=(LONG_WORD,))
        for section in fast_track_sections(case, casebook.fast_track, argument=argument)
    ]
    memo, rendered = _render(case, alice, sections)

    document = weasyprint.HTML(
        string=rendered.html, url_fetcher=MemoRenderer.fetcher_class()
    ).render()
    assert overflowing(document) == []
    # Everything printed is there to read, and the break opportunities leave nothing behind;
    # the running header and the page number are taken out so that a word running over a
    # page break reads whole.
    pages = page_texts(rendered.content)
    header = squeezed(f"United States v. {case.defendant}, No. {case.docket_number}")
    text = "".join(
        squeezed(page).replace(header, "").replace(f"Page{number}of{len(pages)}", "")
        for number, page in enumerate(pages, 1)
    )
    for printed in (LONG_WORD, LONG_URL, LONG_WORD * 2, "CR" + "9" * 62):
        assert squeezed(printed) in text
    assert ZERO_WIDTH_SPACE not in text
    # The record keeps the argument as typed.
    assert memo.as_record()["sections"][0]["argument"] == argument


@pytest.mark.parametrize("shape", SHAPES)
def test_the_largest_memo_the_form_allows_renders_and_reads_back(
    banuelos_case, alice, casebook, shape
):
    argument = argument_at_the_cap(shape)
    assert argument_characters(argument) == ARGUMENT_MAX_CHARACTERS
    assert argument_lines(argument) <= ARGUMENT_MAX_LINES
    sections = fast_track_sections(
        banuelos_case, casebook.fast_track, count=MAX_REQUESTS, argument=argument
    )
    memo, rendered = _render(banuelos_case, alice, sections)

    pages = page_texts(rendered.content)
    assert len(pages) == rendered.page_count
    # Some 8 pages of text per request at most, and the memo's own pages around them.
    assert 4 + MAX_REQUESTS * 2 <= rendered.page_count <= 4 + MAX_REQUESTS * 9
    body = []
    for number, page in enumerate(pages, 1):
        footer = f"Page {number} of {len(pages)}"
        assert page.endswith(footer)
        body.append(page.removesuffix(footer).replace(memo.short_caption, ""))
    # pypdf reads a list's bullets after the rest of their page: leave them out.
    text = squeezed(" ".join(body)).replace("\N{BULLET}", "")
    assert text.count(squeezed(argument)) == MAX_REQUESTS  # every argument, all of it
    assert "/s/" in pages[-1]  # the signature after the last section
