"""What a production server needs from its environment, said in words when it is missing."""

import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

REQUIRED = {
    "DJANGO_ALLOWED_HOSTS": "the host names this site answers to, comma-separated "
    "(e.g. sentencing.example.org)",
    "DATABASE_URL": "the database, e.g. postgres://user:password@host:5432/sentencing_desk",
}


def missing_production_settings() -> list[str]:
    """One sentence per environment variable a production server lacks (none under DEBUG)."""
    if settings.DEBUG:
        return []
    return [
        f"{name} is not set: set it to {meaning}."
        for name, meaning in REQUIRED.items()
        if not os.environ.get(name, "").strip()
    ]


def require_production_settings() -> None:
    """Refuses to serve (gunicorn imports config.wsgi) without the production environment."""
    missing = missing_production_settings()
    if missing:
        raise ImproperlyConfigured(" ".join(missing))
