"""Memo export against WeasyPrint rendering the same final HTML alone, same run.

    .venv/bin/python benchmarks/memo.py [--rounds 7]

Builds a 4-page memo (the Banuelos-Rodriguez case with departure sections from the seeded
casebook) in a throwaway SQLite database, then times
  ours: memo_export_create (read the case, run the engine, render the template, WeasyPrint with
        our URL fetcher, the table-of-authorities pass, store the PDF and the figures), and
  bare: weasyprint.HTML(string=<the same final HTML>).write_pdf().
Prints both medians and the ratio ours / bare (target: ≤ 1.2, and under 1 s for 5 pages).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django(database: str) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_SECRET_KEY="benchmark-only-key",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_HTTPS="0",
        DJANGO_STATIC_MANIFEST="0",
        DATABASE_URL=f"sqlite:///{database}",
    )
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", "--noinput", verbosity=0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(f"{tmp}/bench.sqlite3")
        run(args.rounds)


def run(rounds: int) -> None:
    import datetime

    import weasyprint

    from casebook.models import Ground
    from casebook.seed import load_casebook
    from memos.models import MemoExport
    from memos.services import memo_export_create
    from tests.factories import OfficeFactory, StaffMemberFactory
    from tests.memo.conftest import SENTENCED, fast_track_sections, make_case

    load_casebook()
    office = OfficeFactory(name="Federal Public Defender, C.D. Cal.", district="cacd")
    user = StaffMemberFactory(user__username="bench", office=office).user
    case = make_case(office, user, sentencing_date=SENTENCED)
    sections = fast_track_sections(case, Ground.objects.get(slug="fast-track-disparity"), count=2)
    on = datetime.date(2026, 11, 20)

    def ours() -> MemoExport:
        return memo_export_create(
            case=case, user=user, unverified_confirmed=True, sections=sections, on=on
        )

    warm = ours()  # fonts, templates and the casebook queries warm for both
    html = warm.html
    weasyprint.HTML(string=html).write_pdf()
    ours_times, bare_times = [], []
    for _ in range(rounds):  # interleaved, so both see the same machine state
        start = time.perf_counter()
        made = ours()
        ours_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        weasyprint.HTML(string=html).write_pdf()
        bare_times.append(time.perf_counter() - start)
    ours_median, bare_median = statistics.median(ours_times), statistics.median(bare_times)
    print(f"memo: {made.page_count} pages, {len(made.pdf):,} bytes, {rounds} rounds")
    print(f"ours (export)      median {ours_median * 1000:7.1f} ms")
    print(f"bare WeasyPrint    median {bare_median * 1000:7.1f} ms")
    print(f"ratio ours / bare  {ours_median / bare_median:.2f}  (target ≤ 1.2; 5 pages < 1 s)")


if __name__ == "__main__":
    main()
