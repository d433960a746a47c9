"""The memo PDF read back with pypdf: caption, computation, authorities, table, page numbers."""

import dataclasses
import datetime
import re

import pytest
import weasyprint

from memos.render import MemoRenderer, memo_filename
from memos.selectors import memo_for
from sentencing.models import Case
from tests.memo.conftest import MEMO_DATE, fast_track_sections, make_case
from tests.memo.pdf import full_text, page_texts, reader

BANUELOS_FULL = "United States v. Banuelos-Rodriguez, 215 F.3d 969, 978 (9th Cir. 2000) (en banc)"
BANUELOS_SHORT = "Banuelos-Rodriguez, 215 F.3d at 978"


def render(case, user, sections=(), on=MEMO_DATE):
    memo = memo_for(case, user=user, sections=list(sections), on=on)
    return memo, MemoRenderer().render(memo)


def toa_pages(pages: list[str], authority: str) -> list[int]:
    """The page numbers the table of authorities prints after an authority."""
    match = re.search(re.escape(authority) + r"\s*((?:\d+(?:, )?)+)", " ".join(pages))
    assert match, f"{authority} not in the table of authorities"
    return [int(n) for n in match.group(1).split(", ") if n]


def test_it_prints_the_caption_the_computation_and_page_x_of_n(banuelos_case, alice):
    memo, rendered = render(banuelos_case, alice)
    pages = page_texts(rendered.content)
    text = " ".join(pages)
    assert "UNITED STATES DISTRICT COURT FOR THE CENTRAL DISTRICT OF CALIFORNIA" in text
    # The parties once, in the caption.
    assert "UNITED STATES OF AMERICA, Plaintiff, v. ROGELIO BANUELOS-RODRIGUEZ, Defendant." in text
    assert text.count("UNITED STATES OF AMERICA") == 1
    assert "United States of America v." not in text
    assert "CR 95-0123" in text
    assert "DEFENDANT'S SENTENCING MEMORANDUM" in text
    assert "Judge: Hon. Jane Doe" in text
    assert "November 20, 2026" in text
    assert "Total offense level 21" in text
    assert "Criminal history category V" in text
    assert "Guideline range 70–87 months" in text
    assert "Zone D" in text
    assert "Guidelines Manual, Nov. 1, 1995" in text
    # Each computation line with its section and its Manual.
    assert (
        "§2L1.2(b)(2) Deported after a conviction for an aggravated felony +16 24 1995 Manual"
        in text
    )
    assert "§3E1.1(b)" in text
    assert "8 U.S.C. § 1326(b)(2) Statutory maximum 240 months" in text
    count = len(reader(rendered.content).pages)
    assert rendered.page_count == count
    for number, page in enumerate(pages, 1):
        assert f"Page {number} of {count}" in page
    # The running header (short caption) on every page after the first.
    assert all(
        "United States v. Rogelio Banuelos-Rodriguez, No. CR 95-0123" in p for p in pages[1:]
    )
    # The 1995 Manual is applied on request; the note says what §1B1.11 would have started from.
    assert "§1B1.11 note: Override: the 1995 Manual is applied as requested." in text
    assert "the 2000 Manual as amended Dec. 16, 2000, in effect at sentencing" in text


def test_a_probation_office_gets_the_recommendations_title(bob):
    case = make_case(bob.staff_member.office, bob, defendant="Sample Defendant")
    _, rendered = render(case, bob)
    text = full_text(rendered.content)
    assert "SENTENCING RECOMMENDATION — GUIDELINES COMPUTATION" in text
    assert "DEFENDANT'S SENTENCING MEMORANDUM" not in text
    assert "UNITED STATES DISTRICT COURT FOR THE DISTRICT OF UTAH" in text
    assert "United States Probation Officer" in text
    assert "U.S. Probation Office, D. Utah" in text


def test_the_filename_names_the_defendant_and_the_date(banuelos_case, alice):
    memo, rendered = render(banuelos_case, alice, on=datetime.date(2026, 3, 4))
    filename, content_type, content = rendered
    assert filename == memo_filename(memo)
    assert "rogelio-banuelos-rodriguez" in filename
    assert "2026-03-04" in filename
    assert content_type == "application/pdf"
    assert content.startswith(b"%PDF")


def test_it_cites_in_full_first_and_in_short_form_after(banuelos_case, alice, casebook):
    sections = [
        dataclasses.replace(s, show_if_denied=True)
        for s in fast_track_sections(banuelos_case, casebook.fast_track, count=2)
    ]
    _, rendered = render(banuelos_case, alice, sections)
    text = full_text(rendered.content)
    assert text.count(BANUELOS_FULL) == 1
    assert text.index(BANUELOS_FULL) < text.index(BANUELOS_SHORT)
    assert "Bonnet-Grullon, 212 F.3d 692, 710 (2d Cir. 2000)" in text
    assert "Bonnet-Grullon, 212 F.3d at 710" in text
    assert "Armenta-Castro, 227 F.3d 1255 (10th Cir. 2000)" in text
    assert "We hold that a district court may not grant a downward departure" in text
    assert "If granted Level 21 − 2 = 19, category V: 57–71 months" in text
    assert "If denied 70–87 months" in text
    # All three holdings forbid the departure: adverse authority, stated under its own heading.
    assert "Adverse authority, distinguished Binding in this circuit: " + BANUELOS_FULL in text
    assert "Persuasive: United States v. Bonnet-Grullon" in text


