"""Every page a defender uses is usable on a 390 px phone: nothing wider than the screen."""

import pytest
from playwright.sync_api import expect

from casebook.seed import load_casebook
from sentencing import services
from sentencing.models import Case
from tests.factories import CaseFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def overflow(page) -> list[str]:
    """Elements that reach past the right edge of the screen."""
    return page.evaluate(
        """() => {
          const width = document.documentElement.clientWidth;
          return Array.from(document.querySelectorAll("body *"))
            .filter((el) => el.getBoundingClientRect().right > width + 1
                           && getComputedStyle(el).position !== "fixed"
                           && el.offsetParent !== null)
            .slice(0, 5)
            .map((el) => `${el.tagName}.${el.className} ${el.getBoundingClientRect().right}`);
        }"""
    )


def test_every_page_fits_a_phone(logged_in_page, live_server, alice, screenshot):
    load_casebook()
    case = CaseFactory(by=alice.staff_member)
    defense = services.calculation_create(user=alice, case=case, source=case, name="Defense")
    page = logged_in_page
    page.set_viewport_size(PHONE)
    pages = {
        "case-list": "/cases/",
        "case-form": "/cases/new/",
        "case-page": f"/cases/{case.pk}/",
        "case-edit": f"/cases/{case.pk}/edit/",
        "calculations-compared": f"/cases/{case.pk}/calculations/compare/?right={defense.pk}",
        "casebook": "/casebook/",
    }
    wide = {}
    for name, path in pages.items():
        page.goto(f"{live_server.url}{path}")
        expect(page.get_by_role("button", name="Log out", exact=True)).to_be_in_viewport()
        found = overflow(page)
        if found:
            wide[name] = found
        screenshot(f"phone-{name}")
    assert wide == {}
    assert Case.objects.filter(calculation_of=None).count() == 1
