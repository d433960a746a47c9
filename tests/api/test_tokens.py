"""A script signs in with a per-user token: kept hashed, shown once, revocable."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from api.models import ApiToken
from api.tokens import LAST_USED_EVERY
from offices.models import StaffMember
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


def create_token(username: str) -> str:
    out = io.StringIO()
    call_command("api_token", "create", username, stdout=out)
    return out.getvalue().strip().splitlines()[-1]


def bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_a_token_reads_the_owner_s_own_office_only(alice, bob):
    case = CaseFactory(by=StaffMember.objects.get(user=alice))
    alices, bobs = create_token("alice"), create_token("bob")
    script = Client()
    assert script.get(f"/api/v1/cases/{case.pk}", **bearer(alices)).status_code == 200
    assert script.get(f"/api/v1/cases/{case.pk}", **bearer(bobs)).status_code == 404
    assert script.get("/api/v1/cases", **bearer(bobs)).json()["count"] == 0


def test_a_token_posts_without_csrf(alice, worksheet):
    token = create_token("alice")
    script = Client(enforce_csrf_checks=True)
    response = script.post(
        "/api/v1/calculate",
        json.dumps(worksheet),
        content_type="application/json",
        **bearer(token),
    )
    assert response.status_code == 200
    assert response.json()["applied"]["total_offense_level"] == 21


def test_only_the_hash_is_kept(alice):
    token = create_token("alice")
    row = ApiToken.objects.get(user=alice)
    assert token not in (row.digest, row.prefix)
    assert token.startswith(row.prefix)
    assert len(row.digest) == 64


def test_a_revoked_token_fails(alice):
    token = create_token("alice")
    assert Client().get("/api/v1/cases", **bearer(token)).status_code == 200
    out = io.StringIO()
    call_command("api_token", "revoke", "alice", stdout=out)
    assert "Revoked 1" in out.getvalue()
    assert Client().get("/api/v1/cases", **bearer(token)).status_code == 401


def test_a_new_token_replaces_the_old_one(alice):
    old, new = create_token("alice"), create_token("alice")
    assert Client().get("/api/v1/cases", **bearer(old)).status_code == 401
    assert Client().get("/api/v1/cases", **bearer(new)).status_code == 200


def test_a_wrong_token_or_an_inactive_user_fails(alice):
    token = create_token("alice")
    assert Client().get("/api/v1/cases", **bearer(token + "x")).status_code == 401
    alice.is_active = False
    alice.save()
    assert Client().get("/api/v1/cases", **bearer(token)).status_code == 401


def test_the_command_names_an_unknown_user():
    with pytest.raises(CommandError, match="No user"):
        call_command("api_token", "create", "nobody")


def test_the_token_page_makes_one_shown_once_and_revokes_it(alice, alice_client):
    made = alice_client.post("/api/token/", {"action": "create"}).content.decode()
    row = ApiToken.objects.get(user=alice, revoked_at__isnull=True)
    token = made.split('id="new-token">')[1].split("<")[0]
    assert token.startswith(row.prefix)
    assert Client().get("/api/v1/cases", **bearer(token)).status_code == 200
    again = alice_client.get("/api/token/").content.decode()
    assert token not in again
    assert row.prefix in again
    alice_client.post("/api/token/", {"action": "revoke"})
    assert Client().get("/api/v1/cases", **bearer(token)).status_code == 401


def test_the_token_page_needs_a_login():
    response = Client().get("/api/token/")
    assert response.status_code == 302
    assert response.url.startswith("/login/?next=")


def test_last_use_is_kept_but_not_written_on_every_call(alice):
    token = create_token("alice")
    Client().get("/api/v1/cases", **bearer(token))
    first = ApiToken.objects.get(user=alice).last_used_at
    assert first is not None
    Client().get("/api/v1/cases", **bearer(token))
    assert ApiToken.objects.get(user=alice).last_used_at == first
    ApiToken.objects.filter(user=alice).update(last_used_at=first - LAST_USED_EVERY * 2)
    Client().get("/api/v1/cases", **bearer(token))
    assert ApiToken.objects.get(user=alice).last_used_at > first
