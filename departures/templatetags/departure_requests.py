from django import template

from departures.outcome import saved_request_outcomes
from departures.selectors import requests_of

register = template.Library()


@register.inclusion_tag("departures/_case_requests.html")
def case_departure_requests(case):
    """The case's saved requests, each with its prediction recomputed from the case as it is."""
    return {"case": case, "rows": saved_request_outcomes(case, requests_of(case))}
