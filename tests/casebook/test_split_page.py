"""The split page: each circuit's rule on a chosen date, one table per ground, the controlling
opinion with its pinpoint, the history and a timeline; login, escaping, query count.

The 2010-12-31 rows follow the fixture's opinions: Rodríguez, 527 F.3d 221, 222 (1st Cir.
2008); Perez-Pena, 453 F.3d 236 (4th Cir. 2006); Gomez-Herrera, 523 F.3d 554, 556 (5th Cir.
2008); Camacho-Arellano, 614 F.3d 244, 245 (6th Cir. 2010); Gonzalez-Zotelo (9th Cir. Jan. 8,
2009); Vega-Castillo, 540 F.3d 1235, 1236 (11th Cir. 2008); Jimenez-Perez, 659 F.3d 704 (8th
Cir. Oct. 18, 2011) not yet decided.
"""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from casebook.models import Holding
from casebook.records import CitationRecord, OpinionRecord
from casebook.services.holdings import holding_save
from casebook.services.opinions import opinion_import
from tests.casebook.pages import visible_text as text

pytestmark = pytest.mark.django_db


def split_url(split, **query):
    url = reverse("casebook:ground_split", args=[split.variance.slug])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def table(page: str, slug: str) -> str:
    match = re.search(rf'<section[^>]*data-ground="{slug}".*?</section>', page, re.S)
    assert match, f"no table for {slug}"
    return match.group(0)


def row(page_table: str, circuit: str) -> dict[str, str]:
    match = re.search(rf'<tr data-circuit="{circuit}">(.*?)</tr>', page_table, re.S)
    assert match, f"no row for {circuit}"
    cells = dict(re.findall(r"<td[^>]*data-(\w+)[^>]*>(.*?)</td>", match.group(1), re.S))
    return {name: text(html) for name, html in cells.items()}


def test_on_2010_12_31_each_circuit_shows_its_rule(alice_client, fast_track_split):
    page = alice_client.get(split_url(fast_track_split, date="2010-12-31")).content.decode()
    variance = table(page, fast_track_split.variance.slug)
    expected = {
        "ca1": ("Permits", "Rodríguez"),
        "ca4": ("Forbids", "Perez-Pena"),
        "ca5": ("Forbids", "Gomez-Herrera"),
        "ca6": ("Permits", "Camacho-Arellano"),
        "ca9": ("Forbids", "Gonzalez-Zotelo"),
        "ca11": ("Forbids", "Vega-Castillo"),
    }
    for circuit, (rule, case) in expected.items():
        cells = row(variance, circuit)
        assert cells["rule"] == rule, circuit
        assert case in cells["controlling"], circuit
    # Decided there, but no holding could be checked word for word with its page.
    for circuit in ("ca2", "ca3", "ca7", "ca8"):
        assert row(variance, circuit)["rule"] == "Decided; holding not recorded"
    assert "Arrelucea-Zamudio, 581 F.3d 142" in row(variance, "ca3")["history"]
    assert row(variance, "ca10")["rule"] == "No binding holding in the casebook"
    assert "Later: United States v. Lopez-Macias (Nov 7, 2011)" in row(variance, "ca10")["history"]
    assert "614 F.3d at 245" in row(variance, "ca6")["controlling"]
    assert "Jimenez-Perez" in row(variance, "ca8")["history"]
    assert "Andújar-Arias" in row(variance, "ca1")["history"]
    assert "abrogated Jun 4, 2008 by United States v. Rodríguez" in row(variance, "ca1")["history"]
    assert "re-examined after Kimbrough v. United States" in row(variance, "ca11")["history"]
    assert len(re.findall(r"<tr data-circuit=", variance)) == 11


def test_the_departure_ground_has_its_own_table_with_the_founding_holdings(
    alice_client, fast_track_split
):
    page = alice_client.get(split_url(fast_track_split, date="2010-12-31")).content.decode()
    departure = table(page, fast_track_split.founding.fast_track.slug)
    assert "do not decide a variance" in text(departure)
    assert row(departure, "ca9")["rule"] == "Forbids"
    assert "Banuelos-Rodriguez" in row(departure, "ca9")["controlling"]
    assert row(departure, "ca6")["rule"] == "No binding holding in the casebook"


def test_the_date_changes_the_rule(alice_client, fast_track_split):
    before = alice_client.get(split_url(fast_track_split, date="2008-01-15")).content.decode()
    cells = row(table(before, fast_track_split.variance.slug), "ca1")
    assert (cells["rule"], "Andújar-Arias" in cells["controlling"]) == ("Forbids", True)
    assert "Rodríguez" in cells["history"]  # decided later


def test_the_default_date_is_today_and_a_bad_date_falls_back_to_it(alice_client, fast_track_split):
    today = timezone.localdate()
    for url in (split_url(fast_track_split), split_url(fast_track_split, date="not-a-date")):
        page = alice_client.get(url).content.decode()
        assert f"The circuits on {today:%B} {today.day}, {today.year}" in text(page)


