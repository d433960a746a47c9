"""A session is renewed every few minutes of activity, not written on every request."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def expiry() -> datetime.datetime:
    return Session.objects.get().expire_date


def test_a_fresh_session_is_not_written_again(alice_client):
    alice_client.get(reverse("sentencing:case_list"))
    before = expiry()
    alice_client.get(reverse("sentencing:case_list"))
    assert expiry() == before


def test_a_session_used_for_more_than_five_minutes_is_renewed_for_a_working_day(alice_client):
    alice_client.get(reverse("sentencing:case_list"))
    Session.objects.update(expire_date=timezone.now() + datetime.timedelta(hours=9, minutes=54))
    alice_client.get(reverse("sentencing:case_list"))
    assert expiry() > timezone.now() + datetime.timedelta(hours=9, minutes=59)


def test_a_session_used_for_under_five_minutes_keeps_its_expiry(alice_client):
    alice_client.get(reverse("sentencing:case_list"))
    almost_fresh = timezone.now() + datetime.timedelta(hours=9, minutes=57)
    Session.objects.update(expire_date=almost_fresh)
    alice_client.get(reverse("sentencing:case_list"))
    assert expiry() == almost_fresh
