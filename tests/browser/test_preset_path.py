"""A defender adds §2L1.2 lines from the preset picker, two of them alternatives."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def result(page, name):
    return page.locator(f'#result-panel [data-result="{name}"]')


def preset(picker, section):
    """The picker's checkbox for one section (its label starts with the section)."""
    return picker.get_by_role("checkbox", name=re.compile(rf"^{re.escape(section)} —"))


def test_a_defender_adds_the_1991_text_lines_and_only_the_greater_counts(
    logged_in_page, screenshot
):
    page = logged_in_page
    page.get_by_role("link", name="New case").click()
    page.get_by_label("Defendant").fill("Rogelio Banuelos-Rodriguez")
    page.get_by_label("District").select_option("cacd")
    page.get_by_label("Offense date").fill("1995-08-01")
    page.get_by_label("Sentencing date").fill("1996-02-01")

    picker = page.locator("#preset-picker")
    summary = picker.locator("summary")
    # Left to §1B1.11, the Manual in effect at sentencing; the list follows the Manual chosen.
    expect(summary).to_have_text("§2L1.2 (illegal reentry) lines of the 1995 Manual")
    summary.click()
    page.get_by_label("Guidelines Manual").select_option("2016-11-01")
    expect(summary).to_have_text("§2L1.2 (illegal reentry) lines of the 2016 Manual")
    expect(preset(picker, "§2L1.2(b)(3)(A)")).to_be_visible()
    page.get_by_label("Guidelines Manual").select_option("1995-11-01")
    expect(summary).to_have_text("§2L1.2 (illegal reentry) lines of the 1995 Manual")

    group = picker.locator('[data-preset-group="2L1.2(b)"]')
    expect(group).to_contain_text("If more than one applies, use the greater")
    expect(group.get_by_role("checkbox")).to_have_count(2)
    preset(picker, "§2L1.2(a)").check()
    preset(picker, "§2L1.2(b)(1)").check()
    preset(picker, "§2L1.2(b)(2)").check()
    picker.get_by_role("button", name="Add ticked lines").click()
    expect(picker.get_by_role("status")).to_have_text("Added 3 offense lines.")

    rows = page.locator('.formset[data-prefix="lines"] .formset-row')
    expect(rows).to_have_count(3)
    expect(rows.nth(0).get_by_label("Kind")).to_have_value("base")
    expect(rows.nth(0).get_by_label("Levels")).to_have_value("8")
    expect(rows.nth(1).get_by_label("Guideline")).to_have_value("§2L1.2(b)(1)")
    expect(rows.nth(1).get_by_label("Group (use the greater)")).to_have_value("2L1.2(b)")
    expect(rows.nth(2).get_by_label("Levels")).to_have_value("16")
    expect(rows.nth(2).get_by_label("Group (use the greater)")).to_have_value("2L1.2(b)")
    expect(preset(picker, "§2L1.2(b)(1)")).not_to_be_checked()

    # Recomputed at once: 8 + 16, the 4 of (b)(1) shown but not counted.
    expect(result(page, "arithmetic")).to_have_text("8 + 16 = 24")
    expect(result(page, "not-counted")).to_contain_text("§2L1.2(b)(1)")
    expect(result(page, "not-counted")).to_contain_text("use the greater: not counted")

    page.get_by_label("Acceptance of responsibility").select_option("3")
    page.get_by_label("Criminal history category").select_option("V")
    expect(result(page, "arithmetic")).to_have_text("8 + 16 − 3 = 21")
    expect(result(page, "total-offense-level")).to_have_text("21")
    expect(result(page, "criminal-history-category")).to_have_text("V")
    expect(result(page, "range")).to_have_text("70–87 months")
    screenshot("case-form-preset-lines")

    page.get_by_role("button", name="Save case").click()
    expect(page.locator("h1")).to_contain_text("Banuelos-Rodriguez")
    expect(page.locator('[data-result="total-offense-level"]')).to_have_text("21")
    expect(page.locator('[data-result="range"]')).to_have_text("70–87 months")
    expect(page.locator('[data-result="not-counted"]')).to_contain_text("§2L1.2(b)(1)")

    page.get_by_role("link", name="Edit", exact=True).click()
    expect(rows).to_have_count(3)
    expect(rows.nth(1).get_by_label("Group (use the greater)")).to_have_value("2L1.2(b)")
    expect(rows.nth(2).get_by_label("Group (use the greater)")).to_have_value("2L1.2(b)")
    expect(summary).to_have_text("§2L1.2 (illegal reentry) lines of the 1995 Manual")
    expect(result(page, "arithmetic")).to_have_text("8 + 16 − 3 = 21")
    expect(result(page, "range")).to_have_text("70–87 months")
    screenshot("case-form-preset-lines-reopened")


