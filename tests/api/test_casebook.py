"""Opinions, holdings and precedent, as the casebook pages and the departure form read them."""

import datetime

import pytest
from django.test import Client

from tests.factories import GroundFactory, HoldingFactory, OpinionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ground():
    return GroundFactory(name="Cultural assimilation", slug="cultural-assimilation")


@pytest.fixture
def ninth_circuit_holding(ground):
    opinion = OpinionFactory(
        case_name="United States v. Ninth",
        court_id="ca9",
        date_decided=datetime.date(1998, 5, 1),
        citations=["150 F.3d 100"],
        text="United States v. Ninth.\n\nA court may depart on this ground.",
    )
    return HoldingFactory(
        opinion=opinion, ground=ground, quote="A court may depart on this ground."
    )


@pytest.fixture
def tenth_circuit_holding(ground):
    opinion = OpinionFactory(
        case_name="United States v. Tenth",
        court_id="ca10",
        date_decided=datetime.date(1999, 5, 1),
        citations=["180 F.3d 200"],
        text="United States v. Tenth.\n\nNo court may depart on this ground.",
    )
    return HoldingFactory(
        opinion=opinion,
        ground=ground,
        effect="forbids",
        quote="No court may depart on this ground.",
    )


def test_opinions_are_listed_and_searched(
    alice_client, ninth_circuit_holding, tenth_circuit_holding
):
    everything = alice_client.get("/api/v1/opinions").json()
    assert everything["count"] == 2
    found = alice_client.get("/api/v1/opinions", {"q": "Tenth"}).json()["items"]
    assert [o["case_name"] for o in found] == ["United States v. Tenth"]
    assert found[0]["citations"] == ["180 F.3d 200"]
    assert found[0]["citation"].startswith("United States v. Tenth, 180 F.3d 200")


def test_an_opinion_shows_its_text_and_holdings(alice_client, ninth_circuit_holding):
    opinion = ninth_circuit_holding.opinion
    body = alice_client.get(f"/api/v1/opinions/{opinion.pk}").json()
    assert body["court"] == "ca9"
    assert "A court may depart on this ground." in body["text"]
    [holding] = body["holdings"]
    assert holding["quote"] == "A court may depart on this ground."
    assert holding["ground"] == {"slug": "cultural-assimilation", "name": "Cultural assimilation"}
    holdings = alice_client.get(f"/api/v1/opinions/{opinion.pk}/holdings").json()
    assert holdings == body["holdings"]


def test_a_missing_opinion_is_404(alice_client):
    assert alice_client.get("/api/v1/opinions/999").status_code == 404
    assert alice_client.get("/api/v1/opinions/999/holdings").status_code == 404


def test_precedent_binds_the_district_s_own_circuit(
    alice_client, ninth_circuit_holding, tenth_circuit_holding
):
    # 28 U.S.C. § 41: the Central District of California is in the Ninth Circuit, so its court
    # of appeals binds there and the Tenth Circuit only persuades.
    query = {"ground": "cultural-assimilation", "district": "cacd", "date": "2001-01-01"}
    body = alice_client.get("/api/v1/precedent", query).json()
    assert body["circuit_id"] == "ca9"
    assert body["controlling"]["id"] == ninth_circuit_holding.pk
    assert [h["id"] for h in body["binding"]] == [ninth_circuit_holding.pk]
    assert [h["id"] for h in body["persuasive"]] == [tenth_circuit_holding.pk]
    assert body["prediction"].startswith("Available in the Ninth Circuit")


def test_a_holding_decided_after_the_date_is_no_authority_yet(alice_client, ninth_circuit_holding):
    query = {"ground": "cultural-assimilation", "district": "cacd", "date": "1997-01-01"}
    body = alice_client.get("/api/v1/precedent", query).json()
    assert body["binding"] == []
    assert [h["id"] for h in body["decided_later"]] == [ninth_circuit_holding.pk]


def test_precedent_refuses_what_it_cannot_place(alice_client, ground):
    base = {"ground": "cultural-assimilation", "district": "cacd", "date": "2001-01-01"}
    unknown_district = alice_client.get("/api/v1/precedent", {**base, "district": "xx"})
    assert unknown_district.status_code == 422
    assert unknown_district.json()["errors"][0]["field"] == "district"
    assert alice_client.get("/api/v1/precedent", {**base, "ground": "none"}).status_code == 404
    bad_date = alice_client.get("/api/v1/precedent", {**base, "date": "soon"})
    assert bad_date.status_code == 422
    assert bad_date.json()["errors"][0]["field"] == "date"


def test_the_casebook_needs_a_login(ninth_circuit_holding):
    opinion = ninth_circuit_holding.opinion
    for url in ["/api/v1/opinions", f"/api/v1/opinions/{opinion.pk}", "/api/v1/precedent"]:
        assert Client().get(url).status_code == 401, url
