import re

import pytest
from playwright.sync_api import expect

from tests.browser.case_steps import add_count, fill_banuelos_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def result(page, name):
    return page.locator(f'#result-panel [data-result="{name}"]')


def test_a_defender_builds_the_banuelos_case_and_sees_it_recompute(
    logged_in_page, live_server, screenshot
):
    page = logged_in_page
    page.get_by_role("link", name="New case").click()
    fill_banuelos_case(page)

    # Recomputed live, before anything is saved.
    expect(result(page, "total-offense-level")).to_have_text("21")
    expect(result(page, "criminal-history-category")).to_have_text("V")
    expect(result(page, "range")).to_have_text("70–87 months")
    expect(result(page, "guideline-sentence")).to_have_text("70–87 months")

    add_count(page, "8 U.S.C. § 1326(a)")
    counts = page.locator('.formset[data-prefix="counts"]')
    expect(counts.get_by_label("Statutory maximum (months)")).to_have_value("24")
    expect(result(page, "guideline-sentence")).to_have_text("24 months")
    screenshot("case-form-banuelos-live")

    page.get_by_role("button", name="Save case").click()
    expect(page.locator("h1")).to_contain_text("Banuelos-Rodriguez")
    expect(page.locator('[data-result="guideline-sentence"]')).to_have_text("24 months")

    page.get_by_role("link", name="Cases", exact=True).click()
    row = page.locator("tr", has_text="Rogelio Banuelos-Rodriguez")
    expect(row).to_contain_text("70–87 months")
    expect(row).to_contain_text(re.compile(r"24 months"))
    screenshot("case-list-after-save")


def test_a_defender_marks_a_line_disputed_and_sees_both_ranges(logged_in_page, live_server):
    page = logged_in_page
    page.get_by_role("link", name="New case").click()
    fill_banuelos_case(page)
    expect(result(page, "range")).to_have_text("70–87 months")

    lines = page.locator('.formset[data-prefix="lines"] .formset-row')
    lines.nth(1).get_by_label("Disputed").check()
    disputes = result(page, "disputed-rows")
    expect(disputes.locator('[data-finding="without-offense-line-2"]')).to_contain_text(
        "9–15 months"
    )
    expect(result(page, "disputed-span")).to_contain_text("lowest 9–15 months")
    expect(result(page, "range")).to_have_text("70–87 months")  # as entered: the line counts

    page.get_by_role("button", name="Save case").click()
    expect(page.locator("h1")).to_contain_text("Banuelos-Rodriguez")
    expect(page.locator('[data-result="disputed-span"]')).to_contain_text("highest 70–87 months")