def test_the_timeline_runs_from_booker_era_holdings_through_kimbrough_in_order(
    alice_client, fast_track_split
):
    page = alice_client.get(split_url(fast_track_split, date="2010-12-31")).content.decode()
    timeline = re.search(r"<ol[^>]*data-timeline>(.*?)</ol>", page, re.S).group(1)
    items = [text(li) for li in re.findall(r"<li[^>]*>(.*?)</li>", timeline, re.S)]
    joined = " | ".join(items)
    assert joined.index("Kimbrough") < joined.index("Rodríguez")
    assert (
        "Jun 4, 2008 — United States v. Andújar-Arias: abrogated by United States v. Rodríguez"
        in joined
    )
    assert "Banuelos-Rodriguez" in joined  # the departure ground's holdings are on it too


def test_the_page_is_printable_and_needs_login(client, alice_client, fast_track_split):
    url = split_url(fast_track_split)
    response = client.get(url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    page = alice_client.get(url).content.decode()
    assert re.search(r'<form[^>]*class="[^"]*no-print[^"]*"[^>]*data-split-date', page)
    assert re.search(r"<button[^>]*data-print[^>]*>Print</button>", page)
    assert "js/print_button.js" in page


def test_user_text_is_escaped(alice_client, fast_track_split):
    opinion = opinion_import(
        record=OpinionRecord(
            case_name="United States v. <script>alert(1)</script>",
            court_id="ca2",
            source="manual",
            date_decided=date(2010, 1, 5),
            text="We hold <b>nothing</b> here.",
            citations=[CitationRecord(990, "F.3d", 10)],
        )
    )
    holding_save(
        opinion=opinion,
        ground=fast_track_split.variance,
        effect=Holding.Effect.PERMITS,
        quote="We hold <b>nothing</b> here.",
    )
    page = alice_client.get(split_url(fast_track_split, date="2010-12-31")).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "<b>nothing</b>" not in page
    assert "&lt;b&gt;nothing&lt;/b&gt;" in page


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_query_count_is_flat_in_circuits_and_opinions(alice_client, fast_track_split):
    url = split_url(fast_track_split, date="2010-12-31")
    before = queries_for(alice_client, url)
    kimbrough = fast_track_split.opinion("552 U.S. 85")
    for number, circuit in enumerate(["ca2", "ca3", "ca7", "ca10", "ca2", "ca3", "ca7", "ca10"]):
        opinion = opinion_import(
            record=OpinionRecord(
                case_name=f"United States v. Extra-{number}",
                court_id=circuit,
                source="manual",
                date_decided=date(2009, 1, 1 + number),
                text=f"Extra holding {number}.",
                citations=[CitationRecord(900 + number, "F.3d", 1)],
            )
        )
        holding = holding_save(
            opinion=opinion,
            ground=fast_track_split.variance,
            effect=Holding.Effect.PERMITS,
            quote=f"Extra holding {number}.",
            in_light_of=kimbrough,
        )
        assert holding.in_light_of == kimbrough
        fast_track_split.variance.authorities.add(opinion)
    page = alice_client.get(url).content.decode()
    assert "Extra-7" in page
    assert queries_for(alice_client, url) == before


def test_the_ground_pages_link_to_the_split(alice_client, fast_track_split):
    from tests.casebook.pages import hrefs_of

    split = reverse("casebook:ground_split", args=[fast_track_split.variance.slug])
    detail = reverse("casebook:ground_detail", args=[fast_track_split.variance.slug])
    assert hrefs_of(alice_client.get(detail).content.decode(), "See the split") == [split]
    listing = alice_client.get(reverse("casebook:ground_list")).content.decode()
    assert split in hrefs_of(listing, "the circuits")


def test_a_later_panel_following_vega_castillo_replaces_nothing_on_the_split(
    fast_track_split,
):
    """The prior-panel rule on the split: a 2009 Eleventh Circuit panel that does not
    re-examine the question after a Supreme Court decision leaves Vega-Castillo controlling,
    and only Castro is listed as re-examined."""
    from casebook import selectors
    from casebook.split import circuit_split

    opinion = opinion_import(
        record=OpinionRecord(
            case_name="United States v. Follower (hypothetical)",
            court_id="ca11",
            source="manual",
            date_decided=date(2009, 3, 1),
            text="We follow Vega-Castillo.",
            citations=[CitationRecord(991, "F.3d", 1)],
        )
    )
    holding_save(
        opinion=opinion,
        ground=fast_track_split.variance,
        effect=Holding.Effect.FORBIDS,
        quote="We follow Vega-Castillo.",
    )
    (variance, _departure) = selectors.split_grounds(fast_track_split.variance.slug)
    rows = {r.circuit_id: r for r in circuit_split(variance.holdings, date(2009, 6, 1))}
    eleventh = rows["ca11"]
    assert eleventh.controlling.opinion.case_name == "United States v. Vega-Castillo"
    assert [r.holding.opinion.case_name for r in eleventh.replaced] == ["United States v. Castro"]
    assert "United States v. Follower (hypothetical)" in [
        h.opinion.case_name for h in eleventh.binding
    ]


def test_the_departure_grounds_split_shows_its_variance_ground_beside_it(
    alice_client, fast_track_split
):
    departure = fast_track_split.founding.fast_track
    url = reverse("casebook:ground_split", args=[departure.slug]) + "?date=2010-12-31"
    page = alice_client.get(url).content.decode()
    slugs = re.findall(r'<section[^>]*data-ground="([^"]+)"', page)
    assert slugs == [departure.slug, fast_track_split.variance.slug]
    assert row(table(page, fast_track_split.variance.slug), "ca6")["rule"] == "Permits"
