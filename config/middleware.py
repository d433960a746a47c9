"""Rules for every page Django serves (static files are served before these, by whitenoise)."""

from contextlib import suppress
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import BadRequest
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control

TIME_ZONE_KEY = "time_zone"  # the session's copy of the user's office time zone


class NoStoreMiddleware:
    """Cache-Control: private, no-store on every page.

    Case pages and memo PDFs hold privileged client material: neither a shared cache nor the
    browser's disk cache may keep a copy, nor Back show one after logout.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        patch_cache_control(response, private=True, no_store=True)
        return response


class RefuseNulMiddleware:
    """A NUL character in the path or the query string is a 400, before any view sees it.

    No URL of ours carries one, and PostgreSQL refuses it in a query, so a filter or lookup
    built from it (the admin's list filters) would otherwise end in a 500. Form fields refuse
    it themselves (Django's CharField has the ProhibitNullCharactersValidator).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadRequest("A NUL character in the URL.")
        return self.get_response(request)


class OwnNotFoundPageMiddleware:
    """A 404 raised by a view is the project's own page, with DEBUG on too.

    Under DEBUG Django answers a view's Http404 with its technical page, which lists the URL
    patterns; for another office's case that page is all a user of `make run` would see.
    Unknown URLs (no view) keep Django's handling.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            return render(request, "404.html", status=404)
        return None


class OfficeTimeZoneMiddleware:
    """Dates and times in the user's office's own zone (kept in the session at login); the
    project's TIME_ZONE before login."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        zone = request.session.get(TIME_ZONE_KEY) if hasattr(request, "session") else None
        timezone.deactivate()
        if zone:
            # An unknown zone (a stale session) leaves the project's own.
            with suppress(ZoneInfoNotFoundError, ValueError):
                timezone.activate(ZoneInfo(zone))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
