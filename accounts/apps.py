from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and sign-in sessions"

    def ready(self):
        from . import signals  # noqa: F401  (connects the login/logout receivers)
