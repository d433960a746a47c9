"""The defender's path through the casebook in a real browser (Debian's chromium)."""

import re

import pytest
from playwright.sync_api import expect

from casebook.seed import load_casebook

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_defender_finds_banuelos_follows_a_cite_and_sees_who_cites_it(
    page, live_server, alice, screenshot
):
    load_casebook()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/login/?next=/casebook/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/casebook/$"))

    page.get_by_role("searchbox").fill("fast-track")
    page.get_by_role("button", name="Search").click()
    results = page.locator("#results")
    expect(results).to_contain_text("1 opinion")
    results.get_by_role("link", name="United States v. Banuelos-Rodriguez").click()

    expect(page.locator("h1")).to_have_text("United States v. Banuelos-Rodriguez")
    expect(page.locator("#p974")).to_have_text("*974")
    expect(page.locator("#holdings")).to_contain_text("215 F.3d at 978")
    expect(page.locator("#cited-by")).to_contain_text("United States v. Armenta-Castro")

    page.locator(".opinion a.cite", has_text="906 F.2d at 1359").first.click()
    expect(page.locator("h1")).to_contain_text("United States v. Enriquez-Munoz, 906 F.2d 1356")
    expect(page.locator("main")).to_contain_text("not in casebook")
    page.go_back()

    page.locator("#cited-by").get_by_role("link", name="United States v. Armenta-Castro").click()
    expect(page.locator("header")).to_contain_text("unverified")
    page.locator(".opinion a.cite", has_text="215 F.3d at 975").click()
    expect(page).to_have_url(re.compile(r"/casebook/opinions/\d+/#p975$"))
    screenshot("casebook-path")
