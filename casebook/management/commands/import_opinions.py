from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from tqdm import tqdm

from casebook.importers import read_opinions
from casebook.records import ImportRejected, OpinionRecord
from casebook.services.opinions import opinion_import
from casebook.services.search import searchable_text


def _search_note(record: OpinionRecord) -> str:
    """Says how much of a text too long to index whole the search covers ("" if all of it)."""
    searched = len(searchable_text(record.text))
    if searched == len(record.text):
        return ""
    return (
        f"Search covers only the first {searched:,} of the text's {len(record.text):,} "
        "characters; the rest is too long for the search index."
    )


class Command(BaseCommand):
    help = (
        "Imports opinions from CourtListener cluster/opinion JSON, Caselaw Access Project case "
        "JSON, or plain text with its metadata JSON. Importing again updates; a file that cannot "
        "be imported is reported and nothing of it is saved, and the other files are imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="Files to import.")
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not show the progress bar."
        )

    def handle(self, *args, paths, no_progress=False, **options):
        records, rejected, notes = [], [], []
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
            note = _search_note(record)
            if note:
                record.notes = f"{record.notes} {note}".strip()
            try:
                opinion_import(record=record)
                imported += 1
            except ImportRejected as error:
                rejected.append(f"{record.origin}: {error}")
            except DatabaseError as error:  # the save is rolled back whole; the batch goes on
                reason = str(error).strip()
                rejected.append(f"{record.origin}: the database refused it ({reason}).")
            else:
                if note:
                    notes.append(f"{record.origin}: {note[0].lower()}{note[1:]}")
        self.stdout.write(f"Imported {imported} opinion{'s' if imported != 1 else ''}.")
        for note in notes:
            self.stdout.write(f"  Note: {note}")
        if rejected:
            raise CommandError(
                f"{len(rejected)} rejected, nothing of it saved:\n  " + "\n  ".join(rejected)
            )
