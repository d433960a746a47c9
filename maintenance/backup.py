"""What a backup holds, how it is written and how a file is checked before a restore trusts it.

A backup is one JSON document (gzip-compressed when its name ends in .gz):

    {"format": "sentencing-desk-backup", "version": 1,
     "counts": {"auth.user": 3, ...}, "records": [<Django serialized records>]}

Every row of every table is kept except what the database rebuilds itself. The counts say how
many records of each model the file must hold, so a truncated or edited file is refused before
anything is deleted. The file holds password hashes: only its owner may read it.
"""

import gzip
import json
import os
import tempfile
import zlib
from collections import Counter
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.db import transaction

# Rebuilt by `migrate` (content types, permissions) or worthless after a restore (sessions).
# Everything else is kept: cases and their history, the casebook, users, offices, login records.
NOT_BACKED_UP = ["contenttypes", "auth.permission", "sessions"]

FORMAT = "sentencing-desk-backup"
VERSION = 1  # raise it when a change to the document means older code cannot read it

EXACT_JSON = "maintenance.exact_json"
DJANGO_JSON = "django.core.serializers.json"
GZIP_MAGIC = b"\x1f\x8b"


class BackupRejected(Exception):
    """The file is not a complete backup this version can restore; nothing was changed."""


def backed_up_models():
    excluded = set(NOT_BACKED_UP)
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label not in excluded
        and model._meta.label_lower not in excluded
        and model._meta.managed
        and not model._meta.proxy
    ]


def has_data() -> bool:
    return any(model._default_manager.exists() for model in backed_up_models())


def record_counts() -> dict[str, int]:
    """How many rows each backed-up model holds in the database, by label ("auth.user")."""
    return {model._meta.label_lower: model._default_manager.count() for model in backed_up_models()}


def _dump_records(directory: Path) -> list[dict]:
    """Every backed-up record, as `dumpdata` orders and serializes them (microseconds kept)."""
    dump = directory / "records.json"
    serializers.register_serializer("json", EXACT_JSON)
    try:
        call_command(
            "dumpdata",
            format="json",
            exclude=NOT_BACKED_UP,
            natural_foreign=True,
            output=str(dump),
            verbosity=0,
        )
    finally:
        serializers.register_serializer("json", DJANGO_JSON)
    with dump.open(encoding="utf-8") as stream:
        return json.load(stream)


def backup_write(*, path: Path) -> dict[str, int]:
    """Writes the backup to `path`, readable by its owner only. Returns the counts it holds.

    The file appears whole or not at all: it is written beside `path` and then renamed.
    """
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="backup-") as scratch:
        records = _dump_records(Path(scratch))
    counts = dict(sorted(Counter(record["model"] for record in records).items()))
    document = {"format": FORMAT, "version": VERSION, "counts": counts, "records": records}
    data = json.dumps(document, ensure_ascii=False).encode("utf-8")
    if path.name.endswith(".gz"):
        data = gzip.compress(data)

    descriptor, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        os.fchmod(descriptor, 0o600)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return counts


def _read_document(path: Path):
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise BackupRejected(f"{path} cannot be read ({error.strerror}).") from error
    try:
        if raw.startswith(GZIP_MAGIC):
            raw = gzip.decompress(raw)
        return json.loads(raw.decode("utf-8"))
    except (EOFError, OSError, zlib.error) as error:
        raise BackupRejected(
            f"{path} is not complete: its gzip data breaks off ({error})."
        ) from error
    except (UnicodeDecodeError, ValueError) as error:
        raise BackupRejected(f"{path} is not complete JSON ({error}).") from error


def backup_read(*, path: Path) -> list[dict]:
    """The records of a backup file, once the whole file has been checked.

    Refused (BackupRejected) unless it is a backup of this format and version, names only the
    models backed up here, and holds exactly the records its counts announce.
    """
    path = Path(path)
    document = _read_document(path)
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BackupRejected(
            f"{path} is not a Sentencing Desk backup (written by `manage.py backup`)."
        )
    version = document.get("version")
    if version != VERSION:
        raise BackupRejected(
            f"{path} is a backup of format version {version!r}; this version of Sentencing Desk "
            f"restores version {VERSION}."
        )
    counts, records = document.get("counts"), document.get("records")
    if not isinstance(counts, dict) or not isinstance(records, list):
        raise BackupRejected(f"{path} lacks its counts or its records.")
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in counts.values()):
        raise BackupRejected(f"{path} has counts that are not numbers of records.")

    known = {model._meta.label_lower for model in backed_up_models()}
    found: Counter[str] = Counter()
    for position, record in enumerate(records):
        if not (
            isinstance(record, dict)
            and isinstance(record.get("model"), str)
            and isinstance(record.get("fields"), dict)
        ):
            raise BackupRejected(f"{path}: record {position + 1} is not a serialized record.")
        found[record["model"]] += 1
    unknown = sorted((set(found) | set(counts)) - known)
    if unknown:
        raise BackupRejected(f"{path} holds records of models this site does not have: {unknown}.")
    announced = {label: n for label, n in counts.items() if n}
    if dict(found) != announced:
        differ = sorted(
            f"{label}: {found.get(label, 0)} of {announced.get(label, 0)}"
            for label in set(found) | set(announced)
            if found.get(label, 0) != announced.get(label, 0)
        )
        raise BackupRejected(
            f"{path} does not hold the records it announces (truncated or edited?): "
            + "; ".join(differ)
            + "."
        )
    if not records:
        raise BackupRejected(f"{path} holds no records: there is nothing to restore.")
    return records


def backup_restore(*, path: Path, replace: bool = False) -> int:
    """Loads a checked backup: all of it or nothing. Returns how many records it restored.

    Refuses a database that holds data unless `replace`, which deletes that data first, in the
    same transaction as the load: if anything fails, the database is as it was.
    """
    records = backup_read(path=path)
    expected = dict(Counter(record["model"] for record in records))
    with tempfile.TemporaryDirectory(prefix="restore-") as scratch:
        fixture = Path(scratch) / "records.json"  # private: the directory is the owner's only
        fixture.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        try:
            with transaction.atomic():
                if has_data():
                    if not replace:
                        raise BackupRejected(
                            "This database already holds data. Restore into a freshly migrated "
                            "database, or pass --replace to delete its data first."
                        )
                    call_command("flush", interactive=False, verbosity=0)
                call_command("loaddata", str(fixture), verbosity=0)
                loaded = {label: n for label, n in record_counts().items() if n}
                if loaded != expected:
                    raise BackupRejected(f"{path} did not load as the records it holds.")
        except BackupRejected:
            raise
        except Exception as error:
            raise BackupRejected(f"{path} could not be loaded ({error}).") from error
    return len(records)
