import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def _production_application():
    """The WSGI application, refusing to start without DJANGO_ALLOWED_HOSTS and DATABASE_URL
    unless DEBUG is on (`make run`)."""
    application = get_wsgi_application()
    from maintenance.production import require_production_settings

    require_production_settings()
    return application


application = _production_application()
