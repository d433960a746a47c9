"""The authority list: full-text search, filters by court and ground, pagination."""

import pytest
from django.urls import reverse

from casebook.models import Opinion
from casebook.records import CitationRecord, OpinionRecord
from casebook.services.opinions import opinion_import
from tests.casebook.pages import hrefs_of, links, visible_text

pytestmark = pytest.mark.django_db


def results(client, **params) -> str:
    response = client.get(reverse("casebook:opinion_list"), params)
    assert response.status_code == 200
    return response.content.decode()


def names_in(page: str) -> list[str]:
    body = page[page.index('<ul class="list-unstyled opinion-results">') :]
    return [label for label, href in links(body) if "/casebook/opinions/" in href]


def test_searching_fast_track_finds_banuelos_rodriguez(alice_client, casebook):
    found = names_in(results(alice_client, q="fast-track"))
    assert "United States v. Banuelos-Rodriguez" in found
    assert "United States v. Bonnet-Grullon" not in found  # no text, and not named so


def test_a_case_name_finds_the_opinion(alice_client, casebook):
    assert names_in(results(alice_client, q="Armenta-Castro")) == [
        "United States v. Armenta-Castro"
    ]


def test_a_citation_finds_the_opinion_whatever_its_spacing(alice_client, casebook):
    assert names_in(results(alice_client, q="212 F.3d 692")) == [
        "United States v. Bonnet-Grullon",
        "United States v. Banuelos-Rodriguez",  # its text cites 212 F.3d 692
    ]
    assert names_in(results(alice_client, q="227 F. 3d 1255")) == [
        "United States v. Armenta-Castro"
    ]


def test_words_in_no_opinion_find_nothing(alice_client, casebook):
    page = results(alice_client, q="habeas corpus mandamus")
    assert names_in(page) == []
    assert "No opinion matches." in page


def test_the_court_filter_keeps_that_courts_opinions(alice_client, casebook):
    assert names_in(results(alice_client, court="ca10")) == ["United States v. Armenta-Castro"]
    found = names_in(results(alice_client, q="departure", court="ca9"))
    assert found
    assert set(found) <= {"United States v. Banuelos-Rodriguez"}


def test_the_ground_filter_keeps_opinions_with_a_holding_on_it(alice_client, casebook):
    found = names_in(results(alice_client, ground=casebook.fast_track.slug))
    assert sorted(found) == [
        "United States v. Armenta-Castro",
        "United States v. Banuelos-Rodriguez",
        "United States v. Bonnet-Grullon",
    ]


def test_the_list_shows_the_unverified_badge_and_holdings(alice_client, casebook):
    text = visible_text(results(alice_client, q="Armenta"))
    assert "227 F.3d 1255 (10th Cir. 2000) unverified citation" in text
    assert "Forbids Inter-district sentencing disparity" in text


def test_results_are_paginated(alice_client, casebook):
    for number in range(1, 24):
        opinion_import(
            record=OpinionRecord(
                case_name=f"United States v. Pagination-{number:02d}",
                court_id="ca9",
                source="manual",
                source_id=f"page-{number}",
                citations=[CitationRecord(900, "F.3d", number * 10)],
            )
        )
    assert Opinion.objects.count() == 27
    first = results(alice_client, q="Pagination")
    assert len(names_in(first)) == 20
    assert "Page 1 of 2" in first
    assert hrefs_of(first, "Next") == ["?q=Pagination&page=2"]
    second = results(alice_client, q="Pagination", page=2)
    assert len(names_in(second)) == 3


def test_htmx_requests_get_only_the_results(alice_client, casebook):
    response = alice_client.get(
        reverse("casebook:opinion_list"), {"q": "fast-track"}, headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert "<html" not in page
    assert "<form" not in page
    assert "United States v. Banuelos-Rodriguez" in page


def test_each_backend_searches_the_way_it_should(casebook):
    """PostgreSQL: a stored search vector under a GIN index; SQLite: a substring match."""
    from django.db import connection

    from casebook.selectors import opinion_search

    sql = str(opinion_search(query="fast-track").query)
    stored = Opinion.objects.filter(pk=casebook.banuelos.pk).values_list("search_vector", flat=True)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE tablename = 'casebook_opinion' "
                "AND indexdef LIKE '%USING gin (search_vector)%'"
            )
            assert cursor.fetchall()
        assert "@@" in sql
        assert "websearch_to_tsquery" in sql
        assert "fast-track" in stored[0]
    else:
        assert connection.vendor == "sqlite"
        assert "LIKE" in sql
        assert "@@" not in sql
        assert stored[0] is None
