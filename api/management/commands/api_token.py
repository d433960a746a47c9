from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from api.tokens import token_create, token_revoke


class Command(BaseCommand):
    help = "Creates (replacing any earlier one) or revokes a user's JSON API token."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["create", "revoke"])
        parser.add_argument("username")

    def handle(self, *args, action, username, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as exc:
            raise CommandError(f"No user {username!r}.") from exc
        if action == "create":
            token = token_create(user)
            self.stdout.write(f"API token for {username} (shown once, keep it secret):")
            self.stdout.write(token)
        else:
            revoked = token_revoke(user)
            self.stdout.write(f"Revoked {revoked} token(s) of {username}.")
