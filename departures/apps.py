from django.apps import AppConfig


class DeparturesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "departures"
    verbose_name = "Departure and variance requests"
