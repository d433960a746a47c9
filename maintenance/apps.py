from django.apps import AppConfig


class MaintenanceConfig(AppConfig):
    name = "maintenance"
    verbose_name = "Production checks, backup and restore"

    def ready(self):
        from . import checks  # noqa: F401  (registers the deploy checks)
