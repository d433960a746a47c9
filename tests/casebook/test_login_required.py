"""Every casebook page needs a signed-in user; any signed-in user may read it."""

import pytest
from django.urls import reverse

from casebook.models import UnmatchedCitation

pytestmark = pytest.mark.django_db


@pytest.fixture
def casebook_urls(casebook):
    unmatched = UnmatchedCitation.objects.first()
    return [
        reverse("casebook:opinion_list"),
        reverse("casebook:opinion_list") + "?q=fast-track",
        reverse("casebook:opinion_detail", args=[casebook.banuelos.pk]),
        reverse("casebook:opinion_detail", args=[casebook.bonnet.pk]),
        reverse("casebook:ground_list"),
        reverse("casebook:ground_detail", args=[casebook.fast_track.slug]),
        reverse("casebook:unmatched_citation", args=[unmatched.pk]),
    ]


def test_it_sends_anonymous_users_to_the_login_page(client, casebook_urls):
    for url in casebook_urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("login")), url


def test_users_of_any_office_can_read_every_page(alice_client, bob_client, casebook_urls):
    for client in (alice_client, bob_client):
        for url in casebook_urls:
            assert client.get(url).status_code == 200, url


def test_readers_without_the_permission_cannot_edit_in_the_admin(alice_client, casebook):
    url = reverse("admin:casebook_opinion_change", args=[casebook.banuelos.pk])
    response = alice_client.get(url)
    assert response.status_code == 302
    assert "/admin/login/" in response.url
