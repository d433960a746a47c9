from django.core import serializers
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from maintenance.backup import NOT_BACKED_UP

EXACT_JSON = "maintenance.exact_json"
DJANGO_JSON = "django.core.serializers.json"


class Command(BaseCommand):
    help = (
        "Writes every record (cases and their history, casebook, users, offices) to FILE as "
        "JSON, gzip-compressed when FILE ends in .json.gz. Restore it with "
        "`manage.py restore FILE`."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="e.g. backup-2026-11-30.json.gz")

    def handle(self, *args, file, **options):
        if not file.endswith((".json", ".json.gz")):
            raise CommandError("Name the backup FILE.json or FILE.json.gz.")
        serializers.register_serializer("json", EXACT_JSON)  # microseconds kept
        try:
            call_command(
                "dumpdata",
                format="json",
                exclude=NOT_BACKED_UP,
                natural_foreign=True,
                output=file,
                verbosity=0,
            )
        finally:
            serializers.register_serializer("json", DJANGO_JSON)
        self.stdout.write(self.style.SUCCESS(f"Backed up to {file}."))
