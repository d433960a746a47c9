"""Writes about sign-in sessions."""

from importlib import import_module

from django.conf import settings
from django.contrib.auth.models import User

from .models import LoginSession


def sessions_end_all(*, user: User) -> int:
    """Ends every session the user is signed in with, on any device. Returns how many."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    sessions = list(LoginSession.objects.filter(user=user))
    for login_session in sessions:
        store(session_key=login_session.session_key).delete()
    LoginSession.objects.filter(pk__in=[s.pk for s in sessions]).delete()
    return len(sessions)
