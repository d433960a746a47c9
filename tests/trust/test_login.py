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
