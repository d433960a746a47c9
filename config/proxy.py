"""The client's address as the trusted proxies saw it, for login throttling.

Behind TRUSTED_PROXIES proxies, REMOTE_ADDR is the nearest proxy for every client, and each
proxy appends the address it was reached from to X-Forwarded-For. Only those appended entries
can be believed: whatever a client writes into the header itself stands to their left. So the
client is the entry TRUSTED_PROXIES places from the right of X-Forwarded-For + REMOTE_ADDR.
With TRUSTED_PROXIES = 0 (no proxy) the header is ignored and REMOTE_ADDR is the client.
"""

import ipaddress
import logging

from django.conf import settings

logger = logging.getLogger(__name__)


def client_address(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    trusted = settings.TRUSTED_PROXIES
    if trusted == 0:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    chain = [hop.strip() for hop in forwarded.split(",") if hop.strip()] + [remote]
    # A chain shorter than the proxies were to make: the farthest address known is the client.
    candidate = chain[max(len(chain) - 1 - trusted, 0)]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        # Our own proxies write plain addresses; anything else means one of them is missing.
        logger.warning("X-Forwarded-For %r has no address at the trusted proxies' hop", forwarded)
        return remote
