"""The parts of a sentencing memorandum, in order: caption (the parties once), table of
authorities, introduction, the facts and the defendant's history (18 U.S.C. § 3553(a)(1)), the
Guidelines calculation, the departure and variance arguments, the § 3553(a) factors, and the
conclusion with the sentence asked, then the signature and the attorney's block — never alone
on a page."""

import pytest
from django.urls import reverse

from memos.models import AttorneyProfile, MemoDraft
from memos.render import MemoRenderer
from memos.selectors import memo_for
from sentencing import selectors
from tests.memo.conftest import MEMO_DATE, fast_track_sections, make_case
from tests.memo.pdf import page_texts
from tests.memo.test_memo_pdf import toa_pages

FACTS = "Mr. Banuelos-Rodriguez came to the United States at age four.\n\nHe has worked since."
FACTORS = "The need to avoid unwarranted disparities, 18 U.S.C. § 3553(a)(6), favors a variance."


@pytest.fixture
def drafted(banuelos_case, alice):
    MemoDraft.objects.create(
        case=banuelos_case,
        introduction="The defense asks for a sentence below the range.",
        facts=FACTS,
        factors=FACTORS,
        conclusion="The range overstates the seriousness of this reentry.",
        sentence_asked="46 months",
    )
    AttorneyProfile.objects.create(
        user=alice,
        bar_number="123456",
        address="321 East 2nd Street\nLos Angeles, CA 90012",
        phone="(213) 555-0100",
        email="alice@fpd.example",
    )
    return banuelos_case


def rendered(case, user, sections=None):
    memo = memo_for(case, user=user, sections=sections, on=MEMO_DATE)
    return memo, MemoRenderer().render(memo)


def test_the_memo_prints_every_part_in_order(drafted, alice, casebook):
    sections = fast_track_sections(drafted, casebook.fast_track)
    memo, pdf = rendered(drafted, alice, sections)
    pages = page_texts(pdf.content)
    text = " ".join(pages)
    order = [
        "UNITED STATES DISTRICT COURT FOR THE CENTRAL DISTRICT OF CALIFORNIA",
        "UNITED STATES OF AMERICA, Plaintiff, v. ROGELIO BANUELOS-RODRIGUEZ, Defendant.",
        "Case No. CR 95-0123",
        "Judge: Hon. Jane Doe",
        "TABLE OF AUTHORITIES",
        "I. INTRODUCTION The defense asks for a sentence below the range.",
        "II. THE OFFENSE AND THE DEFENDANT'S HISTORY AND CHARACTERISTICS "
        "(18 U.S.C. § 3553(a)(1)) Mr. Banuelos-Rodriguez came to the United States at age four.",
        "III. THE GUIDELINES CALCULATION",
        "IV. REQUESTS FOR DEPARTURE OR VARIANCE",
        "V. THE FACTORS OF 18 U.S.C. § 3553(a) The need to avoid unwarranted disparities",
        "VI. CONCLUSION The range overstates the seriousness of this reentry.",
        "For these reasons, Rogelio Banuelos-Rodriguez respectfully asks the Court to impose a "
        "sentence of 46 months.",
        "/s/ Alice Lawyer",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    assert text.count("UNITED STATES OF AMERICA") == 1  # the parties once
    # The body begins after the table of authorities, on a page of its own.
    assert "INTRODUCTION" not in pages[0]
    # The statutes in the headings are in the table, at the pages of the headings.
    assert toa_pages(pages, "18 U.S.C. § 3553(a)(1)") == [
        n for n, page in enumerate(pages, 1) if n > 1 and "(18 U.S.C. § 3553(a)(1))" in page
    ]
    assert [e.rest for e in memo.statutes if "3553" in e.rest] == [
        "18 U.S.C. § 3553(a)",
        "18 U.S.C. § 3553(a)(1)",
        "18 U.S.C. § 3553(a)(6)",
    ]
    assert memo.missing == ()


def test_the_attorney_block_prints_under_the_signature(drafted, alice):
    _, pdf = rendered(drafted, alice)
    last = page_texts(pdf.content)[-1]
    block = (
        "/s/ Alice Lawyer Alice Lawyer (Bar No. 123456) Attorney for Defendant "
        "Federal Public Defender, C.D. Cal. 321 East 2nd Street Los Angeles, CA 90012 "
        "Tel. (213) 555-0100 alice@fpd.example"
    )
    assert block in last


def test_a_defense_memo_says_what_it_still_lacks(alice_client, alice, banuelos_case):
    memo = memo_for(banuelos_case, user=alice, on=MEMO_DATE)
    assert memo.missing == (
        "the facts and the defendant's history",
        "the § 3553(a) factors",
        "the sentence asked",
        "your bar number",
        "your address",
        "your phone number",
        "your e-mail",
    )
    preview = alice_client.get(reverse("memos:preview", args=[banuelos_case.pk])).content.decode()
    assert 'data-memo="missing"' in preview
    assert "the sentence asked" in preview


@pytest.mark.slow
def test_the_signature_is_never_alone_on_the_last_page(drafted, alice):
    # Lengthen the factors a line at a time, so that the page break falls at every point of the
    # closing: the last page always carries the conclusion's last paragraph with the signature.
    draft = MemoDraft.objects.get(case=drafted)
    moved = set()
    for lines in range(0, 40, 3):
        draft.factors = FACTORS + "\n\n" + "\n\n".join(["A further point."] * lines)
        draft.save()
        _, pdf = rendered(drafted, alice)
        pages = page_texts(pdf.content)
        assert "/s/ Alice Lawyer" in pages[-1]
        assert "respectfully asks the Court to impose a sentence of 46 months." in pages[-1]
        moved.add(len(pages))
    assert len(moved) > 1  # the sweep did push the closing onto a new page


@pytest.mark.slow
def test_a_probation_officers_signature_is_never_alone_on_the_last_page(bob):
    """A computation with nothing written after it still closes with its result, kept with the
    signature however the pages fall."""
    case = make_case(bob.staff_member.office, bob, district="utd")
    draft = MemoDraft.objects.create(case=case)
    moved = set()
    for lines in range(0, 40, 3):
        draft.factors = "\n\n".join(["A further point."] * lines)
        draft.save()
        memo, pdf = rendered(selectors.case_queryset().get(pk=case.pk), bob)
        assert not memo.defense
        pages = page_texts(pdf.content)
        assert "/s/ Bob" in pages[-1]
        assert (
            "the guideline range 70–87 months and the guideline sentence 70–87 months."
            in (pages[-1])
        )
        moved.add(len(pages))
    assert len(moved) > 1  # the sweep did push the closing onto a new page
