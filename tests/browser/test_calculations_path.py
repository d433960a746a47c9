"""A defender copies the presentence report's calculation, drops the line the defense objects
to, compares the two, objects to the line, and exports the memo with the objection."""

import pytest
from playwright.sync_api import expect

from offices.models import StaffMember
from sentencing.models import Case
from tests import founding
from tests.factories import CaseFactory
from tests.memo.pdf import full_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The founding facts plus a +2 Chapter 3 line: 8 + 16 + 2 − 3 = 23; V; 84–105 months.
ENDANGERMENT = ("adjustment", "§3C1.2", "Reckless endangerment during flight", 2)


def test_a_defense_copy_of_the_report_drops_a_line_and_the_diff_shows_both_ranges(
    logged_in_page, live_server, alice, screenshot
):
    report = CaseFactory(
        by=StaffMember.objects.get(user=alice),
        calculation_name="Presentence report",
        calculation_role=Case.Role.PRESENTENCE_REPORT,
        lines=(*founding.OFFENSE_LINES, ENDANGERMENT),
    )
    page = logged_in_page
    page.goto(f"{live_server.url}/cases/{report.pk}/")
    calculations = page.locator("[data-calculations]")
    expect(calculations.locator(f'[data-calculation="{report.pk}"]')).to_contain_text(
        "84–105 months"
    )

    calculations.get_by_text("Add a calculation").click()
    calculations.get_by_label("Name").fill("Defense")
    calculations.get_by_label("Role at sentencing").select_option("defense")
    calculations.get_by_role("button", name="Add calculation").click()

    expect(page.locator("h1")).to_contain_text("Defense calculation")
    # The live panel listens once htmx (a deferred script) has run: a click that navigates
    # returns before the new page's load event, so wait for it before typing.
    page.wait_for_load_state("load")
    expect(page.locator("[data-caption]")).to_contain_text("The caption is the case's")
    panel = page.locator("#result-panel")
    expect(panel.locator('[data-result="range"]')).to_have_text("84–105 months")
    lines = page.locator('.formset[data-prefix="lines"] .formset-row')
    lines.nth(2).get_by_label("Delete").check()
    expect(panel.locator('[data-result="range"]')).to_have_text("70–87 months")  # live
    page.get_by_role("button", name="Save calculation").click()

    expect(page.locator(".alert-success")).to_contain_text("Saved the Defense calculation")
    rows = page.locator("[data-calculations] tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(1)).to_contain_text("Defense")
    expect(rows.nth(1)).to_contain_text("70–87 months")

    page.get_by_role("link", name="Compare side by side").click()
    expect(page.locator('[data-result="range-difference"]')).to_have_text(
        "The Defense range has a minimum 14 months lower and a maximum 18 months lower."
    )
    only_left = page.locator('[data-status="only-left"]')
    expect(only_left).to_contain_text("§3C1.2")
    expect(only_left).to_contain_text("only in Presentence report")
    expect(page.locator('tr[data-figure="range"]')).to_contain_text("84–105 months")
    expect(page.locator('tr[data-figure="range"]')).to_contain_text("70–87 months")
    screenshot("calculations-compared")

    page.get_by_role("link", name="Back to the case").click()
    rows.nth(1).get_by_role("button", name="Argue in memo").click()
    expect(rows.nth(1).locator("[data-argued]")).to_be_visible()

    page.get_by_role("link", name="Objections and rulings").click()
    objected = page.locator('[data-ref="offense-line:§3C1.2:0"]')
    objected.get_by_role("link", name="Object").click()
    expect(page.locator("[data-subject]")).to_have_text("§3C1.2: the report +2, Defense none")
    page.get_by_label("Paragraph of the report").fill("¶ 23")
    page.get_by_label("Ground").fill("There was no flight.")
    page.get_by_label("Argument").fill("He stopped when told to.")
    page.get_by_role("button", name="Save objection").click()
    expect(objected.locator("[data-ruling]")).to_have_text("Pending")
    expect(objected).to_contain_text("¶ 23: There was no flight.")
    screenshot("objections-page")

    page.get_by_role("link", name="Back to the case").click()
    page.get_by_role("link", name="Export memo (PDF)").click()
    frame = page.frame_locator('iframe[title="Memo preview"]')
    expect(frame.locator('[data-memo="range"]')).to_have_text("70–87 months")
    expect(frame.locator('[data-memo="objection"]')).to_contain_text("¶ 23")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export PDF").click()
    text = full_text(download_info.value.path().read_bytes())
    assert "Objections to the Presentence Report" in text
    assert "Ground: There was no flight." in text
    assert "Ruling: Pending" in text
