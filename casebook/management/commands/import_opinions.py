"""import_opinions: files and folders of CourtListener, Caselaw Access Project and plain-text
opinions, streamed and saved in batches, with a summary and a rejects file at the end.

Exit status: 0 when every record that could be read was saved, even if some files were
rejected as broken (not JSON, no known format, a required field missing or malformed): those
are listed in the rejects file and the rest of the folder is imported. 1 when a path given
does not exist, or a record that was read could not be saved (the database refused it).
"""

import datetime
import json
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction
from tqdm import tqdm

from casebook import citations
from casebook.importers import OpinionReader, Rejection
from casebook.importers.courtlistener_bulk import BulkReader
from casebook.records import ImportRejected, OpinionRecord
from casebook.services.graph import citation_map_edges_add
from casebook.services.opinions import Outcome, opinion_import_outcome
from casebook.services.search import searchable_text

# Opinions saved per transaction: a crash loses at most one batch, and a batch commits fast.
BATCH_SIZE = 200


def _search_note(record: OpinionRecord) -> str:
    """Says how much of a text too long to index whole the search covers ("" if all of it)."""
    searched = len(searchable_text(record.text))
    if searched == len(record.text):
        return ""
    return (
        f"Search covers only the first {searched:,} of the text's {len(record.text):,} "
        "characters; the rest is too long for the search index."
    )


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _read_detail(reader) -> str:
    """ " (from 16 files read; 2 other files skipped)", or "" when no file was read."""
    parts = [f"from {_plural(reader.files_read, 'file')} read"] if reader.files_read else []
    if reader.skipped:
        parts.append(f"{reader.skipped:,} other files skipped")
    return f" ({'; '.join(parts)})" if parts else ""


