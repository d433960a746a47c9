"""Cases of a real docket entered from their facts: a drug count and a fraud count in two count
groups combined under §3D1.4; a career offender under §4B1.1(b); a § 924(c) count's
consecutive term (§5G1.2(a)); 5 kg of cocaine with and without the safety valve (§5C1.2)."""

import pytest
from playwright.sync_api import expect

from tests.browser.case_steps import add_count

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def result(page, name):
    return page.locator(f'#result-panel [data-result="{name}"]')


def _new_case(page) -> None:
    page.get_by_role("link", name="New case").click()
    page.wait_for_load_state("load")
    page.get_by_label("Defendant").fill("Test Defendant")
    page.get_by_label("District").select_option("cacd")
    page.get_by_label("Offense date").fill("2025-12-01")
    page.get_by_label("Sentencing date").fill("2026-05-01")
    page.get_by_label("Criminal history category").select_option("I")


def test_a_drug_group_and_a_fraud_group_combine_under_3d1_4(logged_in_page, screenshot):
    page = logged_in_page
    _new_case(page)

    drugs = page.locator("#drug-picker")
    drugs.locator("summary").click()
    drugs.locator("#id_dq-drug").select_option("cocaine")
    drugs.locator("#id_dq-grams").fill("5000")
    drugs.get_by_role("button", name="Work out the lines").click()
    expect(drugs.locator('[data-preset-line^="§2D1.1"]').first).to_be_visible()
    drugs.get_by_role("button", name="Add ticked lines").click()
    expect(result(page, "arithmetic")).to_have_text("30 = 30")

    fraud = page.locator("#theft-fraud-picker")
    fraud.locator("summary").click()
    fraud.get_by_label("Loss ($)").fill("1200000")
    fraud.get_by_label("Victims", exact=True).fill("10")
    fraud.get_by_label("Sophisticated means").check()
    fraud.get_by_role("button", name="Work out the lines").click()
    expect(fraud.get_by_role("button", name="Add ticked lines")).to_be_visible()
    fraud.get_by_label("to count group").fill("2")
    fraud.get_by_role("button", name="Add ticked lines").click()
    expect(fraud.get_by_role("status")).to_have_text("Added 4 offense lines.")

    rows = page.locator('.formset[data-prefix="lines"] .formset-row')
    expect(rows.nth(4).get_by_label("Count group")).to_have_value("2")
    # Group 1: 30; group 2: 7 + 14 + 2 + 2 = 25, 5 levels less: ½ Unit. 1½ Units add 1: 31.
    expect(result(page, "arithmetic")).to_have_text("30 + 1 = 31")
    panel = page.locator("#result-panel")
    expect(panel.locator('[data-result="count-group"]')).to_have_count(2)
    expect(panel).to_contain_text("1½ Units (Count group 1: 1, Count group 2: ½)")
    expect(result(page, "range")).to_have_text("108–135 months")
    screenshot("case-form-two-count-groups")

    page.get_by_role("button", name="Save case").click()
    expect(page.locator('[data-result="total-offense-level"]')).to_have_text("31")


def test_a_career_offender_takes_the_tables_level_and_category_vi(logged_in_page):
    page = logged_in_page
    _new_case(page)
    lines = page.locator('.formset[data-prefix="lines"]')
    lines.get_by_role("button", name="Add offense line").click()
    row = lines.locator(".formset-row").first
    row.get_by_label("Kind").select_option("base")
    row.get_by_label("Guideline").fill("§2D1.1(c)(14)")
    row.get_by_label("Levels").fill("12")
    counts = page.locator('.formset[data-prefix="counts"]')
    counts.get_by_role("button", name="Add count").click()
    counts.get_by_label("Statute").fill("21 U.S.C. § 841(b)(1)(C)")
    counts.get_by_label("Statute").press("Tab")
    page.get_by_label("Acceptance of responsibility").select_option("3")
    page.get_by_label("Government motion under §3E1.1(b)").check()
    page.get_by_label("Criminal history category").select_option("")
    page.get_by_label("Criminal history points").fill("6")
    expect(result(page, "criminal-history-category")).to_have_text("III")

    page.get_by_label("Career offender (§4B1.1)").check()
    expect(result(page, "arithmetic")).to_have_text("32 − 3 = 29")
    expect(result(page, "criminal-history-category")).to_have_text("VI")
    expect(result(page, "range")).to_have_text("151–188 months")


