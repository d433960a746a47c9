"""The authority list: full-text search, filters by court and ground, pagination."""

import pytest
from django.urls import reverse

from casebook.models import Opinion
from casebook.records import CitationRecord, OpinionRecord
from casebook.services.opinions import opinion_import
from tests.casebook.pages import hrefs_of, links, visible_text

pytestmark = pytest.mark.django_db


def results(client, htmx=False, **params) -> str:
    headers = {"HX-Request": "true"} if htmx else {}
    response = client.get(reverse("casebook:opinion_list"), params, headers=headers)
    assert response.status_code == 200
    return response.content.decode()


def names_in(page: str) -> list[str]:
    if '<ul class="list-unstyled opinion-results">' not in page:
        return []
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
    """While typing (htmx) the named opinion heads the results, before the opinions citing it."""
    assert names_in(results(alice_client, q="212 F.3d 692", htmx=True)) == [
        "United States v. Bonnet-Grullon",
        "United States v. Banuelos-Rodriguez",  # its text cites 212 F.3d 692
    ]
    assert names_in(results(alice_client, q="227 F. 3d 1255", htmx=True)) == [
        "United States v. Armenta-Castro"
    ]


@pytest.mark.parametrize(
    "query", ["banuelos rodriguez", "Banuelos-Rodriguez", "BANUELOS RODRÍGUEZ", "Bañuelos"]
)
def test_hyphens_spaces_case_and_accents_in_a_name_do_not_matter(alice_client, casebook, query):
    assert "United States v. Banuelos-Rodriguez" in names_in(results(alice_client, q=query))


@pytest.mark.parametrize("query", ["armenta castro", "Armenta-Castro", "Arménta Castro"])
def test_armenta_castro_however_typed(alice_client, casebook, query):
    assert names_in(results(alice_client, q=query))[0] == "United States v. Armenta-Castro"


@pytest.mark.parametrize("query", ["fast track", "fast-track", "Fast Track", "FAST-TRACK program"])
def test_the_program_however_typed(alice_client, casebook, query):
    found = names_in(results(alice_client, q=query))
    assert found[0] == "United States v. Banuelos-Rodriguez"  # the only text that speaks of it


def test_an_accent_in_the_stored_text_does_not_matter(alice_client, casebook):
    opinion_import(
        record=OpinionRecord(
            case_name="United States v. Ibáñez-Peña",
            court_id="ca9",
            source="manual",
            source_id="accents",
            text="The district court declined a variance for Señor Ibáñez-Peña.",
            citations=[CitationRecord(901, "F.3d", 10)],
        )
    )
    for query in ["ibanez pena", "Ibáñez-Peña", "senor"]:
        assert names_in(results(alice_client, q=query)) == ["United States v. Ibáñez-Peña"]


@pytest.mark.parametrize(
    ("query", "anchor"),
    [
        ("215 F.3d 969", ""),
        ("215 F. 3d 969", ""),
        ("215 F.3d at 978", "#p978"),
        ("215 F.3d 969, 978", "#p978"),
        ("United States v. Banuelos-Rodriguez, 215 F.3d 969 (9th Cir. 2000)", ""),
    ],
)
def test_a_citation_goes_straight_to_the_opinion(alice_client, casebook, query, anchor):
    assert 978 in casebook.banuelos.marked_pages
    response = alice_client.get(reverse("casebook:opinion_list"), {"q": query})
    assert response.status_code == 302
    assert response["Location"] == casebook.banuelos.get_absolute_url() + anchor


def test_a_citation_to_an_opinion_without_marked_pages_lands_at_its_top(alice_client, casebook):
    for query in ["212 F.3d 692", "212 F.3d at 700"]:
        response = alice_client.get(reverse("casebook:opinion_list"), {"q": query})
        assert response.status_code == 302
        assert response["Location"] == casebook.bonnet.get_absolute_url()


def test_a_citation_the_casebook_lacks_lists_what_cites_it(alice_client, casebook):
    page = results(alice_client, q="999 F.3d 1")
    assert names_in(page) == []
    assert "No opinion matches." in page


def test_a_short_citation_while_typing_puts_the_opinion_first(alice_client, casebook):
    found = names_in(results(alice_client, q="215 F.3d at 978", htmx=True))
    assert found[0] == "United States v. Banuelos-Rodriguez"


def test_a_citation_search_takes_one_query_to_redirect(
    alice_client, casebook, django_assert_max_num_queries
):
    from casebook.selectors import opinion_named_by

    with django_assert_max_num_queries(1):
        named = opinion_named_by("215 F.3d at 978")
    assert named.opinion.pk == casebook.banuelos.pk
    with django_assert_max_num_queries(0):
        assert opinion_named_by("fast track") is None


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
        folded = Opinion.objects.values_list("search_text", flat=True).get(pk=casebook.banuelos.pk)
        assert " banuelos rodriguez " in folded
        assert " fast track " in folded