def test_a_1990_reentry_takes_the_1990_manual_its_one_characteristic_and_two_levels(
    logged_in_page,
):
    """The 1990 Manual: §2L1.2 with one characteristic (Amendment 193), §3E1.1 of 2 levels
    only (the third came with Amendment 459, 1992) and no zones (Amendment 462, 1992)."""
    page = logged_in_page
    page.get_by_role("link", name="New case").click()
    page.get_by_label("Defendant").fill("Test Defendant")
    page.get_by_label("District").select_option("cacd")
    page.get_by_label("Offense date").fill("1990-03-01")
    page.get_by_label("Sentencing date").fill("1991-02-01")
    page.get_by_label("Criminal history category").select_option("I")
    page.get_by_label("Acceptance of responsibility").select_option("3")

    picker = page.locator("#preset-picker")
    picker.locator("summary").click()
    expect(picker.locator("summary")).to_have_text(
        "§2L1.2 (illegal reentry) lines of the 1990 Manual"
    )
    expect(picker.locator("[data-preset-line]")).to_have_count(2)
    preset(picker, "§2L1.2(a)").check()
    preset(picker, "§2L1.2(b)(1)").check()
    picker.get_by_role("button", name="Add ticked lines").click()
    expect(result(page, "arithmetic")).to_have_text("8 + 4 − 2 = 10")
    expect(result(page, "range")).to_have_text("6–12 months")
    expect(result(page, "zone")).to_have_text("none before Nov. 1, 1992")
    expect(result(page, "notes")).to_contain_text("additional level came with Amendment 459")


def test_each_manual_gets_its_own_lines_and_the_result_shows_both(logged_in_page, screenshot):
    """§1B1.11(b)(2): a 1996 offense sentenced in 2004 is scored under the 2003 Manual with the
    2001 text of §2L1.2 and under the 1995 Manual with the 1991 text, side by side."""
    page = logged_in_page
    page.get_by_role("link", name="New case").click()
    page.get_by_label("Defendant").fill("Test Defendant")
    page.get_by_label("District").select_option("cacd")
    page.get_by_label("Offense date").fill("1996-06-01")
    page.get_by_label("Sentencing date").fill("2004-03-01")
    page.get_by_label("Criminal history category").select_option("III")

    picker = page.locator("#preset-picker")
    picker.locator("summary").click()
    expect(picker.locator("summary")).to_have_text(
        "§2L1.2 (illegal reentry) lines of the 2003 Manual"
    )
    preset(picker, "§2L1.2(a)").check()
    preset(picker, "§2L1.2(b)(1)(A)").check()
    picker.get_by_role("button", name="Add ticked lines").click()
    expect(result(page, "arithmetic")).to_have_text("8 + 16 = 24")

    page.locator("#offense-date-worksheet > summary").click()
    earlier = page.locator("#offense-date-preset-picker")
    earlier.locator("summary").click()
    expect(earlier.locator("summary")).to_have_text(
        "§2L1.2 (illegal reentry) lines of the 1995 Manual"
    )
    preset(earlier, "§2L1.2(a)").check()
    preset(earlier, "§2L1.2(b)(1)").check()
    earlier.get_by_role("button", name="Add ticked lines").click()
    expect(earlier.get_by_role("status")).to_have_text("Added 2 offense-date lines.")
    expect(page.locator('.formset[data-prefix="earlier"] .formset-row')).to_have_count(2)
    expect(page.locator('.formset[data-prefix="lines"] .formset-row')).to_have_count(2)

    # The 1995 Manual's 12 against the 2003 Manual's 24: §1B1.11(b)(1) applies the earlier one.
    expect(result(page, "total-offense-level")).to_have_text("12")
    columns = page.locator('#result-panel [data-result="comparison-column"]')
    expect(columns).to_have_count(2)
    expect(columns.nth(0)).to_contain_text("1995 Manual applied")
    expect(columns.nth(0).locator('[data-result="comparison-level"]')).to_have_text("12")
    expect(columns.nth(1).locator('[data-result="comparison-level"]')).to_have_text("24")
    screenshot("case-form-two-manuals")


