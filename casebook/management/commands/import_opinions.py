from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from casebook.importers import read_opinions
from casebook.records import ImportRejected
from casebook.services.opinions import opinion_import


class Command(BaseCommand):
    help = (
        "Imports opinions from CourtListener cluster/opinion JSON, Caselaw Access Project case "
        "JSON, or plain text with its metadata JSON. Importing again updates; a file that cannot "
        "be imported is reported and nothing of it is saved."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="Files to import.")
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not show the progress bar."
        )

    def handle(self, *args, paths, no_progress=False, **options):
        records, rejected = [], []
        for path in paths:
            try:
                records.extend(read_opinions(path))
            except ImportRejected as error:
                rejected.append(str(error))
        imported = 0
        bar = tqdm(
            records,
            desc="Importing opinions",
            unit="opinion",
            disable=no_progress or not records,
            file=self.stderr._out,
        )
        for record in bar:
            try:
                opinion_import(record=record)
                imported += 1
            except ImportRejected as error:
                rejected.append(f"{record.origin}: {error}")
        self.stdout.write(f"Imported {imported} opinion{'s' if imported != 1 else ''}.")
        if rejected:
            raise CommandError(
                f"{len(rejected)} rejected, nothing of it saved:\n  " + "\n  ".join(rejected)
            )
