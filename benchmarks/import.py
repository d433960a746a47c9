"""Opinion import against bare eyecite extraction over the same texts, same run.

    .venv/bin/python benchmarks/import.py [--opinions 100]

Builds N opinions from the founding texts with varied citations (each also cites two earlier
generated opinions), writes them as plain text with metadata, imports them with
`import_opinions` into a throwaway SQLite database, and runs bare eyecite `get_citations` over
the same texts. Prints both rates (opinions/s) and the ratio import / eyecite (target: ≥ 0.8).
"""

import argparse
import json
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FOUNDING = ROOT / "casebook" / "data"
# "906 F.2d 1356", "518 U.S. 81": a volume and a reporter, varied together with their short cites.
VOLUME_REPORTER = re.compile(r"\b(\d{1,4}) (F\.[23]d|U\.S\.|S\.Ct\.|L\.Ed\.2d)(?= (?:at )?\d)")


def generated_opinions(count: int, seed: int = 1) -> list[tuple[dict, str]]:
    """(metadata, text) for `count` opinions built from the founding texts."""
    rng = random.Random(seed)
    sources = [
        (FOUNDING / "banuelos-rodriguez.txt").read_text(encoding="utf-8"),
        (FOUNDING / "armenta-castro.txt").read_text(encoding="utf-8"),
    ]
    opinions = []
    for number in range(count):
        text = sources[number % 2]
        volumes: dict[tuple[str, str], int] = {}

        def vary(match, volumes=volumes):
            key = (match.group(1), match.group(2))
            volumes.setdefault(key, rng.randint(1, 999))
            return f"{volumes[key]} {match.group(2)}"

        text = VOLUME_REPORTER.sub(vary, text)
        earlier = rng.sample(range(number), k=min(2, number))
        extra = " ".join(
            f"See United States v. Generated-{j}, {1000 + j} F.3d {100 + j}, {102 + j} "
            f"(9th Cir. 2001)."
            for j in earlier
        )
        first_break = text.index("\n\n", 200) if "\n\n" in text[200:] else len(text)
        text = f"{text[:first_break]} {extra}{text[first_break:]}"
        metadata = {
            "file": f"generated-{number}.txt",
            "case_name": f"United States v. Generated-{number}",
            "citation": f"{1000 + number} F.3d {100 + number}",
            "court": "ca9" if number % 2 == 0 else "ca10",
            "date_decided": "2001-01-15",
            "en_banc": False,
        }
        opinions.append((metadata, text))
    return opinions


def write_files(opinions, folder: Path) -> list[Path]:
    paths = []
    for metadata, text in opinions:
        text_path = folder / metadata["file"]
        text_path.write_text(text, encoding="utf-8")
        text_path.with_suffix(".json").write_text(json.dumps(metadata), encoding="utf-8")
        paths.append(text_path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--opinions", type=int, default=100)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="casebook-bench-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

    opinions = generated_opinions(args.opinions + 1)
    warm_up, opinions = opinions[-1], opinions[:-1]
    texts = [text for _, text in opinions]
    paths = write_files(opinions, workdir)

    # Bare eyecite first, before Django and the casebook are even imported.
    import logging

    from eyecite import get_citations

    logging.getLogger("eyecite").setLevel(logging.ERROR)
    get_citations(warm_up[1])  # builds eyecite's tokenizer once, outside the timing
    start = time.perf_counter()
    found = sum(len(get_citations(text)) for text in texts)
    eyecite_seconds = time.perf_counter() - start

    import django

    django.setup()
    from django.core.management import call_command

    from casebook.models import CitationEdge, Opinion, UnmatchedCitation

    quiet = open(os.devnull, "w")  # noqa: SIM115
    call_command("migrate", verbosity=0)
    call_command("import_opinions", *write_files([warm_up], workdir), "--no-progress", stdout=quiet)
    start = time.perf_counter()
    call_command("import_opinions", *map(str, paths), "--no-progress", stdout=quiet)
    import_seconds = time.perf_counter() - start

    n = len(texts)
    eyecite_rate, import_rate = n / eyecite_seconds, n / import_seconds
    print(f"{n} opinions, {sum(map(len, texts)) / n / 1000:.1f}k characters each on average")
    print(f"bare eyecite get_citations: {eyecite_rate:7.1f} opinions/s ({found} citations)")
    print(
        f"import_opinions:            {import_rate:7.1f} opinions/s "
        f"({Opinion.objects.count()} opinions, {CitationEdge.objects.count()} edges, "
        f"{UnmatchedCitation.objects.count()} unmatched)"
    )
    print(f"ratio import / eyecite:     {import_rate / eyecite_rate:7.2f}  (target ≥ 0.8)")


if __name__ == "__main__":
    main()
