"""The project's own 404 and 500 pages: another office's case is "not found", DEBUG on or off."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("debug", [False, True])
def test_another_offices_case_is_our_own_not_found_page(settings, alice, bob_client, debug):
    settings.DEBUG = debug
    case = CaseFactory(by=alice.staff_member)
    response = bob_client.get(reverse("sentencing:case_detail", args=[case.pk]))
    page = response.content.decode()
    assert response.status_code == 404
    assert "belongs to a case of another office" in page
    assert "URLconf" not in page  # not Django's technical page
    assert case.defendant not in page


def test_the_server_error_page_stands_without_a_request_context():
    page = render_to_string("500.html")
    assert "Something went wrong" in page