def test_a_drug_count_and_a_924_c_count_add_the_consecutive_term(logged_in_page):
    page = logged_in_page
    _new_case(page)
    drugs = page.locator("#drug-picker")
    drugs.locator("summary").click()
    drugs.locator("#id_dq-drug").select_option("cocaine")
    drugs.locator("#id_dq-grams").fill("500")
    drugs.get_by_role("button", name="Work out the lines").click()
    expect(drugs.locator('[data-preset-line^="§2D1.1"]').first).to_be_visible()
    drugs.get_by_role("button", name="Add ticked lines").click()
    page.get_by_label("Acceptance of responsibility").select_option("3")
    page.get_by_label("Government motion under §3E1.1(b)").check()
    add_count(page, "21 U.S.C. § 841(b)(1)(B)")
    add_count(page, "18 U.S.C. § 924(c)(1)(A)(i)")
    counts = page.locator('.formset[data-prefix="counts"] .formset-row')
    expect(counts.nth(1).get_by_label("Statutory minimum (months)")).to_have_value("60")

    # 24 − 3 = 21, I: 37–46; the drug count's 60-month minimum; then 60 months consecutively.
    expect(result(page, "range")).to_have_text("37–46 months")
    expect(result(page, "guideline-sentence")).to_have_text("60 months")
    expect(result(page, "total-punishment")).to_have_text("120 months")
    page.get_by_role("button", name="Save case").click()
    expect(page.locator('[data-result="total-punishment"]')).to_have_text("120 months")


def test_5_kg_of_cocaine_with_and_without_the_safety_valve(logged_in_page):
    page = logged_in_page
    _new_case(page)
    page.get_by_label("Offense date").fill("2016-03-01")
    page.get_by_label("Sentencing date").fill("2017-01-10")
    drugs = page.locator("#drug-picker")
    drugs.locator("summary").click()
    drugs.locator("#id_dq-drug").select_option("cocaine")
    drugs.locator("#id_dq-grams").fill("5000")
    drugs.get_by_role("button", name="Work out the lines").click()
    expect(drugs.locator('[data-preset-line^="§2D1.1"]').first).to_be_visible()
    drugs.get_by_role("button", name="Add ticked lines").click()
    page.get_by_label("Acceptance of responsibility").select_option("3")
    page.get_by_label("Government motion under §3E1.1(b)").check()
    add_count(page, "21 U.S.C. § 841(b)(1)(A)")
    # 2016 Manual: 30 − 3 = 27, I: 70–87, raised to the 120-month minimum.
    expect(result(page, "arithmetic")).to_have_text("30 − 3 = 27")
    expect(result(page, "guideline-sentence")).to_have_text("120 months")

    drugs.get_by_label("Meets the safety-valve criteria of §5C1.2(a)(1)–(5)").check()
    drugs.get_by_role("button", name="Work out the lines").click()
    expect(drugs.locator('[data-preset-line="§2D1.1(b)(17)"]')).to_be_visible()
    drugs.locator('[data-preset-line="§2D1.1(a)(5)"] input').uncheck()
    drugs.get_by_role("button", name="Add ticked lines").click()
    page.get_by_label("Safety valve (§5C1.2; 18 U.S.C. § 3553(f))").check()
    # 30 − 2 − 3 = 25, I: 57–71, the minimum lifted.
    expect(result(page, "arithmetic")).to_have_text("30 − 2 − 3 = 25")
    expect(result(page, "range")).to_have_text("57–71 months")
    expect(result(page, "guideline-sentence")).to_have_text("57–71 months")


def test_a_wire_fraud_under_the_2014_and_the_2018_manuals(logged_in_page):
    """The loss step differs: more than $1,000,000 is +16 in 2014 (Amendments 617, 647), more
    than $550,000 is +14 in 2018 (Amendment 791)."""
    page = logged_in_page
    _new_case(page)
    page.get_by_label("Offense date").fill("2014-12-01")
    page.get_by_label("Sentencing date").fill("2019-03-01")
    fraud = page.locator("#theft-fraud-picker")
    fraud.locator("summary").click()
    fraud.get_by_label("Loss ($)").fill("1200000")
    fraud.get_by_label("Victims", exact=True).fill("10")
    fraud.get_by_label("Sophisticated means").check()
    for manual, loss, total in (("2014-11-01", "(I)", "27"), ("2018-11-01", "(H)", "25")):
        page.get_by_label("Guidelines Manual").select_option(manual)
        fraud.get_by_role("button", name="Work out the lines").click()
        line = fraud.locator(f'[data-preset-line="§2B1.1(b)(1){loss}"]')
        expect(line).to_be_visible()
        expect(fraud.locator('[data-preset="reason"]')).to_contain_text(manual[:4])
        rows = page.locator('.formset[data-prefix="lines"] .formset-row')
        for index in range(rows.count()):
            rows.nth(index).get_by_label("Delete").check()
        fraud.get_by_role("button", name="Add ticked lines").click()
        expect(result(page, "total-offense-level")).to_have_text(total)
