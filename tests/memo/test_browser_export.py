import io

import pytest
from docx import Document
from playwright.sync_api import expect

from tests.memo.conftest import make_case
from tests.memo.pdf import full_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_defender_exports_the_memo_from_the_case_page(
    logged_in_page, live_server, alice, screenshot
):
    case = make_case(alice.staff_member.office, alice)
    page = logged_in_page
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    page.get_by_role("link", name="Export memo (PDF)").click()
    expect(page.locator("h1")).to_contain_text("Memo preview")
    frame = page.frame_locator('iframe[title="Memo preview"]')
    expect(frame.locator('[data-memo="range"]')).to_have_text("70–87 months")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export PDF").click()
    download = download_info.value
    assert "rogelio-banuelos-rodriguez" in download.suggested_filename
    content = download.path().read_bytes()
    assert content.startswith(b"%PDF")
    assert "Guideline range 70–87 months" in full_text(content)
    screenshot("memo-preview-after-export")
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    expect(page.locator("#memo-exports li")).to_have_count(1)
    expect(page.locator("#memo-exports")).to_contain_text("70–87 months")


def test_a_defender_writes_the_memo_and_exports_it_as_word(
    logged_in_page, live_server, alice, screenshot
):
    case = make_case(alice.staff_member.office, alice)
    page = logged_in_page
    page.goto(f"{live_server.url}/memos/cases/{case.pk}/")
    page.get_by_role("link", name="Write the memo").click()
    page.get_by_label("Sentence asked").fill("46 months")
    page.get_by_label("Bar number").fill("123456")
    page.get_by_role("button", name="Save memo").click()
    expect(page.locator("h1")).to_contain_text("Memo preview")
    frame = page.frame_locator('iframe[title="Memo preview"]')
    expect(frame.locator('[data-memo="signature"]')).to_contain_text("(Bar No. 123456)")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export Word (DOCX)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".docx")
    document = Document(io.BytesIO(download.path().read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "impose a sentence of 46 months." in text
    screenshot("memo-written-and-exported-as-word")
