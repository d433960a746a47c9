from django.core import checks

from .production import missing_production_settings


@checks.register(checks.Tags.security, deploy=True)
def production_environment(app_configs, **kwargs):
    """`manage.py check --deploy`: the environment a production server needs."""
    return [
        checks.Error(message, id="maintenance.E001") for message in missing_production_settings()
    ]
