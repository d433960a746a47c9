"""The opinion page costs the same number of queries however many citations it has."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from casebook.models import CitationEdge, Holding, Opinion
from casebook.records import CitationRecord, OpinionRecord
from casebook.services.holdings import holding_save
from casebook.services.opinions import opinion_import

pytestmark = pytest.mark.django_db


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_citing_opinions(casebook, count: int) -> None:
    """`count` new opinions citing Banuelos-Rodriguez and cited by it, each with a holding."""
    for number in range(count):
        opinion = opinion_import(
            record=OpinionRecord(
                case_name=f"United States v. Graph-{number}",
                court_id="ca9" if number % 2 else "ca5",
                source="manual",
                source_id=f"graph-{number}",
                text=f"Opinion {number}. See United States v. Banuelos-Rodriguez, 215 F.3d 969, "
                f"974 (9th Cir. 2000) (en banc); 215 F.3d at 978. Id. at 975.",
                citations=[
                    CitationRecord(800 + number, "F.3d", 100),
                    CitationRecord(50, "F. App'x", number + 1),
                ],
            )
        )
        CitationEdge.objects.create(
            citing=casebook.banuelos, cited=opinion, depth=1, pin_cites=["101"], mentions=[]
        )
        holding_save(
            opinion=opinion,
            ground=casebook.fast_track,
            effect=Holding.Effect.PERMITS,
            quote=f"Opinion {number}.",
        )


def test_the_opinion_page_query_count_does_not_grow_with_the_graph(
    alice_client, casebook, django_assert_max_num_queries
):
    url = reverse("casebook:opinion_detail", args=[casebook.banuelos.pk])
    before = queries_for(alice_client, url)
    add_citing_opinions(casebook, 25)
    assert casebook.banuelos.citing_opinions.count() == 26
    assert casebook.banuelos.cited_opinions.count() == 26
    with django_assert_max_num_queries(before):
        page = alice_client.get(url).content.decode()
    assert page.count("United States v. Graph-") >= 50  # cited by + authorities cited


def test_the_list_and_ground_pages_query_counts_do_not_grow(
    alice_client, casebook, django_assert_max_num_queries
):
    urls = [
        reverse("casebook:opinion_list"),
        reverse("casebook:opinion_list") + "?q=Banuelos",
        reverse("casebook:ground_detail", args=[casebook.fast_track.slug]),
    ]
    before = {url: queries_for(alice_client, url) for url in urls}
    add_citing_opinions(casebook, 15)
    assert Opinion.objects.count() == 19
    for url in urls:
        with django_assert_max_num_queries(before[url]):
            alice_client.get(url)
