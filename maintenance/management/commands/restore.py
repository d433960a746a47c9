from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from maintenance.backup import BackupRejected, backup_restore


class Command(BaseCommand):
    help = (
        "Loads a file written by `manage.py backup` into a migrated database: all of it or "
        "nothing. The whole file is checked first (format version, models, record counts). "
        "Refuses a database that holds data unless --replace (which deletes it first)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete every record in this database before restoring.",
        )

    def handle(self, *args, file, replace, **options):
        try:
            restored = backup_restore(path=Path(file), replace=replace)
        except BackupRejected as error:
            raise CommandError(f"{error} Nothing was changed.") from error
        self.stdout.write(self.style.SUCCESS(f"Restored {restored} records from {file}."))
