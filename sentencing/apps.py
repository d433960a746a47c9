from django.apps import AppConfig


class SentencingConfig(AppConfig):
    name = "sentencing"
    verbose_name = "Cases and the Guidelines calculation"
