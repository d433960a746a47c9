"""In a real browser: a 2009 reentry case in E.D. Mich. on the variance ground, then the split.

Camacho-Arellano, 614 F.3d 244, 245 (6th Cir. July 16, 2010) was not yet decided in 2009 and
binds from then on; Vega-Castillo, 540 F.3d 1235, 1236 (11th Cir. Aug. 19, 2008) binds in Florida.
"""

import pytest
from playwright.sync_api import expect

from casebook.seed import load_casebook, load_fast_track_split
from tests.browser.case_steps import add_count, fill_banuelos_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VARIANCE = "Variance for fast-track disparity (18 U.S.C. § 3553(a), after Booker)"


def request_on_the_variance_ground(page, *, district: str, sentencing_date: str):
    page.get_by_role("link", name="New case").click()
    fill_banuelos_case(page, sentencing_date=sentencing_date)
    page.get_by_label("District").select_option(district)
    add_count(page, "8 U.S.C. § 1326(b)(2)")
    page.get_by_role("button", name="Save case").click()
    page.get_by_role("link", name="Request a departure").click()
    page.get_by_label("Ground", exact=True).select_option(label=VARIANCE)
    page.get_by_label("Downward").check()
    page.get_by_label("Extent (offense levels)").fill("4")
    return page.locator("#outcome-panel")


def test_eastern_michigan_in_2009_then_the_split_on_two_dates(logged_in_page, screenshot):
    load_casebook()
    load_fast_track_split()
    page = logged_in_page
    panel = request_on_the_variance_ground(page, district="mied", sentencing_date="2009-06-01")
    prediction = panel.locator('[data-result="prediction"]')
    expect(prediction).to_contain_text("No binding authority in the Sixth Circuit")
    expect(prediction).to_contain_text("Camacho-Arellano (2010) had not yet been decided")
    expect(panel.locator("[data-later]", has_text="Camacho-Arellano")).to_have_count(1)
    expect(panel.locator('[data-authority="binding"]')).to_have_count(0)
    screenshot("split-departure-form-mied-2009")

    panel.get_by_role("link", name="See the split").click()
    sixth = page.locator('[data-ground="fast-track-disparity-variance"] tr[data-circuit="ca6"]')
    expect(sixth.locator("[data-rule]")).to_have_text("No binding holding in the casebook")
    expect(sixth.locator("[data-history]")).to_contain_text("Camacho-Arellano")

    page.get_by_label("Rule on").fill("2011-06-01")
    page.get_by_role("button", name="Show").click()
    expect(sixth.locator("[data-rule]")).to_have_text("Permits")
    expect(sixth.locator("[data-controlling]")).to_contain_text("614 F.3d at 245")
    eleventh = page.locator('[data-ground="fast-track-disparity-variance"] tr[data-circuit="ca11"]')
    expect(eleventh.locator("[data-rule]")).to_have_text("Forbids")
    screenshot("split-page-2011")

    page.emulate_media(media="print")  # printable: the table without the form or navigation
    expect(page.locator("[data-split-date]")).to_be_hidden()
    expect(page.locator(".navbar")).to_be_hidden()
    expect(sixth).to_be_visible()


def test_southern_florida_in_2009_is_bound_by_vega_castillo(logged_in_page):
    load_casebook()
    load_fast_track_split()
    panel = request_on_the_variance_ground(
        logged_in_page, district="flsd", sentencing_date="2009-06-01"
    )
    expect(panel.locator('[data-result="prediction"]')).to_contain_text(
        "Foreclosed in the Eleventh Circuit: United States v. Vega-Castillo"
    )
    expect(panel.locator('[data-authority="binding"]').first).to_contain_text("Vega-Castillo")