def test_a_probation_officer_works_out_a_wire_fraud_from_its_facts(logged_in_page, screenshot):
    """§2B1.1 under the 2025 Manual: $1.2 million, 10 victims, sophisticated means."""
    page = logged_in_page
    page.get_by_role("link", name="New case").click()
    page.get_by_label("Defendant").fill("Test Defendant")
    page.get_by_label("District").select_option("cacd")
    page.get_by_label("Offense date").fill("2025-12-01")
    page.get_by_label("Sentencing date").fill("2026-05-01")
    page.get_by_label("Criminal history category").select_option("I")

    worksheet = page.locator("#theft-fraud-picker")
    worksheet.locator("summary").click()
    worksheet.get_by_label("Loss ($)").fill("1200000")
    worksheet.get_by_label("Victims", exact=True).fill("10")
    worksheet.get_by_label("Sophisticated means").check()
    worksheet.get_by_role("button", name="Work out the lines").click()
    expect(preset(worksheet, "§2B1.1(b)(1)(H)")).to_be_checked()
    expect(worksheet.locator('[data-preset="reason"]')).to_contain_text("Amendment 792")
    worksheet.get_by_role("button", name="Add ticked lines").click()
    expect(worksheet.get_by_role("status")).to_have_text("Added 4 offense lines.")

    # 7 + 14 + 2 + 2 = 25, category I: 57–71 months.
    expect(result(page, "arithmetic")).to_have_text("7 + 14 + 2 + 2 = 25")
    expect(result(page, "range")).to_have_text("57–71 months")
    screenshot("case-form-theft-fraud")
    page.get_by_role("button", name="Save case").click()
    expect(page.locator('[data-result="total-offense-level"]')).to_have_text("25")


def test_a_defender_works_out_a_cocaine_case_from_its_drugs(logged_in_page):
    """§2D1.1 under the 2025 Manual: 5 kg of cocaine is level 30 (Amendment 782), +2 weapon."""
    page = logged_in_page
    page.get_by_role("link", name="New case").click()
    page.get_by_label("Defendant").fill("Test Defendant")
    page.get_by_label("District").select_option("cacd")
    page.get_by_label("Offense date").fill("2025-12-01")
    page.get_by_label("Sentencing date").fill("2026-05-01")
    page.get_by_label("Criminal history category").select_option("I")

    worksheet = page.locator("#drug-picker")
    worksheet.locator("summary").click()
    worksheet.locator("#id_dq-drug").select_option("cocaine")
    worksheet.locator("#id_dq-grams").fill("5000")
    worksheet.get_by_label("A dangerous weapon was possessed").check()
    worksheet.get_by_role("button", name="Work out the lines").click()
    expect(preset(worksheet, "§2D1.1(a)(5)")).to_be_checked()
    worksheet.get_by_role("button", name="Add ticked lines").click()
    expect(worksheet.get_by_role("status")).to_have_text("Added 2 offense lines.")
    # 30 + 2 = 32, category I: 121–151 months.
    expect(result(page, "arithmetic")).to_have_text("30 + 2 = 32")
    expect(result(page, "range")).to_have_text("121–151 months")
