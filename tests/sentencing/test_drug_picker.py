"""The case form's §2D1.1 worksheet: the drugs typed give the lines of the Manual's own table."""

import html
import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("sentencing:case_drug_lines")
CASE_FIELDS = {"manual_edition", "sentencing_date", "offense_date"}


def lines(page: str) -> list[tuple[str, int]]:
    found = re.findall(r'data-guideline="([^"]+)"[^>]*data-levels="(-?\d+)"', page)
    return [(html.unescape(section), int(levels)) for section, levels in found]


def get(client, **values) -> str:
    query = {k if k in CASE_FIELDS else f"dq-{k}": v for k, v in values.items()}
    response = client.get(URL, query)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_five_kilograms_of_cocaine_by_edition(alice_client):
    # §2D1.1(c): "At least 5 KG but less than 15 KG of Cocaine" is level 30 after Amendment 782
    # (Nov. 1, 2014), level 32 before it; the weapon is (b)(1) in both.
    cocaine = {"drug": "cocaine", "grams": "5000", "weapon": "on"}
    assert lines(get(alice_client, manual_edition="2025-11-01", **cocaine)) == [
        ("§2D1.1(a)(5)", 30),
        ("§2D1.1(b)(1)", 2),
    ]
    assert lines(get(alice_client, manual_edition="2003-11-01", **cocaine))[0][1] == 32


def test_the_lines_say_which_manual_and_why(alice_client):
    page = get(alice_client, sentencing_date="2026-05-01", drug="heroin", grams="100")
    assert "§1B1.11(a): the 2025 Manual, in effect on the sentencing date" in page
    assert ("§2D1.1(a)(5)", 24) in lines(page)  # at least 100 G but less than 400 G of Heroin


def test_half_a_second_drug_is_refused_at_its_field(alice_client):
    page = get(
        alice_client, manual_edition="2025-11-01", drug="heroin", grams="100", other_drug="cocaine"
    )
    assert "Its quantity (grams): Give both the other drug and its quantity, or neither." in page
    assert lines(page) == []


def test_it_needs_a_login(client):
    assert client.get(URL).status_code == 302
