"""Making, checking and revoking API tokens. A user holds at most one live token."""

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .models import ApiToken

PREFIX = "sd_"
LAST_USED_EVERY = timedelta(minutes=5)


def _digest(token: str) -> str:
    # The token is 256 random bits: a plain hash suffices, no slow password hash is needed.
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def token_create(user) -> str:
    """A new token for the user, returned once; any earlier token of theirs stops working."""
    token_revoke(user)
    token = PREFIX + secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, digest=_digest(token), prefix=token[:8])
    return token


def token_revoke(user) -> int:
    """Revokes the user's live tokens; returns how many there were."""
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def token_user(token: str):
    """The active user a live token belongs to, or None."""
    row = (
        ApiToken.objects.select_related("user")
        .filter(digest=_digest(token), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if row is None:
        return None
    now = timezone.now()
    # Written at most every few minutes: a write on every call would cost more than the call.
    if row.last_used_at is None or now - row.last_used_at > LAST_USED_EVERY:
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
    return row.user
