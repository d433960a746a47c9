"""Who calls the API: a signed-in browser (its session, with the CSRF token on a POST) or a
script with `Authorization: Bearer <token>`. Anyone else gets 401."""

from ninja.security import HttpBearer, SessionAuth

from .tokens import token_user


class BearerToken(HttpBearer):
    def authenticate(self, request, token: str):
        user = token_user(token)
        if user is not None:
            request.user = user  # as a session would: the selectors and history read it
        return user


class Session(SessionAuth):
    """The browser's session (CSRF-checked on unsafe methods by ninja)."""


AUTH = [BearerToken(), Session()]
