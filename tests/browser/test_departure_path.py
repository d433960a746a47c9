"""A defender asks for a fast-track departure and sees the law and the numbers before filing."""

import pytest
from playwright.sync_api import expect

from casebook.seed import load_casebook
from tests.browser.case_steps import add_count, fill_banuelos_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_defender_requests_a_fast_track_departure_in_the_ninth_circuit(
    logged_in_page, screenshot
):
    load_casebook()
    page = logged_in_page
    page.get_by_role("link", name="New case").click()
    fill_banuelos_case(page, sentencing_date="2001-03-01")
    add_count(page, "8 U.S.C. § 1326(b)(2)")
    expect(page.locator('#result-panel [data-result="guideline-sentence"]')).to_have_text(
        "70–87 months"
    )
    page.get_by_role("button", name="Save case").click()
    expect(page.locator("h1")).to_contain_text("Banuelos-Rodriguez")

    page.get_by_role("link", name="Request a departure").click()
    page.get_by_label("Ground", exact=True).select_option(
        label=("Inter-district sentencing disparity from fast-track / early-disposition programs")
    )
    page.get_by_label("Downward").check()
    page.get_by_label("Extent (offense levels)").fill("4")
    page.get_by_label("Argument").fill("Fast-track districts offer a § 1326(a) plea.")

    panel = page.locator("#outcome-panel")
    expect(panel.locator('[data-result="prediction"]')).to_contain_text(
        "United States v. Banuelos-Rodriguez"
    )
    expect(panel.locator('[data-result="prediction"]')).to_contain_text("Foreclosed")
    expect(panel.locator('[data-result="range-if-denied"]')).to_have_text("70–87 months")
    expect(panel.locator('[data-result="range-if-granted"]')).to_have_text("46–57 months")
    expect(panel.locator('[data-authority="binding"]')).to_contain_text("Banuelos-Rodriguez")
    expect(panel.locator('[data-authority="persuasive"]')).to_have_count(2)
    what_if = panel.locator('[data-result="what-if"]', has_text="§ 1326(a)")
    expect(what_if.locator('[data-result="what-if-sentence"]')).to_have_text("24 months")
    screenshot("departure-request-banuelos")

    page.get_by_role("button", name="Save request").click()
    saved = page.locator("[data-departure-request]")
    expect(saved).to_contain_text("Foreclosed in the Ninth Circuit")
    expect(saved.locator('[data-result="range-if-granted"]')).to_have_text("46–57 months")
    screenshot("case-page-with-departure-request")


def test_the_governments_motion_under_the_2010_manual_is_a_5k3_1_departure(
    logged_in_page, screenshot
):
    load_casebook()
    page = logged_in_page
    page.get_by_role("link", name="New case").click()
    fill_banuelos_case(page, sentencing_date="2011-01-10")
    page.get_by_label("Guidelines Manual").select_option("2010-11-01")
    page.get_by_label("Government motion under §3E1.1(b)").check()
    add_count(page, "8 U.S.C. § 1326(b)(2)")
    expect(page.locator('#result-panel [data-result="range"]')).to_have_text("70–87 months")
    page.get_by_role("button", name="Save case").click()

    page.get_by_role("link", name="Request a departure").click()
    page.get_by_label("Ground", exact=True).select_option(
        label=("Inter-district sentencing disparity from fast-track / early-disposition programs")
    )
    page.get_by_label("The government's early disposition (fast-track) motion").check()
    page.get_by_label("Downward").check()
    page.get_by_label("Extent (offense levels)").fill("5")
    page.get_by_label("Argument").fill("The government moves under the district's program.")
    page.get_by_role("button", name="Save request").click()
    error = page.locator("#id_extent_levels ~ .invalid-feedback, #error_1_id_extent_levels")
    expect(error.first).to_contain_text("not more than 4 levels (§3F1.1; §5K3.1 before")
    expect(page.get_by_label("Argument")).to_have_value(
        "The government moves under the district's program."
    )
    page.get_by_label("Extent (offense levels)").fill("4")

    panel = page.locator("#outcome-panel")
    expect(panel.locator('[data-result="framing"]')).to_contain_text("§5K3.1 downward departure")
    expect(panel.locator('[data-result="range-if-granted"]')).to_have_text("46–57 months")
    expect(panel.locator('[data-authority="binding"]')).to_have_count(0)
    screenshot("departure-request-program-motion")

    page.get_by_role("button", name="Save request").click()
    saved = page.locator("[data-departure-request]")
    expect(saved).to_contain_text("Government's early disposition motion (§5K3.1), 4 levels")
