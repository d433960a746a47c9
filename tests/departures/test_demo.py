"""The demo's departure requests: one per demo case, added once, after the casebook."""

import pytest

from departures.demo import load_demo_requests
from departures.models import DepartureRequest
from departures.outcome import saved_request_outcomes
from departures.selectors import requests_of
from sentencing.demo import load_demo
from sentencing.selectors import case_queryset

pytestmark = pytest.mark.django_db


def test_without_the_casebook_no_request_is_added(db):
    load_demo()
    assert load_demo_requests() == 0


def test_each_demo_case_gets_one_request_and_loading_again_adds_none(casebook):
    load_demo()
    assert load_demo_requests() == 2
    assert load_demo_requests() == 0
    assert DepartureRequest.objects.count() == 2


def test_the_demo_shows_the_dates_and_the_2025_variance(casebook):
    load_demo()
    load_demo_requests()
    utah = case_queryset().get(defendant="Sample Defendant")
    [(_, outcome)] = saved_request_outcomes(utah, requests_of(utah))
    assert outcome.framing == "variance"
    assert outcome.prediction.startswith(
        "In the Tenth Circuit, United States v. Armenta-Castro held a departure on this ground"
    )
    banuelos = case_queryset().get(defendant="Rogelio Banuelos-Rodriguez")
    [(_, outcome)] = saved_request_outcomes(banuelos, requests_of(banuelos))
    assert outcome.prediction.startswith("No authority in the casebook")  # sentenced in 1996
    assert len(outcome.precedent.decided_later) == 3
