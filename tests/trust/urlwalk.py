"""Walks the URLconf and sorts every URL by who may open it.

A URL is *case-scoped* when it names a case: a `case_pk` keyword, a `pk` under cases/, or a view
that looks a case up (`case_for(...)`). Such URLs must send anonymous users to the login page and
answer 404 to any other office. URLs without keywords are the signed-in user's own office pages.
The few others are listed by hand below; anything else is unclassified, and that fails a test.
"""

import inspect
import re
from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver

# Open to anyone: the login page, the liveness probe, the redirect to the case list, logout.
PUBLIC = {"login", "logout", "healthz", "home"}
# Namespaces any signed-in user may read, whatever their office.
ANY_SIGNED_IN_USER = {"casebook"}
# Django's admin site: staff only, behind its own login.
STAFF_ONLY = {"admin"}
# The JSON API: its endpoints answer an anonymous caller 401 rather than the login page (its docs
# page, schema and root still send a browser there). Its casebook reads any signed-in user's.
API = {"api"}
API_ANY_SIGNED_IN_ROUTES = ("api/v1/opinions", "api/v1/precedent")

CASE_LOOKUP = re.compile(r"\bcase_for\(")


@dataclass(frozen=True)
class Endpoint:
    name: str  # "sentencing:case_edit"
    route: str  # "cases/<int:pk>/edit/"
    view: object
    converters: dict = field(default_factory=dict)  # keyword -> converter name ("int", "slug")

    @property
    def namespace(self) -> str:
        return self.name.rpartition(":")[0]

    def __str__(self) -> str:
        return f"{self.name} ({self.route})"


def _converters(pattern) -> dict:
    if hasattr(pattern, "converters") and pattern.converters:
        return {
            name: type(converter).__name__.removesuffix("Converter").lower()
            for name, converter in pattern.converters.items()
        }
    regex = getattr(pattern, "regex", None)
    return dict.fromkeys(regex.groupindex if regex is not None else {}, "regex")


def endpoints(patterns=None, prefix="", namespace="", converters=None) -> list[Endpoint]:
    patterns = get_resolver().url_patterns if patterns is None else patterns
    found = []
    for entry in patterns:
        route = prefix + str(entry.pattern)
        kwargs = {**(converters or {}), **_converters(entry.pattern)}
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            found += endpoints(entry.url_patterns, route, inner, kwargs)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace else (entry.name or "")
            found.append(Endpoint(name=name, route=route, view=entry.callback, converters=kwargs))
    return found


def _source(view) -> str:
    target = getattr(view, "view_class", None) or inspect.unwrap(view)
    try:
        return inspect.getsource(target)
    except (OSError, TypeError):
        return ""


def case_keyword(endpoint: Endpoint) -> str | None:
    """The keyword that carries the case's id, or None when the URL is not case-scoped."""
    if "case_pk" in endpoint.converters:
        return "case_pk"
    if "pk" in endpoint.converters and (
        endpoint.route.startswith("cases/") or CASE_LOOKUP.search(_source(endpoint.view))
    ):
        return "pk"
    return None


def kind(endpoint: Endpoint) -> str:
    """One of: public, staff, any-signed-in, case, own-office, unclassified."""
    top_namespace = endpoint.namespace.split(":")[0]
    if top_namespace in STAFF_ONLY:
        return "staff"
    if top_namespace in ANY_SIGNED_IN_USER:
        return "any-signed-in"
    if top_namespace in API and endpoint.route.startswith(API_ANY_SIGNED_IN_ROUTES):
        return "any-signed-in"
    if endpoint.name in PUBLIC:
        return "public"
    if not endpoint.name:
        return "unclassified"
    if case_keyword(endpoint):
        return "case"
    if not endpoint.converters:
        return "own-office"
    return "unclassified"


def refuses_with_401(endpoint: Endpoint) -> bool:
    """An API endpoint, which tells an anonymous caller 401 instead of sending it to log in."""
    return endpoint.namespace.split(":")[0] in API


def by_kind(wanted: str) -> list[Endpoint]:
    return [endpoint for endpoint in endpoints() if kind(endpoint) == wanted]


def endpoint_app(endpoint: Endpoint) -> str:
    """The app label of the module that defines the view ("departures" for departures.views)."""
    target = getattr(endpoint.view, "view_class", None) or inspect.unwrap(endpoint.view)
    return (getattr(target, "__module__", "") or "").split(".")[0]