def test_the_table_of_authorities_lists_every_page_that_cites_each_authority(
    banuelos_case, alice, casebook
):
    sections = fast_track_sections(banuelos_case, casebook.fast_track, count=3)
    _, rendered = render(banuelos_case, alice, sections)
    pages = page_texts(rendered.content)
    toa = pages[0]
    cases = [
        "United States v. Armenta-Castro, 227 F.3d 1255 (10th Cir. 2000)",
        "United States v. Banuelos-Rodriguez, 215 F.3d 969 (9th Cir. 2000) (en banc)",
        "United States v. Bonnet-Grullon, 212 F.3d 692 (2d Cir. 2000)",
    ]
    assert [toa.index(c) for c in cases] == sorted(toa.index(c) for c in cases)  # alphabetical
    for name, short in [
        (cases[1], "Banuelos-Rodriguez, 215 F.3d"),
        (cases[2], "Bonnet-Grullon, 212 F.3d"),
    ]:
        citing = [n for n, page in enumerate(pages, 1) if n > 1 and short in page]
        assert toa_pages(pages, name) == citing
    assert toa_pages(pages, "8 U.S.C. § 1326(b)(2)") == [
        n for n, page in enumerate(pages, 1) if n > 1 and "8 U.S.C. § 1326(b)(2)" in page
    ]
    assert toa_pages(pages, "U.S.S.G. § 2L1.2(b)(2) (U.S. Sent'g Comm'n 1995)")


def test_mentions_on_one_page_are_listed_once(banuelos_case, alice, casebook):
    # Two short sections, quotes left out, so both cite Banuelos-Rodriguez on the same page.
    sections = [
        dataclasses.replace(
            s,
            binding=tuple(dataclasses.replace(a, quote="") for a in s.binding),
            persuasive=(),
            what_if=(),
        )
        for s in fast_track_sections(banuelos_case, casebook.fast_track, count=2, argument="Short.")
    ]
    memo, rendered = render(banuelos_case, alice, sections)
    (entry,) = [e for e in memo.cases if "Banuelos" in e.name]
    assert len(entry.anchors) == 2
    document = weasyprint.HTML(string=rendered.html).render()
    anchor_pages = {
        name: number for number, page in enumerate(document.pages, 1) for name in page.anchors
    }
    assert anchor_pages[entry.anchors[0]] == anchor_pages[entry.anchors[1]]  # same page
    printed = toa_pages(page_texts(rendered.content), "(9th Cir. 2000) (en banc)")
    assert printed == [anchor_pages[entry.anchors[0]]]


def test_it_notes_1b1_11_when_the_manuals_differ(alice):
    # Offense under the 2021 Manual (the 2018 text), sentencing under the 2023 one: two status
    # points in 2021, none in 2023 (fewer than 7 points, Amendment 821), so the ranges differ.
    case = make_case(
        alice.staff_member.office,
        alice,
        offense_date=datetime.date(2023, 8, 1),
        sentencing_date=datetime.date(2024, 2, 1),
        manual_edition="",
        acceptance=Case.AcceptanceChoice.TWO,
        criminal_history_category="",
        criminal_history_points=5,
        under_criminal_justice_sentence=True,
    )
    memo, rendered = render(case, alice)
    text = full_text(rendered.content)
    assert "§1B1.11 note:" in text
    assert "2021 Manual: range" in text
    assert "2023 Manual: range" in text
    assert memo.edition_note_text
    assert "U.S.S.G. § 1B1.11" in text


@pytest.mark.parametrize("unverified", [True, False])
def test_an_unverified_citation_is_listed_for_the_user(banuelos_case, alice, casebook, unverified):
    sections = fast_track_sections(banuelos_case, casebook.fast_track)
    if not unverified:
        sections = [
            dataclasses.replace(s, persuasive=tuple(a for a in s.persuasive if a.verified))
            for s in sections
        ]
    memo = memo_for(banuelos_case, user=alice, sections=sections, on=MEMO_DATE)
    armenta = "United States v. Armenta-Castro, 227 F.3d 1255 (10th Cir. 2000)"
    assert memo.unverified == ((armenta,) if unverified else ())


def test_the_opinion_a_quote_is_taken_from_is_cited_listed_and_checked(
    banuelos_case, alice, casebook
):
    # Bonnet-Grullon's holding is quoted from Armenta-Castro: the memo cites both ("quoted in",
    # Bluebook R1.6), so Armenta-Castro is in the table and its unverified cite is listed.
    sections = [
        dataclasses.replace(s, binding=(), persuasive=tuple(a for a in s.persuasive if a.quoted_in))
        for s in fast_track_sections(banuelos_case, casebook.fast_track)
    ]
    memo = memo_for(banuelos_case, user=alice, sections=sections, on=MEMO_DATE)
    armenta = "United States v. Armenta-Castro, 227 F.3d 1255 (10th Cir. 2000)"
    (bonnet,) = [a for s in memo.sections for a in s.adverse]  # it forbids: adverse
    assert bonnet.mention.rest.endswith(f", quoted in {armenta}")
    assert [entry.name for entry in memo.cases] == [
        "United States v. Armenta-Castro",
        "United States v. Bonnet-Grullon",
    ]
    assert memo.unverified == (armenta,)
