"""The memo's pages through Django's client: access, export, the kept exports, re-download."""

import pytest
from django.urls import reverse
from django.utils.timezone import localtime

from memos import selectors
from memos.models import MemoExport
from sentencing.models import OffenseLine
from tests.casebook.pages import visible_text
from tests.memo.conftest import fast_track_sections
from tests.memo.pdf import full_text


def urls(case, export=None):
    found = [
        ("get", reverse("memos:preview", args=[case.pk])),
        ("get", reverse("memos:preview_html", args=[case.pk])),
        ("post", reverse("memos:export", args=[case.pk])),
    ]
    if export is not None:
        found.append(("get", reverse("memos:download", args=[case.pk, export.pk])))
    return found


def export(client, case, **data):
    return client.post(reverse("memos:export", args=[case.pk]), data)


def test_every_memo_url_needs_a_login(client, banuelos_case, alice_client):
    made = export(alice_client, banuelos_case)
    assert made.status_code == 200
    for method, url in urls(banuelos_case, MemoExport.objects.get()):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert "/login/" in response["Location"], url


def test_another_office_gets_404_on_every_memo_url(bob_client, banuelos_case, alice_client):
    export(alice_client, banuelos_case)
    for method, url in urls(banuelos_case, MemoExport.objects.get()):
        assert getattr(bob_client, method)(url).status_code == 404, url
    assert MemoExport.objects.count() == 1


def test_the_case_page_offers_the_export_and_lists_exports_with_their_date(
    alice_client, banuelos_case
):
    page = alice_client.get(reverse("sentencing:case_detail", args=[banuelos_case.pk]))
    assert "Export memo (PDF)" in page.content.decode()
    assert reverse("memos:preview", args=[banuelos_case.pk]) in page.content.decode()
    assert "No memo exported yet." in page.content.decode()
    export(alice_client, banuelos_case)
    made = MemoExport.objects.get()
    page = alice_client.get(reverse("sentencing:case_detail", args=[banuelos_case.pk])).content
    assert reverse("memos:download", args=[banuelos_case.pk, made.pk]) in page.decode()
    assert localtime(made.created_at).strftime("%b %-d, %Y").encode() in page


def test_the_preview_shows_the_same_memo_html(alice_client, banuelos_case):
    page = alice_client.get(reverse("memos:preview", args=[banuelos_case.pk]))
    assert page.status_code == 200
    assert reverse("memos:preview_html", args=[banuelos_case.pk]) in page.content.decode()
    memo = alice_client.get(reverse("memos:preview_html", args=[banuelos_case.pk]))
    body = memo.content.decode()
    assert "ROGELIO BANUELOS-RODRIGUEZ,<br>" in body
    assert 'data-memo="range">70–87 months<' in body
    assert memo["X-Frame-Options"] == "SAMEORIGIN"


def test_export_returns_the_pdf_and_keeps_it_with_its_figures(alice_client, banuelos_case):
    response = export(alice_client, banuelos_case)
    assert response["Content-Type"] == "application/pdf"
    made = MemoExport.objects.get()
    assert f'attachment; filename="{made.filename}"' == response["Content-Disposition"]
    assert "rogelio-banuelos-rodriguez" in made.filename
    assert bytes(made.pdf) == response.content
    assert (made.total_offense_level, made.criminal_history_category) == (21, "V")
    assert made.guideline_range == "70–87 months"
    assert made.edition_key == "1995-11-01"
    assert made.figures["range"] == "70–87 months"
    assert made.figures["computation"][1]["section"]["rest"] == "§2L1.2(b)(2)"
    assert "Total offense level 21" in full_text(response.content)


def test_an_export_downloads_unchanged_after_the_case_changes(alice_client, banuelos_case):
    first = export(alice_client, banuelos_case).content
    made = MemoExport.objects.get()
    OffenseLine.objects.filter(case=banuelos_case, guideline="§2L1.2(b)(2)").update(levels=12)
    again = alice_client.get(reverse("memos:download", args=[banuelos_case.pk, made.pk]))
    assert again.content == first
    assert "Total offense level 21" in full_text(again.content)
    # A new export computes afresh: 8 + 12 − 3 = 17.
    assert "Total offense level 17" in full_text(export(alice_client, banuelos_case).content)
    assert MemoExport.objects.count() == 2


@pytest.fixture
def with_sections(monkeypatch, casebook):
    """The departure sections the departures app would give, built from the seeded casebook."""

    def sections(case):
        return fast_track_sections(case, casebook.fast_track)

    monkeypatch.setattr(selectors, "departure_sections", sections)


def test_an_unverified_citation_must_be_confirmed_before_export(
    alice_client, banuelos_case, with_sections
):
    preview = alice_client.get(reverse("memos:preview", args=[banuelos_case.pk])).content.decode()
    assert 'data-memo="unverified"' in preview
    armenta = "United States v. Armenta-Castro, 227 F.3d 1255 (10th Cir. 2000)"
    assert f"{armenta} unverified citation" in visible_text(preview)
    refused = export(alice_client, banuelos_case)
    assert refused.status_code == 302
    assert refused["Location"] == reverse("memos:preview", args=[banuelos_case.pk])
    assert MemoExport.objects.count() == 0
    confirmed = export(alice_client, banuelos_case, unverified_confirmed="1")
    assert confirmed["Content-Type"] == "application/pdf"
    text = full_text(confirmed.content)
    assert (
        "United States v. Banuelos-Rodriguez, 215 F.3d 969, 978 (9th Cir. 2000) (en banc)" in text
    )
    assert "unverified citation" not in text  # flagged on screen, not in the filed PDF


def test_a_case_without_a_result_has_no_memo(alice_client, banuelos_case):
    banuelos_case.offense_date = banuelos_case.offense_date.replace(year=1987)
    banuelos_case.sentencing_date = banuelos_case.offense_date.replace(year=1988)
    banuelos_case.save()
    assert alice_client.get(reverse("memos:preview", args=[banuelos_case.pk])).status_code == 409
    assert export(alice_client, banuelos_case).status_code == 302
    assert MemoExport.objects.count() == 0
