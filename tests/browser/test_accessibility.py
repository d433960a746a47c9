"""axe-core (4.12, bundled with axe-playwright-python) finds no violation on any page."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from casebook.models import Ground, Opinion
from casebook.seed import load_casebook
from departures.models import DepartureRequest
from tests.factories import CaseFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Axe()


def violations(page) -> list[str]:
    results = AXE.run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] for node in v["nodes"][:3])
        for v in results.response["violations"]
    ]


def test_the_login_page(page, live_server):
    page.goto(f"{live_server.url}/login/")
    assert violations(page) == []


def test_every_page_a_defender_uses(logged_in_page, live_server, alice):
    load_casebook()
    case = CaseFactory(by=alice.staff_member)
    ground = Ground.objects.first()
    request = DepartureRequest.objects.create(
        case=case, ground=ground, direction="downward", extent_levels=2, argument="Argued."
    )
    opinion = Opinion.objects.filter(text__gt="").first()
    paths = [
        "/cases/",
        "/cases/new/",
        f"/cases/{case.pk}/",
        f"/cases/{case.pk}/edit/",
        f"/cases/{case.pk}/history/",
        f"/cases/{case.pk}/departures/{request.pk}/edit/",
        f"/cases/{case.pk}/departures/new/",
        f"/memos/cases/{case.pk}/",
        "/casebook/",
        "/casebook/?q=fast+track",
        opinion.get_absolute_url(),
        ground.get_absolute_url(),
        "/account/password/",
        "/api/token/",
        "/api/v1/docs",
    ]
    found = {}
    for path in paths:
        logged_in_page.goto(f"{live_server.url}{path}")
        if problems := violations(logged_in_page):
            found[path] = problems
    for path, problems in found.items():
        print(path, *problems, sep="\n  ")
    assert found == {}


def test_a_failed_save_focuses_the_error_summary_and_the_result_is_announced_briefly(
    logged_in_page,
):
    page = logged_in_page
    page.get_by_role("link", name="New case").click()
    page.get_by_label("Criminal history category").select_option("V")
    page.get_by_role("button", name="Save case").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link", name="Defendant")).to_be_visible()

    page.get_by_label("Defendant").fill("Test Defendant")
    page.get_by_label("District").select_option("cacd")
    page.get_by_label("Offense date").fill("2025-12-01")
    page.get_by_label("Sentencing date").fill("2026-05-01")
    lines = page.locator('.formset[data-prefix="lines"]')
    lines.get_by_role("button", name="Add offense line").click()
    lines.locator(".formset-row").first.get_by_label("Guideline").fill("§2L1.2(a)")
    lines.locator(".formset-row").first.get_by_label("Levels").fill("8")
    expect(page.locator("#result-announcement")).to_have_text(
        "Offense level 8, category V, guideline sentence 15–21 months."
    )
    expect(page.locator("#result-panel")).not_to_have_attribute("aria-live", "polite")
