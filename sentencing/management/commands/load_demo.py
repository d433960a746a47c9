from django.core.management.base import BaseCommand

from sentencing.demo import DEMO_LOGINS, load_demo


class Command(BaseCommand):
    help = "Loads the demo offices, users and sample cases (idempotent). For `make run` only."

    def handle(self, *args, **options):
        load_demo()
        self.stdout.write(self.style.SUCCESS("Demo data loaded. Log in with:"))
        for username, password, _first, _last, office, _district, _zone, role in DEMO_LOGINS:
            self.stdout.write(f"  {username} / {password}  ({role}, {office})")
