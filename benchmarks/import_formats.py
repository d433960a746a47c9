"""A 1,000-opinion import of real-shaped files: time, peak memory and the command's summary.

    .venv/bin/python benchmarks/import_formats.py [--opinions 1000] [--batch-size 200]

Writes N opinions into a folder in the shapes the sources export: half as CourtListener REST v4
files (docket, cluster and opinion, each its own file, linked by URL; every tenth cluster with
a dissent too), half as Caselaw Access Project cases; texts are the founding opinions with
their citations varied. Then imports the folder with `import_opinions` into a throwaway SQLite
database (or DATABASE_URL) and prints the summary, the seconds taken and the peak memory
(Python allocations during the import, and the process's peak resident size), then imports
the folder again and prints how long finding every opinion unchanged takes.
"""

import argparse
import io
import json
import os
import random
import re
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FOUNDING = ROOT / "casebook" / "data"
V4 = "https://www.courtlistener.com/api/rest/v4"
VOLUME_REPORTER = re.compile(r"\b(\d{1,4}) (F\.[23]d|U\.S\.|S\.Ct\.|L\.Ed\.2d)(?= (?:at )?\d)")


def varied(text: str, rng: random.Random) -> str:
    volumes: dict[tuple[str, str], int] = {}

    def vary(match):
        key = (match.group(1), match.group(2))
        volumes.setdefault(key, rng.randint(1, 999))
        return f"{volumes[key]} {match.group(2)}"

    return VOLUME_REPORTER.sub(vary, text)


def write(path: Path, data) -> None:
    path.write_text(json.dumps(data), encoding="utf-8")


def write_folder(folder: Path, count: int, seed: int = 1) -> int:
    """Writes `count` cases (and their dissents); returns the number of opinions written."""
    rng = random.Random(seed)
    texts = [
        (FOUNDING / n).read_text(encoding="utf-8")
        for n in ("banuelos-rodriguez.txt", "armenta-castro.txt")
    ]
    opinions = 0
    for n in range(count):
        text = varied(texts[n % 2], rng)
        name = f"United States v. Generated-{n}"
        volume, page = 2000 + n // 500, 1 + (n % 500) * 10
        if n % 2 == 0:
            docket, cluster = 100_000 + n, 200_000 + n
            subs = [f"{V4}/opinions/{300_000 + n}/"]
            write(
                folder / f"docket-{docket}.json",
                {
                    "resource_uri": f"{V4}/dockets/{docket}/",
                    "id": docket,
                    "court": f"{V4}/courts/ca9/",
                    "court_id": "ca9",
                    "clusters": [f"{V4}/clusters/{cluster}/"],
                    "docket_number": f"No. 00-{n:05d}",
                    "case_name": name,
                },
            )
            write(
                folder / f"opinion-{300_000 + n}.json",
                {
                    "resource_uri": subs[0],
                    "id": 300_000 + n,
                    "cluster": f"{V4}/clusters/{cluster}/",
                    "cluster_id": cluster,
                    "type": "010combined",
                    "author_str": "Able",
                    "plain_text": text,
                    "html": "",
                    "html_with_citations": "",
                },
            )
            opinions += 1
            if n % 10 == 0:
                subs.append(f"{V4}/opinions/{400_000 + n}/")
                write(
                    folder / f"opinion-{400_000 + n}.json",
                    {
                        "resource_uri": subs[1],
                        "id": 400_000 + n,
                        "cluster": f"{V4}/clusters/{cluster}/",
                        "cluster_id": cluster,
                        "type": "040dissent",
                        "author_str": "Baker",
                        "plain_text": "BAKER, Circuit Judge, dissenting. I would reverse.",
                    },
                )
                opinions += 1
            write(
                folder / f"cluster-{cluster}.json",
                {
                    "resource_uri": f"{V4}/clusters/{cluster}/",
                    "id": cluster,
                    "docket": f"{V4}/dockets/{docket}/",
                    "docket_id": docket,
                    "sub_opinions": subs,
                    "panel": [f"{V4}/people/{p}/" for p in range(3)],
                    "case_name": "" if n % 4 == 0 else name,
                    "case_name_short": "",
                    "case_name_full": name,
                    "date_filed": "2001-01-15",
                    "judges": "Able, Baker, Charlie",
                    "citations": [
                        {"volume": volume, "reporter": "F.3d", "page": str(page), "type": 1}
                    ],
                },
            )
        else:
            write(
                folder / f"cap-{n}.json",
                {
                    "id": 500_000 + n,
                    "name": name.upper(),
                    "name_abbreviation": name,
                    "decision_date": "2001-01-15",
                    "docket_number": f"No. 00-{n:05d}",
                    "first_page": str(page),
                    "last_page": str(page + 9),
                    "citations": [{"type": "official", "cite": f"{volume} F.3d {page}"}],
                    "court": {
                        "id": 8955,
                        "name": "United States Court of Appeals for the Tenth Circuit",
                        "name_abbreviation": "10th Cir.",
                        "slug": "10th-cir",
                    },
                    "cites_to": [],
                    "casebody": {
                        "status": "ok",
                        "data": {
                            "judges": [],
                            "parties": [],
                            "head_matter": "",
                            "opinions": [
                                {"type": "majority", "author": "ABLE, Circuit Judge.", "text": text}
                            ],
                        },
                    },
                },
            )
            opinions += 1
    return opinions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--opinions", type=int, default=1000, help="Cases to write.")
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument(
        "--trace-memory",
        action="store_true",
        help="Also trace Python allocations (tracemalloc): the peak the import itself makes, at "
        "the cost of a slower run.",
    )
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="casebook-import-bench-"))
    folder = workdir / "files"
    folder.mkdir()
    written = write_folder(folder, args.opinions)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    out = io.StringIO()
    if args.trace_memory:
        tracemalloc.start()
    start = time.perf_counter()
    call_command(
        "import_opinions",
        str(folder),
        "--no-progress",
        f"--batch-size={args.batch_size}",
        f"--rejects={workdir / 'rejects.tsv'}",
        stdout=out,
    )
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory() if args.trace_memory else (0, 0)
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    again = io.StringIO()
    start = time.perf_counter()
    call_command("import_opinions", str(folder), "--no-progress", stdout=again)
    again_seconds = time.perf_counter() - start
    files = sum(1 for _ in folder.iterdir())
    size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    print(f"{written} opinions in {files} files ({size:.1f} MB), batches of {args.batch_size}")
    print(out.getvalue().rstrip())
    print(f"{seconds:.1f} s ({written / seconds:.1f} opinions/s)")
    if args.trace_memory:
        print(f"peak Python allocations during the import: {peak / 1e6:.1f} MB")
    print(f"peak resident size of the process: {rss:.0f} MB")
    print(f"importing the same folder again: {again_seconds:.1f} s")
    print(again.getvalue().rstrip())


if __name__ == "__main__":
    main()
