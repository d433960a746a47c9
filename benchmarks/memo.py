"""Memo export timings, as ratios against a floor measured in the same run.

    .venv/bin/python benchmarks/memo.py [--rounds 7] [--growth]

In a throwaway SQLite database, with the seeded casebook:

1. The founding memo (the Banuelos-Rodriguez case, two departure sections, 5 pages):
     ours: memo_export_create (read the case, run the engine, render the template, WeasyPrint with
           our URL fetcher, the table-of-authorities pass, store the PDF and the figures), against
     bare: weasyprint.HTML(string=<the same final HTML>).write_pdf().
   Target: ours / bare ≤ 1.2.
2. The largest memo the request form allows: a case with as many requests as it may hold, each
   argument at the form's caps (departures.forms), in each of the shapes that cost the layout most
   (tests.memo.conftest.argument_at_the_cap). Target: under 2 s each. Then the same with the
   case's worksheet full as well (sentencing.forms: as many rows of each kind as it takes, each
   as long as it may be), which the departures' caps do not bound.
3. With --growth: arguments of short lines ("word\\n" repeated) of growing length, built directly
   (past the form's caps), to show that the time grows in step with the length and no faster.

Every timing is also printed as a multiple of the floor: bare WeasyPrint on a one-page HTML,
timed in the same rounds, so that runs on a busy or a faster machine compare.
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

FLOOR_HTML = "<!doctype html><title>Floor</title><p>One page of bare WeasyPrint.</p>"
TARGET_SECONDS = 2.0


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
    parser.add_argument("--growth", action="store_true", help="time arguments of growing length")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(f"{tmp}/bench.sqlite3")
        run(args.rounds, growth=args.growth)


def timed(function) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def run(rounds: int, *, growth: bool) -> None:
    import datetime

    import weasyprint

    from casebook.models import Ground
    from casebook.seed import load_casebook
    from departures.forms import ARGUMENT_MAX_CHARACTERS, ARGUMENT_MAX_LINES, MAX_REQUESTS
    from memos.render import pdf_base_url
    from memos.services import memo_export_create
    from tests.factories import OfficeFactory, StaffMemberFactory
    from tests.memo.conftest import (
        SENTENCED,
        argument_at_the_cap,
        fast_track_sections,
        make_case,
    )

    load_casebook()
    office = OfficeFactory(name="Federal Public Defender, C.D. Cal.", district="cacd")
    user = StaffMemberFactory(user__username="bench", office=office).user
    ground = Ground.objects.get(slug="fast-track-disparity")
    on = datetime.date(2026, 11, 20)

    def floor() -> None:
        weasyprint.HTML(string=FLOOR_HTML).write_pdf()

    def exporter(argument: str = "", count: int = 2, **case_fields):
        case = make_case(office, user, sentencing_date=SENTENCED, **case_fields)
        sections = fast_track_sections(case, ground, count=count, argument=argument)

        def export():
            return memo_export_create(
                case=case, user=user, unverified_confirmed=True, sections=sections, on=on
            )

        return export

    founding = exporter()
    shapes = {
        shape: exporter(argument_at_the_cap(shape), count=MAX_REQUESTS)
        for shape in ("prose", "lines", "word")
    }
    shapes["lines, worksheet full"] = exporter(
        argument_at_the_cap("lines"), count=MAX_REQUESTS, **worksheet_at_its_caps()
    )
    warm = founding()  # fonts, templates and the casebook queries warm for all
    html = warm.html
    floor()

    def bare() -> None:  # the same HTML, stylesheet and fonts, with WeasyPrint's own fetcher
        weasyprint.HTML(string=html, base_url=pdf_base_url()).write_pdf()

    bare()
    times: dict[str, list[float]] = {"floor": [], "ours": [], "bare": []}
    made = {}
    for _ in range(rounds):  # interleaved, so that all see the same machine state
        times["floor"].append(timed(floor)[0])
        elapsed, made["ours"] = timed(founding)
        times["ours"].append(elapsed)
        times["bare"].append(timed(bare)[0])
        for shape, export in shapes.items():
            elapsed, made[shape] = timed(export)
            times.setdefault(shape, []).append(elapsed)
    median = {name: statistics.median(values) for name, values in times.items()}
    base = median["floor"]

    def line(label: str, name: str, note: str = "") -> None:
        seconds = median[name]
        pages = f"{made[name].page_count:4d} pages" if name in made else " " * 10
        print(f"{label:34s} {pages}  {seconds * 1000:8.1f} ms  {seconds / base:6.1f} × floor{note}")

    print(f"{rounds} rounds, medians; floor: bare WeasyPrint on one page, {base * 1000:.1f} ms")
    line("founding memo, ours (export)", "ours")
    line("founding memo, bare WeasyPrint", "bare")
    print(f"{'  ratio ours / bare':34s} {median['ours'] / median['bare']:.2f} (target ≤ 1.2)")
    print(
        f"largest memo the form allows: {MAX_REQUESTS} requests, each argument "
        f"{ARGUMENT_MAX_CHARACTERS:,} characters in at most {ARGUMENT_MAX_LINES} lines"
    )
    for shape in shapes:
        verdict = "ok" if median[shape] < TARGET_SECONDS else "OVER"
        line(f"  {shape}", shape, f"  (target < {TARGET_SECONDS:.0f} s: {verdict})")
    if growth:
        grow(exporter, floor, base)


def worksheet_at_its_caps() -> dict:
    """The case's own rows as many and as long as the worksheet takes them (sentencing.forms):
    each prints a row of the computation, and each count and Guideline a line of the table of
    authorities."""
    from sentencing.forms import MAX_ROWS
    from sentencing.models import Count, OffenseLine, PriorSentence

    def longest(model, field: str, start: str) -> str:
        length = model._meta.get_field(field).max_length
        return (start + " and the conduct the record describes" * 10)[:length]

    line = longest(OffenseLine, "description", "Specific offense characteristic")
    return {
        "lines": [("base", "§2L1.2(a)", line, 8)]
        + [("specific", f"§2L1.2(b)({n % 9 + 1})", line, 0) for n in range(MAX_ROWS - 1)],
        "counts": [
            (longest(Count, "statute", f"8 U.S.C. § 1326(b)({n})"), 240) for n in range(MAX_ROWS)
        ],
        "priors": [
            (longest(PriorSentence, "description", f"Prior sentence {n}"), "c")
            for n in range(MAX_ROWS)
        ],
        "criminal_history_category": "",
    }


def grow(exporter, floor, base: float) -> None:
    """One export each of short-line arguments of growing length: seconds per 10 KB should stay
    about the same."""
    print('short lines ("word\\n" repeated), past the form\'s caps, one round each:')
    floor()
    for size in (5_000, 10_000, 20_000, 30_000):
        export = exporter("word\n" * (size // 5), count=1)
        elapsed, made = timed(export)
        per = elapsed / (size / 10_000)
        print(
            f"  {size:6,} characters {made.page_count:4d} pages  {elapsed * 1000:8.1f} ms  "
            f"{elapsed / base:6.1f} × floor  {per * 1000:6.1f} ms per 10 KB"
        )


if __name__ == "__main__":
    main()
