"""The ground page: every holding on the ground, grouped by circuit, newest first."""

import datetime
import re

import pytest
from django.urls import reverse

from casebook.models import Holding
from casebook.records import CitationRecord, OpinionRecord
from casebook.services.holdings import holding_save
from casebook.services.opinions import opinion_import
from tests.casebook.pages import visible_text

pytestmark = pytest.mark.django_db


def ground_page(client, ground) -> str:
    response = client.get(reverse("casebook:ground_detail", args=[ground.slug]))
    assert response.status_code == 200
    return response.content.decode()


def circuits_in(page: str) -> list[str]:
    return re.findall(r'<section class="mb-4 circuit" id="circuit-([a-z0-9]+)">', page)


def test_it_groups_the_fast_track_holdings_by_circuit(alice_client, casebook):
    page = ground_page(alice_client, casebook.fast_track)
    assert circuits_in(page) == ["ca2", "ca9", "ca10"]
    text = visible_text(page)
    assert "Second Circuit" in text
    assert "Ninth Circuit" in text
    assert "Tenth Circuit" in text
    assert text.count("Forbids") == 3
    assert "215 F.3d at 978" in text
    quoted_in = (
        "212 F.3d at 710, quoted in United States v. Armenta-Castro, 227 F.3d 1255 (10th Cir. 2000)"
    )
    assert quoted_in in text


def test_within_a_circuit_the_newest_holding_comes_first(alice_client, casebook):
    later = opinion_import(
        record=OpinionRecord(
            case_name="United States v. Later-Panel",
            court_id="ca9",
            source="manual",
            source_id="later-panel",
            date_decided=datetime.date(2001, 3, 1),
            text="The quoted sentence of this test opinion. Nothing else.",
            citations=[CitationRecord(999, "F.3d", 1)],
        )
    )
    holding_save(
        opinion=later,
        ground=casebook.fast_track,
        effect=Holding.Effect.FORBIDS,
        quote="The quoted sentence of this test opinion.",
    )
    page = ground_page(alice_client, casebook.fast_track)
    ninth = page[page.index('id="circuit-ca9"') : page.index('id="circuit-ca10"')]
    assert ninth.index("Later-Panel") < ninth.index("Banuelos-Rodriguez")


def test_the_ground_list_links_to_each_ground(alice_client, casebook):
    page = alice_client.get(reverse("casebook:ground_list")).content.decode()
    assert reverse("casebook:ground_detail", args=[casebook.fast_track.slug]) in page
