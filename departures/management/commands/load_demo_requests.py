from django.core.management.base import BaseCommand

from departures.demo import load_demo_requests


class Command(BaseCommand):
    help = "Adds a fast-track departure request to each demo case (idempotent). For `make run`."

    def handle(self, *args, **options):
        added = load_demo_requests()
        self.stdout.write(f"Demo departure requests added: {added}.")
