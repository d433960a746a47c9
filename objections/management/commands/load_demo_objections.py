from django.core.management.base import BaseCommand

from objections.demo import load_demo_objections


class Command(BaseCommand):
    help = "Adds the defense's objection to the demo case's presentence report (idempotent)."

    def handle(self, *args, **options):
        self.stdout.write(f"Demo objections added: {load_demo_objections()}.")