class Command(BaseCommand):
    help = (
        "Imports opinions from files and folders: CourtListener dockets, clusters and opinions "
        "(REST API v3 and v4, nested or in separate files), Caselaw Access Project cases (API "
        "and bulk exports, with or without casebody), or plain text with its metadata JSON. "
        "Importing again updates what changed and leaves the rest; a file that cannot be "
        "imported is listed in the rejects file and the others are imported. Exits 0 unless a "
        "path is missing or a readable record could not be saved."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="Files or folders to import.")
        parser.add_argument(
            "--courtlistener-bulk",
            type=Path,
            metavar="DIR",
            help="A folder of CourtListener bulk CSV files (dockets, opinion-clusters, opinions, "
            "citations, citation-map…, .csv or .csv.bz2), read streaming.",
        )
        parser.add_argument(
            "--courts",
            help="With --courtlistener-bulk: only these courts' dockets, e.g. ca1,ca2,ca9.",
        )
        parser.add_argument(
            "--since",
            type=datetime.date.fromisoformat,
            help="With --courtlistener-bulk: only clusters filed on or after this date.",
        )
        parser.add_argument(
            "--checkpoint",
            type=Path,
            help="With --courtlistener-bulk: a file recording how far the opinions file has been "
            "saved, after each batch; run again with it to resume from there.",
        )
        parser.add_argument(
            "--rejects",
            type=Path,
            help="Where to list the rejected files, one a line with the reason (default: "
            "import-rejects-<date and time>.tsv in the current folder, written only if any).",
        )
        parser.add_argument(
            "--batch-size", type=int, default=BATCH_SIZE, help="Opinions saved per transaction."
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not show the progress bar."
        )
        parser.add_argument(
            "--hyperscan",
            metavar="CACHE_DIR",
            help="Find citations with eyecite's Hyperscan tokenizer (the same citations, about "
            "3x faster), its database compiled once into CACHE_DIR; the default tokenizer where "
            "the hyperscan package is not installed.",
        )

    def handle(self, *args, paths, no_progress=False, rejects=None, batch_size=BATCH_SIZE, **opts):
        bulk = opts.get("courtlistener_bulk")
        if not paths and not bulk:
            raise CommandError("Give files or folders to import, or --courtlistener-bulk DIR.")
        if opts.get("hyperscan") and not citations.use_hyperscan(opts["hyperscan"]):
            self.stderr.write("hyperscan is not installed: using eyecite's default tokenizer.")
        outcomes: Counter[str] = Counter()
        notes: list[str] = []
        refused: list[Rejection] = []
        bar = tqdm(
            desc="Importing opinions", unit="opinion", disable=no_progress, file=self.stderr._out
        )
        reader = OpinionReader(paths)
        self._save_all(reader.records(), batch_size, outcomes, refused, notes, bar)
        rejected = reader.rejected + refused
        if bulk:
            rejected += self._bulk(bulk, opts, batch_size, outcomes, refused, notes, bar)
        bar.close()
        self._summary(outcomes, rejected, reader, notes)
        if rejected:
            self._write_rejects(rejects, rejected)
        failed = [r for r in rejected if not r.broken]
        if failed:
            raise CommandError(
                f"{_plural(len(failed), 'record')} could not be saved or found; see above."
            )

    def _save_all(self, records, batch_size, outcomes, refused, notes, bar, after_batch=None):
        """Saves the records in batches, one transaction each (a savepoint per record)."""
        while True:
            batch = [record for _, record in zip(range(max(batch_size, 1)), records, strict=False)]
            if not batch:
                break
            with transaction.atomic():
                for record in batch:
                    outcome = self._save(record, refused, notes)
                    if outcome:
                        outcomes[outcome] += 1
                    bar.update(1)
            if after_batch:
                after_batch()

    def _bulk(self, folder, opts, batch_size, outcomes, refused, notes, bar) -> list[Rejection]:
        courts = (
            {c.strip() for c in opts["courts"].split(",") if c.strip()}
            if opts.get("courts")
            else None
        )
        checkpoint: Path | None = opts.get("checkpoint")
        done = 0
        if checkpoint and checkpoint.is_file():
            saved = json.loads(checkpoint.read_text(encoding="utf-8"))
            if saved.get("folder") == str(folder.resolve()):
                done = int(saved.get("opinion_rows_saved", 0))
                self.stdout.write(f"Resuming after row {done:,} of the opinions file.")
        try:
            reader = BulkReader(folder, courts=courts, since=opts.get("since"), resume_after=done)
        except ImportRejected as error:
            return [Rejection(str(folder), str(error), "no bulk files", error.broken)]

        def save_checkpoint():
            if checkpoint:
                state = {"folder": str(folder.resolve()), "opinion_rows_saved": reader.position}
                checkpoint.write_text(json.dumps(state), encoding="utf-8")

        before = len(refused)
        self._save_all(reader.records(), batch_size, outcomes, refused, notes, bar, save_checkpoint)
        save_checkpoint()
        with transaction.atomic():
            edges = citation_map_edges_add(pairs=reader.citation_map(), source="courtlistener")
        if edges:
            self.stdout.write(f"Citation map: {edges:,} edges added for opinions without text.")
        read = [Rejection(where, str(e), e.reason, e.broken) for where, e in reader.rejected]
        return read + refused[before:]  # the records the database refused during the bulk run

    def _save(self, record: OpinionRecord, refused: list[Rejection], notes: list[str]) -> str:
        note = _search_note(record)
        if note:
            record.notes = f"{record.notes} {note}".strip()
        try:
            with transaction.atomic():  # a savepoint: a refused record leaves the batch whole
                _, outcome = opinion_import_outcome(record=record)
        except ImportRejected as error:
            refused.append(Rejection(record.origin, str(error), error.reason, error.broken))
            return ""
        except DatabaseError as error:
            reason = str(error).strip()
            message = f"{record.origin}: the database refused it ({reason})."
            refused.append(Rejection(record.origin, message, "refused by the database", False))
            return ""
        if note and outcome != Outcome.UNCHANGED:
            notes.append(f"{record.origin}: {note[0].lower()}{note[1:]}")
        return outcome

    def _summary(self, outcomes, rejected, reader, notes) -> None:
        write = self.stdout.write
        write(
            f"Imported {_plural(outcomes[Outcome.IMPORTED], 'opinion')}, updated "
            f"{outcomes[Outcome.UPDATED]:,}, unchanged {outcomes[Outcome.UNCHANGED]:,}, "
            f"rejected {len(rejected):,}{_read_detail(reader)}."
        )
        for reason, count in sorted(Counter(r.reason for r in rejected).items()):
            write(f"  Rejected, {reason}: {count:,}")
        for rejection in rejected[:20]:
            write(f"    {rejection.message}")
        if len(rejected) > 20:
            write(f"    … and {len(rejected) - 20:,} more, in the rejects file.")
        for note in notes:
            write(f"  Note: {note}")

    def _write_rejects(self, path: Path | None, rejected: list[Rejection]) -> None:
        if path is None:
            stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
            path = Path(f"import-rejects-{stamp}.tsv")
        with path.open("w", encoding="utf-8") as out:
            out.write("file\treason\tmessage\n")
            for r in rejected:
                fields = (r.where, r.reason, r.message)
                out.write("\t".join(f.replace("\t", " ").replace("\n", " ") for f in fields))
                out.write("\n")
        self.stdout.write(f"Rejected files listed in {path}.")
