"""The departure form for a reentry case sentenced after Booker, on the variance ground: what
binds on the sentencing date, what came later, and the link to the split.

Camacho-Arellano, 614 F.3d 244, 245 (6th Cir. July 16, 2010); Vega-Castillo, 540 F.3d 1235,
1236 (11th Cir. Aug. 19, 2008); Banuelos-Rodriguez, 215 F.3d 969, 978 (9th Cir. 2000) (en banc)
(a departure holding, context only on the variance ground).
"""

import re

import pytest
from django.urls import reverse

from tests.departures.test_request_views import authorities, make_case, request_data
from tests.sentencing.pages import figure, text

pytestmark = pytest.mark.django_db


def preview(client, split, **case):
    made = make_case(client, **case)
    url = reverse("departures:request_preview", args=[made.pk])
    data = request_data(split.founding, ground=str(split.variance.pk))
    return text(client.post(url, data))


def later(page: str) -> list[str]:
    items = re.findall(r"<li[^>]*data-later[^>]*>(.*?)</li>", page, re.S)
    return [re.search(r"<em>(.*?)</em>", item).group(1) for item in items]


def split_link(page: str) -> str:
    (href,) = re.findall(r'<a href="([^"]+)"[^>]*data-split-link', page)
    return href.replace("&amp;", "&")


def test_in_2009_eastern_michigan_has_no_binding_rule_and_camacho_arellano_is_not_yet_decided(
    alice_client, fast_track_split
):
    page = preview(alice_client, fast_track_split, district="mied", sentencing_date="2009-06-01")
    assert authorities(page, "binding") == []
    assert "United States v. Camacho-Arellano" in later(page)
    assert figure(page, "prediction").startswith("No binding authority in the Sixth Circuit")
    assert "Camacho-Arellano (2010) had not yet been decided" in figure(page, "prediction")
    assert split_link(page) == (
        reverse("casebook:ground_split", args=[fast_track_split.variance.slug]) + "?date=2009-06-01"
    )


def test_in_2011_eastern_michigan_camacho_arellano_binds_and_permits_a_variance(
    alice_client, fast_track_split
):
    page = preview(alice_client, fast_track_split, district="mied", sentencing_date="2011-06-01")
    assert authorities(page, "binding") == ["United States v. Camacho-Arellano"]
    assert figure(page, "prediction") == (
        "Available in the Sixth Circuit: United States v. Camacho-Arellano holds that a "
        "district court may vary on this ground."
    )
    assert "614 F.3d 244, 245 (6th Cir. 2010)" in page


def test_in_2009_southern_florida_vega_castillo_binds_and_forbids(alice_client, fast_track_split):
    page = preview(alice_client, fast_track_split, district="flsd", sentencing_date="2009-06-01")
    assert authorities(page, "binding") == [
        "United States v. Vega-Castillo",
        "United States v. Castro",
    ]
    assert figure(page, "prediction").startswith(
        "Foreclosed in the Eleventh Circuit: United States v. Vega-Castillo"
    )


def test_in_southern_california_banuelos_is_context_not_the_variance_rule(
    alice_client, fast_track_split
):
    page = preview(alice_client, fast_track_split, district="casd", sentencing_date="2009-06-01")
    assert authorities(page, "binding") == ["United States v. Gonzalez-Zotelo"]
    assert authorities(page, "context") == ["United States v. Banuelos-Rodriguez"]
    assert "they do not decide a variance" in page


def test_a_saved_variance_request_reaches_the_memo_with_its_authority(
    alice_client, fast_track_split
):
    made = make_case(alice_client, district="mied", sentencing_date="2011-06-01")
    data = request_data(fast_track_split.founding, ground=str(fast_track_split.variance.pk))
    created = alice_client.post(reverse("departures:request_create", args=[made.pk]), data)
    assert created.status_code == 302
    memo = alice_client.get(reverse("memos:preview_html", args=[made.pk]))
    assert memo.status_code == 200
    page = memo.content.decode()
    assert "Camacho-Arellano" in page
    assert "614 F.3d 244" in page


def test_a_split_opinion_known_by_citation_has_its_page_with_the_copy_checked(
    alice_client, fast_track_split
):
    vega = fast_track_split.opinion("540 F.3d 1235")
    page = text(alice_client.get(vega.get_absolute_url()))
    assert "United States v. Vega-Castillo" in page
    copy = "https://app.midpage.ai/document/united-states-v-vega-castillo-78114"
    assert f"Checked against {copy}" in page
    assert "540 F.3d at 1236" in page


def test_under_the_2025_manual_the_variance_grounds_holdings_are_not_called_departures(
    alice_client, fast_track_split
):
    """The 2025 Manual has no departures (Amendment 836): the request is a variance, and on the
    variance ground the holdings shown decided variance requests, not departures."""
    page = preview(
        alice_client,
        fast_track_split,
        district="mied",
        sentencing_date="2026-01-15",
        offense_date="2025-12-01",
        manual_edition="2025-11-01",
    )
    framing = figure(page, "framing")
    assert "framed as a variance under 18 U.S.C. § 3553(a)" in framing
    assert "The holdings below decided variance requests under § 3553(a)." in framing
    assert "only by analogy" not in framing
    assert figure(page, "prediction").startswith(
        "Available in the Sixth Circuit: United States v. Camacho-Arellano holds that a "
        "district court may vary"
    )
