from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from maintenance.backup import backup_write


class Command(BaseCommand):
    help = (
        "Writes every record (cases and their history, casebook, users, offices) to FILE as "
        "JSON, gzip-compressed when FILE ends in .json.gz, readable by its owner only (it holds "
        "password hashes). Restore it with `manage.py restore FILE`."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="e.g. backup-2026-11-30.json.gz")

    def handle(self, *args, file, **options):
        if not file.endswith((".json", ".json.gz")):
            raise CommandError("Name the backup FILE.json or FILE.json.gz.")
        records = sum(backup_write(path=Path(file)).values())
        self.stdout.write(self.style.SUCCESS(f"Backed up {records} records to {file}."))
