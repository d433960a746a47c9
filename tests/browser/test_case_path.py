import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def result(page, name):
    return page.locator(f'#result-panel [data-result="{name}"]')


def test_a_defender_builds_the_banuelos_case_and_sees_it_recompute(
    logged_in_page, live_server, screenshot
):
    page = logged_in_page
    page.get_by_role("link", name="New case").click()
    page.get_by_label("Defendant").fill("Rogelio Banuelos-Rodriguez")
    page.get_by_label("District").select_option("cacd")
    page.get_by_label("Offense date").fill("1995-08-01")
    page.get_by_label("Sentencing date").fill("1996-02-01")
    page.get_by_label("Guidelines Manual").select_option("1995-11-01")

    lines = page.locator('.formset[data-prefix="lines"]')
    lines.get_by_role("button", name="Add offense line").click()
    base = lines.locator(".formset-row").nth(0)
    base.get_by_label("Kind").select_option("base")
    base.get_by_label("Guideline").fill("§2L1.2(a)")
    base.get_by_label("Description").fill("Unlawful reentry")
    base.get_by_label("Levels").fill("8")
    lines.get_by_role("button", name="Add offense line").click()
    specific = lines.locator(".formset-row").nth(1)
    specific.get_by_label("Guideline").fill("§2L1.2(b)(2)")
    specific.get_by_label("Description").fill("Deported after an aggravated felony")
    specific.get_by_label("Levels").fill("16")
    page.get_by_label("Acceptance of responsibility").select_option("3")
    page.get_by_label("Criminal history category").select_option("V")

    # Recomputed live, before anything is saved.
    expect(result(page, "total-offense-level")).to_have_text("21")
    expect(result(page, "criminal-history-category")).to_have_text("V")
    expect(result(page, "range")).to_have_text("70–87 months")
    expect(result(page, "guideline-sentence")).to_have_text("70–87 months")

    counts = page.locator('.formset[data-prefix="counts"]')
    counts.get_by_role("button", name="Add count").click()
    statute = counts.locator(".formset-row").nth(0).get_by_label("Statute")
    statute.fill("8 U.S.C. § 1326(a)")
    statute.press("Tab")
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
