"""Two people edit one case in two browsers: the second save is refused, shows what the other
person changed, and keeps the second person's typing. No Content-Security-Policy violation."""

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from sentencing.models import Case
from tests.browser.conftest import ARTIFACTS, browser_type_launch_args  # noqa: F401
from tests.factories import StaffMemberFactory
from tests.sentencing.forms_data import BANUELOS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"


def signed_in_page(browser, live_server, username, policy_errors):
    page = browser.new_context().new_page()
    page.set_default_timeout(10_000)
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and policy_errors.append(message.text)
        ),
    )
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/cases/")
    return page


def test_the_second_editor_is_refused_and_keeps_their_typing(browser, live_server, alice):
    StaffMemberFactory(user__username="carol", office=alice.staff_member.office)
    client = Client()
    client.force_login(alice)
    client.post(reverse("sentencing:case_create"), BANUELOS)
    case = Case.objects.get()
    edit_url = f"{live_server.url}{reverse('sentencing:case_edit', args=[case.pk])}"
    policy_errors = []
    first = signed_in_page(browser, live_server, "alice", policy_errors)
    second = signed_in_page(browser, live_server, "carol", policy_errors)
    first.goto(edit_url)
    second.goto(edit_url)

    first.get_by_label("Criminal history category").select_option("IV")
    first.get_by_role("button", name="Save case").click()
    expect(first.locator('[data-result="criminal-history-category"]')).to_have_text("IV")

    second.get_by_label("Judge").fill("Hon. Second Editor")
    expect(second.locator('#result-panel [data-result="range"]')).to_have_text("70–87 months")
    second.get_by_role("button", name="Save case").click()

    conflict = second.locator("[data-conflict]")
    expect(conflict).to_contain_text("saved this case while you were editing")
    row = conflict.locator("tr", has_text="Criminal history category")
    expect(row).to_contain_text("IV")
    expect(second.get_by_label("Judge")).to_have_value("Hon. Second Editor")
    ARTIFACTS.mkdir(exist_ok=True)
    second.screenshot(path=str(ARTIFACTS / "edit-conflict-second-editor.png"), full_page=True)
    # Nothing of the second editor's was saved.
    assert Case.objects.get().judge == BANUELOS["judge"]

    second.get_by_label("Criminal history category").select_option("IV")  # re-apply theirs
    second.get_by_role("button", name="Save case").click()
    expect(second.locator("h1")).to_contain_text("Banuelos-Rodriguez")
    saved = Case.objects.get()
    assert (saved.judge, saved.criminal_history_category) == ("Hon. Second Editor", "IV")
    assert policy_errors == []
