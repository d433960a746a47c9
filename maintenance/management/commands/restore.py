from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from maintenance.backup import has_data


class Command(BaseCommand):
    help = (
        "Loads a file written by `manage.py backup` into a migrated database: all of it or "
        "nothing. Refuses a database that holds data unless --replace (which deletes it first)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete every record in this database before restoring.",
        )

    def handle(self, *args, file, replace, **options):
        with transaction.atomic():
            if has_data():
                if not replace:
                    raise CommandError(
                        "This database already holds data. Restore into a freshly migrated "
                        "database, or pass --replace to delete its data first."
                    )
                call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", file, verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Restored {file}."))
