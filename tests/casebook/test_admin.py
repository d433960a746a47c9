"""Editing in the admin: only with the permission, and a holding's quote must be the opinion's."""

import pytest
from django.urls import reverse

from casebook.models import Holding, OpinionCitation

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def holding_form(casebook, quote, **extra):
    return {
        "opinion": casebook.banuelos.pk,
        "ground": casebook.fast_track.pk,
        "effect": Holding.Effect.FORBIDS,
        "quote": quote,
        "quoted_in": "",
        "pinpoint_page": "",
        **extra,
    }


def test_a_quote_not_in_the_opinion_is_refused(editor_client, casebook):
    Holding.objects.filter(opinion=casebook.banuelos).delete()
    response = editor_client.post(
        reverse("admin:casebook_holding_add"),
        holding_form(casebook, "Courts may always depart for fast-track disparity."),
    )
    assert response.status_code == 200
    assert "The quote does not appear in the text of United States v. Banuelos-Rodriguez" in (
        response.content.decode()
    )
    assert not Holding.objects.filter(opinion=casebook.banuelos).exists()


def test_a_quote_from_the_opinion_is_saved_with_its_pinpoint(editor_client, casebook):
    quote = (
        "Defendant’s argument that the Guidelines’ basic goal of uniform sentencing should be "
        "served by uniform charging practices must be made to the executive, not the judicial, "
        "branch."
    )
    response = editor_client.post(
        reverse("admin:casebook_holding_add"), holding_form(casebook, quote)
    )
    assert response.status_code == 302
    holding = Holding.objects.get(quote=quote)
    assert (holding.pinpoint, holding.pinpoint_page) == ("977", 977)
    assert holding.anchor.startswith("para-")


def test_an_editor_can_mark_a_citation_verified(editor_client, casebook):
    citation = casebook.armenta.citations.get()
    response = editor_client.post(
        reverse("admin:casebook_opinioncitation_changelist"),
        {"action": "mark_verified", "_selected_action": [citation.pk]},
    )
    assert response.status_code == 302
    assert OpinionCitation.objects.get(pk=citation.pk).verified


def test_staff_without_the_casebook_permissions_cannot_add_holdings(client, casebook):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="staff-only", is_staff=True))
    assert client.get(reverse("admin:casebook_holding_add")).status_code == 403


def test_deleting_an_opinion_turns_its_citations_into_unmatched_ones(editor_client, casebook):
    from casebook.models import CitationEdge, UnmatchedCitation

    response = editor_client.post(
        reverse("admin:casebook_opinion_delete", args=[casebook.bonnet.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not CitationEdge.objects.filter(cited_id=casebook.bonnet.pk).exists()
    row = UnmatchedCitation.objects.get(citing=casebook.banuelos, volume=212, page=692)
    casebook.banuelos.refresh_from_db()
    assert f'href="{row.get_absolute_url()}"' in casebook.banuelos.html
