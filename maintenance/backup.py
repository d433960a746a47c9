"""What a backup holds: every row of every table, except what the database rebuilds itself."""

from django.apps import apps

# Rebuilt by `migrate` (content types, permissions) or worthless after a restore (sessions).
# Everything else is kept: cases and their history, the casebook, users, offices, login records.
NOT_BACKED_UP = ["contenttypes", "auth.permission", "sessions"]


def backed_up_models():
    excluded = set(NOT_BACKED_UP)
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label not in excluded
        and model._meta.label_lower not in excluded
        and model._meta.managed
        and not model._meta.proxy
    ]


def has_data() -> bool:
    return any(model._default_manager.exists() for model in backed_up_models())
