"""The Word export, read back with python-docx: the same parts in the same order as the PDF,
case names in italics, the table of authorities' pages as fields to bookmarks at each mention,
the signature block kept with the conclusion, and typed text kept as text."""

import io

import pytest
from django.urls import reverse
from docx import Document
from docx.oxml.ns import qn

from memos.models import AttorneyProfile, MemoDraft, MemoExport
from memos.render import MemoRenderer
from memos.selectors import memo_for
from memos.word import CONTENT_TYPE, memo_docx
from tests.memo.conftest import MEMO_DATE, fast_track_sections
from tests.memo.pdf import full_text

FACTORS = "Koon v. United States, 518 U.S. 81, 98 (1996), and 18 U.S.C. § 3553(a)(6) apply."


@pytest.fixture
def drafted(banuelos_case, alice):
    MemoDraft.objects.create(
        case=banuelos_case,
        facts="He came to the United States at age four.",
        factors=FACTORS,
        sentence_asked="46 months",
    )
    AttorneyProfile.objects.create(user=alice, bar_number="123456", phone="(213) 555-0100")
    return banuelos_case


def read(content: bytes):
    return Document(io.BytesIO(content))


def body_text(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def exported(case, user, sections):
    memo = memo_for(case, user=user, sections=sections, on=MEMO_DATE)
    rendered = MemoRenderer().render(memo)
    return memo, rendered, read(memo_docx(memo, rendered.anchor_pages))


def test_the_word_document_has_the_parts_of_the_pdf_in_the_same_order(drafted, alice, casebook):
    sections = fast_track_sections(drafted, casebook.fast_track)
    memo, rendered, document = exported(drafted, alice, sections)
    text = body_text(document)
    pdf = full_text(rendered.content)
    parts = [
        "Table of Authorities",
        "I. Introduction",
        "II. The Offense and the Defendant's History and Characteristics (18 U.S.C. § 3553(a)(1))",
        "III. The Guidelines Calculation",
        "IV. Requests for Departure or Variance",
        "Adverse authority, distinguished",
        "V. The Factors of 18 U.S.C. § 3553(a)",
        "VI. Conclusion",
        "respectfully asks the Court to impose a sentence of 46 months.",
        "/s/ Alice Lawyer",
        "Alice Lawyer (Bar No. 123456)",
        "Tel. (213) 555-0100",
    ]
    positions = [text.index(part) for part in parts]
    assert positions == sorted(positions)
    caption = document.tables[0].rows[0].cells
    assert "UNITED STATES OF AMERICA," in caption[0].text
    assert "ROGELIO BANUELOS-RODRIGUEZ," in caption[0].text
    assert "Case No. CR 95-0123" in caption[1].text
    assert "Judge: Hon. Jane Doe" in caption[1].text
    # The same figures as the PDF.
    computation = document.tables[1]
    rows = ["\t".join(c.text for c in row.cells) for row in computation.rows]
    assert (
        "§2L1.2(b)(2)\tDeported after a conviction for an aggravated felony\t+16\t24\t1995 Manual"
        in rows
    )
    for figure in (memo.range, memo.guideline_sentence, "Guideline range: 70–87 months"):
        assert figure in text
    assert "Guideline range 70–87 months" in pdf
    for quote in [a.quote for s in memo.sections for a in s.adverse]:
        assert quote in text


def test_case_names_are_italic_and_the_table_gives_each_page_as_a_field(drafted, alice, casebook):
    sections = fast_track_sections(drafted, casebook.fast_track)
    memo, rendered, document = exported(drafted, alice, sections)
    italic = {run.text for p in document.paragraphs for run in p.runs if run.italic}
    assert {"Koon v. United States", "United States v. Banuelos-Rodriguez"} <= italic
    body = document.element.body
    bookmarks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    fields = [f.get(qn("w:instr")) for f in body.iter(qn("w:fldSimple"))]
    koon = next(e for e in memo.cases if e.name.startswith("Koon"))
    (anchor,) = koon.anchors
    assert anchor in bookmarks
    assert f"PAGEREF {anchor} \\h" in fields
    (toa_koon,) = [
        p
        for p in document.paragraphs
        if p.text.startswith("Koon v. United States,") and "\t" in p.text
    ]
    # The field shows the page the PDF printed the mention on, until Word updates it.
    shown = [
        (f.get(qn("w:instr")), "".join(t.text for t in f.iter(qn("w:t"))))
        for f in toa_koon._p.iter(qn("w:fldSimple"))
    ]
    assert shown == [(f"PAGEREF {anchor} \\h", str(rendered.anchor_pages[anchor]))]
    # Every mention the table lists has its bookmark.
    every = {a for e in memo.cases + memo.statutes + memo.guidelines for a in e.anchors}
    assert every <= bookmarks
    settings = document.settings.element
    assert settings.find(qn("w:updateFields")) is not None


def test_the_signature_block_is_kept_with_the_conclusion(drafted, alice):
    _, _, document = exported(drafted, alice, [])
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if "respectfully asks the Court" in p.text)
    closing = paragraphs[start:]
    assert closing[-1].text == "Tel. (213) 555-0100"
    assert all(p.paragraph_format.keep_with_next for p in closing[:-1])


def test_typed_markup_is_text_in_the_word_document(banuelos_case, alice):
    MemoDraft.objects.create(
        case=banuelos_case, factors='<w:p/> <a href="file:///etc/passwd">x</a>'
    )
    # A control character XML cannot hold (pasted from another program) is left out.
    banuelos_case.judge = "Hon. Jane\x0b Doe"
    banuelos_case.save()
    _, _, document = exported(banuelos_case, alice, [])
    assert '<w:p/> <a href="file:///etc/passwd">x</a>' in body_text(document)
    assert "Judge: Hon. Jane Doe" in document.tables[0].rows[0].cells[1].text
    assert not [r for r in document.part.rels.values() if r.is_external]


def test_the_export_keeps_the_word_document_and_downloads_it(alice_client, bob_client, drafted):
    response = alice_client.post(reverse("memos:export", args=[drafted.pk]), {"format": "docx"})
    assert response["Content-Type"] == CONTENT_TYPE
    assert response["Content-Disposition"].endswith('.docx"')
    made = MemoExport.objects.get()
    assert bytes(made.docx) == response.content
    assert "The Guidelines Calculation" in body_text(read(response.content))
    url = reverse("memos:download_docx", args=[drafted.pk, made.pk])
    assert alice_client.get(url).content == response.content
    assert bob_client.get(url).status_code == 404
    page = alice_client.get(reverse("sentencing:case_detail", args=[drafted.pk])).content.decode()
    assert url in page
    # The PDF is kept beside it, as before.
    assert bytes(made.pdf).startswith(b"%PDF")
