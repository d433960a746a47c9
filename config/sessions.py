"""Sessions that expire after a working day of inactivity without a database write per request.

Django's SESSION_SAVE_EVERY_REQUEST renews the expiry by saving the session on every request,
which costs a write and a commit even on a read-only page or a live recalculation. Here the
session remembers the expiry it was loaded with, and the middleware saves it again only once
REFRESH_AFTER of that day has been used: inactivity still ends it after 10 hours (at most
REFRESH_AFTER sooner).

A session that gets a new key (Django's login and password change call cycle_key) says so with
`session_key_cycled`, so that whoever keeps the keys (accounts' LoginSession) follows it.
"""

import datetime

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.dispatch import Signal
from django.utils import timezone

REFRESH_AFTER = datetime.timedelta(minutes=5)

# Sent with old_key and new_key after a stored session moved to a new key.
session_key_cycled = Signal()


class SessionStore(DatabaseSessionStore):
    loaded_expiry: datetime.datetime | None = None

    def _get_session_from_db(self):
        stored = super()._get_session_from_db()
        self.loaded_expiry = stored.expire_date if stored is not None else None
        return stored

    def cycle_key(self):
        old_key = self.session_key
        super().cycle_key()
        if old_key and old_key != self.session_key:
            session_key_cycled.send(sender=type(self), old_key=old_key, new_key=self.session_key)


class SlidingExpiryMiddleware:
    """Marks a signed-in session for saving (and so for a new expiry) when it is due."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        loaded = getattr(session, "loaded_expiry", None)
        if loaded is not None and not session.modified:
            fresh = timezone.now() + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
            if fresh - loaded >= REFRESH_AFTER:
                session.modified = True
        return response
