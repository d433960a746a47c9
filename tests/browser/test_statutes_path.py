"""On the case form, a known statute fills its limits as they stood on the offense date:
8 U.S.C. § 1326(b)(2) was 15 years before Sept. 13, 1994 (Pub. L. 103-322 raised it to 20)."""

import pytest
from playwright.sync_api import expect

from tests.browser.case_steps import add_count, fill_banuelos_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_count_takes_the_maximum_in_force_on_the_offense_date(logged_in_page, live_server):
    page = logged_in_page
    page.get_by_role("link", name="New case").click()
    fill_banuelos_case(page)
    page.get_by_label("Offense date").fill("1993-06-01")
    add_count(page, "8 U.S.C. § 1326(b)(2)")
    counts = page.locator('.formset[data-prefix="counts"]')
    expect(counts.get_by_label("Statutory maximum (months)")).to_have_value("180")

    page.get_by_label("Offense date").fill("1988-01-15")
    add_count(page, "8 U.S.C. § 1326(b)(1)")  # did not exist yet: left blank for the server
    expect(counts.get_by_label("Statutory maximum (months)").last).to_have_value("")
    page.get_by_role("button", name="Save case").click()
    expect(
        page.locator(
            ".invalid-feedback", has_text="8 U.S.C. § 1326(b)(1) did not exist on Jan. 15, 1988"
        )
    ).to_be_visible()


def test_the_first_step_act_fills_a_count_sentenced_after_it(logged_in_page, live_server):
    # Pub. L. 115-391, § 401(c): 15 years, not 20, for a 2017 offense sentenced in 2019.
    page = logged_in_page
    page.get_by_role("link", name="New case").click()
    fill_banuelos_case(page, sentencing_date="2019-03-01")
    page.get_by_label("Offense date").fill("2017-05-01")
    add_count(page, "21 U.S.C. § 841(b)(1)(A) (one prior conviction, § 851)")
    counts = page.locator('.formset[data-prefix="counts"]')
    expect(counts.get_by_label("Statutory minimum (months)")).to_have_value("180")
    expect(counts.get_by_label("Statutory maximum (months)")).to_have_value("")
