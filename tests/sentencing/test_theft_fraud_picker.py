"""The case form's §2B1.1 worksheet: the facts typed give the lines of the Manual's own text."""

import html
import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("sentencing:case_theft_fraud_lines")


def lines(page: str) -> list[tuple[str, int]]:
    found = re.findall(r'data-guideline="([^"]+)"[^>]*data-levels="(-?\d+)"', page)
    return [(html.unescape(section), int(levels)) for section, levels in found]


def get(client, **values) -> str:
    response = client.get(URL, {f"tf-{k}" if k not in DATES else k: v for k, v in values.items()})
    assert response.status_code == 200
    return html.unescape(response.content.decode())


DATES = {"manual_edition", "sentencing_date", "offense_date"}
WIRE_FRAUD = {"loss": "1200000", "twenty_years": "1", "victims": "10", "sophisticated_means": "on"}


def test_a_wire_fraud_under_the_2025_manual(alice_client):
    # §2B1.1 (Amendments 791, 792): 7 (20-year maximum) + 14 (more than $550,000)
    # + 2 (10 or more victims) + 2 (sophisticated means).
    page = get(alice_client, manual_edition="2025-11-01", guideline="2B1.1", **WIRE_FRAUD)
    assert lines(page) == [
        ("§2B1.1(a)(1)", 7),
        ("§2B1.1(b)(1)(H)", 14),
        ("§2B1.1(b)(2)(A)(i)", 2),
        ("§2B1.1(b)(10)(C)", 2),
    ]
    assert "Amendment 792" in page
    assert page.count(" checked>") == 4


def test_the_same_facts_under_the_2010_manual_use_its_loss_table(alice_client):
    # The 2003-2014 table (Amendment 647): more than $1,000,000 is (I), +16.
    page = get(alice_client, sentencing_date="2011-03-01", guideline="2B1.1", **WIRE_FRAUD)
    assert ("§2B1.1(b)(1)(I)", 16) in lines(page)
    assert "§1B1.11(a): the 2010 Manual, in effect on the sentencing date" in page


def test_before_2001_fraud_is_2f1_1_and_after_it_is_refused(alice_client):
    page = get(alice_client, manual_edition="1995-11-01", guideline="2F1.1", loss="50000")
    assert lines(page)[0][0] == "§2F1.1(a)"
    page = get(alice_client, manual_edition="2016-11-01", guideline="2F1.1", loss="50000")
    assert "§2F1.1 was deleted on Nov. 1, 2001 (Amendment 617)" in page
    assert lines(page) == []


def test_bad_facts_are_named(alice_client):
    page = get(alice_client, manual_edition="2025-11-01", guideline="2B1.1", loss="-5")
    assert "Loss ($): Ensure this value is greater than or equal to 0." in page
    assert lines(page) == []
    page = get(alice_client, guideline="2B1.1", loss="5")
    assert "Enter the sentencing date, or choose a Manual" in page


def test_it_needs_a_login(client):
    assert client.get(URL).status_code == 302
