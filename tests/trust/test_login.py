"""Login: throttled failures, Django's password validators, a working day's session, logout
everywhere."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # tests/factories.py


def log_in(client, username="alice", password=PASSWORD):
    return client.post(reverse("login"), {"username": username, "password": password})


@pytest.fixture
def throttled(settings):
    settings.AXES_ENABLED = True


def test_five_failures_lock_the_username_out_even_with_the_right_password(throttled, alice, bob):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = log_in(client, password="wrong")
        assert response.status_code == 200
        assert "Please enter a correct username and password" in response.content.decode()
    response = log_in(client, password="wrong")
    assert response.status_code == 429
    locked = log_in(client)
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Another user at the same address is not locked out.
    assert log_in(Client(), username="bob").status_code == 302


def test_the_lockout_ends_after_the_cool_off(throttled, alice):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, password="wrong")
    assert log_in(client).status_code == 429
    later = timezone.now() - settings.AXES_COOLOFF_TIME - datetime.timedelta(minutes=1)
    AccessAttempt.objects.update(attempt_time=later)
    assert log_in(client).status_code == 302


def test_a_successful_login_forgets_earlier_failures(throttled, alice):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, password="wrong")
    assert log_in(client).status_code == 302
    client.post(reverse("logout"))
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, password="wrong").status_code == 200


@pytest.mark.parametrize(
    ("new_password", "message"),
    [
        ("short1x", "This password is too short. It must contain at least 8 characters."),
        ("password123", "This password is too common."),
        ("8203945718", "This password is entirely numeric."),
        ("alice1996", "The password is too similar to the username."),
    ],
)
def test_a_weak_password_is_refused_by_djangos_validators(alice_client, new_password, message):
    response = alice_client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": new_password, "new_password2": new_password},
    )
    assert response.status_code == 200
    assert message in response.content.decode()


def test_changing_the_password_keeps_this_session_and_ends_the_others(alice):
    here, elsewhere = Client(), Client()
    assert log_in(here).status_code == 302
    assert log_in(elsewhere).status_code == 302
    new = "quiet Harbor lantern 1996"
    response = here.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.url == reverse("accounts:password_change_done")
    assert here.get(reverse("sentencing:case_list")).status_code == 200
    assert elsewhere.get(reverse("sentencing:case_list")).status_code == 302


def test_a_session_lasts_a_working_day_from_the_last_request(alice):
    client = Client()
    log_in(client)
    assert settings.SESSION_COOKIE_AGE == 10 * 60 * 60
    session = Session.objects.get()
    Session.objects.update(expire_date=timezone.now() + datetime.timedelta(minutes=5))
    assert client.get(reverse("sentencing:case_list")).status_code == 200
    renewed = Session.objects.get(pk=session.pk).expire_date - timezone.now()
    assert renewed > datetime.timedelta(hours=9, minutes=59)  # activity extends it

    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get(reverse("sentencing:case_list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_logout_everywhere_ends_every_session_of_the_user_only(alice, bob):
    laptop, desktop, bobs = Client(), Client(), Client()
    for client, name in [(laptop, "alice"), (desktop, "alice"), (bobs, "bob")]:
        assert log_in(client, username=name).status_code == 302
    assert laptop.get(reverse("accounts:logout_everywhere")).status_code == 405  # POST only
    response = laptop.post(reverse("accounts:logout_everywhere"), follow=True)
    assert "You are logged out on every device." in response.content.decode()
    for client in (laptop, desktop):
        page = client.get(reverse("sentencing:case_list"))
        assert page.status_code == 302
        assert page.url.startswith(reverse("login"))
    assert bobs.get(reverse("sentencing:case_list")).status_code == 200


# Behind the TLS proxy every request comes from its address; it appends the client's to
# X-Forwarded-For.
PROXY = "10.0.0.2"


def behind_proxy(forwarded_for: str) -> Client:
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)


def lock_out(client, username="alice"):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, username=username, password="wrong")
    assert log_in(client, username=username).status_code == 429


def test_behind_the_proxy_a_lockout_is_of_the_clients_address_not_the_proxys(throttled, alice):
    assert settings.TRUSTED_PROXIES == 1  # the production default
    attacker, colleague = behind_proxy("198.51.100.7"), behind_proxy("198.51.100.8")
    lock_out(attacker)
    assert log_in(colleague).status_code == 302
    assert log_in(attacker).status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.7"}


@pytest.mark.parametrize(
    "forged",
    ["198.51.100.8", "198.51.100.8, 203.0.113.9", "unknown", "", " , ", "::1"],
)
def test_a_forwarded_for_the_client_writes_itself_does_not_escape_its_lockout(
    throttled, alice, forged
):
    lock_out(behind_proxy("198.51.100.7"))
    # The proxy appends the address it was reached from to whatever the client sent.
    assert log_in(behind_proxy(f"{forged}, 198.51.100.7")).status_code == 429
    assert log_in(behind_proxy("198.51.100.8")).status_code == 302


def test_without_a_proxy_the_header_is_ignored(throttled, alice, settings):
    settings.TRUSTED_PROXIES = 0
    lock_out(Client(REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="198.51.100.1"))
    forging = Client(REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert log_in(forging).status_code == 429
    assert log_in(Client(REMOTE_ADDR="198.51.100.8")).status_code == 302


@pytest.mark.parametrize(
    ("trusted", "forwarded_for", "client"),
    [
        (1, None, "10.0.0.2"),  # not through the proxy: the peer itself
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "203.0.113.9, 198.51.100.7", "198.51.100.7"),
        (2, "203.0.113.9, 198.51.100.7, 10.0.0.9", "198.51.100.7"),
        (2, "198.51.100.7", "198.51.100.7"),  # shorter than the proxies make: the farthest
        (1, "2001:db8::7", "2001:db8::7"),
        (1, "198.51.100.7, not-an-address", "10.0.0.2"),
        (0, "198.51.100.7", "10.0.0.2"),
    ],
)
def test_the_client_address_is_read_from_the_right_of_the_chain(
    settings, rf, trusted, forwarded_for, client
):
    from config.proxy import client_address

    settings.TRUSTED_PROXIES = trusted
    headers = {"REMOTE_ADDR": PROXY}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    assert client_address(rf.get("/", **headers)) == client


def test_logout_everywhere_ends_the_session_that_changed_the_password(alice):
    here, elsewhere = Client(), Client()
    assert log_in(here).status_code == 302
    new = "quiet Harbor lantern 1996"
    here.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert here.get(reverse("sentencing:case_list")).status_code == 200  # kept, with a new key
    assert log_in(elsewhere, password=new).status_code == 302
    elsewhere.post(reverse("accounts:logout_everywhere"))
    for client in (here, elsewhere):
        page = client.get(reverse("sentencing:case_list"))
        assert page.status_code == 302
        assert page.url.startswith(reverse("login"))
    assert not Session.objects.exists()


def test_logout_everywhere_after_a_password_change_on_the_same_device(alice):
    here, elsewhere = Client(), Client()
    assert log_in(here).status_code == 302
    new = "quiet Harbor lantern 1996"
    here.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert log_in(elsewhere, password=new).status_code == 302
    here.post(reverse("accounts:logout_everywhere"))
    for client in (here, elsewhere):
        assert client.get(reverse("sentencing:case_list")).status_code == 302
    assert not Session.objects.exists()
