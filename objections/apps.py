from django.apps import AppConfig


class ObjectionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "objections"
    verbose_name = "Objections to the presentence report"
